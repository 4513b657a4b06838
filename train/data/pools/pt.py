"""Portuguese pools for the generator."""

WEATHER = [
    "Como está o tempo em {city}?",
    "Qual é a previsão agora em {city}?",
    "Tempo em {city}",
    "Está chovendo em {city}?",
    "Pode ver o clima em {city} pra mim?",
    "Está frio em {city} hoje?",
    "Vou viajar para {city} amanhã, como está o tempo lá?",
    "Preciso de guarda-chuva em {city}?",
    "Qual é a temperatura em {city}?",
    "clima {city}",
    "Me diz como está o tempo em {city}, por favor.",
    "Minha irmã mora em {city}. Está fazendo sol lá?",
    "Faz calor em {city} agora?",
]
WEATHER_UNIT = [
    "Como está o tempo em {city}? {unit}, por favor.",
    "Temperatura em {city} {unit}",
    "Quantos graus faz em {city} {unit}?",
    "Clima de {city} {unit}, por favor",
]
UNITS = {"celsius": ["em graus Celsius", "em °C", "em celsius"], "fahrenheit": ["em Fahrenheit", "em °F", "em graus Fahrenheit"]}
UNIT_WORDS = {"celsius": ["celsius", "°c"], "fahrenheit": ["fahrenheit", "°f"]}

TIME = [
    "Que horas são em {city}?",
    "Que horas são agora em {city}?",
    "Hora local em {city}",
    "Preciso ligar para um amigo em {city}, que horas são lá?",
    "Pode me dizer a hora em {city}?",
    "Já é noite em {city}?",
    "Que dia da semana é hoje em {city}?",
    "hora {city}",
    "Meu voo pousa em {city} daqui a pouco, que horas são lá?",
]
IMAGE = [
    "Desenhe {prompt}.",
    "Gere uma imagem de {prompt}.",
    "Pode criar uma imagem de {prompt}?",
    "Quero uma imagem de {prompt}.",
    "Preciso de uma ilustração de {prompt} para o meu blog.",
    "Pinte {prompt}, por favor.",
    "cria uma imagem: {prompt}",
    "Para a minha apresentação preciso de uma imagem de {prompt}.",
    "Faça um pôster de {prompt}.",
]
IMAGE_SUBJECTS = [
    "uma raposa vermelha na neve", "um gato com chapéu de mago", "um farol numa costa rochosa",
    "um prato de feijoada", "um astronauta a cavalo", "uma cabana na floresta", "um robô regando plantas",
    "um dragão dormindo sobre ouro", "um veleiro ao pôr do sol", "o logo da minha padaria",
    "um cachorro de skate", "uma xícara de café fumegante", "uma cidade futurista", "uma coruja lendo um livro",
    "um lago na montanha ao amanhecer", "um panda comendo bambu", "um pinguim de cachecol",
    "um trem atravessando uma ponte", "um bolo de aniversário com velas", "uma baleia saltando do mar",
    "um campo de girassóis", "um bondinho subindo a colina", "uma praia ao luar", "um papagaio colorido",
]
IMAGE_STYLES = ["aquarela", "pintura a óleo", "pixel art", "estilo Ghibli", "estilo cyberpunk", "desenho a lápis",
                "render 3D", "estilo história em quadrinhos", "estilo fotorrealista", "estilo anime", "pôster retrô", "preto e branco"]
IMAGE_DETAILS = ["ao pôr do sol", "com luz suave", "com cores vivas", "sob um céu estrelado", "com fundo branco",
                 "na chuva", "à noite", "no inverno"]
PROMPT_FORMS = ["{s}", "{s}", "{s}, {st}", "{s} em {st}", "{s}, {st}, {d}", "{s} {d}"]
FOLLOW_PROMPT = "{s}, {st}"

PARALLEL_WEATHER = ["Como está o tempo em {city} e em {city2}?", "Compare o clima de {city} e {city2}.",
                    "Está mais quente em {city} ou em {city2}?"]
