"""German pools for the generator."""

WEATHER = [
    "Wie ist das Wetter in {city}?",
    "Wie wird das Wetter gerade in {city}?",
    "Wetter in {city}",
    "Regnet es in {city}?",
    "Kannst du das Wetter in {city} nachschauen?",
    "Ist es heute kalt in {city}?",
    "Ich fliege morgen nach {city}, wie ist das Wetter dort?",
    "Brauche ich in {city} einen Regenschirm?",
    "Wie warm ist es in {city}?",
    "wetter {city}",
    "Sag mir bitte das Wetter in {city}.",
    "Könnten Sie das aktuelle Wetter in {city} prüfen?",
    "Meine Schwester wohnt in {city}. Scheint dort die Sonne?",
    "Schneit es in {city}?",
]
WEATHER_UNIT = [
    "Wie ist das Wetter in {city}? Bitte {unit}.",
    "Temperatur in {city} {unit}",
    "Wie warm ist es in {city} {unit}?",
    "Wetter {city} {unit} bitte",
]
UNITS = {"celsius": ["in Grad Celsius", "in °C", "in Celsius"], "fahrenheit": ["in Fahrenheit", "in °F", "in Grad Fahrenheit"]}
UNIT_WORDS = {"celsius": ["celsius", "°c"], "fahrenheit": ["fahrenheit", "°f"]}

TIME = [
    "Wie spät ist es in {city}?",
    "Wie viel Uhr ist es gerade in {city}?",
    "Ortszeit in {city}",
    "Ich muss einen Freund in {city} anrufen. Wie spät ist es dort?",
    "Kannst du mir die Uhrzeit in {city} sagen?",
    "Ist es in {city} gerade Nacht?",
    "Welcher Wochentag ist gerade in {city}?",
    "uhrzeit {city}",
    "Mein Flug landet bald in {city} — wie spät ist es dort?",
]
IMAGE = [
    "Zeichne: {prompt}.",
    "Erstelle ein Bild mit dem Motiv „{prompt}“.",
    "Kannst du ein Bild generieren? Motiv: {prompt}",
    "Ich hätte gern ein Bild: {prompt}.",
    "Ich brauche eine Illustration für meinen Blog: {prompt}.",
    "Bitte malen: {prompt}",
    "bild: {prompt}",
    "Für meine Präsentation brauche ich ein Bild. Motiv: {prompt}.",
    "Mach ein Poster mit dem Motiv „{prompt}“.",
    "Generiere bitte ein Bild – {prompt}",
]
IMAGE_SUBJECTS = [
    "ein roter Fuchs im Schnee", "eine Katze mit Zauberhut", "ein Leuchtturm an einer felsigen Küste",
    "eine Brezel auf einem Holztisch", "ein Astronaut auf einem Pferd", "eine Hütte im Wald",
    "ein Roboter, der Pflanzen gießt", "ein Drache, der auf Gold schläft", "ein Segelboot bei Sonnenuntergang",
    "das Logo meiner Bäckerei", "ein Dackel auf einem Skateboard", "eine dampfende Tasse Kaffee",
    "eine futuristische Stadt", "eine Eule, die ein Buch liest", "ein Bergsee im Morgengrauen",
    "ein Panda, der Bambus frisst", "ein Pinguin mit Schal", "ein Zug auf einer Brücke",
    "ein Weihnachtsmarkt am Abend", "ein Schloss in den Wolken", "eine verregnete Straße in der Stadt",
    "ein Wal, der aus dem Meer springt", "ein Sonnenblumenfeld", "ein verschneites Dorf bei Nacht",
]
IMAGE_STYLES = ["Aquarell", "Ölgemälde", "Pixel-Art", "Ghibli-Stil", "Cyberpunk-Stil", "Bleistiftzeichnung",
                "3D-Rendering", "Comic-Stil", "fotorealistisch", "Anime-Stil", "minimalistische Strichzeichnung",
                "Retro-Poster", "Schwarz-Weiß-Foto"]
IMAGE_DETAILS = ["bei Sonnenuntergang", "mit weichem Licht", "in kräftigen Farben", "unter Sternenhimmel",
                 "auf weißem Hintergrund", "im Regen", "bei Nacht", "im Winter"]
PROMPT_FORMS = ["{s}", "{s}", "{s}, {st}", "{s}, {st}, {d}", "{s} {d}"]
FOLLOW_PROMPT = "{s}, {st}"

PARALLEL_WEATHER = ["Wie ist das Wetter in {city} und in {city2}?", "Vergleiche das Wetter in {city} und {city2}.",
                    "Ist es in {city} oder in {city2} wärmer?"]
