"""Spanish pools for the generator."""

WEATHER = [
    "¿Qué tiempo hace en {city}?",
    "¿Cómo está el clima en {city} ahora?",
    "Tiempo en {city}",
    "¿Está lloviendo en {city}?",
    "Dime el tiempo en {city}, por favor.",
    "¿Hace frío en {city} hoy?",
    "Mañana viajo a {city}, ¿qué tiempo hace allí?",
    "¿Necesito paraguas en {city}?",
    "¿Cuál es la temperatura en {city}?",
    "Consulta el clima de {city}.",
    "¿Podrías mirar el tiempo en {city}?",
    "clima {city}",
    "¿Hace sol en {city}?",
    "Mi hermana vive en {city}, ¿cómo está el tiempo allá?",
    "¿Qué tal el clima en {city} en este momento?",
]
WEATHER_UNIT = [
    "¿Qué tiempo hace en {city}? Dímelo {unit}.",
    "Temperatura en {city} {unit}",
    "¿Cuántos grados hace en {city}? {unit}, por favor.",
    "El clima de {city} {unit}, porfa",
    "Consulta el tiempo en {city} {unit}.",
]
UNITS = {"celsius": ["en grados Celsius", "en °C", "en celsius"],
         "fahrenheit": ["en Fahrenheit", "en °F", "en grados Fahrenheit"]}
UNIT_WORDS = {"celsius": ["celsius", "°c"], "fahrenheit": ["fahrenheit", "°f"]}

TIME = [
    "¿Qué hora es en {city}?",
    "¿Qué hora es ahora en {city}?",
    "Hora local en {city}",
    "Tengo que llamar a un amigo en {city}, ¿qué hora es allí?",
    "¿Me dices la hora en {city}?",
    "¿Es de noche en {city} ahora mismo?",
    "Consulta la hora actual en {city}.",
    "¿Qué día es hoy en {city}?",
    "hora en {city}",
    "¿Podrías decirme qué hora es en {city}?",
    "Mi vuelo aterriza en {city}; ¿qué hora es allí?",
]
IMAGE = [
    "Dibuja {prompt}.",
    "Genera una imagen de {prompt}.",
    "¿Puedes crear una imagen de {prompt}?",
    "Hazme un dibujo de {prompt}.",
    "Quiero una imagen de {prompt}.",
    "Necesito una ilustración de {prompt} para mi blog.",
    "Pinta {prompt}, por favor.",
    "crea una imagen: {prompt}",
    "¿Me generas {prompt}?",
    "Para mi presentación necesito una imagen de {prompt}.",
    "Haz un póster de {prompt}.",
    "Imagina {prompt} y dibújalo.",
]
IMAGE_SUBJECTS = [
    "un zorro rojo en la nieve", "un gato con sombrero de mago", "un faro en una costa rocosa",
    "un plato de paella", "un astronauta montando a caballo", "una cabaña en el bosque",
    "un robot regando plantas", "un dragón durmiendo sobre oro", "un velero al atardecer",
    "el logo de mi panadería", "un perro salchicha en patineta", "una taza de café humeante",
    "una ciudad futurista", "un búho leyendo un libro", "un lago de montaña al amanecer",
    "un coche antiguo en una carretera del desierto", "un panda comiendo bambú", "una medusa brillante",
    "un globo aerostático sobre los campos", "un pingüino con bufanda", "un tren cruzando un puente",
    "una tarta de cumpleaños con velas", "una ballena saltando del mar", "un campo de girasoles",
    "un pueblo nevado de noche", "un mercado lleno de frutas", "un músico callejero con guitarra",
    "una rana con paraguas", "un castillo en las nubes", "una calle lluviosa de la ciudad",
    "un cachorro de golden retriever", "un barco pirata en una tormenta", "una cascada en la selva",
]
IMAGE_STYLES = ["acuarela", "pintura al óleo", "pixel art", "estilo Ghibli", "estilo cyberpunk",
                "dibujo a lápiz", "render 3D", "estilo cómic", "estilo fotorrealista", "estilo anime",
                "arte minimalista", "estilo impresionista", "póster retro", "blanco y negro"]
IMAGE_DETAILS = ["al atardecer", "con luz suave", "con colores vivos", "bajo un cielo estrellado",
                 "con fondo blanco", "bajo la lluvia", "de noche", "en invierno", "con niebla"]
PROMPT_FORMS = ["{s}", "{s}", "{s}, {st}", "{s} en {st}", "{s}, {st}, {d}", "{s} {d}"]
FOLLOW_PROMPT = "{s}, {st}"

PARALLEL_WEATHER = ["¿Qué tiempo hace en {city} y en {city2}?", "Compara el clima de {city} y {city2}.",
                    "¿Hace más calor en {city} o en {city2}?", "El tiempo en {city} y {city2}, por favor."]