PARALLEL_WEATHER_UNIT = ["Quantos graus faz em {city} e em {city2} {unit}?"]
PARALLEL_TIME = ["Que horas são em {city} e em {city2}?", "Me diga a hora local em {city} e {city2}."]
PARALLEL_WEATHER_TIME = ["Que horas são em {city} e como está o tempo?", "Hora e clima em {city}, por favor."]
PARALLEL_WEATHER_TIME2 = [
    "Que horas são em {city2} e como está o tempo em {city}?",
    "Como está o tempo em {city}? E que horas são em {city2}?",
    "O clima em {city} e a hora local em {city2}, por favor.",
    "Estou em {city2} e vou para {city} amanhã: que horas são aqui e como está o tempo lá?",
    "Me diz a hora em {city2} e o tempo em {city}.",
    "Está chovendo em {city}? E que horas são agora em {city2}?",
]
PARALLEL_IMAGES = ["Faça duas imagens: {prompt} e {prompt2}.", "Gere {prompt} e também {prompt2}."]

FOLLOW_CITY = ["E em {city}?", "E {city}?", "E que tal {city}?", "Agora {city}, por favor."]
FOLLOW_TIME_THERE = ["E que horas são lá?", "Que horas são lá agora?"]
FOLLOW_WEATHER_THERE = ["E como está o tempo lá?", "Está chovendo lá?"]
FOLLOW_UNIT = ["Pode me dar isso {unit}?", "Repete {unit}, por favor."]
FOLLOW_STYLE = ["Faça em {style}.", "Agora em {style}.", "Pode refazer como {style}?", "A mesma coisa, mas em {style}."]
THANKS = [("Obrigado!", "De nada!"), ("Muito obrigada", "Por nada, fico feliz em ajudar!"), ("valeu!", "Tamo junto! 👍")]
CITY_REPLY = ["{city}", "Em {city}.", "{city}, por favor.", "Estou em {city}."]
IMAGE_REPLY = ["{prompt}", "Algo como {prompt}.", "Pode ser {prompt}."]

CLARIFY = [
    ("Pode me fazer uma imagem?", "Claro! O que a imagem deve mostrar?", "image"),
    ("Desenha alguma coisa.", "O que devo desenhar? Me diga um tema e, se quiser, um estilo.", "image"),
    ("Como está o tempo?", "De qual cidade você quer saber o tempo?", "weather"),
    ("Vai chover?", "Onde você está? Me diga a cidade que eu vejo o tempo.", "weather"),
    ("Que horas são lá?", "Qual lugar você quer dizer? Me diga a cidade que eu vejo a hora local.", "time"),
    ("Me diz a hora local.", "A hora local de onde? Me diga uma cidade.", "time"),
]
UNSUPPORTED = [
    ("Mande um e-mail para o meu chefe dizendo que vou me atrasar.", "Não consigo enviar e-mails aqui; só posso gerar imagens, ver o tempo e a hora."),
    ("Reserve um voo para Lisboa.", "Não consigo reservar voos, mas posso ver o tempo ou a hora em Lisboa."),
    ("Coloque um alarme para as 7h.", "Não consigo definir alarmes aqui."),
    ("Toque uma música.", "Não consigo tocar música."),
    ("Peça uma pizza.", "Desculpe, não consigo fazer pedidos."),
    ("Pesquise as últimas notícias na internet.", "Não consigo pesquisar na web aqui."),
]
MISSING_ANSWER = {
    "get_weather": ["Desculpe, aqui não tenho uma ferramenta de tempo, então não consigo consultar."],
    "get_time": ["Desculpe, aqui não tenho uma ferramenta de hora, então não consigo ver a hora local."],
    "generate_image": ["Desculpe, aqui não tenho um gerador de imagens, então não consigo desenhar isso."],
}
ANSWERS = {
    "weather": ["Em {city} faz {temp}{deg}, {cond}, umidade de {hum}% (dados simulados).",
                "{city}: {temp}{deg}, {cond} (simulado).", "Agora em {city}: {cond}, {temp}{deg}."],
    "weather2": ["{city}: {temp}{deg}, {cond}. {city2}: {temp2}{deg}, {cond2} (dados simulados)."],
    "time": ["Em {city} são {time} de {weekday} (UTC{offset}).", "A hora local em {city} é {time} ({weekday}).", "Em {city} são {time}.", "A hora local em {city} é {time} (UTC{offset})."],
    "time2": ["Em {city} são {time} e em {city2} são {time2}."],
    "weather_time": ["Em {city} são {time} de {weekday}; faz {temp}{deg}, {cond} (tempo simulado).", "Em {city} são {time}; faz {temp}{deg}, {cond}."],
    "weather_time2": [
        "Em {city} faz {temp}{deg}, {cond}; em {city2} são {time2}.",
        "{city}: {temp}{deg}, {cond} (dados simulados). Hora em {city2}: {time2} ({weekday2}).",
    ],
    "image": ["Aqui está sua imagem: {path}", "Pronto! Salvei a imagem em {path}."],
    "images2": ["As duas imagens estão prontas: {path} e {path2}."],
    "weather_error": ["Desculpe, não consegui obter o tempo de {city}. Quer que eu tente de novo?"],
    "time_error": ["Desculpe, não consegui ver a hora em {city}. Pode conferir o nome?"],
    "image_error": ["Desculpe, a geração da imagem falhou. Quer que eu tente de novo?"],
}
CONDITIONS = {"sunny": "ensolarado", "partly cloudy": "parcialmente nublado", "cloudy": "nublado", "light rain": "chuva fraca",
              "rain": "chuva", "thunderstorms": "tempestades", "snow": "neve", "fog": "neblina", "windy": "ventando"}
