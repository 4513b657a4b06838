"""Places for the generator: canonical name, IANA zone and the name a user would write in each language.

One row per place: ``en | tz | zh-Hant | zh-Hans | ja | es | fr | de | pt``. An empty Latin-script
column means "same as English"; an empty CJK column means "no usual local name" (the place is then
not used in that language).
"""
from __future__ import annotations

LANGS = ("en", "zh-Hant", "zh-Hans", "ja", "es", "fr", "de", "pt")
_LATIN = {"es", "fr", "de", "pt"}

_TABLE = """
Tokyo|Asia/Tokyo|東京|东京|東京|Tokio||Tokio|Tóquio
Osaka|Asia/Tokyo|大阪|大阪|大阪||||
Kyoto|Asia/Tokyo|京都|京都|京都|||Kioto|Quioto
Sapporo|Asia/Tokyo|札幌|札幌|札幌||||
Fukuoka|Asia/Tokyo|福岡|福冈|福岡||||
Nagoya|Asia/Tokyo|名古屋|名古屋|名古屋||||
Naha|Asia/Tokyo|那霸|那霸|那覇||||
Yokohama|Asia/Tokyo|橫濱|横滨|横浜||||
Hiroshima|Asia/Tokyo|廣島|广岛|広島||||
Seoul|Asia/Seoul|首爾|首尔|ソウル|Seúl|Séoul||Seul
Busan|Asia/Seoul|釜山|釜山|釜山||||
Beijing|Asia/Shanghai|北京|北京|北京|Pekín|Pékin|Peking|Pequim
Shanghai|Asia/Shanghai|上海|上海|上海|Shanghái|||Xangai
Shenzhen|Asia/Shanghai|深圳|深圳|深セン||||
Guangzhou|Asia/Shanghai|廣州|广州|広州|Cantón|Canton|Kanton|Cantão
Chengdu|Asia/Shanghai|成都|成都|成都||||
Hangzhou|Asia/Shanghai|杭州|杭州|杭州||||
Xi'an|Asia/Shanghai|西安|西安|西安||||
Wuhan|Asia/Shanghai|武漢|武汉|武漢||||
Chongqing|Asia/Shanghai|重慶|重庆|重慶||||
Nanjing|Asia/Shanghai|南京|南京|南京||||
Suzhou|Asia/Shanghai|蘇州|苏州|蘇州||||
Xiamen|Asia/Shanghai|廈門|厦门|廈門||||
Qingdao|Asia/Shanghai|青島|青岛|青島||||
Kunming|Asia/Shanghai|昆明|昆明|昆明||||
Harbin|Asia/Shanghai|哈爾濱|哈尔滨|ハルビン||||
Lhasa|Asia/Shanghai|拉薩|拉萨|ラサ||||
Tianjin|Asia/Shanghai|天津|天津|天津||||
Hong Kong|Asia/Hong_Kong|香港|香港|香港|Hong Kong|Hong Kong|Hongkong|Hong Kong
Macau|Asia/Macau|澳門|澳门|マカオ|Macao|Macao|Macau|Macau
Taipei|Asia/Taipei|台北|台北|台北|Taipéi|||
Kaohsiung|Asia/Taipei|高雄|高雄|高雄||||
Taichung|Asia/Taipei|台中|台中|台中||||
Tainan|Asia/Taipei|台南|台南|台南||||
Hsinchu|Asia/Taipei|新竹|新竹|新竹||||
Hualien|Asia/Taipei|花蓮|花莲|花蓮||||
Keelung|Asia/Taipei|基隆|基隆|基隆||||
Taoyuan|Asia/Taipei|桃園|桃园|桃園||||
Yilan|Asia/Taipei|宜蘭|宜兰|宜蘭||||
Singapore|Asia/Singapore|新加坡|新加坡|シンガポール|Singapur|Singapour|Singapur|Singapura
Kuala Lumpur|Asia/Kuala_Lumpur|吉隆坡|吉隆坡|クアラルンプール||||
Penang|Asia/Kuala_Lumpur|檳城|槟城|ペナン||||
Bangkok|Asia/Bangkok|曼谷|曼谷|バンコク|Bangkok|Bangkok|Bangkok|Banguecoque
Chiang Mai|Asia/Bangkok|清邁|清迈|チェンマイ||||
Phuket|Asia/Bangkok|普吉島|普吉岛|プーケット||||
Hanoi|Asia/Ho_Chi_Minh|河內|河内|ハノイ|Hanói|||Hanói
Ho Chi Minh City|Asia/Ho_Chi_Minh|胡志明市|胡志明市|ホーチミン|Ciudad Ho Chi Minh|Hô-Chi-Minh-Ville||
Da Nang|Asia/Ho_Chi_Minh|峴港|岘港|ダナン||||
Manila|Asia/Manila|馬尼拉|马尼拉|マニラ||||
Cebu|Asia/Manila|宿霧|宿务|セブ||||
Jakarta|Asia/Jakarta|雅加達|雅加达|ジャカルタ|Yakarta|||Jacarta
Bali|Asia/Makassar|峇里島|巴厘岛|バリ島||||
Phnom Penh|Asia/Phnom_Penh|金邊|金边|プノンペン||||
Yangon|Asia/Yangon|仰光|仰光|ヤンゴン||||
Kathmandu|Asia/Kathmandu|加德滿都|加德满都|カトマンズ|Katmandú|Katmandou||Catmandu
Delhi|Asia/Kolkata|德里|德里|デリー|Delhi|Delhi|Delhi|Deli
Mumbai|Asia/Kolkata|孟買|孟买|ムンバイ|Bombay|Bombay||Mumbai
Bangalore|Asia/Kolkata|班加羅爾|班加罗尔|バンガロール||||
Kolkata|Asia/Kolkata|加爾各答|加尔各答|コルカタ|Calcuta|Calcutta|Kalkutta|Calcutá
Chennai|Asia/Kolkata|清奈|金奈|チェンナイ||||
Colombo|Asia/Colombo|科倫坡|科伦坡|コロンボ||||
Karachi|Asia/Karachi|喀拉蚩|卡拉奇|カラチ||||
Dhaka|Asia/Dhaka|達卡|达卡|ダッカ|Daca|Dacca||Daca
Dubai|Asia/Dubai|杜拜|迪拜|ドバイ|Dubái|Dubaï||
Abu Dhabi|Asia/Dubai|阿布達比|阿布扎比|アブダビ|Abu Dabi|||
Doha|Asia/Qatar|多哈|多哈|ドーハ||||
Riyadh|Asia/Riyadh|利雅德|利雅得|リヤド|Riad|Riyad|Riad|Riade
Tehran|Asia/Tehran|德黑蘭|德黑兰|テヘラン|Teherán|Téhéran|Teheran|Teerã
Istanbul|Europe/Istanbul|伊斯坦堡|伊斯坦布尔|イスタンブール|Estambul|Istanbul|Istanbul|Istambul
Ankara|Europe/Istanbul|安卡拉|安卡拉|アンカラ||||Ancara
Jerusalem|Asia/Jerusalem|耶路撒冷|耶路撒冷|エルサレム|Jerusalén|Jérusalem||Jerusalém
Tel Aviv|Asia/Jerusalem|特拉維夫|特拉维夫|テルアビブ||||
Almaty|Asia/Almaty|阿拉木圖|阿拉木图|アルマトイ||||
Tashkent|Asia/Tashkent|塔什干|塔什干|タシケント||||
Ulaanbaatar|Asia/Ulaanbaatar|烏蘭巴托|乌兰巴托|ウランバートル|Ulán Bator|Oulan-Bator|Ulan Bator|Ulan Bator
London|Europe/London|倫敦|伦敦|ロンドン|Londres|Londres|London|Londres
Manchester|Europe/London|曼徹斯特|曼彻斯特|マンチェスター||||
Edinburgh|Europe/London|愛丁堡|爱丁堡|エディンバラ|Edimburgo|Édimbourg||Edimburgo
Liverpool|Europe/London|利物浦|利物浦|リバプール||||
Oxford|Europe/London|牛津|牛津|オックスフォード||||
Cardiff|Europe/London|卡地夫|加的夫|カーディフ||||
Dublin|Europe/Dublin|都柏林|都柏林|ダブリン|Dublín|||
Paris|Europe/Paris|巴黎|巴黎|パリ|París|||
Lyon|Europe/Paris|里昂|里昂|リヨン|Lyon|||Lião
Marseille|Europe/Paris|馬賽|马赛|マルセイユ|Marsella||Marseille|Marselha
Nice|Europe/Paris|尼斯|尼斯|ニース|Niza|||
Bordeaux|Europe/Paris|波爾多|波尔多|ボルドー|Burdeos|||
Toulouse|Europe/Paris|土魯斯|图卢兹|トゥールーズ|Tolosa|||
Strasbourg|Europe/Paris|史特拉斯堡|斯特拉斯堡|ストラスブール|Estrasburgo||Straßburg|Estrasburgo
Brussels|Europe/Brussels|布魯塞爾|布鲁塞尔|ブリュッセル|Bruselas|Bruxelles|Brüssel|Bruxelas
Antwerp|Europe/Brussels|安特衛普|安特卫普|アントワープ|Amberes|Anvers|Antwerpen|Antuérpia
Amsterdam|Europe/Amsterdam|阿姆斯特丹|阿姆斯特丹|アムステルダム|Ámsterdam|||Amesterdão
Rotterdam|Europe/Amsterdam|鹿特丹|鹿特丹|ロッテルダム|Róterdam|||Roterdão
Berlin|Europe/Berlin|柏林|柏林|ベルリン|Berlín|||Berlim
Munich|Europe/Berlin|慕尼黑|慕尼黑|ミュンヘン|Múnich|Munich|München|Munique
Hamburg|Europe/Berlin|漢堡|汉堡|ハンブルク|Hamburgo|Hambourg||Hamburgo
Frankfurt|Europe/Berlin|法蘭克福|法兰克福|フランクフルト|Fráncfort|Francfort||Frankfurt
Cologne|Europe/Berlin|科隆|科隆|ケルン|Colonia|Cologne|Köln|Colônia
Stuttgart|Europe/Berlin|斯圖加特|斯图加特|シュトゥットガルト||||
Dresden|Europe/Berlin|德勒斯登|德累斯顿|ドレスデン|Dresde|Dresde||
Leipzig|Europe/Berlin|萊比錫|莱比锡|ライプツィヒ|Leipzig|Leipzig|Leipzig|Leipzig
Vienna|Europe/Vienna|維也納|维也纳|ウィーン|Viena|Vienne|Wien|Viena
Salzburg|Europe/Vienna|薩爾斯堡|萨尔茨堡|ザルツブルク|Salzburgo|Salzbourg||Salzburgo
Zurich|Europe/Zurich|蘇黎世|苏黎世|チューリッヒ|Zúrich|Zurich|Zürich|Zurique
Geneva|Europe/Zurich|日內瓦|日内瓦|ジュネーブ|Ginebra|Genève|Genf|Genebra
Basel|Europe/Zurich|巴塞爾|巴塞尔|バーゼル|Basilea|Bâle||Basileia
Rome|Europe/Rome|羅馬|罗马|ローマ|Roma|Rome|Rom|Roma
Milan|Europe/Rome|米蘭|米兰|ミラノ|Milán|Milan|Mailand|Milão
Venice|Europe/Rome|威尼斯|威尼斯|ヴェネツィア|Venecia|Venise|Venedig|Veneza
Florence|Europe/Rome|佛羅倫斯|佛罗伦萨|フィレンツェ|Florencia|Florence|Florenz|Florença
Naples|Europe/Rome|拿坡里|那不勒斯|ナポリ|Nápoles|Naples|Neapel|Nápoles
Turin|Europe/Rome|杜林|都灵|トリノ|Turín|Turin|Turin|Turim
Palermo|Europe/Rome|巴勒莫|巴勒莫|パレルモ||Palerme||
Madrid|Europe/Madrid|馬德里|马德里|マドリード||||
Barcelona|Europe/Madrid|巴塞隆納|巴塞罗那|バルセロナ||Barcelone||
Valencia|Europe/Madrid|瓦倫西亞|瓦伦西亚|バレンシア||Valence||Valência
Seville|Europe/Madrid|塞維亞|塞维利亚|セビリア|Sevilla|Séville|Sevilla|Sevilha
Bilbao|Europe/Madrid|畢爾包|毕尔巴鄂|ビルバオ||||
Málaga|Europe/Madrid|馬拉加|马拉加|マラガ||||
Granada|Europe/Madrid|格拉納達|格拉纳达|グラナダ||Grenade||
Palma|Europe/Madrid|帕爾馬|帕尔马|パルマ||||
Lisbon|Europe/Lisbon|里斯本|里斯本|リスボン|Lisboa|Lisbonne|Lissabon|Lisboa
Porto|Europe/Lisbon|波多|波尔图|ポルト|Oporto|Porto|Porto|Porto
Faro|Europe/Lisbon|法魯|法鲁|ファロ||||
Athens|Europe/Athens|雅典|雅典|アテネ|Atenas|Athènes|Athen|Atenas
Prague|Europe/Prague|布拉格|布拉格|プラハ|Praga|Prague|Prag|Praga
Budapest|Europe/Budapest|布達佩斯|布达佩斯|ブダペスト||||Budapeste
Warsaw|Europe/Warsaw|華沙|华沙|ワルシャワ|Varsovia|Varsovie|Warschau|Varsóvia
Krakow|Europe/Warsaw|克拉科夫|克拉科夫|クラクフ|Cracovia|Cracovie|Krakau|Cracóvia
Copenhagen|Europe/Copenhagen|哥本哈根|哥本哈根|コペンハーゲン|Copenhague|Copenhague|Kopenhagen|Copenhaga
Stockholm|Europe/Stockholm|斯德哥爾摩|斯德哥尔摩|ストックホルム|Estocolmo||Stockholm|Estocolmo
Oslo|Europe/Oslo|奧斯陸|奥斯陆|オスロ||||
Bergen|Europe/Oslo|卑爾根|卑尔根|ベルゲン||||
Helsinki|Europe/Helsinki|赫爾辛基|赫尔辛基|ヘルシンキ|Helsinki|Helsinki|Helsinki|Helsínquia
Reykjavik|Atlantic/Reykjavik|雷克雅維克|雷克雅未克|レイキャビク|Reikiavik|Reykjavik|Reykjavík|Reiquiavique
Tallinn|Europe/Tallinn|塔林|塔林|タリン||||
Riga|Europe/Riga|里加|里加|リガ||||
Vilnius|Europe/Vilnius|維爾紐斯|维尔纽斯|ヴィリニュス||||
Kyiv|Europe/Kyiv|基輔|基辅|キーウ|Kiev|Kyiv|Kyjiw|Kiev
Bucharest|Europe/Bucharest|布加勒斯特|布加勒斯特|ブカレスト|Bucarest|Bucarest|Bukarest|Bucareste
Sofia|Europe/Sofia|索菲亞|索菲亚|ソフィア||||
Belgrade|Europe/Belgrade|貝爾格勒|贝尔格莱德|ベオグラード|Belgrado|Belgrade|Belgrad|Belgrado
Zagreb|Europe/Zagreb|札格雷布|萨格勒布|ザグレブ||||
Dubrovnik|Europe/Zagreb|杜布羅夫尼克|杜布罗夫尼克|ドゥブロヴニク||||
Moscow|Europe/Moscow|莫斯科|莫斯科|モスクワ|Moscú|Moscou|Moskau|Moscou
Saint Petersburg|Europe/Moscow|聖彼得堡|圣彼得堡|サンクトペテルブルク|San Petersburgo|Saint-Pétersbourg|Sankt Petersburg|São Petersburgo
Cairo|Africa/Cairo|開羅|开罗|カイロ|El Cairo|Le Caire|Kairo|Cairo
Marrakech|Africa/Casablanca|馬拉喀什|马拉喀什|マラケシュ|Marrakech|Marrakech|Marrakesch|Marraquexe
Casablanca|Africa/Casablanca|卡薩布蘭卡|卡萨布兰卡|カサブランカ||||
Tunis|Africa/Tunis|突尼斯|突尼斯|チュニス|Túnez|Tunis|Tunis|Tunes
Lagos|Africa/Lagos|拉哥斯|拉各斯|ラゴス||||
Accra|Africa/Accra|阿克拉|阿克拉|アクラ||||
Nairobi|Africa/Nairobi|奈洛比|内罗毕|ナイロビ||||
Addis Ababa|Africa/Addis_Ababa|阿迪斯阿貝巴|亚的斯亚贝巴|アディスアベバ|Adís Abeba|Addis-Abeba|Addis Abeba|Adis Abeba
Cape Town|Africa/Johannesburg|開普敦|开普敦|ケープタウン|Ciudad del Cabo|Le Cap|Kapstadt|Cidade do Cabo
Johannesburg|Africa/Johannesburg|約翰尼斯堡|约翰内斯堡|ヨハネスブルグ|Johannesburgo|||Joanesburgo
Zanzibar|Africa/Dar_es_Salaam|桑吉巴|桑给巴尔|ザンジバル||||
Dakar|Africa/Dakar|達卡爾|达喀尔|ダカール||||
New York|America/New_York|紐約|纽约|ニューヨーク|Nueva York|New York|New York|Nova Iorque
Boston|America/New_York|波士頓|波士顿|ボストン||||
Washington|America/New_York|華盛頓|华盛顿|ワシントン|Washington|Washington|Washington|Washington
Philadelphia|America/New_York|費城|费城|フィラデルフィア|Filadelfia|Philadelphie||Filadélfia
Miami|America/New_York|邁阿密|迈阿密|マイアミ||||
Atlanta|America/New_York|亞特蘭大|亚特兰大|アトランタ||||
Pittsburgh|America/New_York|匹茲堡|匹兹堡|ピッツバーグ||||
Orlando|America/New_York|奧蘭多|奥兰多|オーランド||||
Chicago|America/Chicago|芝加哥|芝加哥|シカゴ||||
Houston|America/Chicago|休士頓|休斯顿|ヒューストン||||
Dallas|America/Chicago|達拉斯|达拉斯|ダラス||||
Austin|America/Chicago|奧斯汀|奥斯汀|オースティン||||
New Orleans|America/Chicago|紐奧良|新奥尔良|ニューオーリンズ|Nueva Orleans|La Nouvelle-Orléans||Nova Orleans
Minneapolis|America/Chicago|明尼亞波利斯|明尼阿波利斯|ミネアポリス||||
Denver|America/Denver|丹佛|丹佛|デンバー||||
Salt Lake City|America/Denver|鹽湖城|盐湖城|ソルトレイクシティ||||
Phoenix|America/Phoenix|鳳凰城|凤凰城|フェニックス||||
Las Vegas|America/Los_Angeles|拉斯維加斯|拉斯维加斯|ラスベガス||||
Los Angeles|America/Los_Angeles|洛杉磯|洛杉矶|ロサンゼルス|Los Ángeles|||
San Francisco|America/Los_Angeles|舊金山|旧金山|サンフランシスコ||||São Francisco
San Diego|America/Los_Angeles|聖迭戈|圣迭戈|サンディエゴ||||
Seattle|America/Los_Angeles|西雅圖|西雅图|シアトル||||
Portland|America/Los_Angeles|波特蘭|波特兰|ポートランド||||
Anchorage|America/Anchorage|安克拉治|安克雷奇|アンカレッジ||||
Honolulu|Pacific/Honolulu|檀香山|檀香山|ホノルル||||
Toronto|America/Toronto|多倫多|多伦多|トロント||||
Montreal|America/Toronto|蒙特婁|蒙特利尔|モントリオール|Montreal|Montréal|Montreal|Montreal
Quebec City|America/Toronto|魁北克市|魁北克市|ケベック・シティー|Ciudad de Quebec|Québec||Cidade de Quebec
Ottawa|America/Toronto|渥太華|渥太华|オタワ||||
Vancouver|America/Vancouver|溫哥華|温哥华|バンクーバー||||
Calgary|America/Edmonton|卡加利|卡尔加里|カルガリー||||
Mexico City|America/Mexico_City|墨西哥城|墨西哥城|メキシコシティ|Ciudad de México|Mexico|Mexiko-Stadt|Cidade do México
Guadalajara|America/Mexico_City|瓜達拉哈拉|瓜达拉哈拉|グアダラハラ||||
Monterrey|America/Monterrey|蒙特雷|蒙特雷|モンテレイ||||
Cancún|America/Cancun|坎昆|坎昆|カンクン||||
Oaxaca|America/Mexico_City|瓦哈卡|瓦哈卡|オアハカ||||
Havana|America/Havana|哈瓦那|哈瓦那|ハバナ|La Habana|La Havane|Havanna|Havana
Panama City|America/Panama|巴拿馬城|巴拿马城|パナマシティ|Ciudad de Panamá|Panama||Cidade do Panamá
Bogotá|America/Bogota|波哥大|波哥大|ボゴタ||||
Medellín|America/Bogota|麥德林|麦德林|メデジン||||
Cartagena|America/Bogota|卡塔赫納|卡塔赫纳|カルタヘナ||||
Quito|America/Guayaquil|基多|基多|キト||||
Lima|America/Lima|利馬|利马|リマ||||
Cusco|America/Lima|庫斯科|库斯科|クスコ|Cuzco|Cuzco||Cusco
La Paz|America/La_Paz|拉巴斯|拉巴斯|ラパス||||
Santiago|America/Santiago|聖地牙哥（智利）|圣地亚哥|サンティアゴ||||
Valparaíso|America/Santiago|瓦爾帕萊索|瓦尔帕莱索|バルパライソ||||
Buenos Aires|America/Argentina/Buenos_Aires|布宜諾斯艾利斯|布宜诺斯艾利斯|ブエノスアイレス||||
Mendoza|America/Argentina/Mendoza|門多薩|门多萨|メンドーサ||||
Montevideo|America/Montevideo|蒙特維多|蒙得维的亚|モンテビデオ||||Montevidéu
Asunción|America/Asuncion|亞松森|亚松森|アスンシオン||||Assunção
Caracas|America/Caracas|卡拉卡斯|加拉加斯|カラカス||||
São Paulo|America/Sao_Paulo|聖保羅|圣保罗|サンパウロ|São Paulo|São Paulo|São Paulo|São Paulo
Rio de Janeiro|America/Sao_Paulo|里約熱內盧|里约热内卢|リオデジャネイロ|Río de Janeiro|||Rio de Janeiro
Brasília|America/Sao_Paulo|巴西利亞|巴西利亚|ブラジリア|Brasilia|Brasilia|Brasília|Brasília
Recife|America/Recife|累西腓|累西腓|レシフェ||||
Porto Alegre|America/Sao_Paulo|阿雷格里港|阿雷格里港|ポルトアレグレ||||
Manaus|America/Manaus|瑪瑙斯|马瑙斯|マナウス||||
Florianópolis|America/Sao_Paulo|弗洛里亞諾波利斯|弗洛里亚诺波利斯|フロリアノポリス||||
Belo Horizonte|America/Sao_Paulo|美景市|贝洛奥里藏特|ベロオリゾンテ||||
Sydney|Australia/Sydney|雪梨|悉尼|シドニー|Sídney|||
Melbourne|Australia/Melbourne|墨爾本|墨尔本|メルボルン||||
Brisbane|Australia/Brisbane|布里斯本|布里斯班|ブリスベン||||
Perth|Australia/Perth|伯斯|珀斯|パース||||
Adelaide|Australia/Adelaide|阿得雷德|阿德莱德|アデレード|Adelaida|||Adelaide
Hobart|Australia/Hobart|荷巴特|霍巴特|ホバート||||
Darwin|Australia/Darwin|達爾文|达尔文|ダーウィン||||
Auckland|Pacific/Auckland|奧克蘭|奥克兰|オークランド||||
Wellington|Pacific/Auckland|威靈頓|惠灵顿|ウェリントン||||
Queenstown|Pacific/Auckland|皇后鎮|皇后镇|クイーンズタウン||||
Fiji|Pacific/Fiji|斐濟|斐济|フィジー|Fiyi|Fidji|Fidschi|Fiji
Tahiti|Pacific/Tahiti|大溪地|塔希提|タヒチ||||Taiti
"""


def _parse() -> list[dict]:
    places = []
    for line in _TABLE.strip().splitlines():
        en, tz, *local = [cell.strip() for cell in line.split("|")]
        names = {"en": en}
        for lang, name in zip(LANGS[1:], local):
            if name:
                names[lang] = name
            elif lang in _LATIN:
                names[lang] = en
        places.append({"key": en, "tz": tz, "names": names})
    return places


PLACES: list[dict] = _parse()