PARALLEL_WEATHER_UNIT = ["¿Cuántos grados hace en {city} y en {city2}? {unit}"]
PARALLEL_TIME = ["¿Qué hora es en {city} y en {city2}?", "Dime la hora local de {city} y de {city2}."]
PARALLEL_WEATHER_TIME = ["¿Qué hora es en {city} y qué tiempo hace?", "Hora y clima en {city}, por favor.",
                         "Voy a llamar a mis padres en {city}: ¿qué hora es y cómo está el tiempo?"]
PARALLEL_WEATHER_TIME2 = [
    "¿Qué hora es en {city2} y qué tiempo hace en {city}?",
    "¿Qué tiempo hace en {city}? ¿Y qué hora es en {city2}?",
    "El clima en {city} y la hora local en {city2}, por favor.",
    "Estoy en {city2} y mañana vuelo a {city}: ¿qué hora es aquí y cómo está el tiempo allí?",
    "Dime la hora en {city2} y el tiempo en {city}.",
    "¿Llueve en {city}? ¿Y qué hora es ahora en {city2}?",
]
PARALLEL_IMAGES = ["Haz dos imágenes: {prompt} y {prompt2}.", "Genera {prompt} y también {prompt2}."]

FOLLOW_CITY = ["¿Y en {city}?", "¿Y {city}?", "¿Qué tal en {city}?", "Ahora {city}, por favor."]
FOLLOW_TIME_THERE = ["¿Y qué hora es allí?", "¿Qué hora es allá ahora?"]
FOLLOW_WEATHER_THERE = ["¿Y qué tiempo hace allí?", "¿Está lloviendo allá?"]
FOLLOW_UNIT = ["¿Me lo das {unit}?", "Repítelo {unit}, por favor."]
FOLLOW_STYLE = ["Hazlo en {style}.", "Ahora en {style}.", "¿Puedes rehacerlo como {style}?", "Lo mismo pero en {style}."]
THANKS = [("¡Gracias!", "¡De nada!"), ("Muchas gracias", "¡Un placer ayudarte!"), ("genial, gracias", "¡Me alegro!"),
          ("Perfecto, eso es todo.", "¡Genial, que tengas un buen día!")]
CITY_REPLY = ["{city}", "En {city}.", "{city}, por favor.", "Estoy en {city}."]
IMAGE_REPLY = ["{prompt}", "Algo como {prompt}.", "Mejor {prompt}."]

CLARIFY = [
    ("¿Me haces una imagen?", "¡Claro! ¿Qué quieres que muestre la imagen?", "image"),
    ("Dibuja algo.", "¿Qué dibujo? Dime un tema y, si quieres, un estilo.", "image"),
    ("Necesito una imagen para mi proyecto.", "Vale, ¿qué debería mostrar y en qué estilo?", "image"),
    ("¿Qué tiempo hace?", "¿De qué ciudad quieres saber el tiempo?", "weather"),
    ("¿Va a llover?", "¿Dónde estás? Dime la ciudad y miro el tiempo.", "weather"),
    ("¿Hace frío afuera?", "¿En qué ciudad? Consulto la temperatura.", "weather"),
    ("¿Qué hora es allí?", "¿A qué lugar te refieres? Dime la ciudad y miro la hora local.", "time"),
    ("¿Me dices la hora local?", "¿La hora local de dónde? Dime una ciudad.", "time"),
]
UNSUPPORTED = [
    ("Envía un correo a mi jefe diciendo que llegaré tarde.", "No puedo enviar correos aquí; solo puedo generar imágenes, ver el tiempo y la hora."),
    ("Resérvame un vuelo a Madrid.", "No puedo reservar vuelos, pero sí puedo mirar el tiempo o la hora en Madrid."),
    ("Pon una alarma a las 7.", "Aquí no puedo poner alarmas; mis herramientas son imágenes, tiempo y hora."),
    ("Pon música de salsa.", "No puedo reproducir música."),
    ("Pide una pizza.", "Lo siento, no puedo hacer pedidos."),
    ("Busca en internet las últimas noticias.", "No puedo buscar en la web aquí."),
    ("Recuérdame comprar leche mañana.", "No puedo crear recordatorios aquí."),
]
MISSING_ANSWER = {
    "get_weather": ["Lo siento, aquí no tengo una herramienta del tiempo, así que no puedo consultarlo."],
    "get_time": ["Lo siento, aquí no tengo una herramienta de hora, así que no puedo consultar la hora local."],
    "generate_image": ["Lo siento, aquí no tengo un generador de imágenes, así que no puedo dibujarlo."],
}
ANSWERS = {
    "weather": ["En {city} hay {temp}{deg} y {cond}, con {hum}% de humedad (datos simulados).",
                "{city}: {temp}{deg}, {cond} (simulado).", "Ahora mismo en {city}: {cond}, {temp}{deg}."],
    "weather2": ["{city}: {temp}{deg}, {cond}. {city2}: {temp2}{deg}, {cond2} (datos simulados)."],
    "time": ["En {city} son las {time} del {weekday} (UTC{offset}).", "La hora local en {city} es {time} ({weekday}).", "En {city} son las {time}.", "La hora local en {city} es {time} (UTC{offset})."],
    "time2": ["En {city} son las {time} y en {city2} las {time2}."],
    "weather_time": ["En {city} son las {time} del {weekday}; hay {temp}{deg} y {cond} (tiempo simulado).", "En {city} son las {time}; hay {temp}{deg} y {cond}."],
    "weather_time2": [
        "En {city} hay {temp}{deg} y {cond}; en {city2} son las {time2}.",
        "{city}: {temp}{deg}, {cond} (datos simulados). Hora en {city2}: {time2} ({weekday2}).",
    ],
    "image": ["Aquí tienes tu imagen: {path}", "¡Listo! Guardé la imagen en {path}."],
    "images2": ["Las dos imágenes están listas: {path} y {path2}."],
    "weather_error": ["Lo siento, no pude obtener el tiempo de {city}. ¿Lo intento de nuevo?"],
    "time_error": ["Lo siento, no pude consultar la hora en {city}. ¿Puedes revisar el nombre?"],
    "image_error": ["Lo siento, falló la generación de la imagen. ¿Lo intento otra vez?"],
}
CONDITIONS = {"sunny": "sol", "partly cloudy": "parcialmente nublado", "cloudy": "nublado", "light rain": "llovizna",
              "rain": "lluvia", "thunderstorms": "tormentas", "snow": "nieve", "fog": "niebla", "windy": "viento"}