WEEKDAYS = ["segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira", "sábado", "domingo"]
PREFIXES = ["", "", "Pergunta rápida: ", "Oi, ", "Olá! ", "Por curiosidade, "]
EMOJI = ["🙂", "😊", "🙏", "🤔"]

CHITCHAT = [
    ("Oi!", "Oi! Como posso ajudar?"), ("Tudo bem?", "Tudo ótimo, obrigado! Em que posso ajudar?"),
    ("Bom dia", "Bom dia! O que vamos fazer hoje?"),
    ("Quem é você?", "Sou um assistente que gera imagens e consulta o tempo e a hora local."),
    ("Me conta uma piada.", "Por que o livro de matemática estava triste? Porque tinha muitos problemas."),
    ("Obrigado pela ajuda", "De nada!"), ("Tchau", "Tchau! Tenha um ótimo dia."),
    ("Estou entediado", "Que tal uma adivinhação, ou quer que eu desenhe algo divertido?"),
    ("Passei na prova!", "Parabéns! O esforço valeu a pena."),
]
KNOWLEDGE = [
    ("Qual é a capital da Austrália?", "Camberra."), ("Quantas patas tem uma aranha?", "Oito."),
    ("Quem escreveu Os Lusíadas?", "Luís de Camões."), ("Quanto é 7 vezes 8?", "56."),
    ("Qual é o maior planeta do sistema solar?", "Júpiter."), ("Qual é o maior oceano?", "O Pacífico."),
    ("O que é fotossíntese?", "O processo em que as plantas transformam luz, água e CO₂ em açúcar e oxigênio."),
    ("Quando terminou a Segunda Guerra Mundial?", "Em 1945."), ("Quem pintou a Mona Lisa?", "Leonardo da Vinci."),
    ("Qual é a capital do Brasil?", "Brasília."), ("Quantos dias tem um ano bissexto?", "366."),
]
HARD_NEGATIVE = [
    ("Por que o céu é azul?", "As moléculas do ar espalham muito mais a luz azul do que a vermelha."),
    ("Como funcionam os fusos horários?", "Cada fuso ajusta a hora em relação ao UTC, cerca de uma hora a cada 15° de longitude."),
    ("Odeio dias de chuva.", "Dias de chuva são desanimadores! Um chá e um bom livro ajudam."),
    ("Como se diz 'tempo' em inglês?", "\"Weather\" para o clima, \"time\" para as horas."),
    ("Qual a diferença entre tempo e clima?", "Tempo é o estado da atmosfera no curto prazo; clima é a média de muitos anos."),
    ("Como converter Celsius para Fahrenheit?", "Multiplique por 9/5 e some 32: 20 °C são 68 °F."),
    ("Qual câmera é boa para retratos?", "Qualquer câmera com uma lente fixa clara de cerca de 85 mm funciona muito bem."),
    ("O que é a regra dos terços na fotografia?", "Posicionar os elementos principais nas linhas que dividem a imagem em terços."),
    ("Quais são as características do estilo Ghibli?", "Fundos tipo aquarela, muita natureza, luz quente e personagens simples mas expressivos."),
    ("Por que existem anos bissextos?", "O ano tem cerca de 365,24 dias; um dia extra a cada quatro anos corrige a diferença."),
    ("Quantos fusos horários tem o Brasil?", "Quatro fusos oficiais, de UTC−2 a UTC−5."),
    ("Por que chove?", "O vapor de água esfria, condensa em gotas nas nuvens e cai quando elas ficam pesadas."),
    ("Quem pintou Abaporu?", "Tarsila do Amaral, em 1928."),
    ("Adoro dias de sol.", "Eu também! Perfeitos para um passeio."),
]
OTHER = {
    "convert_currency": ["Converta {amount} {src} para {dst}.", "Quanto é {amount} {src} em {dst}?"],
    "search_web": ["Pesquise na web {query}.", "Procure {query}."],
    "send_email": ["Mande um e-mail para {to} com o assunto \"{subject}\" dizendo \"{body}\"."],
}
QUERIES = ["receita de pão de queijo", "horário do Museu do Ipiranga", "voos baratos para Salvador"]
EMAILS = [("joao@example.com.br", "Reunião", "A reunião é às 15h."), ("chefe@empresa.com.br", "Atraso", "Vou chegar 15 minutos atrasado.")]

