"""Places for the generator: canonical name, IANA zone, latitude and the name a user would write in each language.

Two sources: the curated `_TABLE` below (one row per place: ``en | tz | zh-Hant | zh-Hans | ja | ko | ru | es |
fr | de | pt | it | vi``; its latitude comes from `fc/builtins/places.json`) and `world_places.tsv` (thousands of
GeoNames places, written by `build_places.py`). An empty Latin-script cell (es, fr, de, pt, it, vi) means
"same as English"; an empty CJK/ko/ru cell means "no usual local name" (the place is then not used in that
language). The curated row wins where a place is in both; a world place sharing a name (as
`fc.builtins.clock.normalize` compares names) with a place in another zone is left out.
"""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from fc.builtins.clock import find_place, normalize

LANGS = ("en", "zh-Hant", "zh-Hans", "ja", "ko", "ru", "es", "fr", "de", "pt", "it", "vi")
_LATIN = {"es", "fr", "de", "pt", "it", "vi"}
WORLD_FILE = Path(__file__).with_name("world_places.tsv")

_TABLE = """
Tokyo|Asia/Tokyo|東京|东京|東京|도쿄|Токио|Tokio||Tokio|Tóquio||
Osaka|Asia/Tokyo|大阪|大阪|大阪|오사카|Осака||||||
Kyoto|Asia/Tokyo|京都|京都|京都|교토|Киото|||Kioto|Quioto||
Sapporo|Asia/Tokyo|札幌|札幌|札幌|삿포로|Саппоро||||||
Fukuoka|Asia/Tokyo|福岡|福冈|福岡|후쿠오카|Фукуока||||||
Nagoya|Asia/Tokyo|名古屋|名古屋|名古屋|나고야|Нагоя||||||
Naha|Asia/Tokyo|那霸|那霸|那覇|나하|Наха||||||
Yokohama|Asia/Tokyo|橫濱|横滨|横浜|요코하마|Иокогама||||||
Hiroshima|Asia/Tokyo|廣島|广岛|広島|히로시마|Хиросима||||||
Seoul|Asia/Seoul|首爾|首尔|ソウル|서울|Сеул|Seúl|Séoul||Seul||
Busan|Asia/Seoul|釜山|釜山|釜山|부산|Пусан||||||
Beijing|Asia/Shanghai|北京|北京|北京|베이징|Пекин|Pekín|Pékin|Peking|Pequim|Pechino|Bắc Kinh
Shanghai|Asia/Shanghai|上海|上海|上海|상하이|Шанхай|Shanghái|||Xangai||Thượng Hải
Shenzhen|Asia/Shanghai|深圳|深圳|深セン|선전|Шэньчжэнь||||||Thâm Quyến
Guangzhou|Asia/Shanghai|廣州|广州|広州|광저우|Гуанчжоу|Cantón|Canton|Kanton|Cantão||Quảng Châu
Chengdu|Asia/Shanghai|成都|成都|成都|청두|Чэнду||||||Thành Đô
Hangzhou|Asia/Shanghai|杭州|杭州|杭州|항저우|Ханчжоу||||||Hàng Châu
Xi'an|Asia/Shanghai|西安|西安|西安|시안|Сиань||||||Tây An
Wuhan|Asia/Shanghai|武漢|武汉|武漢|우한|Ухань||||||Vũ Hán
Chongqing|Asia/Shanghai|重慶|重庆|重慶|충칭|Чунцин||||||Trùng Khánh
Nanjing|Asia/Shanghai|南京|南京|南京|난징|Нанкин|||||Nanchino|Nam Kinh
Suzhou|Asia/Shanghai|蘇州|苏州|蘇州|쑤저우|Сучжоу||||||Tô Châu
Xiamen|Asia/Shanghai|廈門|厦门|廈門|샤먼|Сямынь||||||Hạ Môn
Qingdao|Asia/Shanghai|青島|青岛|青島|칭다오|Циндао||||||Thanh Đảo
Kunming|Asia/Shanghai|昆明|昆明|昆明|쿤밍|Куньмин||||||Côn Minh
Harbin|Asia/Shanghai|哈爾濱|哈尔滨|ハルビン|하얼빈|Харбин||||||Cáp Nhĩ Tân
Lhasa|Asia/Shanghai|拉薩|拉萨|ラサ|라싸|Лхаса||||||
Tianjin|Asia/Shanghai|天津|天津|天津|톈진|Тяньцзинь||||||Thiên Tân
Hong Kong|Asia/Hong_Kong|香港|香港|香港|홍콩|Гонконг|Hong Kong|Hong Kong|Hongkong|Hong Kong||Hồng Kông
Macau|Asia/Macau|澳門|澳门|マカオ|마카오|Макао|Macao|Macao|Macau|Macau|Macao|Ma Cao
Taipei|Asia/Taipei|台北|台北|台北|타이베이|Тайбэй|Taipéi|||||Đài Bắc
Kaohsiung|Asia/Taipei|高雄|高雄|高雄|가오슝|Гаосюн||||||Cao Hùng
Taichung|Asia/Taipei|台中|台中|台中|타이중|Тайчжун||||||Đài Trung
Tainan|Asia/Taipei|台南|台南|台南|타이난|Тайнань||||||Đài Nam
Hsinchu|Asia/Taipei|新竹|新竹|新竹|신주|Синьчжу||||||Tân Trúc
Hualien|Asia/Taipei|花蓮|花莲|花蓮|화롄|Хуалянь||||||Hoa Liên
Keelung|Asia/Taipei|基隆|基隆|基隆|지룽|Цзилун||||||Cơ Long
Taoyuan|Asia/Taipei|桃園|桃园|桃園|타오위안|Таоюань||||||Đào Viên
Yilan|Asia/Taipei|宜蘭|宜兰|宜蘭||||||||Nghi Lan
Singapore|Asia/Singapore|新加坡|新加坡|シンガポール|싱가포르|Сингапур|Singapur|Singapour|Singapur|Singapura||
Kuala Lumpur|Asia/Kuala_Lumpur|吉隆坡|吉隆坡|クアラルンプール|쿠알라룸푸르|Куала-Лумпур||||||
Penang|Asia/Kuala_Lumpur|檳城|槟城|ペナン|페낭|Пенанг||||||
Bangkok|Asia/Bangkok|曼谷|曼谷|バンコク|방콕|Бангкок|Bangkok|Bangkok|Bangkok|Banguecoque||Băng Cốc
Chiang Mai|Asia/Bangkok|清邁|清迈|チェンマイ|치앙마이|Чиангмай||||||
Phuket|Asia/Bangkok|普吉島|普吉岛|プーケット|푸껫|Пхукет||||||
Hanoi|Asia/Ho_Chi_Minh|河內|河内|ハノイ|하노이|Ханой|Hanói|||Hanói||Hà Nội
Ho Chi Minh City|Asia/Ho_Chi_Minh|胡志明市|胡志明市|ホーチミン|호찌민|Хошимин|Ciudad Ho Chi Minh|Hô-Chi-Minh-Ville|||Città di Ho Chi Minh|Thành phố Hồ Chí Minh
Da Nang|Asia/Ho_Chi_Minh|峴港|岘港|ダナン|다낭|Дананг||||||Đà Nẵng
Manila|Asia/Manila|馬尼拉|马尼拉|マニラ|마닐라|Манила||||||
Cebu|Asia/Manila|宿霧|宿务|セブ|세부|Себу||||||
Jakarta|Asia/Jakarta|雅加達|雅加达|ジャカルタ|자카르타|Джакарта|Yakarta|||Jacarta|Giacarta|
Bali|Asia/Makassar|峇里島|巴厘岛|バリ島|발리|Бали||||||
Phnom Penh|Asia/Phnom_Penh|金邊|金边|プノンペン|프놈펜|Пномпень||||||Phnôm Pênh
Yangon|Asia/Yangon|仰光|仰光|ヤンゴン|양곤|Янгон||||||
Kathmandu|Asia/Kathmandu|加德滿都|加德满都|カトマンズ|카트만두|Катманду|Katmandú|Katmandou||Catmandu||
Delhi|Asia/Kolkata|德里|德里|デリー|델리|Дели|Delhi|Delhi|Delhi|Deli||
Mumbai|Asia/Kolkata|孟買|孟买|ムンバイ|뭄바이|Мумбаи|Bombay|Bombay||Mumbai||
Bangalore|Asia/Kolkata|班加羅爾|班加罗尔|バンガロール|벵갈루루|Бангалор||||||
Kolkata|Asia/Kolkata|加爾各答|加尔各答|コルカタ|콜카타|Калькутта|Calcuta|Calcutta|Kalkutta|Calcutá|Calcutta|
Chennai|Asia/Kolkata|清奈|金奈|チェンナイ|첸나이|Ченнаи||||||
Colombo|Asia/Colombo|科倫坡|科伦坡|コロンボ|콜롬보|Коломбо||||||
Karachi|Asia/Karachi|喀拉蚩|卡拉奇|カラチ|카라치|Карачи||||||
Dhaka|Asia/Dhaka|達卡|达卡|ダッカ|다카|Дакка|Daca|Dacca||Daca||
Dubai|Asia/Dubai|杜拜|迪拜|ドバイ|두바이|Дубай|Dubái|Dubaï||||
Abu Dhabi|Asia/Dubai|阿布達比|阿布扎比|アブダビ|아부다비|Абу-Даби|Abu Dabi|||||
Doha|Asia/Qatar|多哈|多哈|ドーハ|도하|Доха||||||
Riyadh|Asia/Riyadh|利雅德|利雅得|リヤド|리야드|Эр-Рияд|Riad|Riyad|Riad|Riade|Riad|
Tehran|Asia/Tehran|德黑蘭|德黑兰|テヘラン|테헤란|Тегеран|Teherán|Téhéran|Teheran|Teerã|Teheran|
Istanbul|Europe/Istanbul|伊斯坦堡|伊斯坦布尔|イスタンブール|이스탄불|Стамбул|Estambul|Istanbul|Istanbul|Istambul||
Ankara|Europe/Istanbul|安卡拉|安卡拉|アンカラ|앙카라|Анкара||||Ancara||
Jerusalem|Asia/Jerusalem|耶路撒冷|耶路撒冷|エルサレム|예루살렘|Иерусалим|Jerusalén|Jérusalem||Jerusalém|Gerusalemme|
Tel Aviv|Asia/Jerusalem|特拉維夫|特拉维夫|テルアビブ|텔아비브|Тель-Авив||||||
Almaty|Asia/Almaty|阿拉木圖|阿拉木图|アルマトイ|알마티|Алматы||||||
Tashkent|Asia/Tashkent|塔什干|塔什干|タシケント|타슈켄트|Ташкент||||||
Ulaanbaatar|Asia/Ulaanbaatar|烏蘭巴托|乌兰巴托|ウランバートル|울란바토르|Улан-Батор|Ulán Bator|Oulan-Bator|Ulan Bator|Ulan Bator|Ulan Bator|Ulan Bator
London|Europe/London|倫敦|伦敦|ロンドン|런던|Лондон|Londres|Londres|London|Londres|Londra|Luân Đôn
Manchester|Europe/London|曼徹斯特|曼彻斯特|マンチェスター|맨체스터|Манчестер||||||
Edinburgh|Europe/London|愛丁堡|爱丁堡|エディンバラ|에든버러|Эдинбург|Edimburgo|Édimbourg||Edimburgo|Edimburgo|
Liverpool|Europe/London|利物浦|利物浦|リバプール|리버풀|Ливерпуль||||||
Oxford|Europe/London|牛津|牛津|オックスフォード|옥스퍼드|Оксфорд||||||
Cardiff|Europe/London|卡地夫|加的夫|カーディフ|카디프|Кардифф||||||
Dublin|Europe/Dublin|都柏林|都柏林|ダブリン|더블린|Дублин|Dublín||||Dublino|
Paris|Europe/Paris|巴黎|巴黎|パリ|파리|Париж|París||||Parigi|
Lyon|Europe/Paris|里昂|里昂|リヨン|리옹|Лион|Lyon|||Lião|Lione|
Marseille|Europe/Paris|馬賽|马赛|マルセイユ|마르세유|Марсель|Marsella||Marseille|Marselha|Marsiglia|
Nice|Europe/Paris|尼斯|尼斯|ニース|니스|Ницца|Niza||||Nizza|
Bordeaux|Europe/Paris|波爾多|波尔多|ボルドー|보르도|Бордо|Burdeos|||||
Toulouse|Europe/Paris|土魯斯|图卢兹|トゥールーズ|툴루즈|Тулуза|Tolosa||||Tolosa|
Strasbourg|Europe/Paris|史特拉斯堡|斯特拉斯堡|ストラスブール|스트라스부르|Страсбург|Estrasburgo||Straßburg|Estrasburgo|Strasburgo|
Brussels|Europe/Brussels|布魯塞爾|布鲁塞尔|ブリュッセル|브뤼셀|Брюссель|Bruselas|Bruxelles|Brüssel|Bruxelas|Bruxelles|
Antwerp|Europe/Brussels|安特衛普|安特卫普|アントワープ|안트베르펜|Антверпен|Amberes|Anvers|Antwerpen|Antuérpia|Anversa|
Amsterdam|Europe/Amsterdam|阿姆斯特丹|阿姆斯特丹|アムステルダム|암스테르담|Амстердам|Ámsterdam|||Amesterdão||
Rotterdam|Europe/Amsterdam|鹿特丹|鹿特丹|ロッテルダム|로테르담|Роттердам|Róterdam|||Roterdão||
Berlin|Europe/Berlin|柏林|柏林|ベルリン|베를린|Берлин|Berlín|||Berlim|Berlino|
Munich|Europe/Berlin|慕尼黑|慕尼黑|ミュンヘン|뮌헨|Мюнхен|Múnich|Munich|München|Munique|Monaco di Baviera|
Hamburg|Europe/Berlin|漢堡|汉堡|ハンブルク|함부르크|Гамбург|Hamburgo|Hambourg||Hamburgo|Amburgo|
Frankfurt|Europe/Berlin|法蘭克福|法兰克福|フランクフルト|프랑크푸르트|Франкфурт|Fráncfort|Francfort||Frankfurt|Francoforte|
Cologne|Europe/Berlin|科隆|科隆|ケルン|쾰른|Кёльн|Colonia|Cologne|Köln|Colônia|Colonia|
Stuttgart|Europe/Berlin|斯圖加特|斯图加特|シュトゥットガルト|슈투트가르트|Штутгарт|||||Stoccarda|
Dresden|Europe/Berlin|德勒斯登|德累斯顿|ドレスデン|드레스덴|Дрезден|Dresde|Dresde|||Dresda|
Leipzig|Europe/Berlin|萊比錫|莱比锡|ライプツィヒ|라이프치히|Лейпциг|Leipzig|Leipzig|Leipzig|Leipzig|Lipsia|
Vienna|Europe/Vienna|維也納|维也纳|ウィーン|빈|Вена|Viena|Vienne|Wien|Viena||
Salzburg|Europe/Vienna|薩爾斯堡|萨尔茨堡|ザルツブルク|잘츠부르크|Зальцбург|Salzburgo|Salzbourg||Salzburgo|Salisburgo|
Zurich|Europe/Zurich|蘇黎世|苏黎世|チューリッヒ|취리히|Цюрих|Zúrich|Zurich|Zürich|Zurique|Zurigo|
Geneva|Europe/Zurich|日內瓦|日内瓦|ジュネーブ|제네바|Женева|Ginebra|Genève|Genf|Genebra|Ginevra|
Basel|Europe/Zurich|巴塞爾|巴塞尔|バーゼル|바젤|Базель|Basilea|Bâle||Basileia|Basilea|
Rome|Europe/Rome|羅馬|罗马|ローマ|로마|Рим|Roma|Rome|Rom|Roma|Roma|
Milan|Europe/Rome|米蘭|米兰|ミラノ|밀라노|Милан|Milán|Milan|Mailand|Milão|Milano|
Venice|Europe/Rome|威尼斯|威尼斯|ヴェネツィア|베네치아|Венеция|Venecia|Venise|Venedig|Veneza|Venezia|
Florence|Europe/Rome|佛羅倫斯|佛罗伦萨|フィレンツェ|피렌체|Флоренция|Florencia|Florence|Florenz|Florença|Firenze|
Naples|Europe/Rome|拿坡里|那不勒斯|ナポリ|나폴리|Неаполь|Nápoles|Naples|Neapel|Nápoles|Napoli|
Turin|Europe/Rome|杜林|都灵|トリノ|토리노|Турин|Turín|Turin|Turin|Turim|Torino|
Palermo|Europe/Rome|巴勒莫|巴勒莫|パレルモ|팔레르모|Палермо||Palerme||||
Madrid|Europe/Madrid|馬德里|马德里|マドリード|마드리드|Мадрид||||||
Barcelona|Europe/Madrid|巴塞隆納|巴塞罗那|バルセロナ|바르셀로나|Барселона||Barcelone||||
Valencia|Europe/Madrid|瓦倫西亞|瓦伦西亚|バレンシア|발렌시아|Валенсия||Valence||Valência||
Seville|Europe/Madrid|塞維亞|塞维利亚|セビリア|세비야|Севилья|Sevilla|Séville|Sevilla|Sevilha|Siviglia|
Bilbao|Europe/Madrid|畢爾包|毕尔巴鄂|ビルバオ|빌바오|Бильбао||||||
Málaga|Europe/Madrid|馬拉加|马拉加|マラガ|말라가|Малага||||||
Granada|Europe/Madrid|格拉納達|格拉纳达|グラナダ|그라나다|Гранада||Grenade||||
Palma|Europe/Madrid|帕爾馬|帕尔马|パルマ|팔마|Пальма||||||
Lisbon|Europe/Lisbon|里斯本|里斯本|リスボン|리스본|Лиссабон|Lisboa|Lisbonne|Lissabon|Lisboa|Lisbona|
Porto|Europe/Lisbon|波多|波尔图|ポルト|포르투|Порту|Oporto|Porto|Porto|Porto||
Faro|Europe/Lisbon|法魯|法鲁|ファロ|파루|Фару||||||
Athens|Europe/Athens|雅典|雅典|アテネ|아테네|Афины|Atenas|Athènes|Athen|Atenas|Atene|
Prague|Europe/Prague|布拉格|布拉格|プラハ|프라하|Прага|Praga|Prague|Prag|Praga|Praga|Praha
Budapest|Europe/Budapest|布達佩斯|布达佩斯|ブダペスト|부다페스트|Будапешт||||Budapeste||
Warsaw|Europe/Warsaw|華沙|华沙|ワルシャワ|바르샤바|Варшава|Varsovia|Varsovie|Warschau|Varsóvia|Varsavia|
Krakow|Europe/Warsaw|克拉科夫|克拉科夫|クラクフ|크라쿠프|Краков|Cracovia|Cracovie|Krakau|Cracóvia|Cracovia|
Copenhagen|Europe/Copenhagen|哥本哈根|哥本哈根|コペンハーゲン|코펜하겐|Копенгаген|Copenhague|Copenhague|Kopenhagen|Copenhaga|Copenaghen|
Stockholm|Europe/Stockholm|斯德哥爾摩|斯德哥尔摩|ストックホルム|스톡홀름|Стокгольм|Estocolmo||Stockholm|Estocolmo|Stoccolma|
Oslo|Europe/Oslo|奧斯陸|奥斯陆|オスロ|오슬로|Осло||||||
Bergen|Europe/Oslo|卑爾根|卑尔根|ベルゲン|베르겐|Берген||||||
Helsinki|Europe/Helsinki|赫爾辛基|赫尔辛基|ヘルシンキ|헬싱키|Хельсинки|Helsinki|Helsinki|Helsinki|Helsínquia||
Reykjavik|Atlantic/Reykjavik|雷克雅維克|雷克雅未克|レイキャビク|레이캬비크|Рейкьявик|Reikiavik|Reykjavik|Reykjavík|Reiquiavique||
Tallinn|Europe/Tallinn|塔林|塔林|タリン|탈린|Таллин||||||
Riga|Europe/Riga|里加|里加|リガ|리가|Рига||||||
Vilnius|Europe/Vilnius|維爾紐斯|维尔纽斯|ヴィリニュス|빌뉴스|Вильнюс||||||
Kyiv|Europe/Kyiv|基輔|基辅|キーウ|키이우|Киев|Kiev|Kyiv|Kyjiw|Kiev|Kiev|
Bucharest|Europe/Bucharest|布加勒斯特|布加勒斯特|ブカレスト|부쿠레슈티|Бухарест|Bucarest|Bucarest|Bukarest|Bucareste|Bucarest|
Sofia|Europe/Sofia|索菲亞|索菲亚|ソフィア|소피아|София||||||
Belgrade|Europe/Belgrade|貝爾格勒|贝尔格莱德|ベオグラード|베오그라드|Белград|Belgrado|Belgrade|Belgrad|Belgrado|Belgrado|
Zagreb|Europe/Zagreb|札格雷布|萨格勒布|ザグレブ|자그레브|Загреб|||||Zagabria|
Dubrovnik|Europe/Zagreb|杜布羅夫尼克|杜布罗夫尼克|ドゥブロヴニク|두브로브니크|Дубровник||||||
Moscow|Europe/Moscow|莫斯科|莫斯科|モスクワ|모스크바|Москва|Moscú|Moscou|Moskau|Moscou|Mosca|Mát-xcơ-va
Saint Petersburg|Europe/Moscow|聖彼得堡|圣彼得堡|サンクトペテルブルク|상트페테르부르크|Санкт-Петербург|San Petersburgo|Saint-Pétersbourg|Sankt Petersburg|São Petersburgo|San Pietroburgo|
Cairo|Africa/Cairo|開羅|开罗|カイロ|카이로|Каир|El Cairo|Le Caire|Kairo|Cairo||
Marrakech|Africa/Casablanca|馬拉喀什|马拉喀什|マラケシュ|마라케시|Марракеш|Marrakech|Marrakech|Marrakesch|Marraquexe||
Casablanca|Africa/Casablanca|卡薩布蘭卡|卡萨布兰卡|カサブランカ|카사블랑카|Касабланка||||||
Tunis|Africa/Tunis|突尼斯|突尼斯|チュニス|튀니스|Тунис|Túnez|Tunis|Tunis|Tunes|Tunisi|
Lagos|Africa/Lagos|拉哥斯|拉各斯|ラゴス|라고스|Лагос||||||
Accra|Africa/Accra|阿克拉|阿克拉|アクラ|아크라|Аккра||||||
Nairobi|Africa/Nairobi|奈洛比|内罗毕|ナイロビ|나이로비|Найроби||||||
Addis Ababa|Africa/Addis_Ababa|阿迪斯阿貝巴|亚的斯亚贝巴|アディスアベバ|아디스아바바|Аддис-Абеба|Adís Abeba|Addis-Abeba|Addis Abeba|Adis Abeba|Addis Abeba|
Cape Town|Africa/Johannesburg|開普敦|开普敦|ケープタウン|케이프타운|Кейптаун|Ciudad del Cabo|Le Cap|Kapstadt|Cidade do Cabo|Città del Capo|
Johannesburg|Africa/Johannesburg|約翰尼斯堡|约翰内斯堡|ヨハネスブルグ|요하네스버그|Йоханнесбург|Johannesburgo|||Joanesburgo||
Zanzibar|Africa/Dar_es_Salaam|桑吉巴|桑给巴尔|ザンジバル|잔지바르|Занзибар||||||
Dakar|Africa/Dakar|達卡爾|达喀尔|ダカール|다카르|Дакар||||||
New York|America/New_York|紐約|纽约|ニューヨーク|뉴욕|Нью-Йорк|Nueva York|New York|New York|Nova Iorque||
Boston|America/New_York|波士頓|波士顿|ボストン|보스턴|Бостон||||||
Washington|America/New_York|華盛頓|华盛顿|ワシントン|워싱턴|Вашингтон|Washington|Washington|Washington|Washington||
Philadelphia|America/New_York|費城|费城|フィラデルフィア|필라델피아|Филадельфия|Filadelfia|Philadelphie||Filadélfia|Filadelfia|
Miami|America/New_York|邁阿密|迈阿密|マイアミ|마이애미|Майами||||||
Atlanta|America/New_York|亞特蘭大|亚特兰大|アトランタ|애틀랜타|Атланта||||||
Pittsburgh|America/New_York|匹茲堡|匹兹堡|ピッツバーグ|피츠버그|Питтсбург||||||
Orlando|America/New_York|奧蘭多|奥兰多|オーランド|올랜도|Орландо||||||
Chicago|America/Chicago|芝加哥|芝加哥|シカゴ|시카고|Чикаго||||||
Houston|America/Chicago|休士頓|休斯顿|ヒューストン|휴스턴|Хьюстон||||||
Dallas|America/Chicago|達拉斯|达拉斯|ダラス|댈러스|Даллас||||||
Austin|America/Chicago|奧斯汀|奥斯汀|オースティン|오스틴|Остин||||||
New Orleans|America/Chicago|紐奧良|新奥尔良|ニューオーリンズ|뉴올리언스|Новый Орлеан|Nueva Orleans|La Nouvelle-Orléans||Nova Orleans||
Minneapolis|America/Chicago|明尼亞波利斯|明尼阿波利斯|ミネアポリス|미니애폴리스|Миннеаполис||||||
Denver|America/Denver|丹佛|丹佛|デンバー|덴버|Денвер||||||
Salt Lake City|America/Denver|鹽湖城|盐湖城|ソルトレイクシティ|솔트레이크시티|Солт-Лейк-Сити||||||
Phoenix|America/Phoenix|鳳凰城|凤凰城|フェニックス|피닉스|Финикс||||||
Las Vegas|America/Los_Angeles|拉斯維加斯|拉斯维加斯|ラスベガス|라스베이거스|Лас-Вегас||||||
Los Angeles|America/Los_Angeles|洛杉磯|洛杉矶|ロサンゼルス|로스앤젤레스|Лос-Анджелес|Los Ángeles|||||
San Francisco|America/Los_Angeles|舊金山|旧金山|サンフランシスコ|샌프란시스코|Сан-Франциско||||São Francisco||
San Diego|America/Los_Angeles|聖迭戈|圣迭戈|サンディエゴ|샌디에이고|Сан-Диего||||||
Seattle|America/Los_Angeles|西雅圖|西雅图|シアトル|시애틀|Сиэтл||||||
Portland|America/Los_Angeles|波特蘭|波特兰|ポートランド|포틀랜드|Портленд||||||
Anchorage|America/Anchorage|安克拉治|安克雷奇|アンカレッジ|앵커리지|Анкоридж||||||
Honolulu|Pacific/Honolulu|檀香山|檀香山|ホノルル|호놀룰루|Гонолулу||||||
Toronto|America/Toronto|多倫多|多伦多|トロント|토론토|Торонто||||||
Montreal|America/Toronto|蒙特婁|蒙特利尔|モントリオール|몬트리올|Монреаль|Montreal|Montréal|Montreal|Montreal||
Quebec City|America/Toronto|魁北克市|魁北克市|ケベック・シティー|퀘벡시티|Квебек|Ciudad de Quebec|Québec||Cidade de Quebec|Città del Québec|
Ottawa|America/Toronto|渥太華|渥太华|オタワ|오타와|Оттава||||||
Vancouver|America/Vancouver|溫哥華|温哥华|バンクーバー|밴쿠버|Ванкувер||||||
Calgary|America/Edmonton|卡加利|卡尔加里|カルガリー|캘거리|Калгари||||||
Mexico City|America/Mexico_City|墨西哥城|墨西哥城|メキシコシティ|멕시코시티|Мехико|Ciudad de México|Mexico|Mexiko-Stadt|Cidade do México|Città del Messico|
Guadalajara|America/Mexico_City|瓜達拉哈拉|瓜达拉哈拉|グアダラハラ|과달라하라|Гвадалахара||||||
Monterrey|America/Monterrey|蒙特雷|蒙特雷|モンテレイ|몬테레이|Монтеррей||||||
Cancún|America/Cancun|坎昆|坎昆|カンクン|칸쿤|Канкун||||||
Oaxaca|America/Mexico_City|瓦哈卡|瓦哈卡|オアハカ|오악사카|Оахака||||||
Havana|America/Havana|哈瓦那|哈瓦那|ハバナ|아바나|Гавана|La Habana|La Havane|Havanna|Havana|L'Avana|
Panama City|America/Panama|巴拿馬城|巴拿马城|パナマシティ|파나마시티|Панама|Ciudad de Panamá|Panama||Cidade do Panamá||
Bogotá|America/Bogota|波哥大|波哥大|ボゴタ|보고타|Богота||||||
Medellín|America/Bogota|麥德林|麦德林|メデジン|메데인|Медельин||||||
Cartagena|America/Bogota|卡塔赫納|卡塔赫纳|カルタヘナ|카르타헤나|Картахена||||||
Quito|America/Guayaquil|基多|基多|キト|키토|Кито||||||
Lima|America/Lima|利馬|利马|リマ|리마|Лима||||||
Cusco|America/Lima|庫斯科|库斯科|クスコ|쿠스코|Куско|Cuzco|Cuzco||Cusco||
La Paz|America/La_Paz|拉巴斯|拉巴斯|ラパス|라파스|Ла-Пас||||||
Santiago|America/Santiago|聖地牙哥（智利）|圣地亚哥|サンティアゴ|산티아고|Сантьяго||||||
Valparaíso|America/Santiago|瓦爾帕萊索|瓦尔帕莱索|バルパライソ|발파라이소|Вальпараисо||||||
Buenos Aires|America/Argentina/Buenos_Aires|布宜諾斯艾利斯|布宜诺斯艾利斯|ブエノスアイレス|부에노스아이레스|Буэнос-Айрес||||||
Mendoza|America/Argentina/Mendoza|門多薩|门多萨|メンドーサ|멘도사|Мендоса||||||
Montevideo|America/Montevideo|蒙特維多|蒙得维的亚|モンテビデオ|몬테비데오|Монтевидео||||Montevidéu||
Asunción|America/Asuncion|亞松森|亚松森|アスンシオン|아순시온|Асунсьон||||Assunção||
Caracas|America/Caracas|卡拉卡斯|加拉加斯|カラカス|카라카스|Каракас||||||
São Paulo|America/Sao_Paulo|聖保羅|圣保罗|サンパウロ|상파울루|Сан-Паулу|São Paulo|São Paulo|São Paulo|São Paulo|San Paolo|
Rio de Janeiro|America/Sao_Paulo|里約熱內盧|里约热内卢|リオデジャネイロ|리우데자네이루|Рио-де-Жанейро|Río de Janeiro|||Rio de Janeiro||
Brasília|America/Sao_Paulo|巴西利亞|巴西利亚|ブラジリア|브라질리아|Бразилиа|Brasilia|Brasilia|Brasília|Brasília||
Recife|America/Recife|累西腓|累西腓|レシフェ|헤시피|Ресифи||||||
Porto Alegre|America/Sao_Paulo|阿雷格里港|阿雷格里港|ポルトアレグレ|포르투알레그리|Порту-Алегри||||||
Manaus|America/Manaus|瑪瑙斯|马瑙斯|マナウス|마나우스|Манаус||||||
Florianópolis|America/Sao_Paulo|弗洛里亞諾波利斯|弗洛里亚诺波利斯|フロリアノポリス|플로리아노폴리스|Флорианополис||||||
Belo Horizonte|America/Sao_Paulo|美景市|贝洛奥里藏特|ベロオリゾンテ|벨루오리존치|Белу-Оризонти||||||
Sydney|Australia/Sydney|雪梨|悉尼|シドニー|시드니|Сидней|Sídney|||||
Melbourne|Australia/Melbourne|墨爾本|墨尔本|メルボルン|멜버른|Мельбурн||||||
Brisbane|Australia/Brisbane|布里斯本|布里斯班|ブリスベン|브리즈번|Брисбен||||||
Perth|Australia/Perth|伯斯|珀斯|パース|퍼스|Перт||||||
Adelaide|Australia/Adelaide|阿得雷德|阿德莱德|アデレード|애들레이드|Аделаида|Adelaida|||Adelaide||
Hobart|Australia/Hobart|荷巴特|霍巴特|ホバート|호바트|Хобарт||||||
Darwin|Australia/Darwin|達爾文|达尔文|ダーウィン|다윈|Дарвин||||||
Auckland|Pacific/Auckland|奧克蘭|奥克兰|オークランド|오클랜드|Окленд||||||
Wellington|Pacific/Auckland|威靈頓|惠灵顿|ウェリントン|웰링턴|Веллингтон||||||
Queenstown|Pacific/Auckland|皇后鎮|皇后镇|クイーンズタウン|퀸스타운|Куинстаун||||||
Fiji|Pacific/Fiji|斐濟|斐济|フィジー|피지|Фиджи|Fiyi|Fidji|Fidschi|Fiji|Figi|
Tahiti|Pacific/Tahiti|大溪地|塔希提|タヒチ|타히티|Таити||||Taiti||
"""