WEEKDAYS = ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"]
PREFIXES = ["", "", "Pregunta rápida: ", "Oye, ", "Hola, ", "Por curiosidad, "]
EMOJI = ["🙂", "😊", "🙏", "🤔"]

CHITCHAT = [
    ("¡Hola!", "¡Hola! ¿En qué puedo ayudarte?"), ("¿Cómo estás?", "¡Muy bien, gracias! ¿En qué te ayudo?"),
    ("Buenos días", "¡Buenos días! ¿Qué necesitas hoy?"),
    ("¿Quién eres?", "Soy un asistente que puede generar imágenes, consultar el tiempo y la hora local."),
    ("Cuéntame un chiste.", "¿Qué le dice un semáforo a otro? No me mires, que me estoy cambiando."),
    ("Gracias por tu ayuda", "¡De nada!"), ("Adiós", "¡Hasta luego! Que tengas un buen día."),
    ("Estoy aburrido", "¿Jugamos a las adivinanzas, o te dibujo algo divertido?"),
    ("¡Aprobé mi examen!", "¡Enhorabuena! El esfuerzo valió la pena."),
    ("¿Qué puedes hacer?", "Puedo generar imágenes, ver el tiempo en una ciudad y la hora local, y también charlar."),
    ("Recomiéndame un libro.", "Prueba «Cien años de soledad» de Gabriel García Márquez."),
]
KNOWLEDGE = [
    ("¿Cuál es la capital de Australia?", "Canberra."), ("¿Cuántas patas tiene una araña?", "Ocho."),
    ("¿Quién escribió Don Quijote?", "Miguel de Cervantes."), ("¿Cuánto es 7 por 8?", "56."),
    ("¿Cuál es el planeta más grande del sistema solar?", "Júpiter."),
    ("¿Qué idioma se habla en Brasil?", "Portugués."), ("¿Cuál es el océano más grande?", "El Pacífico."),
    ("¿Qué es la fotosíntesis?", "El proceso con el que las plantas convierten luz, agua y CO₂ en azúcar y oxígeno."),
    ("¿En qué año terminó la Segunda Guerra Mundial?", "En 1945."), ("¿Cuál es el símbolo químico del oro?", "Au."),
    ("¿Quién pintó la Mona Lisa?", "Leonardo da Vinci."), ("¿Cuántos días tiene un año bisiesto?", "366."),
    ("¿Cuál es la montaña más alta del mundo?", "El Everest, unos 8.849 m."),
    ("¿Qué significa CPU?", "Central Processing Unit, la unidad central de procesamiento."),
    ("¿Cuál es la raíz cuadrada de 81?", "9."),
]
HARD_NEGATIVE = [
    ("¿Por qué el cielo es azul?", "Las moléculas del aire dispersan mucho más la luz azul que la roja, así que vemos azul en todas direcciones."),
    ("¿Cómo funcionan las zonas horarias?", "Cada zona ajusta su hora respecto a UTC, más o menos una hora por cada 15° de longitud."),
    ("Odio los días de lluvia.", "¡Los días grises cuestan! Un café y un buen libro ayudan."),
    ("¿Cómo se dice 'tiempo' en inglés?", "\"Weather\" si hablas del clima, \"time\" si hablas de la hora."),
    ("¿Qué diferencia hay entre tiempo y clima?", "El tiempo es el estado de la atmósfera a corto plazo; el clima, el promedio de muchos años."),
    ("¿Cómo paso de Celsius a Fahrenheit?", "Multiplica por 9/5 y suma 32: 20 °C son 68 °F."),
    ("¿Qué cámara es buena para retratos?", "Cualquier cámara con un objetivo fijo luminoso de unos 85 mm funciona muy bien."),
    ("¿Quién pintó Las Meninas?", "Diego Velázquez, en 1656."),
    ("¿Qué es la regla de los tercios en fotografía?", "Colocar los elementos clave sobre las líneas que dividen el encuadre en tercios."),
    ("¿Por qué hay años bisiestos?", "Porque el año dura unos 365,24 días; un día extra cada cuatro años corrige el desfase."),
    ("¿Qué es el horario de verano?", "Adelantar el reloj una hora en verano para aprovechar la luz de la tarde."),
    ("¿Cuáles son las características del estilo Ghibli?", "Fondos tipo acuarela, mucha naturaleza, luz cálida y personajes sencillos pero expresivos."),
    ("¿Cómo dibujo un ojo realista?", "Empieza por la forma de almendra, añade iris, pupila y un brillo, y sombrea poco a poco."),
    ("Me encantan los días soleados.", "¡A mí también! Son perfectos para pasear."),
    ("¿Por qué llueve?", "El vapor de agua se enfría, se condensa en gotas en las nubes y cae cuando pesan lo suficiente."),
    ("¿Qué es UTC?", "El Tiempo Universal Coordinado, la referencia de todas las zonas horarias."),
    ("¿Cómo se forma un huracán?", "El agua cálida del océano alimenta aire húmedo que sube y empieza a girar."),
    ("¿Qué es un píxel?", "El punto de color más pequeño de una imagen digital."),
    ("¿Cómo funcionan los generadores de imágenes?", "La mayoría son modelos de difusión que convierten ruido en una imagen paso a paso, guiados por un texto."),
]
OTHER = {
    "convert_currency": ["Convierte {amount} {src} a {dst}.", "¿Cuánto son {amount} {src} en {dst}?"],
    "search_web": ["Busca en internet {query}.", "Busca {query}."],
    "send_email": ["Envía un correo a {to} con el asunto «{subject}» que diga «{body}»."],
}
QUERIES = ["recetas de tortilla de patatas", "horario del Museo del Prado", "vuelos baratos a Lima", "cómo cuidar un bonsái"]
EMAILS = [("ana@example.com", "Reunión", "La reunión es a las 15:00."), ("jefe@empresa.com", "Retraso", "Llegaré 15 minutos tarde.")]

