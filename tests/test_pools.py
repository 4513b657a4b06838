"""train/data/pools: every language module defines what es.py defines, in the shapes train.data.generate fills.

Modules are imported directly: `load_languages` skips a language until the places table has a column for it.
"""
import importlib
import itertools
import pkgutil
import random
import re
import string
import unicodedata

import pytest

import train.data.pools
from fc.tools import ToolCall, ToolRegistry
from fc.builtins.weather import CONDITIONS
from train.data import results
from train.data.draw import FAMILIES, Draw, SplitPools
from train.data.pools import _MODULES, PLACES
from train.data.pools.catalog import CATALOG_TOOLS

MODULES = sorted(m.name for m in pkgutil.iter_modules(train.data.pools.__path__) if m.name in _MODULES.values())
ES = importlib.import_module("train.data.pools.es")
NAMES = {name for name in vars(ES) if name.isupper()}
OPTIONAL = {"PLACE_WORDS"}  # only where a language needs it (Chinese)

# Slots every answer of a kind must fill, so that it states the tool's values.
ANSWER_NEEDS = {
    "weather": {"city", "temp", "deg", "cond"}, "weather2": {"city", "temp", "cond", "city2", "temp2", "cond2", "deg"},
    "time": {"city", "time"}, "time2": {"city", "time", "city2", "time2"},
    "weather_time": {"city", "temp", "deg", "cond", "time"}, "weather_time2": {"city", "temp", "deg", "cond", "city2", "time2"},
    "image": {"path"}, "images2": {"path", "path2"},
    "weather_error": {"city"}, "time_error": {"city"}, "image_error": set(),
}
# Templates whose calls carry no unit: none may name one (tests/test_generate.py checks the rows made from them).
NO_UNIT = ("WEATHER", "TIME", "PARALLEL_WEATHER", "PARALLEL_TIME", "PARALLEL_WEATHER_TIME", "PARALLEL_WEATHER_TIME2",
           "FOLLOW_CITY", "FOLLOW_TIME_THERE", "FOLLOW_WEATHER_THERE", "CITY_REPLY", "CLARIFY")
# Result fields an answer may quote only where the result has them (train.data.results.OPTIONAL), by slot.
OPTIONAL_SLOTS = {"hum", "wind", "weekday", "offset"}


def load(name):
    return importlib.import_module(f"train.data.pools.{name}")


def slots(text: str) -> frozenset[str]:
    return frozenset(field for _, field, _, _ in string.Formatter().parse(text) if field is not None)


def texts(value, where: str):
    """(where, text) for every string in a pool value; `where` names its list, dict keys and tuple positions."""
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from texts(item, f"{where}.{key}")
    elif isinstance(value, tuple):
        for i, item in enumerate(value):
            yield from texts(item, f"{where}[{i}]")
    else:
        for item in value:
            yield from texts(item, where)


def templates(mod, names=None):
    """(where, text) for the strings of every name but ANSWERS (see its own test) and CATALOG (only requests)."""
    for name in sorted(names or {n for n in vars(mod) if n.isupper()} - {"ANSWERS", "CATALOG"}):
        yield from texts(getattr(mod, name, []), name)
    if names is None:
        for tool, pairs in mod.CATALOG.items():
            yield from ((f"CATALOG.{tool}", request) for request, _ in pairs)


def key(text: str) -> str:
    """What is left of a template once the generator has lowercased it and dropped its punctuation (digits stay,
    unlike `normalize_text`: "7 por 8" and "9 por 6" are two questions)."""
    return "".join(c for c in unicodedata.normalize("NFKC", text).casefold() if c.isalnum())


def test_every_language_module_is_registered():
    assert sorted(_MODULES.values()) == MODULES


@pytest.mark.parametrize("name", MODULES)
def test_defines_the_names_es_defines(name):
    mod = load(name)
    have = {n for n in vars(mod) if n.isupper()} | {f"OTHER.{tool}" for tool in getattr(mod, "OTHER", {})}
    want = NAMES | {f"OTHER.{tool}" for tool in ES.OTHER}
    assert not want - have
    assert not have - want - OPTIONAL


@pytest.mark.parametrize("name", MODULES)
def test_templates_have_the_slots_es_uses(name):
    ours = {}
    for where, text in templates(ES):
        ours.setdefault(where, set()).add(slots(text))
    mod = load(name)
    for where, text in templates(mod, {n for n in vars(mod) if n.isupper()} - {"ANSWERS", "CATALOG"} - OPTIONAL):
        assert slots(text) in ours.get(where, ()), (name, where, text)
    for tool, pairs in mod.CATALOG.items():
        assert all(not slots(request) for request, _ in pairs), (name, tool)