# --- extra variety (round 2) ---
WEATHER += [
    "Você poderia me dizer como está o tempo em {city}?", "como ta o tempo em {city}",
    "Quero correr em {city} hoje, o tempo está bom?", "Está ventando em {city}?", "Confere a previsão para {city}, por favor.",
    "Está nevando em {city}?", "Estou em {city}, preciso levar casaco?", "Como está o dia lá em {city}?",
    "Bom dia, poderia verificar o clima de {city}?", "Qual é a umidade em {city}?", "tempo {city} agora",
]
WEATHER_UNIT += ["Me dá a temperatura de {city} {unit}.", "clima em {city} {unit} pfv"]
TIME += [
    "que horas sao em {city}", "Me diz a hora em {city}, por favor ⏰",
    "Já está de noite em {city}?", "Tenho uma reunião com alguém de {city}; que horas são lá?",
    "Poderia verificar o horário local de {city}?", "Que dia da semana é em {city}?", "É tarde demais para ligar para {city}?",
    "Horário atual em {city}, por favor.",
]
IMAGE += [
    "Faz uma imagem de {prompt} pra mim? 🎨", "Preciso de um papel de parede com {prompt}.", "gera {prompt}",
    "Poderia criar uma ilustração de {prompt}, por favor?", "Adoraria ver {prompt} numa imagem.", "Cria um cartão com {prompt}.",
    "Quero um desenho de {prompt} para o meu quarto.", "Ilustre {prompt}.", "Faz uma arte de {prompt} pro Instagram.",
]
PARALLEL_WEATHER += ["Onde está mais quente, em {city} ou em {city2}?"]
CLARIFY += [
    ("Desenha alguma coisa pra mim", "Claro! O que você quer que eu desenhe?", "image"),
    ("Preciso de uma imagem para o meu site", "Certo. Qual tema e qual estilo?", "image"),
    ("Quantos graus está fazendo?", "Em qual cidade você está?", "weather"),
    ("Me diz o horário local", "O horário local de qual cidade?", "time"),
]
UNSUPPORTED += [
    ("Coloca um despertador para as 6", "Aqui não consigo configurar despertadores."),
    ("Reserva uma mesa para dois hoje à noite", "Não consigo fazer reservas, desculpe."),
    ("Liga para a minha mãe", "Não consigo fazer ligações daqui."),
]
CHITCHAT += [
    ("Boa noite!", "Boa noite, durma bem!"),
    ("Conta uma piada", "Por que o livro de matemática estava triste? Porque tinha muitos problemas."),
    ("Você é humano?", "Não, sou um assistente de IA."), ("Hoje é meu aniversário", "Feliz aniversário! 🎉"),
    ("Obrigado por tudo", "De nada, até mais!"), ("Qual é o seu nome?", "Sou um pequeno assistente que cria imagens e consulta o tempo e o horário."),
    ("Tô cansado", "Faça uma pausa, você merece."), ("kkkk boa", "Que bom que você riu!"), ("Até amanhã", "Até amanhã!"),
]
KNOWLEDGE += [
    ("Qual é a capital do Japão?", "Tóquio."), ("Quantos continentes existem?", "Normalmente contam-se sete."),
    ("Quem escreveu Dom Casmurro?", "Machado de Assis."), ("Quanto é 9 vezes 6?", "54."),
    ("Qual é o planeta mais próximo do Sol?", "Mercúrio."), ("Qual é a fórmula da água?", "H2O."),
    ("Quantos lados tem um hexágono?", "Seis."), ("Qual é a língua oficial de Angola?", "Português."),
    ("Qual é o animal terrestre mais rápido?", "O guepardo."), ("Qual é a capital da Argentina?", "Buenos Aires."),
    ("Quantos segundos tem um minuto?", "60."),
]
HARD_NEGATIVE += [
    ("Como se forma um arco-íris?", "A luz do sol é refratada e refletida nas gotas de chuva e se separa em cores."),
    ("O que é horário de verão?", "Adiantar os relógios uma hora no verão para aproveitar a luz do fim do dia."),
    ("Odeio esse calor", "Entendo. Beba bastante água e fique na sombra."), ("Como se diz 'chuva' em inglês?", "Rain."),
    ("O que é clima tropical?", "Um clima quente o ano todo, com estação chuvosa e estação seca."),
    ("Dicas para fotografar paisagens?", "Use tripé, fotografe na hora dourada e mantenha o horizonte reto."),
    ("O que é o modernismo brasileiro?", "Um movimento artístico lançado na Semana de Arte Moderna de 1922, buscando uma arte brasileira nova."),
    ("Por que faz frio no inverno?", "Pela inclinação da Terra: os raios do sol chegam mais inclinados e os dias são mais curtos."),
    ("O que é a hora dourada na fotografia?", "O período logo após o nascer ou antes do pôr do sol, com luz quente e suave."),
    ("Como funciona uma ampulheta?", "A areia passa por um gargalo estreito a um ritmo quase constante, medindo um tempo fixo."),
    ("Adoro o cheiro de chuva", "Muita gente também! Esse cheiro se chama petricor."),
    ("O que é aquarela?", "Uma técnica de pintura com pigmentos diluídos em água, transparente e leve."),
    ("Por que o céu fica vermelho no pôr do sol?", "A luz atravessa mais atmosfera; o azul se espalha e sobram o vermelho e o laranja."),
]
QUERIES += ["melhores praias de Florianópolis", "como cuidar de um bonsai"]
CATALOG = {
    "set_reminder": [
        ("Lembra-me de ligar ao dentista amanhã às 9h.", {"text": "ligar ao dentista", "when": "amanhã às 9h"}),
        ("Me lembra de regar as plantas no domingo", {"text": "regar as plantas", "when": "domingo"}),
        ("daqui a 20 minutos me avisa pra tirar a pizza do forno", {"text": "tirar a pizza do forno", "when": "daqui a 20 minutos"}),
        ("Por favor, cria um lembrete para pagar a renda no dia 1.", {"text": "pagar a renda", "when": "dia 1"}),
        ("Hoje às 20h, me lembre de mandar o relatório.", {"text": "mandar o relatório", "when": "Hoje às 20h"}),
    ],
    "send_message": [
        ("Manda uma mensagem pra Juliana dizendo que vou atrasar uns 10 minutos", {"recipient": "Juliana", "text": "vou atrasar uns 10 minutos"}),
        ("Envia uma SMS ao pai: feliz aniversário!", {"recipient": "pai", "text": "feliz aniversário!"}),
        ("diz ao Tiago que eu levo o bolo", {"recipient": "Tiago", "text": "eu levo o bolo"}),
        ("Mande para +55 11 98765-4321 que o pacote chegou.", {"recipient": "+55 11 98765-4321", "text": "o pacote chegou"}),
        ("Podes enviar à Inês: encontramo-nos na estação", {"recipient": "Inês", "text": "encontramo-nos na estação"}),
    ],
    "play_music": [
        ("Toca um pouco de Caetano Veloso.", {"query": "Caetano Veloso"}),
        ("Põe fado a tocar em modo aleatório", {"query": "fado", "shuffle": True}),
        ("toca Garota de Ipanema", {"query": "Garota de Ipanema"}),
        ("Quero ouvir o álbum Acabou Chorare.", {"query": "Acabou Chorare"}),
        ("Bota pagode dos anos 90 no aleatório, por favor", {"query": "pagode dos anos 90", "shuffle": True}),
    ],
    "book_restaurant": [
        ("Reserva uma mesa para 4 no Fasano hoje às 20h.", {"restaurant": "Fasano", "people": 4, "time": "hoje às 20h"}),
        ("Queria reservar na Cervejaria Ramiro para duas pessoas, sexta às 19h30.", {"restaurant": "Cervejaria Ramiro", "people": 2, "time": "sexta às 19h30"}),
        ("consegue uma mesa no Mocotó pra 6 pessoas, sábado 13h?", {"restaurant": "Mocotó", "people": 6, "time": "sábado 13h"}),
        ("Preciso de uma reserva na Taberna da Rua das Flores para 3, amanhã ao meio-dia.", {"restaurant": "Taberna da Rua das Flores", "people": 3, "time": "amanhã ao meio-dia"}),
        ("Reserve o Coco Bambu para 5 pessoas na próxima terça às 18h30", {"restaurant": "Coco Bambu", "people": 5, "time": "próxima terça às 18h30"}),
    ],
    "search_flights": [
        ("Procura voos de Lisboa para o Porto no dia 3 de março.", {"origin": "Lisboa", "destination": "Porto", "date": "3 de março"}),
        ("Tem voo de São Paulo pra Recife na sexta que vem?", {"origin": "São Paulo", "destination": "Recife", "date": "sexta que vem"}),
        ("voos Rio de Janeiro - Buenos Aires", {"origin": "Rio de Janeiro", "destination": "Buenos Aires"}),
        ("Preciso de ir de Faro a Londres amanhã, que voos há?", {"origin": "Faro", "destination": "Londres", "date": "amanhã"}),
        ("Busca passagens de Brasília para Manaus em 12 de julho", {"origin": "Brasília", "destination": "Manaus", "date": "12 de julho"}),
    ],
    "calculate": [
        ("Quanto é 17,5% de 240?", {"expression": "240*17.5/100"}),
        ("Calcula 1234 vezes 56.", {"expression": "1234*56"}),
        ("quanto dá (45 + 30) / 3", {"expression": "(45+30)/3"}),
        ("2 elevado a 10?", {"expression": "2**10"}),
        ("Quanto é 98 menos 43 vezes 2?", {"expression": "98-43*2"}),
    ],
    "get_news": [
        ("Quais são as últimas notícias sobre carros elétricos?", {"topic": "carros elétricos"}),
        ("Dá-me as manchetes de hoje sobre a bolsa.", {"topic": "bolsa"}),
        ("alguma novidade da Copa do Mundo?", {"topic": "Copa do Mundo"}),
        ("Mostra as notícias mais recentes de tecnologia.", {"topic": "tecnologia"}),
        ("notícias do Benfica", {"topic": "Benfica"}),
    ],
    "create_event": [
        ("Adiciona 'Almoço da equipa' à agenda na quinta às 12h30.", {"title": "Almoço da equipa", "date": "quinta", "time": "12h30"}),
        ("Coloca a festa de aniversário da Ana na minha agenda para 14 de maio.", {"title": "festa de aniversário da Ana", "date": "14 de maio"}),
        ("marca consulta no dentista segunda que vem às 10h", {"title": "consulta no dentista", "date": "segunda que vem", "time": "10h"}),
        ("Cria um evento chamado Clube do Livro no dia 21 às 19h.", {"title": "Clube do Livro", "date": "dia 21", "time": "19h"}),
        ("Põe aula de ioga no calendário amanhã às 18h", {"title": "aula de ioga", "date": "amanhã", "time": "18h"}),
    ],
    "add_todo": [
        ("Adiciona 'comprar leite' à minha lista de tarefas.", {"task": "comprar leite"}),
        ("Coloca renovar o passaporte nas minhas tarefas, prioridade alta.", {"task": "renovar o passaporte", "priority": "high"}),
        ("põe consertar a bicicleta na lista", {"task": "consertar a bicicleta"}),
        ("Nova tarefa: limpar a garagem, prioridade baixa", {"task": "limpar a garagem", "priority": "low"}),
        ("Por favor, acrescenta 'mandar e-mail ao senhorio' à lista de afazeres.", {"task": "mandar e-mail ao senhorio"}),
    ],
    "set_thermostat": [
        ("Põe o termóstato nos 21 graus.", {"temperature": 21}),
        ("Deixa o quarto a 19,5 graus, por favor.", {"temperature": 19.5, "room": "quarto"}),
        ("sobe o aquecimento para 22", {"temperature": 22}),
        ("Ajusta a sala para 23 graus.", {"temperature": 23, "room": "sala"}),
        ("Pode colocar o termostato do escritório em 20?", {"temperature": 20, "room": "escritório"}),
    ],
    "control_lights": [
        ("Apaga as luzes da cozinha.", {"room": "cozinha", "state": "off"}),
        ("Acende a luz do quarto.", {"room": "quarto", "state": "on"}),
        ("liga a luz da garagem, por favor", {"room": "garagem", "state": "on"}),
        ("Podes desligar as luzes da sala?", {"room": "sala", "state": "off"}),
        ("desliga a luz do corredor", {"room": "corredor", "state": "off"}),
    ],
    "find_recipe": [
        ("Encontra uma receita de bacalhau à Brás.", {"dish": "bacalhau à Brás"}),
        ("Preciso de uma receita de bolo de chocolate vegano.", {"dish": "bolo de chocolate", "diet": "vegan"}),
        ("como se faz moqueca? acha uma receita pra mim", {"dish": "moqueca"}),
        ("Quero uma receita de massa de pizza sem glúten", {"dish": "massa de pizza", "diet": "gluten-free"}),
        ("Procura uma receita de lasanha vegetariana", {"dish": "lasanha", "diet": "vegetarian"}),
    ],
    "get_directions": [
        ("Como chego a pé do Rossio ao Castelo de São Jorge?", {"origin": "Rossio", "destination": "Castelo de São Jorge", "mode": "walking"}),
        ("Como ir da Estação da Luz até Guarulhos de transporte público?", {"origin": "Estação da Luz", "destination": "Guarulhos", "mode": "transit"}),
        ("rota de carro de Niterói até Copacabana", {"origin": "Niterói", "destination": "Copacabana", "mode": "driving"}),
        ("Caminho do meu trabalho até a Avenida Paulista", {"origin": "meu trabalho", "destination": "Avenida Paulista"}),
        ("Dá-me o percurso de bicicleta de Belém até ao Parque das Nações.", {"origin": "Belém", "destination": "Parque das Nações", "mode": "cycling"}),
    ],
    "order_food": [
        ("Pede duas pizzas margherita.", {"item": "pizzas margherita", "quantity": 2}),
        ("Me pede um açaí de 500 ml", {"item": "açaí de 500 ml", "quantity": 1}),
        ("encomenda 3 francesinhas", {"item": "francesinhas", "quantity": 3}),
        ("Queria 4 pastéis de nata entregues em casa, por favor.", {"item": "pastéis de nata", "quantity": 4}),
        ("Pode pedir um X-tudo pra mim?", {"item": "X-tudo", "quantity": 1}),
    ],
    "get_air_quality": [
        ("Como está a qualidade do ar em São Paulo agora?", {"city": "São Paulo"}),
        ("O ar em Pequim está limpo hoje?", {"city": "Pequim"}),
        ("índice de qualidade do ar de Cubatão?", {"city": "Cubatão"}),
        ("quão mau está o ar em Nova Deli", {"city": "Nova Deli"}),
        ("Verifica o nível de poluição do ar no Porto.", {"city": "Porto"}),
    ],
    "get_sunrise_sunset": [
        ("A que horas é o pôr do sol em Lisboa hoje?", {"city": "Lisboa"}),
        ("Que horas nasce o sol em Fortaleza?", {"city": "Fortaleza"}),
        ("nascer e pôr do sol em Reiquiavique", {"city": "Reiquiavique"}),
        ("Quando escurece hoje em Curitiba?", {"city": "Curitiba"}),
        ("A que horas nasce o sol na Cidade do Cabo?", {"city": "Cidade do Cabo"}),
    ],
    "book_hotel": [
        ("Reserva um hotel em Coimbra a partir de 5 de junho, 3 noites.", {"city": "Coimbra", "check_in": "5 de junho", "nights": 3}),
        ("Preciso de um quarto em Quioto para 2 noites a partir de sexta.", {"city": "Quioto", "check_in": "sexta", "nights": 2}),
        ("hotel em Gramado, entrada amanhã, 1 noite", {"city": "Gramado", "check_in": "amanhã", "nights": 1}),
        ("Acha um hotel em Salvador pra 4 noites a partir da próxima segunda.", {"city": "Salvador", "check_in": "próxima segunda", "nights": 4}),
        ("Reserva 5 noites em Paris a partir de 10 de agosto.", {"city": "Paris", "check_in": "10 de agosto", "nights": 5}),
    ],
    "search_images": [
        ("Encontra fotos do Cristo Redentor.", {"query": "Cristo Redentor"}),
        ("Procura imagens de pandas-vermelhos.", {"query": "pandas-vermelhos"}),
        ("me mostra fotos reais da aurora boreal", {"query": "aurora boreal"}),
        ("Busca imagens de azulejos portugueses na internet", {"query": "azulejos portugueses"}),
        ("Procura fotos já existentes do Monte Fuji no inverno.", {"query": "Monte Fuji no inverno"}),
    ],
    "get_holidays": [
        ("Quais são os feriados no Japão em 2026?", {"country": "Japão", "year": 2026}),
        ("Lista os feriados nacionais de Portugal para 2025.", {"country": "Portugal", "year": 2025}),
        ("feriados Alemanha 2027?", {"country": "Alemanha", "year": 2027}),
        ("Quais dias são feriado no Brasil em 2026?", {"country": "Brasil", "year": 2026}),
        ("Mostra os feriados de 2025 em Moçambique.", {"country": "Moçambique", "year": 2025}),
    ],
    "track_package": [
        ("Onde está minha encomenda NL123456789BR?", {"tracking_number": "NL123456789BR"}),
        ("Localiza a encomenda RR987654321PT.", {"tracking_number": "RR987654321PT"}),
        ("dá pra ver o rastreio LX123456789CN", {"tracking_number": "LX123456789CN"}),
        ("A minha compra já foi enviada? Código de seguimento: JD014600006281.", {"tracking_number": "JD014600006281"}),
    ],
    "define_word": [
        ("O que significa 'efémero'?", {"word": "efémero"}),
        ("Define serendipidade.", {"word": "serendipidade"}),
        ("procura a palavra ubíquo no dicionário", {"word": "ubíquo"}),
        ("Qual é o significado de 'saudade'?", {"word": "saudade"}),
    ],
    "get_showtimes": [
        ("A que horas passa o Duna hoje em Braga?", {"movie": "Duna", "city": "Braga"}),
        ("Horários de Ainda Estou Aqui em Belo Horizonte?", {"movie": "Ainda Estou Aqui", "city": "Belo Horizonte"}),
        ("que horas tem Divertida Mente 2 em Porto Alegre", {"movie": "Divertida Mente 2", "city": "Porto Alegre"}),
        ("Vê as sessões de hoje de A Viagem de Chihiro no Porto.", {"movie": "A Viagem de Chihiro", "city": "Porto"}),
    ],
    "check_flight_status": [
        ("O voo TP1234 está a horas?", {"flight_number": "TP1234"}),
        ("Verifica o status do voo LA 3040.", {"flight_number": "LA 3040"}),
        ("o G3 1450 já pousou?", {"flight_number": "G3 1450"}),
        ("Qual é a situação do meu voo, AD4050?", {"flight_number": "AD4050"}),
    ],
    "convert_units": [
        ("Converte 5 milhas em quilómetros.", {"value": 5, "from_unit": "milhas", "to_unit": "quilómetros"}),
        ("Quantas libras são 70 kg?", {"value": 70, "from_unit": "kg", "to_unit": "libras"}),
        ("3,5 xícaras em mililitros?", {"value": 3.5, "from_unit": "xícaras", "to_unit": "mililitros"}),
        ("converte 100 pés para metros", {"value": 100, "from_unit": "pés", "to_unit": "metros"}),
    ],
}
MISSING_CATALOG = [
    "Desculpe, não consigo fazer isso aqui — não tenho uma ferramenta para isso.",
    "Lamento, mas não tenho nenhuma ferramenta que me permita fazer isso aqui.",
    "Infelizmente não tenho como fazer isso nesta conversa: nenhuma das minhas ferramentas cobre esse pedido.",
    "Peço desculpa, mas isso não está ao alcance das ferramentas que tenho aqui.",
]
NO_FUNCTION = [
    "Desculpe, nenhuma das funções disponíveis faz isso.",
    "Não consigo fazer isso com as funções que tenho aqui.",
    "Nenhuma das funções declaradas serve para isso, desculpe.",
    "Isso não é possível com as funções disponíveis.",
]