# --- extra variety (round 2) ---
WEATHER += [
    "¿Me podrías decir qué tiempo hace en {city}, por favor?", "que tiempo hace en {city}", "¿Llueve en {city}? ☔",
    "Quiero salir a correr en {city}, ¿cómo está el tiempo?", "¿Hace viento en {city}?", "Revisa el clima en {city}.",
    "¿Está nevando en {city}?", "Estoy en {city} y no sé si llevar abrigo, ¿qué tiempo hace?", "¿qué tal está el día en {city}?",
    "Oye, ¿cómo anda el clima por {city}?", "¿Cuánta humedad hay en {city}?", "Necesito saber el tiempo en {city} para mañana.",
]
WEATHER_UNIT += ["Dame la temperatura de {city} {unit}.", "¿Qué temperatura hace en {city}? {unit}", "clima en {city} {unit} porfa"]
TIME += [
    "¿Qué hora tienen ahora en {city}?", "que hora es en {city}", "Dime la hora de {city}, por favor. ⏰",
    "¿Ya es de día en {city}?", "Tengo una reunión con alguien de {city}; ¿qué hora es allí?", "¿Me consultas la hora en {city}?",
    "Quiero saber la hora exacta en {city}.", "¿Qué día de la semana es en {city}?", "¿Es muy tarde para llamar a {city}?",
]
IMAGE += [
    "¿Me haces una imagen de {prompt}? 🎨", "Necesito un fondo de pantalla con {prompt}.", "genera {prompt}",
    "Por favor, crea una ilustración de {prompt}.", "Me encantaría ver {prompt} en una imagen.", "Diseña una imagen de {prompt} para mi tarjeta.",
    "Quiero un dibujo de {prompt} para colgar en mi cuarto.", "¿Podrías generar una imagen de {prompt}?", "Ilustra {prompt}.",
]
PARALLEL_WEATHER += ["¿Dónde hace más calor, en {city} o en {city2}?"]
PARALLEL_TIME += ["Dime la hora en {city} y también en {city2}."]
CLARIFY += [
    ("Hazme un dibujo", "¡Claro! ¿Qué quieres que dibuje?", "image"),
    ("Necesito una imagen para mi web", "Perfecto. ¿De qué tema y en qué estilo la quieres?", "image"),
    ("¿Qué temperatura hace?", "¿En qué ciudad quieres que lo mire?", "weather"),
    ("Dime la hora local", "¿De qué ciudad quieres la hora local?", "time"),
]
UNSUPPORTED += [
    ("Pon una alarma a las 6", "Aquí no puedo poner alarmas."),
    ("Reserva una mesa para dos esta noche", "No puedo hacer reservas, lo siento."),
    ("Llama a mi madre", "No puedo hacer llamadas desde aquí."),
]
CHITCHAT += [
    ("¡Buenas noches!", "¡Buenas noches! Que descanses."),
    ("¿Eres una persona?", "No, soy un asistente de IA."),
    ("Hoy es mi cumpleaños", "¡Feliz cumpleaños! 🎉"), ("Gracias por todo", "¡De nada! Aquí estoy cuando me necesites."),
    ("¿Cómo te llamas?", "Soy un pequeño asistente que genera imágenes y consulta el tiempo y la hora."), ("Estoy cansado", "Tómate un descanso, te lo mereces."),
    ("jaja qué bueno", "¡Me alegra que te haga gracia!"), ("Hasta mañana", "¡Hasta mañana!"),
]
KNOWLEDGE += [
    ("¿Cuál es la capital de Japón?", "Tokio."), ("¿Cuántos continentes hay?", "Normalmente se cuentan siete."),
    ("¿Cuánto es 9 por 6?", "54."),
    ("¿Cuál es el planeta más cercano al Sol?", "Mercurio."), ("¿Cuál es la fórmula del agua?", "H2O."),
    ("¿Cuántos lados tiene un hexágono?", "Seis."), ("¿Qué idioma se habla en México?", "Principalmente español."),
    ("¿Cuál es el animal terrestre más rápido?", "El guepardo."), ("¿Quién pintó Las Meninas?", "Diego Velázquez."),
    ("¿Cuántos minutos tiene una hora?", "60."),
]
HARD_NEGATIVE += [
    ("¿Cómo se forma un arcoíris?", "La luz del sol se refracta y refleja en las gotas de lluvia y se separa en colores."),
    ("¿Quién pintó el Guernica?", "Pablo Picasso, en 1937."),
    ("Odio cuando hace tanto calor", "Te entiendo. Bebe agua y busca la sombra."), ("¿Cómo se dice 'lluvia' en inglés?", "Rain."),
    ("¿Qué es el clima mediterráneo?", "Un clima de veranos cálidos y secos e inviernos suaves y lluviosos."),
    ("Consejos para fotografiar paisajes", "Usa trípode, dispara en la hora dorada y cuida el horizonte."),
    ("¿Qué caracteriza al surrealismo?", "Imágenes de sueños, escenas ilógicas y objetos inesperados; Dalí es un ejemplo famoso."),
    ("¿Por qué hace frío en invierno?", "Por la inclinación de la Tierra: los rayos del sol llegan más oblicuos y los días son más cortos."),
    ("¿Cuántas zonas horarias tiene España?", "Dos: la peninsular (UTC+1) y la de Canarias (UTC+0), sin contar el horario de verano."),
    ("¿Qué es la hora dorada en fotografía?", "El rato justo después del amanecer o antes del atardecer, con luz cálida y suave."),
    ("¿Cómo funciona un reloj de arena?", "La arena cae por un cuello estrecho a un ritmo casi constante, midiendo un tiempo fijo."),
    ("Me encanta el olor de la lluvia", "¡A mucha gente también! Ese olor se llama petricor."),
    ("¿Qué es la acuarela?", "Una técnica de pintura con pigmentos diluidos en agua, transparente y luminosa."),
    ("¿Qué es el meridiano de Greenwich?", "El meridiano 0°, referencia para la longitud y la hora UTC."),
]
QUERIES += ["mejores tapas de Sevilla", "cómo cuidar un bonsái"]

