"""French pools for the generator."""

WEATHER = [
    "Quel temps fait-il à {city} ?",
    "Il fait quel temps à {city} en ce moment ?",
    "Météo à {city}",
    "Est-ce qu'il pleut à {city} ?",
    "Tu peux regarder la météo à {city} ?",
    "Il fait froid à {city} aujourd'hui ?",
    "Je pars à {city} demain, quel temps fait-il là-bas ?",
    "Faut-il un parapluie à {city} ?",
    "Quelle est la température à {city} ?",
    "météo {city}",
    "Donne-moi la météo de {city}, s'il te plaît.",
    "Pourriez-vous vérifier la météo à {city} ?",
    "Ma sœur habite à {city}, il fait beau chez elle ?",
    "Il neige à {city} ?",
]
WEATHER_UNIT = [
    "Quel temps fait-il à {city} ? {unit}, s'il te plaît.",
    "Température à {city} {unit}",
    "Il fait combien à {city} {unit} ?",
    "Donne-moi la météo de {city} {unit}.",
    "Météo {city} {unit} svp",
]
UNITS = {"celsius": ["en degrés Celsius", "en °C", "en celsius"],
         "fahrenheit": ["en Fahrenheit", "en °F", "en degrés Fahrenheit"]}
UNIT_WORDS = {"celsius": ["celsius", "°c"], "fahrenheit": ["fahrenheit", "°f"]}

TIME = [
    "Quelle heure est-il à {city} ?",
    "Il est quelle heure à {city} ?",
    "Heure locale à {city}",
    "Je dois appeler un ami à {city}, quelle heure est-il là-bas ?",
    "Tu peux me donner l'heure à {city} ?",
    "Il fait nuit à {city} en ce moment ?",
    "Quel jour sommes-nous à {city} ?",
    "heure {city}",
    "Pourriez-vous me dire l'heure qu'il est à {city} ?",
    "Mon vol atterrit à {city} bientôt, quelle heure est-il là-bas ?",
]
IMAGE = [
    "Dessine {prompt}.",
    "Génère une image de {prompt}.",
    "Tu peux créer une image de {prompt} ?",
    "Fais-moi un dessin de {prompt}.",
    "Je voudrais une image de {prompt}.",
    "J'ai besoin d'une illustration de {prompt} pour mon blog.",
    "Peins {prompt}, s'il te plaît.",
    "crée une image : {prompt}",
    "Pour ma présentation, il me faut une image de {prompt}.",
    "Fais une affiche de {prompt}.",
    "Imagine {prompt} et dessine-le.",
]
IMAGE_SUBJECTS = [
    "un renard roux dans la neige", "un chat avec un chapeau de sorcier", "un phare sur une côte rocheuse",
    "un croissant sur une table de café", "un astronaute à cheval", "une cabane dans les bois",
    "un robot qui arrose des plantes", "un dragon endormi sur de l'or", "un voilier au coucher du soleil",
    "le logo de ma boulangerie", "un corgi sur un skateboard", "une tasse de café fumante",
    "une ville futuriste", "une chouette qui lit un livre", "un lac de montagne à l'aube",
    "une vieille voiture sur une route du désert", "un panda qui mange du bambou", "une méduse lumineuse",
    "une montgolfière au-dessus des champs", "un pingouin avec une écharpe", "un train sur un pont",
    "un gâteau d'anniversaire avec des bougies", "une baleine qui saute hors de l'eau", "un champ de lavande",
    "un village enneigé la nuit", "un marché de Provence", "un musicien de rue avec un violon",
    "une grenouille avec un parapluie", "un château dans les nuages", "une rue pluvieuse de Paris",
]
IMAGE_STYLES = ["aquarelle", "peinture à l'huile", "pixel art", "style Ghibli", "style cyberpunk",
                "dessin au crayon", "rendu 3D", "style bande dessinée", "style photoréaliste", "style manga",
                "art minimaliste", "style impressionniste", "affiche rétro", "noir et blanc"]
