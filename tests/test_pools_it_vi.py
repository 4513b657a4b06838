"""train/data/pools/it.py and vi.py: the names, slots, kinds and sizes of es.py, valid catalog arguments, no repeats.

The generator loads a language module only once places.py names places in that language, so until then these
checks are all that look at the Italian and Vietnamese pools."""
import importlib
import string
import unicodedata

import pytest

from fc.tools import ToolCall, ToolRegistry
from train.data.draw import FAMILIES
from train.data.generate import normalize_text
from train.data.pools import _MODULES, load_languages
from train.data.pools.catalog import CATALOG_TOOLS

ES = importlib.import_module("train.data.pools.es")
LANGS = ("it", "vi")
UNITLESS_WEATHER = ("WEATHER", "PARALLEL_WEATHER", "PARALLEL_WEATHER_TIME", "FOLLOW_CITY", "FOLLOW_WEATHER_THERE",
                    "CITY_REPLY")  # user turns answered by a get_weather call without a unit


@pytest.fixture(params=LANGS)
def mod(request):
    return importlib.import_module(f"train.data.pools.{_MODULES[request.param]}")


def names(module) -> set[str]:
    return {n for n in vars(module) if n.isupper()}


def slots(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f is not None}


def texts(module) -> dict[str, list[str]]:
    """Every string of the module's pools, keyed by where it sits: NAME, NAME.key or NAME[position]."""
    out: dict[str, list[str]] = {}
    for name in names(module):
        value = getattr(module, name)
        if isinstance(value, str):
            out[name] = [value]
        elif isinstance(value, dict):
            for key, items in value.items():
                if name == "CATALOG":
                    items = [request for request, _ in items]
                out[f"{name}.{key}"] = [items] if isinstance(items, str) else list(items)
        else:
            for item in value:
                for i, part in enumerate(item if isinstance(item, tuple) else (item,)):
                    out.setdefault(f"{name}[{i}]" if isinstance(item, tuple) else name, []).append(part)
    return out


def user_turns(module) -> list[str]:
    """The templates and requests a user says."""
    turns = [item[0] if isinstance(item, tuple) else item for attr in FAMILIES.values()
             for item in getattr(module, attr)]
    turns += [t for templates in module.OTHER.values() for t in templates]
    return turns + [request for rows in module.CATALOG.values() for request, _ in rows]


def test_registered_under_their_language_tags():
    assert _MODULES["it"] == "it" and _MODULES["vi"] == "vi"


def test_same_names_and_kinds_as_spanish(mod):
    assert names(mod) == names(ES)
    for name in ("ANSWERS", "MISSING_ANSWER", "OTHER", "UNITS", "UNIT_WORDS", "CONDITIONS"):
        assert set(getattr(mod, name)) == set(getattr(ES, name)), name
    assert {kind for *_, kind in mod.CLARIFY} == {kind for *_, kind in ES.CLARIFY}
    assert set(ES.CATALOG) <= set(mod.CATALOG) <= set(CATALOG_TOOLS)
    assert len(mod.WEEKDAYS) == len(set(mod.WEEKDAYS)) == 7


def test_at_least_as_many_items_as_spanish(mod):
    ours, theirs = texts(mod), texts(ES)
    for key, items in theirs.items():
        assert len(ours[key]) >= len(items), key


def test_same_slots_as_spanish(mod):
    """Each string uses the slots that every Spanish string in its place uses, and no slot none of them uses."""
    ours = texts(mod)
    for key, items in texts(ES).items():
        used = [slots(t) for t in items]
        required, allowed = set.intersection(*used), set.union(*used)
        for text in ours[key]:
            assert required <= slots(text) <= allowed, (key, text)


def test_answers_state_only_their_slots(mod):
    for kind, templates in mod.ANSWERS.items():
        for template in templates:
            literal = "".join(text for text, *_ in string.Formatter().parse(template))
            assert not any(c.isdigit() for c in literal), (kind, template)


def test_catalog_arguments_fit_the_schemas_and_come_from_the_request(mod):
    registry = ToolRegistry.from_schemas(CATALOG_TOOLS.values())
    for tool, rows in mod.CATALOG.items():
        properties = CATALOG_TOOLS[tool]["function"]["parameters"]["properties"]
        assert {frozenset(a) for _, a in ES.CATALOG.get(tool, [])} <= {frozenset(a) for _, a in rows}, tool
        for request, arguments in rows:
            assert registry.validate(ToolCall(tool, arguments)) is None, (tool, request)
            for key, value in arguments.items():
                if isinstance(value, str) and "enum" not in properties[key] and key != "expression":
                    assert value.lower() in request.lower(), (tool, request, key)


def test_no_user_turn_repeats(mod):
    seen: dict[str, str] = {}
    for turn in user_turns(mod):
        key = normalize_text(turn)
        assert key not in seen, (turn, seen.get(key))
        seen[key] = turn


def test_units_are_named_only_where_a_unit_is_asked_for(mod):
    """Each unit phrase holds a word of its unit's UNIT_WORDS; no unit-less weather request holds any language's."""
    everyone = [*load_languages().values(), *(importlib.import_module(f"train.data.pools.{m}") for m in LANGS)]
    words = {unit: {w for m in everyone for w in m.UNIT_WORDS[unit]} for unit in ("celsius", "fahrenheit")}
    for unit, phrases in mod.UNITS.items():
        (other,) = set(words) - {unit}
        for phrase in phrases:
            assert any(w in phrase.lower() for w in mod.UNIT_WORDS[unit]), phrase
            assert not any(w in phrase.lower() for w in words[other]), phrase
    for attr in UNITLESS_WEATHER:
        for template in getattr(mod, attr):
            assert not any(w in template.lower() for ws in words.values() for w in ws), (attr, template)


def test_text_is_nfc(mod):
    for key, items in texts(mod).items():
        for text in items:
            assert unicodedata.is_normalized("NFC", text), (key, text)


def test_italian_tempo_means_weather_in_requests_and_never_clock_time():
    it = importlib.import_module("train.data.pools.it")
    assert sum("tempo" in t for t in it.WEATHER) >= 5
    assert not any("tempo" in t for t in it.TIME + it.PARALLEL_TIME + it.FOLLOW_TIME_THERE)
    assert sum("tempo" in q for q, _ in it.HARD_NEGATIVE) >= 8  # duration, tense, half-time, music, sayings


def test_vietnamese_has_diacritics_and_some_rows_typed_without():
    vi = importlib.import_module("train.data.pools.vi")
    for attr in ("WEATHER", "TIME", "IMAGE", "HARD_NEGATIVE"):
        plain = [t for t in getattr(vi, attr) if (t[0] if isinstance(t, tuple) else t).isascii()]
        assert 1 <= len(plain) <= len(getattr(vi, attr)) // 4, attr