CATALOG = {
    "set_reminder": [
        ("Recuérdame llamar al dentista mañana a las 9.", {"text": "llamar al dentista", "when": "mañana a las 9"}),
        ("Ponme un recordatorio para regar las plantas el domingo", {"text": "regar las plantas", "when": "el domingo"}),
        ("¿me recuerdas en 20 minutos sacar la pizza del horno?", {"text": "sacar la pizza del horno", "when": "en 20 minutos"}),
        ("Por favor, recuérdame pagar el alquiler el día 1.", {"text": "pagar el alquiler", "when": "el día 1"}),
        ("Recordatorio: pasar a buscar a Valentina al cole hoy a las 5", {"text": "pasar a buscar a Valentina al cole", "when": "hoy a las 5"}),
    ],
    "send_message": [
        ("Escríbele a Lucía que llego 10 minutos tarde.", {"recipient": "Lucía", "text": "llego 10 minutos tarde"}),
        ("Mándale un mensaje a papá: ¡feliz cumpleaños!", {"recipient": "papá", "text": "¡feliz cumpleaños!"}),
        ("dile a Kenji que yo llevo la torta", {"recipient": "Kenji", "text": "yo llevo la torta"}),
        ("Envía un SMS al +34 612 345 678 diciendo que ya llegó el paquete.", {"recipient": "+34 612 345 678", "text": "ya llegó el paquete"}),
        ("¿Le puedes mandar un mensaje a Diego? Nos vemos en la estación", {"recipient": "Diego", "text": "Nos vemos en la estación"}),
    ],
    "play_music": [
        ("Pon algo de Rosalía.", {"query": "Rosalía"}),
        ("Ponme lo-fi en aleatorio", {"query": "lo-fi", "shuffle": True}),
        ("reproduce Despacito", {"query": "Despacito"}),
        ("Quiero escuchar el disco El Madrileño de principio a fin.", {"query": "El Madrileño"}),
        ("Pon mi música de piano clásico en modo aleatorio, porfa", {"query": "piano clásico", "shuffle": True}),
    ],
    "book_restaurant": [
        ("Resérvame una mesa para 4 en Casa Lucio esta noche a las 21:00.", {"restaurant": "Casa Lucio", "people": 4, "time": "esta noche a las 21:00"}),
        ("Reserva en Pujol para dos el viernes a las 8", {"restaurant": "Pujol", "people": 2, "time": "el viernes a las 8"}),
        ("¿nos consigues mesa en Sushi Zen? somos 6, sábado 19:30", {"restaurant": "Sushi Zen", "people": 6, "time": "sábado 19:30"}),
        ("Necesito una reserva en Don Julio para 3 personas mañana al mediodía.", {"restaurant": "Don Julio", "people": 3, "time": "mañana al mediodía"}),
        ("Mesa para 5 en El Celler de Can Roca el martes que viene a las 14:30", {"restaurant": "El Celler de Can Roca", "people": 5, "time": "el martes que viene a las 14:30"}),
    ],
    "search_flights": [
        ("Búscame vuelos de Madrid a Buenos Aires para el 3 de marzo.", {"origin": "Madrid", "destination": "Buenos Aires", "date": "el 3 de marzo"}),
        ("¿Hay vuelos de Bogotá a Cartagena el próximo viernes?", {"origin": "Bogotá", "destination": "Cartagena", "date": "el próximo viernes"}),
        ("vuelos Santiago a Lima", {"origin": "Santiago", "destination": "Lima"}),
        ("Tengo que volar mañana de Barcelona a Sevilla, ¿qué hay?", {"origin": "Barcelona", "destination": "Sevilla", "date": "mañana"}),
        ("Busca vuelos Ciudad de México → Cancún el 12 de julio", {"origin": "Ciudad de México", "destination": "Cancún", "date": "el 12 de julio"}),
    ],
    "calculate": [
        ("¿Cuánto es el 17,5 % de 240?", {"expression": "240*17.5/100"}),
        ("Calcula 1234 por 56.", {"expression": "1234*56"}),
        ("cuánto da (45 + 30) / 3", {"expression": "(45+30)/3"}),
        ("2 elevado a 10", {"expression": "2**10"}),
        ("¿Cuánto es 98 menos 43 por 2?", {"expression": "98-43*2"}),
    ],
    "get_news": [
        ("¿Qué hay de nuevo sobre los coches eléctricos?", {"topic": "coches eléctricos"}),
        ("Dame los titulares de hoy sobre la bolsa.", {"topic": "la bolsa"}),
        ("noticias del Mundial?", {"topic": "Mundial"}),
        ("Muéstrame las últimas noticias de tecnología.", {"topic": "tecnología"}),
        ("¿Qué se sabe de las elecciones en Argentina?", {"topic": "las elecciones en Argentina"}),
    ],
    "create_event": [
        ("Agrega 'Comida con el equipo' a mi calendario el jueves a las 12:30.", {"title": "Comida con el equipo", "date": "el jueves", "time": "12:30"}),
        ("Apunta en mi agenda el cumple de Ana, el 14 de mayo.", {"title": "cumple de Ana", "date": "el 14 de mayo"}),
        ("agéndame cita con el dentista el lunes que viene a las 10 de la mañana", {"title": "cita con el dentista", "date": "el lunes que viene", "time": "10 de la mañana"}),
        ("Crea un evento que se llame Club de lectura el día 21 a las 19:00.", {"title": "Club de lectura", "date": "el día 21", "time": "19:00"}),
        ("Añade clase de yoga al calendario mañana a las 6 de la tarde", {"title": "clase de yoga", "date": "mañana", "time": "6 de la tarde"}),
    ],
    "add_todo": [
        ("Añade 'comprar leche' a mi lista de tareas.", {"task": "comprar leche"}),
        ("Pon renovar el pasaporte en mis pendientes, prioridad alta.", {"task": "renovar el pasaporte", "priority": "high"}),
        ("agrega arreglar la bici a mis tareas", {"task": "arreglar la bici"}),
        ("Nueva tarea: limpiar el garaje, prioridad baja", {"task": "limpiar el garaje", "priority": "low"}),
        ("Por favor, agrega 'mandarle un correo al casero' a mis pendientes con prioridad media.", {"task": "mandarle un correo al casero", "priority": "medium"}),
    ],
    "set_thermostat": [
        ("Pon el termostato a 21 grados.", {"temperature": 21}),
        ("Deja el dormitorio a 19,5 grados, por favor.", {"temperature": 19.5, "room": "dormitorio"}),
        ("sube la calefacción a 22", {"temperature": 22}),
        ("Pon el salón a 23 grados.", {"temperature": 23, "room": "salón"}),
        ("¿Puedes poner el termostato de la oficina a 20?", {"temperature": 20, "room": "oficina"}),
    ],
    "control_lights": [
        ("Apaga las luces de la cocina.", {"room": "cocina", "state": "off"}),
        ("Enciende las luces del dormitorio.", {"room": "dormitorio", "state": "on"}),
        ("prende la luz del garaje porfa", {"room": "garaje", "state": "on"}),
        ("¿Puedes apagar las luces de la sala?", {"room": "sala", "state": "off"}),
        ("Apágame la luz del pasillo", {"room": "pasillo", "state": "off"}),
    ],
    "find_recipe": [
        ("Búscame una receta de paella valenciana.", {"dish": "paella valenciana"}),
        ("Necesito una receta de bizcocho de chocolate vegano.", {"dish": "bizcocho de chocolate", "diet": "vegan"}),
        ("¿cómo se hacen los chilaquiles? búscame la receta", {"dish": "chilaquiles"}),
        ("Dame una receta de masa de pizza sin gluten.", {"dish": "masa de pizza", "diet": "gluten-free"}),
        ("Busca una receta de lasaña vegetariana", {"dish": "lasaña", "diet": "vegetarian"}),
    ],
    "get_directions": [
        ("¿Cómo llego andando de la Puerta del Sol al Museo del Prado?", {"origin": "la Puerta del Sol", "destination": "Museo del Prado", "mode": "walking"}),
        ("Indicaciones para ir de la Estación Central al aeropuerto en transporte público.", {"origin": "la Estación Central", "destination": "aeropuerto", "mode": "transit"}),
        ("cómo voy en coche de Valencia a Alicante", {"origin": "Valencia", "destination": "Alicante", "mode": "driving"}),
        ("Ruta desde mi oficina hasta el Zócalo", {"origin": "mi oficina", "destination": "el Zócalo"}),
        ("¿Cómo voy en bici desde el Parque Simón Bolívar hasta Usaquén?", {"origin": "el Parque Simón Bolívar", "destination": "Usaquén", "mode": "cycling"}),
    ],
    "order_food": [
        ("Pide dos pizzas margarita.", {"item": "pizzas margarita", "quantity": 2}),
        ("Pídeme un burrito de pollo a domicilio.", {"item": "burrito de pollo", "quantity": 1}),
        ("pídeme 3 tacos al pastor", {"item": "tacos al pastor", "quantity": 3}),
        ("Quiero 4 rollitos de primavera a domicilio, por favor.", {"item": "rollitos de primavera", "quantity": 4}),
        ("¿Me encargas una docena de empanadas?", {"item": "empanadas", "quantity": 12}),
    ],
    "get_air_quality": [
        ("¿Cómo está la calidad del aire en Santiago ahora mismo?", {"city": "Santiago"}),
        ("¿Está limpio el aire hoy en Madrid?", {"city": "Madrid"}),
        ("índice de calidad del aire de Lima?", {"city": "Lima"}),
        ("qué tan feo está el smog en la Ciudad de México", {"city": "Ciudad de México"}),
        ("Consulta el nivel de contaminación en Pekín.", {"city": "Pekín"}),
    ],
    "get_sunrise_sunset": [
        ("¿A qué hora se pone el sol hoy en Reikiavik?", {"city": "Reikiavik"}),
        ("¿A qué hora amanece en El Cairo?", {"city": "El Cairo"}),
        ("salida y puesta del sol en Ushuaia", {"city": "Ushuaia"}),
        ("¿Cuándo oscurece hoy en Oslo?", {"city": "Oslo"}),
        ("¿A qué hora sale el sol en Montevideo?", {"city": "Montevideo"}),
    ],
    "book_hotel": [
        ("Resérvame un hotel en Lisboa a partir del 5 de junio, 3 noches.", {"city": "Lisboa", "check_in": "5 de junio", "nights": 3}),
        ("Necesito habitación en Kioto para 2 noches desde el viernes.", {"city": "Kioto", "check_in": "el viernes", "nights": 2}),
        ("hotel en Praga, entrada mañana, 1 noche", {"city": "Praga", "check_in": "mañana", "nights": 1}),
        ("Búscame un hotel en Cartagena para 4 noches desde el lunes que viene.", {"city": "Cartagena", "check_in": "el lunes que viene", "nights": 4}),
        ("Reserva cinco noches en Bali a partir del 10 de agosto.", {"city": "Bali", "check_in": "10 de agosto", "nights": 5}),
    ],
    "search_images": [
        ("Busca fotos del puente Golden Gate.", {"query": "puente Golden Gate"}),
        ("Búscame imágenes de pandas rojos.", {"query": "pandas rojos"}),
        ("enséñame fotos reales de la aurora boreal", {"query": "aurora boreal"}),
        ("Busca en internet imágenes de edificios art déco.", {"query": "edificios art déco"}),
        ("Encuentra fotos de Machu Picchu con niebla", {"query": "Machu Picchu con niebla"}),
    ],
    "get_holidays": [
        ("¿Cuáles son los festivos de Japón en 2026?", {"country": "Japón", "year": 2026}),
        ("Dime los feriados nacionales de Argentina para 2025.", {"country": "Argentina", "year": 2025}),
        ("festivos México 2027?", {"country": "México", "year": 2027}),
        ("¿Qué días son feriado en Chile en 2026?", {"country": "Chile", "year": 2026}),
        ("Muéstrame los días festivos de España de 2025.", {"country": "España", "year": 2025}),
    ],
    "track_package": [
        ("¿Dónde está mi paquete 1Z999AA10123456784?", {"tracking_number": "1Z999AA10123456784"}),
        ("Rastrea el envío LX123456789CN.", {"tracking_number": "LX123456789CN"}),
        ("mira el número de seguimiento PQ4B6A0711234560128001X", {"tracking_number": "PQ4B6A0711234560128001X"}),
        ("¿Ya salió mi pedido? Número de guía: 7489 2201 5563", {"tracking_number": "7489 2201 5563"}),
    ],
    "define_word": [
        ("¿Qué significa 'efímero'?", {"word": "efímero"}),
        ("Define serendipia.", {"word": "serendipia"}),
        ("busca la palabra ubicuo en el diccionario", {"word": "ubicuo"}),
        ("¿Cuál es la definición de «petricor»?", {"word": "petricor"}),
    ],
    "get_showtimes": [
        ("¿A qué hora ponen Dune hoy en Valencia?", {"movie": "Dune", "city": "Valencia"}),
        ("Horarios de Intensamente 2 en Guadalajara", {"movie": "Intensamente 2", "city": "Guadalajara"}),
        ("en qué horarios dan Oppenheimer en Medellín", {"movie": "Oppenheimer", "city": "Medellín"}),
        ("Busca las sesiones de hoy de El viaje de Chihiro en Barcelona.", {"movie": "El viaje de Chihiro", "city": "Barcelona"}),
    ],
    "check_flight_status": [
        ("¿El vuelo IB6845 sale a su hora?", {"flight_number": "IB6845"}),
        ("Consulta el estado del AR 1304.", {"flight_number": "AR 1304"}),
        ("¿ya aterrizó el LA800?", {"flight_number": "LA800"}),
        ("¿Cómo va mi vuelo, el AM 401?", {"flight_number": "AM 401"}),
    ],
    "convert_units": [
        ("Pasa 5 millas a kilómetros.", {"value": 5, "from_unit": "millas", "to_unit": "kilómetros"}),
        ("¿Cuántas libras son 70 kg?", {"value": 70, "from_unit": "kg", "to_unit": "libras"}),
        ("3,5 tazas en mililitros?", {"value": 3.5, "from_unit": "tazas", "to_unit": "mililitros"}),
        ("convierte 100 pies a metros", {"value": 100, "from_unit": "pies", "to_unit": "metros"}),
    ],
}
MISSING_CATALOG = [
    "Lo siento, eso no lo puedo hacer aquí: ninguna de mis herramientas sirve para ello.",
    "No tengo ninguna herramienta para eso en este chat, así que no puedo hacerlo.",
    "Perdona, pero eso no está al alcance de las herramientas que tengo aquí.",
    "Disculpa, aquí no cuento con ninguna herramienta que me permita hacer eso.",
]
NO_FUNCTION = [
    "Lo siento, ninguna de las funciones disponibles puede hacer eso.",
    "No puedo hacerlo con las funciones que tengo aquí.",
    "Ninguna de las funciones declaradas sirve para eso, lo siento.",
    "Eso no lo puede hacer ninguna de las funciones disponibles.",
]