@pytest.mark.parametrize("name", MODULES)
def test_answers_fill_with_the_values_the_generator_passes(name):
    mod = load(name)
    d = Draw(random.Random(0), SplitPools("test"), name, mod)
    w, w2 = (results.quotes(d, "get_weather", results.weather(d, city, unit), suffix)
             for city, unit, suffix in (("A", None, ""), ("B", "fahrenheit", "2")))
    t, t2 = (results.quotes(d, "get_time", results.time(d, place, place["names"]["en"]), suffix)
             for place, suffix in ((PLACES[0], ""), (PLACES[-1], "2")))
    values = {"weather": w, "weather2": w | w2, "time": t, "time2": t | t2, "weather_time": w | t, "weather_time2": w | t2,
              "image": {"path": "a.png", "prompt": "p"}, "images2": {"path": "a.png", "path2": "b.png"},
              "weather_error": {"city": "A"}, "time_error": {"city": "A"}, "image_error": {}}
    assert set(mod.ANSWERS) == set(ES.ANSWERS) == set(values)
    for kind, answers in mod.ANSWERS.items():
        for answer in answers:
            answer.format(**values[kind])
            assert slots(answer) >= ANSWER_NEEDS[kind], (name, kind, answer)


@pytest.mark.parametrize("name", MODULES)
def test_every_answer_kind_fits_results_without_optional_fields(name):
    """A result may lack humidity, wind, weekday or UTC offset: each kind keeps a template for any such result,
    so the generator never has to state a value the result does not hold."""
    for kind, answers in load(name).ANSWERS.items():
        optional = {s for a in answers for s in slots(a) if s.rstrip("2") in OPTIONAL_SLOTS}
        for missing in itertools.chain.from_iterable(itertools.combinations(optional, k) for k in range(len(optional) + 1)):
            assert [a for a in answers if not slots(a) & set(missing)], (name, kind, missing)
        if kind == "time":  # and the offset is said where the result has one
            assert any("offset" in slots(a) and "weekday" not in slots(a) for a in answers), name


@pytest.mark.parametrize("name", MODULES)
def test_weather_in_one_place_time_in_another(name):
    """PARALLEL_WEATHER_TIME2: {city} for the weather, {city2} for the time, asked in either order."""
    templates_ = load(name).PARALLEL_WEATHER_TIME2
    assert 4 <= len(templates_) <= 8 and all(slots(t) == {"city", "city2"} for t in templates_)
    time_first = [t.index("{city2}") < t.index("{city}") for t in templates_]
    assert any(time_first) and not all(time_first), name


@pytest.mark.parametrize("name", ["zh_hant", "zh_hans", "ja", "ko"])
def test_cjk_pools_name_two_places_tightly(name):
    """"台北跟東京…", "東京と大阪の天気", "北京、上海的天气": only a particle or a mark between the two places."""
    tight = re.compile(r"\{city\}(跟|和|、|と|・|, |하고 )\{city2\}")
    mod = load(name)
    for attr in ("PARALLEL_WEATHER", "PARALLEL_TIME"):
        assert sum(bool(tight.search(t)) for t in getattr(mod, attr)) >= 3, (name, attr)


@pytest.mark.parametrize("name", MODULES)
def test_kinds_conditions_and_weekdays_match(name):
    mod = load(name)
    assert {kind for *_, kind in mod.CLARIFY} == {kind for *_, kind in ES.CLARIFY} == {"image", "weather", "time"}
    assert all(len(item) == 3 for item in mod.CLARIFY)
    assert set(mod.MISSING_ANSWER) == set(ES.MISSING_ANSWER)
    assert set(mod.CONDITIONS) == set(CONDITIONS)
    assert len(set(mod.WEEKDAYS)) == 7
    assert set(mod.CATALOG) == set(ES.CATALOG)


@pytest.mark.parametrize("name", MODULES)
def test_catalog_arguments_fit_their_schemas(name):
    registry = ToolRegistry.from_schemas(CATALOG_TOOLS.values())
    for tool, pairs in load(name).CATALOG.items():
        for request, arguments in pairs:
            assert registry.validate(ToolCall(tool, arguments)) is None, (name, request)