IMAGE_DETAILS = ["au coucher du soleil", "avec une lumière douce", "aux couleurs vives", "sous un ciel étoilé",
                 "sur fond blanc", "sous la pluie", "de nuit", "en hiver", "dans la brume"]
PROMPT_FORMS = ["{s}", "{s}", "{s}, {st}", "{s} en {st}", "{s}, {st}, {d}", "{s} {d}"]
FOLLOW_PROMPT = "{s}, {st}"

PARALLEL_WEATHER = ["Quel temps fait-il à {city} et à {city2} ?", "Compare la météo de {city} et de {city2}.",
                    "Il fait plus chaud à {city} ou à {city2} ?", "La météo à {city} et à {city2}, s'il te plaît."]
PARALLEL_WEATHER_UNIT = ["Il fait combien à {city} et à {city2} {unit} ?"]
PARALLEL_TIME = ["Quelle heure est-il à {city} et à {city2} ?", "Donne-moi l'heure locale à {city} et à {city2}."]
PARALLEL_WEATHER_TIME = ["Quelle heure est-il à {city} et quel temps fait-il ?", "L'heure et la météo à {city}, s'il te plaît.",
                         "J'appelle mes parents à {city} : quelle heure est-il et quel temps fait-il ?"]
PARALLEL_IMAGES = ["Fais deux images : {prompt} et {prompt2}.", "Génère {prompt}, et aussi {prompt2}."]

FOLLOW_CITY = ["Et à {city} ?", "Et {city} ?", "Et pour {city} ?", "Maintenant {city}, s'il te plaît."]
FOLLOW_TIME_THERE = ["Et quelle heure est-il là-bas ?", "Il est quelle heure là-bas ?"]
FOLLOW_WEATHER_THERE = ["Et quel temps fait-il là-bas ?", "Il pleut là-bas ?"]
FOLLOW_UNIT = ["Tu peux me le donner {unit} ?", "Refais-le {unit}, s'il te plaît."]
FOLLOW_STYLE = ["Fais-le en {style}.", "Maintenant en {style}.", "Tu peux le refaire en {style} ?", "Pareil mais en {style}."]
THANKS = [("Merci !", "Avec plaisir !"), ("Merci beaucoup", "De rien, ravi d'aider !"), ("super, merci", "Content que ça te plaise !"),
          ("Parfait, c'est tout.", "Très bien, bonne journée !")]
CITY_REPLY = ["{city}", "À {city}.", "{city}, s'il te plaît.", "Je suis à {city}."]
IMAGE_REPLY = ["{prompt}", "Plutôt {prompt}.", "Disons {prompt}."]