PARALLEL_WEATHER_UNIT = ["Wie warm ist es in {city} und {city2} {unit}?"]
PARALLEL_TIME = ["Wie spät ist es in {city} und in {city2}?", "Sag mir die Ortszeit in {city} und {city2}."]
PARALLEL_WEATHER_TIME = ["Wie spät ist es in {city} und wie ist das Wetter?", "Uhrzeit und Wetter in {city}, bitte."]
PARALLEL_WEATHER_TIME2 = [
    "Wie spät ist es in {city2}, und wie ist das Wetter in {city}?",
    "Wie ist das Wetter in {city}? Und wie spät ist es in {city2}?",
    "Das Wetter in {city} und die Ortszeit in {city2}, bitte.",
    "Ich bin gerade in {city2} und fliege heute Abend nach {city}: Wie spät ist es hier, und wie ist das Wetter dort?",
    "Sag mir die Uhrzeit in {city2} und das Wetter in {city}.",
    "Regnet es in {city}? Und wie viel Uhr ist es in {city2}?",
]
PARALLEL_IMAGES = ["Mach zwei Bilder: „{prompt}“ und „{prompt2}“.", "Zwei Motive bitte: {prompt}; und {prompt2}."]

FOLLOW_CITY = ["Und in {city}?", "Und {city}?", "Wie sieht's in {city} aus?", "Jetzt {city}, bitte."]
FOLLOW_TIME_THERE = ["Und wie spät ist es dort?", "Wie viel Uhr ist es da gerade?"]
FOLLOW_WEATHER_THERE = ["Und wie ist das Wetter dort?", "Regnet es da?"]
FOLLOW_UNIT = ["Kannst du das {unit} angeben?", "Bitte noch mal {unit}."]
FOLLOW_STYLE = ["Jetzt bitte im Stil: {style}.", "Ändere den Stil zu {style}.", "Dasselbe noch mal, Stil: {style}.", "Lieber {style}, bitte."]
THANKS = [("Danke!", "Gern geschehen!"), ("Vielen Dank", "Gerne, freut mich!"), ("super, danke", "Freut mich, dass es gefällt!")]
CITY_REPLY = ["{city}", "In {city}.", "{city}, bitte.", "Ich bin in {city}."]
IMAGE_REPLY = ["{prompt}", "Etwa {prompt}.", "Lieber {prompt}."]

CLARIFY = [
    ("Kannst du mir ein Bild machen?", "Klar! Was soll das Bild zeigen?", "image"),
    ("Zeichne etwas.", "Was soll ich zeichnen? Nenn mir ein Motiv und gern einen Stil.", "image"),
    ("Wie ist das Wetter?", "Für welche Stadt soll ich das Wetter abrufen?", "weather"),
    ("Wird es regnen?", "Wo bist du? Nenn mir die Stadt, dann schaue ich nach.", "weather"),
    ("Wie spät ist es dort?", "Welchen Ort meinst du? Nenn mir die Stadt, dann schaue ich die Ortszeit nach.", "time"),
    ("Sag mir die Ortszeit.", "Die Ortszeit wo? Nenn mir eine Stadt.", "time"),
]
UNSUPPORTED = [
    ("Schick meinem Chef eine E-Mail, dass ich später komme.", "Ich kann hier keine E-Mails senden; ich kann nur Bilder erzeugen, das Wetter und die Uhrzeit abrufen."),
    ("Buch mir einen Flug nach Berlin.", "Flüge kann ich nicht buchen, aber ich kann das Wetter oder die Uhrzeit in Berlin nachsehen."),
    ("Stell einen Wecker auf 7 Uhr.", "Wecker kann ich hier nicht stellen."),
    ("Spiel Musik ab.", "Musik abspielen kann ich nicht."),
    ("Bestell mir eine Pizza.", "Tut mir leid, ich kann nichts bestellen."),
    ("Such im Internet nach den neuesten Nachrichten.", "Eine Websuche kann ich hier nicht machen."),
]
MISSING_ANSWER = {
    "get_weather": ["Tut mir leid, hier habe ich kein Wetter-Tool, daher kann ich das Wetter nicht abrufen."],
    "get_time": ["Tut mir leid, hier habe ich kein Uhrzeit-Tool, daher kann ich die Ortszeit nicht abrufen."],
    "generate_image": ["Tut mir leid, hier habe ich keinen Bildgenerator, daher kann ich das nicht zeichnen."],
}
ANSWERS = {
    "weather": ["In {city} sind es {temp}{deg}, {cond}, Luftfeuchtigkeit {hum} % (simulierte Daten).",
                "{city}: {temp}{deg}, {cond} (simuliert).", "Gerade in {city}: {cond}, {temp}{deg}."],
    "weather2": ["{city}: {temp}{deg}, {cond}. {city2}: {temp2}{deg}, {cond2} (simulierte Daten)."],
    "time": ["In {city} ist es {time} Uhr, {weekday} (UTC{offset}).", "Die Ortszeit in {city} ist {time} ({weekday}).", "In {city} ist es {time} Uhr.", "Die Ortszeit in {city} ist {time} (UTC{offset})."],
    "time2": ["In {city} ist es {time}, in {city2} {time2}."],
    "weather_time": ["In {city} ist es {time} Uhr ({weekday}); {temp}{deg}, {cond} (simuliertes Wetter).", "In {city} ist es {time} Uhr; {temp}{deg}, {cond}."],
    "weather_time2": [
        "In {city} sind es {temp}{deg}, {cond}; in {city2} ist es {time2} Uhr.",
        "{city}: {temp}{deg}, {cond} (simulierte Daten). Ortszeit in {city2}: {time2} ({weekday2}).",
    ],
    "image": ["Hier ist dein Bild: {path}", "Fertig! Das Bild liegt unter {path}."],
    "images2": ["Beide Bilder sind fertig: {path} und {path2}."],
    "weather_error": ["Tut mir leid, ich konnte das Wetter für {city} nicht abrufen. Noch mal versuchen?"],
    "time_error": ["Tut mir leid, ich konnte die Uhrzeit in {city} nicht finden. Stimmt der Ortsname?"],
    "image_error": ["Tut mir leid, die Bilderzeugung ist fehlgeschlagen. Noch mal versuchen?"],
}
CONDITIONS = {"sunny": "sonnig", "partly cloudy": "teilweise bewölkt", "cloudy": "bewölkt", "light rain": "leichter Regen",
              "rain": "Regen", "thunderstorms": "Gewitter", "snow": "Schnee", "fog": "Nebel", "windy": "windig"}
