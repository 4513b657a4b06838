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
PARALLEL_WEATHER_TIME2 = [
    "Quelle heure est-il à {city2}, et quel temps fait-il à {city} ?",
    "Quel temps fait-il à {city} ? Et il est quelle heure à {city2} ?",
    "La météo à {city} et l'heure locale à {city2}, s'il te plaît.",
    "Je suis à {city2} et je pars à {city} ce soir : quelle heure est-il ici, et quel temps fait-il là-bas ?",
    "Donne-moi l'heure à {city2} et la météo à {city}.",
    "Il pleut à {city} ? Et à {city2}, quelle heure est-il ?",
]
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
    "time": ["À {city}, il est {time}, {weekday} (UTC{offset}).", "L'heure locale à {city} est {time} ({weekday}).", "À {city}, il est {time}.", "L'heure locale à {city} est {time} (UTC{offset})."],
    "time2": ["Il est {time} à {city} et {time2} à {city2}."],
    "weather_time": ["À {city}, il est {time} ({weekday}) ; {temp}{deg}, {cond} (météo simulée).", "À {city}, il est {time} ; {temp}{deg}, {cond}."],
    "weather_time2": [
        "À {city}, il fait {temp}{deg}, temps : {cond} ; à {city2}, il est {time2}.",
        "{city} : {temp}{deg}, {cond} (données simulées). Heure à {city2} : {time2} ({weekday2}).",
    ],
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
WEATHER_UNIT += ["Donne-moi la température à {city} {unit}.", "météo {city} {unit} stp"]
TIME += [
    "quelle heure a {city}",
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
CLARIFY += [
    ("Dessine-moi quelque chose", "Avec plaisir ! Que veux-tu que je dessine ?", "image"),
    ("Il me faut une image pour mon site", "D'accord. Quel sujet et quel style souhaites-tu ?", "image"),
    ("Il fait combien dehors ?", "Dans quelle ville es-tu ?", "weather"),
    ("Donne-moi l'heure locale", "L'heure locale de quelle ville ?", "time"),
]
UNSUPPORTED += [
    ("Mets un réveil à 6 h", "Je ne peux pas régler de réveil ici."),
    ("Réserve une table pour deux ce soir", "Je ne peux pas faire de réservation, désolé."),
    ("Appelle ma mère", "Je ne peux pas passer d'appels d'ici."),
]
CHITCHAT += [
    ("Bonne nuit !", "Bonne nuit, dors bien !"),
    ("Tu es humain ?", "Non, je suis un assistant IA."), ("C'est mon anniversaire aujourd'hui", "Joyeux anniversaire ! 🎉"),
    ("Merci pour tout", "Avec plaisir, à bientôt !"), ("Comment tu t'appelles ?", "Je suis un petit assistant qui crée des images et donne la météo et l'heure."),
    ("Je suis crevé", "Prends une pause, tu l'as bien méritée."), ("haha trop drôle", "Content que ça te fasse rire !"), ("À demain", "À demain !"),
]
KNOWLEDGE += [
    ("Quelle est la capitale du Japon ?", "Tokyo."), ("Combien y a-t-il de continents ?", "On en compte généralement sept."),
    ("Combien font 9 fois 6 ?", "54."),
    ("Quelle est la planète la plus proche du Soleil ?", "Mercure."), ("Quelle est la formule de l'eau ?", "H2O."),
    ("Combien de côtés a un hexagone ?", "Six."), ("Quelle langue parle-t-on au Québec ?", "Principalement le français."),
    ("Quel est l'animal terrestre le plus rapide ?", "Le guépard."), ("Quel est le plus long fleuve de France ?", "La Loire."),
    ("Combien de secondes dans une minute ?", "60."),
]
HARD_NEGATIVE += [
    ("Comment se forme un arc-en-ciel ?", "La lumière du soleil est réfractée et réfléchie dans les gouttes de pluie, ce qui sépare les couleurs."),
    ("Qui a peint Impression, soleil levant ?", "Claude Monet, en 1872."),
    ("Je déteste la canicule", "Je te comprends. Bois beaucoup d'eau et reste à l'ombre."), ("Comment dit-on « pluie » en anglais ?", "Rain."),
    ("C'est quoi un climat océanique ?", "Un climat doux et humide, avec des hivers doux et des étés frais, comme en Bretagne."),
    ("Conseils pour photographier un paysage ?", "Utilise un trépied, profite de l'heure dorée et garde l'horizon droit."),
    ("Pourquoi fait-il froid en hiver ?", "À cause de l'inclinaison de la Terre : les rayons arrivent plus obliquement et les jours sont plus courts."),
    ("C'est quoi l'heure dorée en photo ?", "Le moment juste après le lever ou avant le coucher du soleil, avec une lumière chaude et douce."),
    ("Comment marche un sablier ?", "Le sable s'écoule par un col étroit à un débit presque constant, ce qui mesure une durée fixe."),
    ("J'adore l'odeur de la pluie", "Beaucoup de gens aussi ! Cette odeur s'appelle le pétrichor."),
    ("C'est quoi la gouache ?", "Une peinture à l'eau opaque, plus couvrante que l'aquarelle."),
    ("Pourquoi le ciel est rouge au coucher du soleil ?", "La lumière traverse plus d'atmosphère, le bleu est diffusé et il reste surtout le rouge et l'orange."),
]
QUERIES += ["meilleures crêperies de Rennes", "comment entretenir un bonsaï"]
CATALOG = {
    "set_reminder": [
        ("Rappelle-moi d'appeler le dentiste demain à 9h.", {"text": "appeler le dentiste", "when": "demain à 9h"}),
        ("Mets-moi un rappel pour arroser les plantes dimanche", {"text": "arroser les plantes", "when": "dimanche"}),
        ("tu peux me rappeler de sortir la quiche du four dans 20 minutes ?", {"text": "sortir la quiche du four", "when": "dans 20 minutes"}),
        ("Merci de me rappeler de payer le loyer le 1er du mois.", {"text": "payer le loyer", "when": "le 1er du mois"}),
        ("Rappel ce soir à 20h : envoyer le compte rendu à Claire", {"text": "envoyer le compte rendu à Claire", "when": "ce soir à 20h"}),
    ],
    "send_message": [
        ("Envoie un texto à Camille pour lui dire que j'ai 10 minutes de retard.", {"recipient": "Camille", "text": "j'ai 10 minutes de retard"}),
        ("Envoie un message à Papa : joyeux anniversaire !", {"recipient": "Papa", "text": "joyeux anniversaire !"}),
        ("dis à Karim que j'apporte le gâteau", {"recipient": "Karim", "text": "j'apporte le gâteau"}),
        ("Écris au 06 12 34 56 78 que le colis est arrivé.", {"recipient": "06 12 34 56 78", "text": "le colis est arrivé"}),
        ("Tu peux envoyer un SMS à Léa : on se retrouve à la gare", {"recipient": "Léa", "text": "on se retrouve à la gare"}),
    ],
    "play_music": [
        ("Mets du Stromae.", {"query": "Stromae"}),
        ("Lance de la lo-fi en aléatoire", {"query": "lo-fi", "shuffle": True}),
        ("joue La Vie en rose", {"query": "La Vie en rose"}),
        ("J'aimerais écouter l'album Random Access Memories.", {"query": "Random Access Memories"}),
        ("Mets-moi du piano classique en mode aléatoire, s'il te plaît", {"query": "piano classique", "shuffle": True}),
    ],
    "book_restaurant": [
        ("Réserve une table pour 4 au Bouillon Chartier ce soir à 20h.", {"restaurant": "Bouillon Chartier", "people": 4, "time": "ce soir à 20h"}),
        ("Je voudrais réserver à La Table d'Éloïse pour deux, vendredi à 19h.", {"restaurant": "La Table d'Éloïse", "people": 2, "time": "vendredi à 19h"}),
        ("une table au Sushi Zen, 6 personnes, samedi 19h30", {"restaurant": "Sushi Zen", "people": 6, "time": "samedi 19h30"}),
        ("J'aurais besoin d'une réservation chez Casa Lola pour 3 demain midi.", {"restaurant": "Casa Lola", "people": 3, "time": "demain midi"}),
        ("Réserve au Comptoir du Relais pour 5 personnes mardi prochain à 18h30", {"restaurant": "Comptoir du Relais", "people": 5, "time": "mardi prochain à 18h30"}),
    ],
    "search_flights": [
        ("Trouve-moi des vols de Paris à Montréal le 3 mars.", {"origin": "Paris", "destination": "Montréal", "date": "3 mars"}),
        ("Il y a des vols Lyon-Rome vendredi prochain ?", {"origin": "Lyon", "destination": "Rome", "date": "vendredi prochain"}),
        ("vols Marseille Alger", {"origin": "Marseille", "destination": "Alger"}),
        ("Je dois aller de Bordeaux à Lisbonne demain, qu'est-ce qu'il y a comme vols ?", {"origin": "Bordeaux", "destination": "Lisbonne", "date": "demain"}),
        ("Cherche un vol Genève → Tokyo pour le 12 juillet", {"origin": "Genève", "destination": "Tokyo", "date": "12 juillet"}),
    ],
    "calculate": [
        ("C'est combien 17,5 % de 240 ?", {"expression": "240*17.5/100"}),
        ("Calcule 1234 × 56.", {"expression": "1234*56"}),
        ("ça fait combien (45 + 30) / 3", {"expression": "(45+30)/3"}),
        ("2 puissance 10 ?", {"expression": "2**10"}),
        ("Combien font 98 moins 43 fois 2 ?", {"expression": "98-43*2"}),
    ],
    "get_news": [
        ("Quoi de neuf sur les voitures électriques ?", {"topic": "voitures électriques"}),
        ("Donne-moi les gros titres du jour sur la Bourse.", {"topic": "Bourse"}),
        ("des nouvelles du Tour de France ?", {"topic": "Tour de France"}),
        ("Montre-moi les dernières actus tech", {"topic": "tech"}),
        ("Quelles sont les dernières infos sur la réforme des retraites ?", {"topic": "réforme des retraites"}),
    ],
    "create_event": [
        ("Ajoute « Déjeuner d'équipe » à mon agenda jeudi à 12h30.", {"title": "Déjeuner d'équipe", "date": "jeudi", "time": "12h30"}),
        ("Mets l'anniversaire d'Anaïs dans mon calendrier le 14 mai.", {"title": "anniversaire d'Anaïs", "date": "14 mai"}),
        ("cale un rendez-vous chez le dentiste lundi prochain à 10h", {"title": "rendez-vous chez le dentiste", "date": "lundi prochain", "time": "10h"}),
        ("Crée un événement « Club de lecture » le 21 à 19h.", {"title": "Club de lecture", "date": "le 21", "time": "19h"}),
        ("Ajoute un cours de yoga demain à 18h dans mon agenda", {"title": "cours de yoga", "date": "demain", "time": "18h"}),
    ],
    "add_todo": [
        ("Ajoute « acheter du lait » à ma liste de tâches.", {"task": "acheter du lait"}),
        ("Mets renouveler le passeport dans ma to-do, priorité haute.", {"task": "renouveler le passeport", "priority": "high"}),
        ("ajoute réparer le vélo à mes tâches", {"task": "réparer le vélo"}),
        ("Nouvelle tâche : ranger le garage, priorité basse", {"task": "ranger le garage", "priority": "low"}),
        ("Pourriez-vous ajouter « écrire au propriétaire » à ma liste de choses à faire ?", {"task": "écrire au propriétaire"}),
    ],
    "set_thermostat": [
        ("Règle le thermostat sur 21 degrés.", {"temperature": 21}),
        ("Mets la chambre à 19,5 degrés, s'il te plaît.", {"temperature": 19.5, "room": "chambre"}),
        ("monte le chauffage à 22", {"temperature": 22}),
        ("Passe le salon à 23 °C.", {"temperature": 23, "room": "salon"}),
        ("Tu peux mettre le thermostat du bureau à 20 ?", {"temperature": 20, "room": "bureau"}),
    ],
    "control_lights": [
        ("Éteins la lumière de la cuisine.", {"room": "cuisine", "state": "off"}),
        ("Allume les lumières de la chambre.", {"room": "chambre", "state": "on"}),
        ("allume la lumière du garage stp", {"room": "garage", "state": "on"}),
        ("Tu peux éteindre les lumières du salon ?", {"room": "salon", "state": "off"}),
        ("Coupe la lumière dans le couloir.", {"room": "couloir", "state": "off"}),
    ],
    "find_recipe": [
        ("Trouve-moi une recette de pad thaï.", {"dish": "pad thaï"}),
        ("Il me faut une recette de gâteau au chocolat vegan.", {"dish": "gâteau au chocolat", "diet": "vegan"}),
        ("comment on fait une blanquette de veau ? trouve une recette", {"dish": "blanquette de veau"}),
        ("Une recette de pâte à pizza sans gluten, s'il vous plaît.", {"dish": "pâte à pizza", "diet": "gluten-free"}),
        ("Cherche une recette de lasagnes végétariennes", {"dish": "lasagnes", "diet": "vegetarian"}),
    ],
    "get_directions": [
        ("Comment aller du Louvre à la tour Eiffel à pied ?", {"origin": "Louvre", "destination": "tour Eiffel", "mode": "walking"}),
        ("Itinéraire de la gare Part-Dieu à l'aéroport en transports en commun.", {"origin": "gare Part-Dieu", "destination": "aéroport", "mode": "transit"}),
        ("en voiture de Nantes à Angers, c'est par où ?", {"origin": "Nantes", "destination": "Angers", "mode": "driving"}),
        ("Trajet de mon bureau jusqu'à la place Bellecour", {"origin": "mon bureau", "destination": "place Bellecour"}),
        ("Donne-moi l'itinéraire à vélo du parc de la Tête d'Or au Vieux Lyon.", {"origin": "parc de la Tête d'Or", "destination": "Vieux Lyon", "mode": "cycling"}),
    ],
    "order_food": [
        ("Commande deux pizzas margherita.", {"item": "pizzas margherita", "quantity": 2}),
        ("Fais-moi livrer un burrito au poulet.", {"item": "burrito au poulet", "quantity": 1}),
        ("commande 3 bubble teas", {"item": "bubble tea", "quantity": 3}),
        ("Je voudrais me faire livrer 4 nems, s'il vous plaît.", {"item": "nems", "quantity": 4}),
        ("Tu peux commander un grand kebab frites ?", {"item": "grand kebab frites", "quantity": 1}),
    ],
    "get_air_quality": [
        ("Quelle est la qualité de l'air à Paris en ce moment ?", {"city": "Paris"}),
        ("L'air est-il respirable à Pékin aujourd'hui ?", {"city": "Pékin"}),
        ("indice de qualité de l'air Lyon ?", {"city": "Lyon"}),
        ("elle est comment la pollution à Mexico aujourd'hui", {"city": "Mexico"}),
        ("Vérifie le niveau de pollution de l'air à New Delhi.", {"city": "New Delhi"}),
    ],
    "get_sunrise_sunset": [
        ("À quelle heure le soleil se couche à Reykjavik aujourd'hui ?", {"city": "Reykjavik"}),
        ("Le soleil se lève à quelle heure à Dakar ?", {"city": "Dakar"}),
        ("lever et coucher du soleil à Québec", {"city": "Québec"}),
        ("Il fait nuit à quelle heure à Oslo ce soir ?", {"city": "Oslo"}),
        ("Heure du lever du soleil à Brest ?", {"city": "Brest"}),
    ],
    "book_hotel": [
        ("Réserve un hôtel à Lisbonne à partir du 5 juin pour 3 nuits.", {"city": "Lisbonne", "check_in": "5 juin", "nights": 3}),
        ("Il me faudrait une chambre à Kyoto pour 2 nuits à partir de vendredi.", {"city": "Kyoto", "check_in": "vendredi", "nights": 2}),
        ("hôtel à Prague, arrivée demain, 1 nuit", {"city": "Prague", "check_in": "demain", "nights": 1}),
        ("Trouve-moi un hôtel à Biarritz pour 4 nuits à partir de lundi prochain.", {"city": "Biarritz", "check_in": "lundi prochain", "nights": 4}),
        ("Réserve 5 nuits à Bali à partir du 10 août.", {"city": "Bali", "check_in": "10 août", "nights": 5}),
    ],
    "search_images": [
        ("Trouve des photos du pont du Gard.", {"query": "pont du Gard"}),
        ("Cherche des images de pandas roux.", {"query": "pandas roux"}),
        ("montre-moi de vraies photos d'aurores boréales", {"query": "aurores boréales"}),
        ("Cherche des photos d'immeubles Art déco sur le web.", {"query": "immeubles Art déco"}),
        ("Trouve des photos existantes du mont Fuji en hiver.", {"query": "mont Fuji en hiver"}),
    ],
    "get_holidays": [
        ("Quels sont les jours fériés au Japon en 2026 ?", {"country": "Japon", "year": 2026}),
        ("Liste les jours fériés du Brésil pour 2025.", {"country": "Brésil", "year": 2025}),
        ("jours fériés Belgique 2027 ?", {"country": "Belgique", "year": 2027}),
        ("Quels jours sont fériés au Canada en 2026 ?", {"country": "Canada", "year": 2026}),
        ("Montre-moi les jours fériés 2025 en France.", {"country": "France", "year": 2025}),
    ],
    "track_package": [
        ("Où en est mon colis 6A12345678901 ?", {"tracking_number": "6A12345678901"}),
        ("Suis le colis LX123456789CN.", {"tracking_number": "LX123456789CN"}),
        ("tu peux vérifier le numéro de suivi 1Z999AA10123456784", {"tracking_number": "1Z999AA10123456784"}),
        ("Ma commande est partie ? Suivi : JD014600006281.", {"tracking_number": "JD014600006281"}),
    ],
    "define_word": [
        ("Que veut dire « éphémère » ?", {"word": "éphémère"}),
        ("Définis sérendipité.", {"word": "sérendipité"}),
        ("cherche le mot procrastiner dans le dictionnaire", {"word": "procrastiner"}),
        ("C'est quoi la définition de « pétrichor » ?", {"word": "pétrichor"}),
    ],
    "get_showtimes": [
        ("À quelle heure passe Dune à Lyon aujourd'hui ?", {"movie": "Dune", "city": "Lyon"}),
        ("Les horaires pour Le Comte de Monte-Cristo à Toulouse ?", {"movie": "Le Comte de Monte-Cristo", "city": "Toulouse"}),
        ("Oppenheimer passe à quelle heure à Lille", {"movie": "Oppenheimer", "city": "Lille"}),
        ("Quelles séances pour Le Voyage de Chihiro à Bordeaux aujourd'hui ?", {"movie": "Le Voyage de Chihiro", "city": "Bordeaux"}),
    ],
    "check_flight_status": [
        ("Le vol AF1234 est à l'heure ?", {"flight_number": "AF1234"}),
        ("Vérifie le statut du vol U2 4812.", {"flight_number": "U2 4812"}),
        ("est-ce que le LH400 a atterri ?", {"flight_number": "LH400"}),
        ("Quel est le statut de mon vol TO3456 ?", {"flight_number": "TO3456"}),
    ],
    "convert_units": [
        ("Convertis 5 miles en kilomètres.", {"value": 5, "from_unit": "miles", "to_unit": "kilomètres"}),
        ("70 kg, ça fait combien en livres ?", {"value": 70, "from_unit": "kg", "to_unit": "livres"}),
        ("3,5 tasses en millilitres ?", {"value": 3.5, "from_unit": "tasses", "to_unit": "millilitres"}),
        ("convertir 100 pieds en mètres", {"value": 100, "from_unit": "pieds", "to_unit": "mètres"}),
    ],
}
MISSING_CATALOG = [
    "Désolé, je ne peux pas faire ça ici : aucun de mes outils ne le permet.",
    "Je n'ai pas d'outil pour ça dans cette conversation, donc je ne peux pas le faire.",
    "Ce n'est pas quelque chose que mes outils permettent de faire ici, désolé.",
    "Désolé, je n'ai aucun outil à ma disposition pour ça ici.",
]
NO_FUNCTION = [
    "Désolé, aucune des fonctions disponibles ne permet de faire ça.",
    "Je ne peux pas faire ça avec les fonctions dont je dispose ici.",
    "Aucune des fonctions déclarées ne couvre cette demande, désolé.",
    "Ce n'est pas possible avec les fonctions disponibles.",
]