CLARIFY = [
    ("Tu peux me faire une image ?", "Bien sûr ! Que doit montrer l'image ?", "image"),
    ("Dessine quelque chose.", "Qu'est-ce que je dessine ? Donne-moi un sujet et, si tu veux, un style.", "image"),
    ("J'ai besoin d'une image pour mon projet.", "D'accord, que doit-elle montrer et dans quel style ?", "image"),
    ("Quel temps fait-il ?", "Pour quelle ville veux-tu la météo ?", "weather"),
    ("Il va pleuvoir ?", "Tu es où ? Donne-moi la ville et je regarde la météo.", "weather"),
    ("Il fait froid dehors ?", "Dans quelle ville ? Je vérifie la température.", "weather"),
    ("Quelle heure est-il là-bas ?", "De quel endroit parles-tu ? Donne-moi la ville et je regarde l'heure locale.", "time"),
    ("Tu peux me donner l'heure locale ?", "L'heure locale d'où ? Dis-moi une ville.", "time"),
]
UNSUPPORTED = [
    ("Envoie un e-mail à mon patron pour dire que je serai en retard.", "Je ne peux pas envoyer d'e-mails ici ; je peux seulement générer des images, donner la météo et l'heure."),
    ("Réserve-moi un vol pour Lyon.", "Je ne peux pas réserver de vols, mais je peux regarder la météo ou l'heure à Lyon."),
    ("Mets un réveil à 7 h.", "Je ne peux pas régler de réveil ici."),
    ("Mets de la musique.", "Je ne peux pas jouer de musique."),
    ("Commande une pizza.", "Désolé, je ne peux pas passer de commandes."),
    ("Cherche les dernières actualités sur le web.", "Je ne peux pas faire de recherche web ici."),
    ("Rappelle-moi d'acheter du lait demain.", "Je ne peux pas créer de rappels ici."),
]
MISSING_ANSWER = {
    "get_weather": ["Désolé, je n'ai pas d'outil météo ici, je ne peux donc pas la consulter."],
    "get_time": ["Désolé, je n'ai pas d'outil d'heure ici, je ne peux pas donner l'heure locale."],
    "generate_image": ["Désolé, je n'ai pas de générateur d'images ici, je ne peux pas le dessiner."],
}
ANSWERS = {
    "weather": ["À {city}, il fait {temp}{deg}, temps : {cond}, humidité {hum} % (données simulées).",
                "{city} : {temp}{deg}, {cond} (simulé).", "En ce moment à {city} : {cond}, {temp}{deg}."],
    "weather2": ["{city} : {temp}{deg}, {cond}. {city2} : {temp2}{deg}, {cond2} (données simulées)."],
    "time": ["À {city}, il est {time}, {weekday} (UTC{offset}).", "L'heure locale à {city} est {time} ({weekday})."],
    "time2": ["Il est {time} à {city} et {time2} à {city2}."],
    "weather_time": ["À {city}, il est {time} ({weekday}) ; {temp}{deg}, {cond} (météo simulée)."],
    "image": ["Voici ton image : {path}", "C'est fait ! Image enregistrée dans {path}."],
    "images2": ["Les deux images sont prêtes : {path} et {path2}."],
    "weather_error": ["Désolé, je n'ai pas pu obtenir la météo de {city}. Je réessaie ?"],
    "time_error": ["Désolé, je n'ai pas pu trouver l'heure à {city}. Tu peux vérifier le nom ?"],
    "image_error": ["Désolé, la génération de l'image a échoué. Je réessaie ?"],
}
CONDITIONS = {"sunny": "ensoleillé", "partly cloudy": "partiellement nuageux", "cloudy": "nuageux",
              "light rain": "pluie fine", "rain": "pluie", "thunderstorms": "orages", "snow": "neige",
              "fog": "brouillard", "windy": "venteux"}
WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
PREFIXES = ["", "", "Petite question : ", "Dis, ", "Bonjour, ", "Par curiosité, "]
EMOJI = ["🙂", "😊", "🙏", "🤔"]