def _names(en: str, local: list[str]) -> dict[str, str]:
    names = {"en": en}
    for lang, name in zip(LANGS[1:], local, strict=True):
        if name:
            names[lang] = name
        elif lang in _LATIN:
            names[lang] = en
    return names


def _curated() -> list[dict]:
    places = []
    for line in _TABLE.strip().splitlines():
        en, tz, *local = [cell.strip() for cell in line.split("|")]
        places.append({"key": en, "tz": tz, "lat": find_place(en)["lat"], "names": _names(en, local)})
    return places


def read_world(path: Path = WORLD_FILE) -> list[dict]:
    """The places of world_places.tsv (``#`` lines are comments, then a header of column names)."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    if tuple(lines[0].split("\t")) != ("en", "tz", "lat") + LANGS[1:]:
        raise ValueError(f"{path}: unexpected columns {lines[0]!r}")
    places = []
    for line in lines[1:]:
        en, tz, lat, *local = line.split("\t")
        places.append({"key": en, "tz": tz, "lat": float(lat), "names": _names(en, local)})
    return places


def _merge(curated: list[dict], world: list[dict]) -> list[dict]:
    """The curated places, then the world places that are neither one of them nor ambiguous."""
    known = {(p["key"], p["tz"]) for p in curated}
    world = [p for p in world if (p["key"], p["tz"]) not in known]
    zones: dict[str, set[str]] = defaultdict(set)
    for place in curated + world:
        for name in place["names"].values():
            zones[normalize(name)].add(place["tz"])
    return curated + [p for p in world if all(len(zones[normalize(n)]) == 1 for n in p["names"].values())]


CURATED: list[dict] = _curated()
PLACES: list[dict] = _merge(CURATED, read_world())
