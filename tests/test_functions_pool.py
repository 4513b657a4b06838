"""The functions pool: schemas that load, calls that validate, arguments that come from the request text."""
import json
import re
from collections import Counter

import pytest

from fc import DATA_DIR
from fc.tools import ToolCall, ToolRegistry, normalize_schema
from train.data.pools.catalog import CATALOG_TOOLS
from train.data.pools.functions import (ANSWERED, ASKS_OUR_TOOLS, DOMAINS, FUNCTIONS, HELD_OUT_FUNCTIONS, IRRELEVANT,
                                       REQUESTS)
from train.data.tool_lists import EXTRA_TOOLS

LANGS = {"en", "zh-Hant", "zh-Hans", "ja", "es", "fr", "de", "pt", "ko", "it", "ru", "vi"}
PARAMS = {f["function"]["name"]: f["function"]["parameters"] for f in FUNCTIONS}

# Words that state a number in the requests, lowercase (Latin-script words match whole words only).
NUMBER_WORDS = {
    "three": 3, "twenty": 20, "dos": 2, "monthly": 12, "quarterly": 4, "annual": 1, "jährlich": 1, "hex": 16,
    "decimal": 10, "binary": 2, "十进制": 10, "八进制": 8, "march": 3, "july": 7, "november": 11, "december": 12,
}
# Values a request states in another form, and why: (request, value) -> reason.
DERIVED = {
    ("solve x² − 4x + 4 = 0", 1): "the implicit leading coefficient",
    ("Evaluate 3x^3 - 2x + 7 at x = 2", 0): "the missing x^2 term",
    ("If I flip a fair coin 10 times, what's the probability of exactly 6 heads?", 0.5): "a fair coin",
    ("Starting from rest and accelerating at 9.8 m/s² for 3 seconds — what's the final velocity?", 0): "from rest",
    ("What interest do I earn on 12000 at 1.75% simple interest over 6 months?", 0.5): "6 months in years",
    ("Today is 2025-09-10. How many days until Christmas Day 2025?", "2025-12-25"): "Christmas Day 2025",
}
_NUMBER = re.compile(r"(\d+(?:[ \u00a0\u202f]\d{3})+(?![\d.,])|\d+(?:[.,]\d+)*(?:e-?\d+)?|[.,]\d+)(\s*(?:%|percent|k\b"
                     r"|thousand|million|万|萬))?")
_MULTIPLIERS = {"k": 1e3, "thousand": 1e3, "million": 1e6, "万": 1e4, "萬": 1e4}


def _numbers_in(text: str) -> set[float]:
    """Every value a number written in `text` may stand for (1,5 may be 1.5 or 15; 20 万 is 200000)."""
    found = set()
    for digits, suffix in _NUMBER.findall(text):
        plain = re.sub(r"[ \u00a0\u202f]", "", digits)
        readings = {plain.replace(",", ""), plain.replace(".", "").replace(",", "."), plain.replace(",", ".")}
        suffix = (suffix or "").strip().lower()
        for reading in readings:
            try:
                value = float(reading)
            except ValueError:
                continue
            found.add(value)
            if suffix in ("%", "percent"):
                found.add(value / 100)
            elif suffix:
                found.add(value * _MULTIPLIERS[suffix])
    for fraction in re.findall(r"(\d+)/(\d+)", text):
        found.add(int(fraction[0]) / int(fraction[1]))
    low = text.lower()
    for word, value in NUMBER_WORDS.items():
        if (re.search(rf"\b{re.escape(word)}\b", low) if word.isascii() else word in low):
            found.add(value)
    return found