WEEKDAYS = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"]
PREFIXES = ["", "", "Kurze Frage: ", "Hallo, ", "Aus Neugier: "]
EMOJI = ["🙂", "😊", "🙏", "🤔"]

CHITCHAT = [
    ("Hallo!", "Hallo! Wie kann ich helfen?"), ("Wie geht's?", "Gut, danke! Was kann ich für dich tun?"),
    ("Guten Morgen", "Guten Morgen! Was steht heute an?"),
    ("Wer bist du?", "Ich bin ein Assistent, der Bilder erzeugen, das Wetter und die Ortszeit abrufen kann."),
    ("Erzähl mir einen Witz.", "Was ist orange und geht über die Berge? Eine Wanderine."),
    ("Danke für deine Hilfe", "Gern geschehen!"), ("Tschüss", "Tschüss, schönen Tag noch!"),
    ("Mir ist langweilig", "Wie wäre es mit einem Rätsel, oder soll ich dir etwas Lustiges zeichnen?"),
    ("Ich habe meine Prüfung bestanden!", "Glückwunsch! Die Mühe hat sich gelohnt."),
]
KNOWLEDGE = [
    ("Was ist die Hauptstadt von Australien?", "Canberra."), ("Wie viele Beine hat eine Spinne?", "Acht."),
    ("Wer hat Faust geschrieben?", "Johann Wolfgang von Goethe."), ("Was ist 7 mal 8?", "56."),
    ("Was ist der größte Planet im Sonnensystem?", "Jupiter."), ("Welche Sprache spricht man in Brasilien?", "Portugiesisch."),
    ("Was ist Photosynthese?", "Der Vorgang, bei dem Pflanzen aus Licht, Wasser und CO₂ Zucker und Sauerstoff herstellen."),
    ("Wann endete der Zweite Weltkrieg?", "1945."), ("Wer hat die Mona Lisa gemalt?", "Leonardo da Vinci."),
    ("Wie hoch ist die Zugspitze?", "Etwa 2.962 Meter."), ("Wie viele Tage hat ein Schaltjahr?", "366."),
]
HARD_NEGATIVE = [
    ("Warum ist der Himmel blau?", "Luftmoleküle streuen blaues Licht viel stärker als rotes."),
    ("Wie funktionieren Zeitzonen?", "Jede Zone richtet ihre Uhrzeit nach UTC aus, etwa eine Stunde pro 15 Längengrade."),
    ("Ich hasse Regenwetter.", "Regentage sind trüb! Ein Tee und ein gutes Buch helfen."),
    ("Was heißt „Wetter“ auf Englisch?", "„Weather“."),
    ("Was ist der Unterschied zwischen Wetter und Klima?", "Wetter ist der kurzfristige Zustand der Atmosphäre, Klima der Durchschnitt über viele Jahre."),
    ("Wie rechne ich Celsius in Fahrenheit um?", "Mal 9/5 und plus 32: 20 °C sind 68 °F."),
    ("Welche Kamera eignet sich für Porträts?", "Fast jede Kamera mit einer lichtstarken 85-mm-Festbrennweite."),
    ("Was ist die Drittel-Regel in der Fotografie?", "Wichtige Motive auf die Linien setzen, die das Bild in Drittel teilen."),
    ("Was macht den Ghibli-Stil aus?", "Aquarellartige Hintergründe, viel Natur, warmes Licht und einfache, ausdrucksstarke Figuren."),
    ("Warum gibt es Schaltjahre?", "Ein Jahr dauert etwa 365,24 Tage; ein Extratag alle vier Jahre gleicht das aus."),
    ("Was ist die Sommerzeit?", "Die Uhren werden im Sommer eine Stunde vorgestellt, damit es abends länger hell ist."),
    ("Warum regnet es?", "Wasserdampf kühlt ab, kondensiert zu Tröpfchen und fällt, wenn sie schwer genug sind."),
    ("Wer malte „Der Wanderer über dem Nebelmeer“?", "Caspar David Friedrich."),
    ("Ich mag sonnige Tage.", "Ich auch! Perfekt für einen Spaziergang."),
]
OTHER = {
    "convert_currency": ["Rechne {amount} {src} in {dst} um.", "Wie viel sind {amount} {src} in {dst}?"],
    "search_web": ["Such im Web nach {query}.", "Suche: {query}"],
    "send_email": ["Schick eine E-Mail an {to} mit dem Betreff „{subject}“ und dem Text „{body}“."],
}
QUERIES = ["Rezept für Käsespätzle", "Öffnungszeiten Pergamonmuseum", "günstige Flüge nach Wien"]
EMAILS = [("jonas@example.de", "Termin", "Das Meeting ist um 15 Uhr."), ("chef@firma.de", "Verspätung", "Ich komme 15 Minuten später.")]