CHITCHAT = [
    ("Salut !", "Salut ! Comment puis-je t'aider ?"), ("Ça va ?", "Très bien, merci ! Et toi ?"),
    ("Bonjour", "Bonjour ! Que puis-je faire pour vous ?"),
    ("Qui es-tu ?", "Je suis un assistant qui peut générer des images, donner la météo et l'heure locale."),
    ("Raconte-moi une blague.", "Que dit un escargot quand il croise une limace ? « Oh, un nudiste ! »"),
    ("Merci pour ton aide", "Avec plaisir !"), ("Au revoir", "Au revoir, bonne journée !"),
    ("Je m'ennuie", "On fait une devinette, ou je te dessine quelque chose de drôle ?"),
    ("J'ai réussi mon examen !", "Félicitations ! Tes efforts ont payé."),
    ("Bonne nuit", "Bonne nuit, dors bien !"),
    ("Qu'est-ce que tu sais faire ?", "Je peux générer des images, donner la météo d'une ville et l'heure locale, et discuter."),
    ("Conseille-moi un livre.", "Essaie « Le Petit Prince » d'Antoine de Saint-Exupéry."),
]
KNOWLEDGE = [
    ("Quelle est la capitale de l'Australie ?", "Canberra."), ("Combien de pattes a une araignée ?", "Huit."),
    ("Qui a écrit Les Misérables ?", "Victor Hugo."), ("Combien font 7 fois 8 ?", "56."),
    ("Quelle est la plus grande planète du système solaire ?", "Jupiter."),
    ("Quelle langue parle-t-on au Brésil ?", "Le portugais."), ("Quel est le plus grand océan ?", "Le Pacifique."),
    ("Qu'est-ce que la photosynthèse ?", "Le processus par lequel les plantes transforment lumière, eau et CO₂ en sucre et oxygène."),
    ("En quelle année s'est terminée la Seconde Guerre mondiale ?", "En 1945."), ("Quel est le symbole chimique de l'or ?", "Au."),
    ("Qui a peint la Joconde ?", "Léonard de Vinci."), ("Combien de jours dans une année bissextile ?", "366."),
    ("Quelle est la plus haute montagne du monde ?", "L'Everest, environ 8 849 m."),
    ("Que veut dire CPU ?", "Central Processing Unit, le processeur."), ("Quelle est la racine carrée de 81 ?", "9."),
]
HARD_NEGATIVE = [
    ("Pourquoi le ciel est-il bleu ?", "Les molécules de l'air diffusent beaucoup plus la lumière bleue que la rouge."),
    ("Comment fonctionnent les fuseaux horaires ?", "Chaque fuseau règle son heure par rapport à UTC, environ une heure tous les 15° de longitude."),
    ("Je déteste la pluie.", "Les jours de pluie sont moroses ! Un thé et un bon livre, ça aide."),
    ("Comment dit-on « météo » en anglais ?", "« Weather »."),
    ("Quelle est la différence entre météo et climat ?", "La météo, c'est le temps à court terme ; le climat, la moyenne sur de nombreuses années."),
    ("Comment convertir des Celsius en Fahrenheit ?", "Multiplier par 9/5 puis ajouter 32 : 20 °C font 68 °F."),
    ("Quel appareil photo pour les portraits ?", "N'importe quel boîtier avec une focale fixe lumineuse d'environ 85 mm fera très bien l'affaire."),
    ("Qui a peint Les Nymphéas ?", "Claude Monet."),
    ("C'est quoi la règle des tiers en photo ?", "Placer les éléments importants sur les lignes qui divisent l'image en tiers."),
    ("Pourquoi y a-t-il des années bissextiles ?", "Une année dure environ 365,24 jours ; un jour de plus tous les quatre ans rattrape l'écart."),
    ("C'est quoi l'heure d'été ?", "On avance les horloges d'une heure en été pour profiter de la lumière le soir."),
    ("Quelles sont les caractéristiques du style Ghibli ?", "Des décors façon aquarelle, beaucoup de nature, une lumière chaude et des personnages simples mais expressifs."),
    ("Comment dessiner un œil réaliste ?", "Commence par la forme en amande, ajoute l'iris, la pupille et un reflet, puis ombre progressivement."),
    ("J'adore les journées ensoleillées.", "Moi aussi ! Parfait pour une balade."),
    ("Pourquoi pleut-il ?", "La vapeur d'eau se refroidit et se condense en gouttes qui tombent quand elles sont assez lourdes."),
    ("C'est quoi UTC ?", "Le temps universel coordonné, la référence de tous les fuseaux horaires."),
    ("Qu'est-ce que l'impressionnisme ?", "Un mouvement artistique du XIXe siècle centré sur la lumière, la couleur et les scènes du quotidien."),
    ("Qu'est-ce qu'un pixel ?", "Le plus petit point de couleur d'une image numérique."),
    ("Comment marchent les générateurs d'images ?", "La plupart sont des modèles de diffusion qui transforment du bruit en image, étape par étape, guidés par un texte."),
    ("Combien de fuseaux horaires a la France ?", "Douze, en comptant les territoires d'outre-mer — le record mondial."),
]
OTHER = {
    "convert_currency": ["Convertis {amount} {src} en {dst}.", "Combien font {amount} {src} en {dst} ?"],
    "search_web": ["Cherche sur le web {query}.", "Fais une recherche : {query}."],
    "send_email": ["Envoie un e-mail à {to} avec l'objet « {subject} » et le message « {body} »."],
}
QUERIES = ["recette de la ratatouille", "horaires du Louvre", "vols pas chers pour Nice", "comment rempoter une orchidée"]
EMAILS = [("claire@example.fr", "Réunion", "La réunion est à 15 h."), ("chef@entreprise.fr", "Retard", "J'aurai 15 minutes de retard.")]