def test_units_are_named_only_where_a_unit_is_asked_for():
    mods = {name: load(name) for name in MODULES}
    words = {name: {unit: [w.lower() for w in ws] for unit, ws in mod.UNIT_WORDS.items()} for name, mod in mods.items()}
    every = {w for ws in words.values() for unit in ws.values() for w in unit}
    for name, mod in mods.items():
        assert set(mod.UNITS) == set(mod.UNIT_WORDS) == {"celsius", "fahrenheit"}, name
        for unit, phrases in mod.UNITS.items():
            other = "fahrenheit" if unit == "celsius" else "celsius"
            for phrase in phrases:
                assert any(w in phrase.lower() for w in words[name][unit]), (name, phrase)
                assert not any(w in phrase.lower() for w in words[name][other]), (name, phrase)
        for where, text in templates(mod, NO_UNIT):
            assert not [w for w in every if w in text.lower()], (name, where, text)


@pytest.mark.parametrize("name", MODULES)
def test_no_template_is_repeated(name):
    """A repeated template can land in two splits, and then a val/test template is one train has seen."""
    mod = load(name)
    families = {attr: getattr(mod, attr, []) for attr in FAMILIES.values()}
    families |= {f"OTHER.{tool}": items for tool, items in getattr(mod, "OTHER", {}).items()}
    families |= {f"CATALOG.{tool}": items for tool, items in mod.CATALOG.items()}
    families["IMAGE_SUBJECTS"] = mod.IMAGE_SUBJECTS
    repeats = {}
    for family, items in families.items():
        seen = set()
        for item in items:
            text = item[0] if isinstance(item, tuple) else item
            if key(text) in seen:
                repeats.setdefault(family, []).append(text)
            seen.add(key(text))
    assert not repeats


def test_korean_particles_after_a_slot_fit_any_name():
    """은/는, 이/가, 을/를, 와/과, (으)로, (이)랑 depend on the name's last syllable, which a template cannot know."""
    ko = load("ko")
    particle = re.compile(r"\{(?!(?:style|st)\})\w+\}(은|는|이|가|을|를|과|와|으로|로|랑|이랑)(?![가-힣])")
    for where, text in [*templates(ko), *texts(ko.ANSWERS, "ANSWERS")]:
        assert not particle.search(text), (where, text)
    for style in ko.IMAGE_STYLES:  # "{style}로": a vowel or ㄹ before it
        last = [c for c in style if "가" <= c <= "힣"][-1]
        assert (ord(last) - ord("가")) % 28 in (0, 8), style


def test_russian_places_stand_where_the_nominative_is_right():
    """{city} is the nominative name: after "в", "из", "для"... it would have to be declined."""
    ru = load("ru")
    preposition = re.compile(r"(?<![\w-])(в|во|из|для|про|на|до|от|по|с|со|к|ко|о|об|у|без|под|над|при|через)\s+"
                             r"\{city2?\}", re.IGNORECASE)
    for where, text in [*templates(ru), *texts(ru.ANSWERS, "ANSWERS")]:
        assert not preposition.search(text), (where, text)


@pytest.mark.parametrize("name", MODULES)
def test_answers_state_no_number_of_their_own(name):
    for kind, templates in load(name).ANSWERS.items():
        for template in templates if kind != "images2" else ():  # "both 2 images" may count them
            literal = "".join(text for text, *_ in string.Formatter().parse(template))
            assert not any(c.isdigit() for c in literal), (name, kind, template)


@pytest.mark.parametrize("name", MODULES)
def test_text_is_nfc(name):
    for where, text in templates(load(name)):
        assert unicodedata.is_normalized("NFC", text), (name, where, text)


def test_italian_tempo_means_weather_in_requests_and_never_clock_time():
    it = load("it")
    assert sum("tempo" in t for t in it.WEATHER) >= 5
    assert not any("tempo" in t for t in it.TIME + it.PARALLEL_TIME + it.FOLLOW_TIME_THERE)
    assert sum("tempo" in q for q, _ in it.HARD_NEGATIVE) >= 8  # duration, tense, half-time, music, sayings


def test_vietnamese_has_diacritics_and_some_rows_typed_without():
    vi = load("vi")
    for attr in ("WEATHER", "TIME", "IMAGE", "HARD_NEGATIVE"):
        plain = [t for t in getattr(vi, attr) if (t[0] if isinstance(t, tuple) else t).isascii()]
        assert 1 <= len(plain) <= len(getattr(vi, attr)) // 4, attr