# --- extra variety (round 2) ---
WEATHER += [
    "Könntest du mir sagen, wie das Wetter in {city} ist?", "wetter in {city} bitte", "Regnet es gerade in {city}? ☔",
    "Ich will in {city} joggen gehen, ist das Wetter gut?", "Ist es windig in {city}?", "Check mal das Wetter in {city}.",
    "Ich bin in {city} – brauche ich eine Jacke?", "Wie ist es heute draußen in {city}?",
    "Guten Tag, könnten Sie das Wetter für {city} nachsehen?", "Wie hoch ist die Luftfeuchtigkeit in {city}?", "wie warm is es in {city}",
]
WEATHER_UNIT += ["Gib mir die Temperatur in {city} {unit}.", "Wie warm ist es in {city}? {unit}, bitte", "wetter {city} {unit}"]
TIME += [
    "Wie viel Uhr ist es in {city}?", "wie spät is es in {city}", "Sag mir bitte die Uhrzeit in {city} ⏰",
    "Ist es in {city} schon dunkel?", "Ich habe gleich ein Meeting mit jemandem in {city} – wie spät ist es dort?",
    "Könnten Sie die Ortszeit in {city} nachsehen?", "Ist es zu spät, um in {city} anzurufen?",
    "Aktuelle Uhrzeit in {city}, bitte.",
]
IMAGE += [
    "Machst du mir ein Bild von {prompt}? 🎨", "Ich brauche ein Hintergrundbild mit {prompt}.", "generier {prompt}",
    "Könnten Sie bitte eine Illustration von {prompt} erstellen?", "Ich hätte gern ein Bild von {prompt}.", "Gestalte eine Karte mit {prompt}.",
    "Zeichne {prompt} für mein Kinderzimmer.", "Illustriere {prompt}.", "Erstell mir ein Motiv: {prompt}",
]
PARALLEL_WEATHER += ["Wo ist es wärmer, in {city} oder in {city2}?"]
PARALLEL_TIME += ["Wie viel Uhr ist es in {city} und wie viel in {city2}?"]
CLARIFY += [
    ("Zeichne mir was", "Gern! Was soll ich zeichnen?", "image"),
    ("Ich brauche ein Bild für meine Website", "Alles klar. Welches Motiv und welcher Stil?", "image"),
    ("Wie warm ist es draußen?", "In welcher Stadt bist du?", "weather"),
]
UNSUPPORTED += [
    ("Stell einen Wecker auf 6 Uhr", "Wecker kann ich hier leider nicht stellen."),
    ("Reservier einen Tisch für zwei heute Abend", "Reservierungen kann ich leider nicht machen."),
    ("Ruf meine Mutter an", "Anrufe kann ich von hier aus nicht tätigen."),
]
CHITCHAT += [
    ("Gute Nacht!", "Gute Nacht, schlaf gut!"),
    ("Bist du ein Mensch?", "Nein, ich bin ein KI-Assistent."), ("Ich habe heute Geburtstag", "Alles Gute zum Geburtstag! 🎉"),
    ("Danke für alles", "Gern geschehen, bis bald!"), ("Wie heißt du?", "Ich bin ein kleiner Assistent für Bilder, Wetter und Uhrzeit."),
    ("Ich bin total müde", "Gönn dir eine Pause, du hast sie verdient."), ("haha, gut", "Freut mich, dass es dich amüsiert!"), ("Bis morgen", "Bis morgen!"),
]
KNOWLEDGE += [
    ("Was ist die Hauptstadt von Japan?", "Tokio."), ("Wie viele Kontinente gibt es?", "Meist zählt man sieben."),
    ("Wer schrieb Faust?", "Johann Wolfgang von Goethe."), ("Was ist 9 mal 6?", "54."),
    ("Welcher Planet ist der Sonne am nächsten?", "Merkur."), ("Was ist die chemische Formel von Wasser?", "H2O."),
    ("Wie viele Seiten hat ein Sechseck?", "Sechs."), ("Welche Sprache spricht man in Österreich?", "Deutsch."),
    ("Was ist das schnellste Landtier?", "Der Gepard."), ("Wie lang ist der Rhein ungefähr?", "Rund 1.230 Kilometer."),
    ("Wie viele Sekunden hat eine Minute?", "60."), ("Wer komponierte die Neunte Sinfonie mit der Ode an die Freude?", "Ludwig van Beethoven."),
    ("Was ist die Hauptstadt von Kanada?", "Ottawa."), ("Wie viele Bundesländer hat Deutschland?", "16."),
]
HARD_NEGATIVE += [
    ("Wie entsteht ein Regenbogen?", "Sonnenlicht wird in Regentropfen gebrochen und reflektiert und dabei in Farben zerlegt."),
    ("Wer malte die Sternennacht?", "Vincent van Gogh, 1889."),
    ("Ich hasse diese Hitze", "Verstehe ich. Trink viel Wasser und bleib im Schatten."), ("Was heißt „Regen“ auf Englisch?", "Rain."),
    ("Was ist ein Kontinentalklima?", "Ein Klima mit heißen Sommern, kalten Wintern und großen Temperaturunterschieden."),
    ("Tipps für Landschaftsfotos?", "Stativ nutzen, zur goldenen Stunde fotografieren und den Horizont gerade halten."),
    ("Was ist Expressionismus?", "Eine Kunstrichtung Anfang des 20. Jahrhunderts, die Gefühle mit kräftigen Farben und verzerrten Formen ausdrückt."),
    ("Warum ist es im Winter kalt?", "Wegen der Neigung der Erdachse: Die Sonnenstrahlen treffen flacher auf und die Tage sind kürzer."),
    ("Welche Zeitzone hat Deutschland?", "Die Mitteleuropäische Zeit (UTC+1), im Sommer MESZ (UTC+2)."),
    ("Was ist die goldene Stunde beim Fotografieren?", "Die Zeit kurz nach Sonnenaufgang oder vor Sonnenuntergang mit warmem, weichem Licht."),
    ("Wie funktioniert eine Sanduhr?", "Sand rieselt fast gleichmäßig durch eine enge Stelle und misst so eine feste Zeitspanne."),
    ("Ich liebe den Geruch von Regen", "Viele andere auch! Der Geruch heißt Petrichor."),
    ("Was ist Gouache?", "Eine deckende Wasserfarbe, die kräftiger deckt als Aquarell."),
    ("Warum ist der Himmel beim Sonnenuntergang rot?", "Das Licht durchquert mehr Atmosphäre; Blau wird weggestreut, Rot und Orange bleiben."),
]
QUERIES += ["beste Biergärten in München", "Bonsai richtig pflegen"]
CATALOG = {
    "set_reminder": [
        ("Erinnere mich bitte morgen um 9 Uhr daran, den Zahnarzt anzurufen.", {"text": "den Zahnarzt anzurufen", "when": "morgen um 9 Uhr"}),
        ("Stell mir eine Erinnerung für Sonntag: Blumen gießen", {"text": "Blumen gießen", "when": "Sonntag"}),
        ("kannst du mich in 20 minuten an die pizza im ofen erinnern", {"text": "die pizza im ofen", "when": "in 20 minuten"}),
        ("Bitte erinnere mich am Ersten, die Miete zu überweisen.", {"text": "die Miete zu überweisen", "when": "am Ersten"}),
        ("Heute Abend um 20 Uhr an den Bericht für Frau Keller erinnern", {"text": "den Bericht für Frau Keller", "when": "Heute Abend um 20 Uhr"}),
    ],
    "send_message": [
        ("Schreib Lena: Komme 10 Minuten später.", {"recipient": "Lena", "text": "Komme 10 Minuten später."}),
        ("Schick Papa eine Nachricht: Alles Gute zum Geburtstag!", {"recipient": "Papa", "text": "Alles Gute zum Geburtstag!"}),
        ("sag jonas ich bring den kuchen mit", {"recipient": "jonas", "text": "ich bring den kuchen mit"}),
        ("Schick an +49 171 2345678: Das Paket ist angekommen.", {"recipient": "+49 171 2345678", "text": "Das Paket ist angekommen."}),
        ("Kannst du Aylin schreiben „Wir treffen uns am Bahnhof“?", {"recipient": "Aylin", "text": "Wir treffen uns am Bahnhof"}),
    ],
    "play_music": [
        ("Spiel was von Herbert Grönemeyer.", {"query": "Herbert Grönemeyer"}),
        ("Mach Deutschrap an, bitte im Zufallsmodus.", {"query": "Deutschrap", "shuffle": True}),
        ("spiel 99 Luftballons", {"query": "99 Luftballons"}),
        ("Ich würde gern das Album Mutter von Rammstein hören.", {"query": "Mutter von Rammstein"}),
        ("Klassische Klaviermusik bitte, in zufälliger Reihenfolge", {"query": "Klassische Klaviermusik", "shuffle": True}),
    ],
    "book_restaurant": [
        ("Reservier einen Tisch für 4 im Hofbräuhaus heute um 20 Uhr.", {"restaurant": "Hofbräuhaus", "people": 4, "time": "heute um 20 Uhr"}),
        ("Könnten Sie bitte für Freitag um 19 Uhr einen Tisch für zwei im Borchardt reservieren?", {"restaurant": "Borchardt", "people": 2, "time": "Freitag um 19 Uhr"}),
        ("tisch bei Sushi Sano, 6 leute, samstag 19:30", {"restaurant": "Sushi Sano", "people": 6, "time": "samstag 19:30"}),
        ("Ich brauche eine Reservierung bei La Piazza für 3 Personen morgen Mittag.", {"restaurant": "La Piazza", "people": 3, "time": "morgen Mittag"}),
        ("Buch im Café Sacher einen Tisch für 5, nächsten Dienstag um 18:30", {"restaurant": "Café Sacher", "people": 5, "time": "nächsten Dienstag um 18:30"}),
    ],
    "search_flights": [
        ("Such mir Flüge von Hamburg nach München am 3. März.", {"origin": "Hamburg", "destination": "München", "date": "3. März"}),
        ("Gibt es Flüge von Berlin nach Rom nächsten Freitag?", {"origin": "Berlin", "destination": "Rom", "date": "nächsten Freitag"}),
        ("flüge frankfurt nach new york", {"origin": "frankfurt", "destination": "new york"}),
        ("Ich muss morgen von Köln nach Wien fliegen, was gibt's da?", {"origin": "Köln", "destination": "Wien", "date": "morgen"}),
        ("Zeig mir Flüge Düsseldorf → Palma am 12. Juli", {"origin": "Düsseldorf", "destination": "Palma", "date": "12. Juli"}),
    ],
    "calculate": [
        ("Wie viel sind 17,5 % von 240?", {"expression": "240*17.5/100"}),
        ("Rechne 1234 mal 56.", {"expression": "1234*56"}),
        ("was ist (45 + 30) / 3", {"expression": "(45+30)/3"}),
        ("Was ergibt 2 hoch 10?", {"expression": "2**10"}),
        ("Wie viel ist 98 minus 43 mal 2?", {"expression": "98-43*2"}),
    ],
    "get_news": [
        ("Was gibt's Neues zu E-Autos?", {"topic": "E-Autos"}),
        ("Zeig mir die aktuellen Schlagzeilen zur Börse.", {"topic": "Börse"}),
        ("gibts news zur bundesliga?", {"topic": "bundesliga"}),
        ("Die neuesten Nachrichten aus der Technik, bitte.", {"topic": "Technik"}),
        ("Gibt es aktuelle Meldungen über die Deutsche Bahn?", {"topic": "Deutsche Bahn"}),
    ],
    "create_event": [
        ("Trag „Teamessen“ am Donnerstag um 12:30 in meinen Kalender ein.", {"title": "Teamessen", "date": "Donnerstag", "time": "12:30"}),
        ("Setz Annas Geburtstagsfeier am 14. Mai in den Kalender.", {"title": "Annas Geburtstagsfeier", "date": "14. Mai"}),
        ("zahnarzttermin nächsten montag um 10 uhr eintragen", {"title": "zahnarzttermin", "date": "nächsten montag", "time": "10 uhr"}),
        ("Erstelle einen Termin namens Lesekreis am 21. um 19 Uhr.", {"title": "Lesekreis", "date": "21.", "time": "19 Uhr"}),
        ("Kannst du mir morgen um 18 Uhr Yoga in den Kalender eintragen?", {"title": "Yoga", "date": "morgen", "time": "18 Uhr"}),
    ],
    "add_todo": [
        ("Setz „Milch kaufen“ auf meine To-do-Liste.", {"task": "Milch kaufen"}),
        ("Reisepass verlängern auf die Aufgabenliste, hohe Priorität.", {"task": "Reisepass verlängern", "priority": "high"}),
        ("fahrrad reparieren zu meinen aufgaben hinzufügen", {"task": "fahrrad reparieren"}),
        ("Neue Aufgabe: Garage aufräumen, niedrige Priorität", {"task": "Garage aufräumen", "priority": "low"}),
        ("Bitte nimm „Vermieter eine Mail schreiben“ in meine To-dos auf.", {"task": "Vermieter eine Mail schreiben"}),
    ],
    "set_thermostat": [
        ("Stell die Heizung auf 21 Grad.", {"temperature": 21}),
        ("Im Schlafzimmer bitte 19,5 Grad.", {"temperature": 19.5, "room": "Schlafzimmer"}),
        ("heizung hoch auf 22", {"temperature": 22}),
        ("Stell das Wohnzimmer auf 23 Grad.", {"temperature": 23, "room": "Wohnzimmer"}),
        ("Kannst du das Thermostat im Büro auf 20 stellen?", {"temperature": 20, "room": "Büro"}),
    ],
    "control_lights": [
        ("Mach das Licht in der Küche aus.", {"room": "Küche", "state": "off"}),
        ("Schalte bitte das Licht im Schlafzimmer ein.", {"room": "Schlafzimmer", "state": "on"}),
        ("licht an in der garage bitte", {"room": "garage", "state": "on"}),
        ("Kannst du im Wohnzimmer das Licht ausmachen?", {"room": "Wohnzimmer", "state": "off"}),
        ("Licht im Flur aus!", {"room": "Flur", "state": "off"}),
    ],
    "find_recipe": [
        ("Such mir ein Rezept für Käsespätzle.", {"dish": "Käsespätzle"}),
        ("Ich brauche ein veganes Rezept für Schokoladenkuchen.", {"dish": "Schokoladenkuchen", "diet": "vegan"}),
        ("wie mach ich shakshuka? such mal ein rezept", {"dish": "shakshuka"}),
        ("Hast du ein glutenfreies Rezept für Pizzateig?", {"dish": "Pizzateig", "diet": "gluten-free"}),
        ("Vegetarische Lasagne, Rezept bitte", {"dish": "Lasagne", "diet": "vegetarian"}),
    ],
    "get_directions": [
        ("Wie komme ich zu Fuß vom Brandenburger Tor zum Alexanderplatz?", {"origin": "Brandenburger Tor", "destination": "Alexanderplatz", "mode": "walking"}),
        ("Wegbeschreibung vom Hauptbahnhof zum Flughafen mit der S-Bahn.", {"origin": "Hauptbahnhof", "destination": "Flughafen", "mode": "transit"}),
        ("Route mit dem Auto von Stuttgart nach Heidelberg?", {"origin": "Stuttgart", "destination": "Heidelberg", "mode": "driving"}),
        ("Weg von meinem Büro zum Marienplatz", {"origin": "meinem Büro", "destination": "Marienplatz"}),
        ("Zeig mir eine Radroute von der Speicherstadt zum Stadtpark.", {"origin": "Speicherstadt", "destination": "Stadtpark", "mode": "cycling"}),
    ],
    "order_food": [
        ("Bestell zwei Pizza Margherita.", {"item": "Pizza Margherita", "quantity": 2}),
        ("Ich hätte gern einen Döner geliefert.", {"item": "Döner", "quantity": 1}),
        ("3 bubble tea bestellen", {"item": "bubble tea", "quantity": 3}),
        ("Bitte 4 Frühlingsrollen liefern lassen.", {"item": "Frühlingsrollen", "quantity": 4}),
        ("Kannst du eine große Salamipizza bestellen?", {"item": "große Salamipizza", "quantity": 1}),
    ],
    "get_air_quality": [
        ("Wie ist die Luftqualität gerade in Stuttgart?", {"city": "Stuttgart"}),
        ("Ist die Luft heute in Peking sauber?", {"city": "Peking"}),
        ("Luftqualitätsindex Delhi?", {"city": "Delhi"}),
        ("wie schlimm ist der smog in mexiko-stadt", {"city": "mexiko-stadt"}),
        ("Prüf mal die Feinstaubwerte in München.", {"city": "München"}),
    ],
    "get_sunrise_sunset": [
        ("Wann geht heute in Reykjavík die Sonne unter?", {"city": "Reykjavík"}),
        ("Um wie viel Uhr ist Sonnenaufgang in Kairo?", {"city": "Kairo"}),
        ("sonnenaufgang und sonnenuntergang hamburg", {"city": "hamburg"}),
        ("Wann wird es heute in Oslo dunkel?", {"city": "Oslo"}),
        ("Wann geht in Garmisch-Partenkirchen die Sonne auf?", {"city": "Garmisch-Partenkirchen"}),
    ],
    "book_hotel": [
        ("Buch mir ein Hotel in Lissabon ab dem 5. Juni für 3 Nächte.", {"city": "Lissabon", "check_in": "5. Juni", "nights": 3}),
        ("Ich brauche ein Zimmer in Kyoto für zwei Nächte ab Freitag.", {"city": "Kyoto", "check_in": "Freitag", "nights": 2}),
        ("hotel in prag, check-in morgen, 1 nacht", {"city": "prag", "check_in": "morgen", "nights": 1}),
        ("Such mir ein Hotel in Dresden für 4 Nächte ab kommendem Montag.", {"city": "Dresden", "check_in": "kommendem Montag", "nights": 4}),
        ("Fünf Nächte in Westerland ab dem 10. August, bitte buchen.", {"city": "Westerland", "check_in": "10. August", "nights": 5}),
    ],
    "search_images": [
        ("Such Fotos vom Schloss Neuschwanstein.", {"query": "Schloss Neuschwanstein"}),
        ("Zeig mir Bilder von Roten Pandas.", {"query": "Roten Pandas"}),
        ("such echte fotos von polarlichtern", {"query": "polarlichtern"}),
        ("Finde im Netz Bilder von Art-déco-Gebäuden.", {"query": "Art-déco-Gebäuden"}),
        ("Such vorhandene Fotos vom Fuji im Winter.", {"query": "Fuji im Winter"}),
    ],
    "get_holidays": [
        ("Welche Feiertage hat Japan 2026?", {"country": "Japan", "year": 2026}),
        ("Liste die gesetzlichen Feiertage in Österreich für 2025 auf.", {"country": "Österreich", "year": 2025}),
        ("feiertage schweiz 2027?", {"country": "schweiz", "year": 2027}),
        ("Welche Tage sind 2026 in Kanada Feiertage?", {"country": "Kanada", "year": 2026}),
        ("Zeig mir die Feiertage in Brasilien im Jahr 2025.", {"country": "Brasilien", "year": 2025}),
    ],
    "track_package": [
        ("Wo ist mein Paket 00340434161234567890?", {"tracking_number": "00340434161234567890"}),
        ("Sendung LX123456789DE verfolgen.", {"tracking_number": "LX123456789DE"}),
        ("kannst du mal die sendungsnummer 1Z999AA10123456784 checken", {"tracking_number": "1Z999AA10123456784"}),
        ("Ist meine Bestellung schon unterwegs? Sendungsnummer: JJD000390007827220741.", {"tracking_number": "JJD000390007827220741"}),
    ],
    "define_word": [
        ("Was bedeutet „ephemer“?", {"word": "ephemer"}),
        ("Definiere Weltschmerz.", {"word": "Weltschmerz"}),
        ("schlag mal das wort ubiquitär im wörterbuch nach", {"word": "ubiquitär"}),
        ("Was ist die Definition von „Petrichor“?", {"word": "Petrichor"}),
    ],
    "get_showtimes": [
        ("Wann läuft Dune heute in Leipzig?", {"movie": "Dune", "city": "Leipzig"}),
        ("Kinozeiten für Alles steht Kopf 2 in Köln?", {"movie": "Alles steht Kopf 2", "city": "Köln"}),
        ("um wie viel uhr kommt oppenheimer in münchen", {"movie": "oppenheimer", "city": "münchen"}),
        ("Zeig mir die heutigen Vorstellungen von Chihiros Reise ins Zauberland in Zürich.", {"movie": "Chihiros Reise ins Zauberland", "city": "Zürich"}),
    ],
    "check_flight_status": [
        ("Ist der Flug LH400 pünktlich?", {"flight_number": "LH400"}),
        ("Status von EW 9462 prüfen.", {"flight_number": "EW 9462"}),
        ("ist BA117 schon gelandet?", {"flight_number": "BA117"}),
        ("Wie sieht's mit meinem Flug aus, DE1234?", {"flight_number": "DE1234"}),
    ],
    "convert_units": [
        ("Rechne 5 Meilen in Kilometer um.", {"value": 5, "from_unit": "Meilen", "to_unit": "Kilometer"}),
        ("Wie viele Unzen sind 200 Gramm?", {"value": 200, "from_unit": "Gramm", "to_unit": "Unzen"}),
        ("3,5 Tassen in Milliliter?", {"value": 3.5, "from_unit": "Tassen", "to_unit": "Milliliter"}),
        ("100 fuß in meter umrechnen", {"value": 100, "from_unit": "fuß", "to_unit": "meter"}),
    ],
}
MISSING_CATALOG = [
    "Tut mir leid, das kann ich hier nicht erledigen – dafür habe ich kein passendes Werkzeug.",
    "Dafür steht mir in diesem Chat leider kein Tool zur Verfügung, deshalb kann ich das nicht machen.",
    "Das geht mit meinen Werkzeugen hier leider nicht, tut mir leid.",
    "Entschuldigung, dafür habe ich hier kein passendes Tool.",
]
NO_FUNCTION = [
    "Tut mir leid, keine der verfügbaren Funktionen kann das.",
    "Mit den Funktionen, die ich hier habe, geht das nicht.",
    "Leider deckt keine der angegebenen Funktionen das ab.",
    "Dafür gibt es hier keine passende Funktion.",
]