# --- extra variety (round 2) ---
WEATHER += [
    "Tu pourrais me dire quel temps il fait à {city} ?", "quel temps a {city}", "Il pleut à {city} ? ☔",
    "Je vais courir à {city}, il fait beau ?", "Y a-t-il du vent à {city} ?", "Vérifie la météo à {city}, merci.",
    "Est-ce qu'il neige à {city} ?", "Je suis à {city}, je prends un manteau ou pas ?", "C'est comment le temps à {city} aujourd'hui ?",
    "Bonjour, pourriez-vous consulter la météo de {city} ?", "Quelle est l'humidité à {city} ?", "meteo {city} stp",
]
WEATHER_UNIT += ["Donne-moi la température à {city} {unit}.", "Il fait combien à {city} ? {unit}", "météo {city} {unit} stp"]
TIME += [
    "Il est quelle heure à {city} ?", "quelle heure a {city}", "Tu peux me donner l'heure à {city} ? ⏰",
    "Il fait déjà nuit à {city} ?", "J'ai une visio avec quelqu'un à {city}, il est quelle heure chez lui ?",
    "Pourriez-vous vérifier l'heure locale à {city} ?", "On est quel jour à {city} ?", "C'est trop tard pour appeler {city} ?",
    "Heure actuelle à {city}, s'il vous plaît.",
]
IMAGE += [
    "Tu me fais une image de {prompt} ? 🎨", "J'ai besoin d'un fond d'écran avec {prompt}.", "genere {prompt}",
    "Pourriez-vous créer une illustration de {prompt} ?", "J'adorerais voir {prompt} en image.", "Crée une carte avec {prompt}.",
    "Je veux un dessin de {prompt} pour ma chambre.", "Illustre {prompt}.", "Fais-moi un visuel de {prompt} pour Instagram.",
]
PARALLEL_WEATHER += ["Où fait-il plus chaud, à {city} ou à {city2} ?"]
PARALLEL_TIME += ["Quelle heure est-il à {city}, et à {city2} ?"]
CLARIFY += [
    ("Dessine-moi quelque chose", "Avec plaisir ! Que veux-tu que je dessine ?", "image"),
    ("Il me faut une image pour mon site", "D'accord. Quel sujet et quel style souhaites-tu ?", "image"),
    ("Il va pleuvoir ?", "Dans quelle ville ? Dis-le-moi et je regarde la météo.", "weather"),
    ("Il fait combien dehors ?", "Dans quelle ville es-tu ?", "weather"),
    ("Quelle heure est-il là-bas ?", "Où exactement ? Donne-moi la ville et je regarde l'heure locale.", "time"),
    ("Donne-moi l'heure locale", "L'heure locale de quelle ville ?", "time"),
]
UNSUPPORTED += [
    ("Mets un réveil à 6 h", "Je ne peux pas régler de réveil ici."),
    ("Réserve une table pour deux ce soir", "Je ne peux pas faire de réservation, désolé."),
    ("Appelle ma mère", "Je ne peux pas passer d'appels d'ici."),
]
CHITCHAT += [
    ("Bonne nuit !", "Bonne nuit, dors bien !"), ("Je m'ennuie", "On dessine quelque chose de drôle, ou je te raconte une anecdote ?"),
    ("Raconte-moi une blague", "Pourquoi les plongeurs plongent-ils en arrière ? Parce que sinon ils tombent dans le bateau."),
    ("Tu es humain ?", "Non, je suis un assistant IA."), ("C'est mon anniversaire aujourd'hui", "Joyeux anniversaire ! 🎉"),
    ("Merci pour tout", "Avec plaisir, à bientôt !"), ("Comment tu t'appelles ?", "Je suis un petit assistant qui crée des images et donne la météo et l'heure."),
    ("Je suis crevé", "Prends une pause, tu l'as bien méritée."), ("haha trop drôle", "Content que ça te fasse rire !"), ("À demain", "À demain !"),
]
KNOWLEDGE += [
    ("Quelle est la capitale du Japon ?", "Tokyo."), ("Combien y a-t-il de continents ?", "On en compte généralement sept."),
    ("Qui a écrit Les Misérables ?", "Victor Hugo."), ("Combien font 9 fois 6 ?", "54."),
    ("Quelle est la planète la plus proche du Soleil ?", "Mercure."), ("Quelle est la formule de l'eau ?", "H2O."),
    ("Combien de côtés a un hexagone ?", "Six."), ("Quelle langue parle-t-on au Québec ?", "Principalement le français."),
    ("Quel est l'animal terrestre le plus rapide ?", "Le guépard."), ("Quel est le plus long fleuve de France ?", "La Loire."),
    ("Combien de secondes dans une minute ?", "60."), ("Quel est le plus grand océan ?", "Le Pacifique."),
]
HARD_NEGATIVE += [
    ("Comment se forme un arc-en-ciel ?", "La lumière du soleil est réfractée et réfléchie dans les gouttes de pluie, ce qui sépare les couleurs."),
    ("Qui a peint Impression, soleil levant ?", "Claude Monet, en 1872."), ("C'est quoi l'heure d'été ?", "On avance les horloges d'une heure en été pour profiter de la lumière du soir."),
    ("Je déteste la canicule", "Je te comprends. Bois beaucoup d'eau et reste à l'ombre."), ("Comment dit-on « pluie » en anglais ?", "Rain."),
    ("C'est quoi un climat océanique ?", "Un climat doux et humide, avec des hivers doux et des étés frais, comme en Bretagne."),
    ("Conseils pour photographier un paysage ?", "Utilise un trépied, profite de l'heure dorée et garde l'horizon droit."),
    ("Qu'est-ce que l'impressionnisme ?", "Un mouvement pictural du XIXe siècle qui cherche à rendre la lumière et l'instant, avec des touches visibles."),
    ("Pourquoi fait-il froid en hiver ?", "À cause de l'inclinaison de la Terre : les rayons arrivent plus obliquement et les jours sont plus courts."),
    ("Combien de fuseaux horaires a la France ?", "Douze, grâce aux territoires d'outre-mer ; c'est le pays qui en a le plus."),
    ("C'est quoi l'heure dorée en photo ?", "Le moment juste après le lever ou avant le coucher du soleil, avec une lumière chaude et douce."),
    ("Comment marche un sablier ?", "Le sable s'écoule par un col étroit à un débit presque constant, ce qui mesure une durée fixe."),
    ("J'adore l'odeur de la pluie", "Beaucoup de gens aussi ! Cette odeur s'appelle le pétrichor."),
    ("C'est quoi la gouache ?", "Une peinture à l'eau opaque, plus couvrante que l'aquarelle."),
    ("Pourquoi le ciel est rouge au coucher du soleil ?", "La lumière traverse plus d'atmosphère, le bleu est diffusé et il reste surtout le rouge et l'orange."),
]
QUERIES += ["meilleures crêperies de Rennes", "comment entretenir un bonsaï"]