def _leaves(schema: dict, value):
    """(schema, value) for every scalar inside an argument value."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _leaves(schema["properties"][key], item)
    elif isinstance(value, list):
        for item in value:
            yield from _leaves(schema["items"], item)
    else:
        yield schema, value


def _calls():
    for text, calls, lang in REQUESTS:
        for name, args in calls:
            yield text, name, args, lang


def _handwritten_tool_names() -> set[str]:
    rows = [json.loads(line) for line in (DATA_DIR / "handwritten.jsonl").read_text(encoding="utf-8").splitlines()]
    return {t.get("function", t)["name"] for row in rows for t in row.get("tools") or []}


def test_every_schema_normalizes_and_names_are_unique_and_new():
    """Names stay clear of the catalog, the generator's extra tools and the hand-written test set's tools."""
    names = [normalize_schema(f)["function"]["name"] for f in FUNCTIONS]
    assert len(names) == len(set(names))
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*", n) for n in names)
    reserved = set(CATALOG_TOOLS) | set(EXTRA_TOOLS) | _handwritten_tool_names()
    assert "get_stock_price" in reserved and "roll_dice" in reserved
    assert not reserved & set(names)
    assert 150 <= len(names) <= 190


def test_domains_partition_the_functions():
    listed = [n for names in DOMAINS.values() for n in names]
    assert sorted(listed) == sorted(PARAMS)
    assert len(DOMAINS) >= 25


def test_held_out_functions_are_about_15_percent_over_many_domains():
    held = set(HELD_OUT_FUNCTIONS)
    assert held <= set(PARAMS) and len(held) == len(HELD_OUT_FUNCTIONS)
    assert 0.12 <= len(held) / len(PARAMS) <= 0.18
    domains = {d for d, names in DOMAINS.items() if held & set(names)}
    assert len(domains) >= 15
    assert all(set(names) - held for names in DOMAINS.values()), "every domain keeps functions to train on"


def test_every_call_validates_against_its_schema():
    registry = ToolRegistry.from_schemas(FUNCTIONS)
    problems = [(text, registry.validate(ToolCall(name, args))) for text, name, args, _ in _calls()]
    assert [p for p in problems if p[1]] == []


def test_argument_types_are_exact():
    """jsonschema takes 3.0 for an integer and True for a number; the training targets must not."""
    wrong = []
    for text, name, args, _ in _calls():
        for schema, value in _leaves(PARAMS[name], args):
            kind = schema["type"]
            ok = {"integer": type(value) is int, "number": type(value) in (int, float),
                  "boolean": type(value) is bool, "string": type(value) is str}[kind]
            if not ok:
                wrong.append((text, name, value))
    assert wrong == []


def test_arguments_are_stated_in_the_request():
    missing = []
    for text, name, args, _ in _calls():
        numbers = _numbers_in(text)
        for schema, value in _leaves(PARAMS[name], args):
            if (text, value) in DERIVED or "enum" in schema or isinstance(value, bool):
                continue
            if isinstance(value, str):
                stated = value.lower() in text.lower()
            else:
                stated = any(abs(abs(value) - n) <= 1e-9 * max(1, abs(value)) for n in numbers)
            if not stated:
                missing.append((text, name, value))
    assert missing == []


def test_derived_values_are_still_used():
    used = {(text, value) for text, name, args, _ in _calls() for _, value in _leaves(PARAMS[name], args)}
    assert set(DERIVED) <= used


def test_requests_cover_every_function_in_every_shape():
    per_function = Counter(name for text, calls, _ in REQUESTS for name in {n for n, _ in calls})
    assert min(per_function[n] for n in PARAMS) >= 3
    kinds = Counter("one" if len(calls) == 1 else "same" if len({n for n, _ in calls}) == 1 else "mixed"
                    for _, calls, _ in REQUESTS)
    assert all(len(calls) <= 3 for _, calls, _ in REQUESTS)
    assert kinds["one"] / len(REQUESTS) <= 0.7 and min(kinds["same"], kinds["mixed"]) / len(REQUESTS) >= 0.15


def test_repeated_calls_differ():
    for text, calls, _ in REQUESTS:
        assert len({repr(c) for c in calls}) == len(calls), text


@pytest.mark.parametrize("rows", [REQUESTS, IRRELEVANT], ids=["requests", "irrelevant"])
def test_languages_are_mostly_english_and_spread(rows):
    langs = Counter(lang for *_, lang in rows)
    assert set(langs) <= LANGS
    assert 0.65 <= langs["en"] / len(rows) <= 0.85
    assert len(langs) == len(LANGS)


def test_irrelevant_rows_declare_existing_functions():
    assert len(IRRELEVANT) >= 120
    for text, declared, _ in IRRELEVANT:
        assert declared and set(declared) <= set(PARAMS) and len(set(declared)) == len(declared), text


def test_no_request_text_repeats():
    texts = [text for text, *_ in REQUESTS] + [text for text, *_ in IRRELEVANT]
    assert [t for t, n in Counter(texts).items() if n > 1] == []


def test_answered_and_our_tools_name_irrelevant_requests():
    """ANSWERED replies to requests that need no function; ASKS_OUR_TOOLS marks those our built-ins could serve."""
    irrelevant = {text for text, *_ in IRRELEVANT}
    assert set(ANSWERED) <= irrelevant and ASKS_OUR_TOOLS <= irrelevant
    assert not set(ANSWERED) & ASKS_OUR_TOOLS
    assert all(answer.strip() for answer in ANSWERED.values())
    assert 0.2 < len(ANSWERED) / len(IRRELEVANT) < 0.5
