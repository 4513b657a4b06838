"""Hand-written language pools for `train.data.generate`, one module per language.

Each language module may define (missing names just mean "none in this language"):
WEATHER / WEATHER_UNIT / TIME / IMAGE: user templates with {city}, {unit}, {prompt} slots;
UNITS {unit: [phrases]}, UNIT_WORDS {unit: [lowercase words that name it]};
IMAGE_SUBJECTS / IMAGE_STYLES / IMAGE_DETAILS and PROMPT_FORMS ({s}, {st}, {d}) / FOLLOW_PROMPT;
PARALLEL_* templates ({city}, {city2}, {prompt}, {prompt2}; PARALLEL_WEATHER_TIME2: weather in {city}, time in
{city2}, asked in either order); FOLLOW_* follow-up templates;
THANKS / CHITCHAT / KNOWLEDGE / HARD_NEGATIVE / UNSUPPORTED: (user, assistant) pairs;
CLARIFY: (user, question, kind) with kind in image|weather|time; CITY_REPLY / IMAGE_REPLY;
MISSING_ANSWER {tool: [answers]}; ANSWERS {kind: [templates]} (each kind also has templates without the optional
{hum}, {wind}, {weekday}, {offset}: a result may lack them); NO_FUNCTION [replies when no declared function of
functions.py fits]; CONDITIONS; WEEKDAYS; PREFIXES;
EMOJI; OTHER {extra tool: [templates]} with QUERIES / EMAILS;
CATALOG {catalog tool: [(request, arguments)]} and MISSING_CATALOG [refusals] (tools in catalog.py).
"""
from __future__ import annotations

import importlib
from types import ModuleType

from train.data.pools.places import LANGS, PLACES

_MODULES = {"en": "en", "zh-Hant": "zh_hant", "zh-Hans": "zh_hans", "ja": "ja", "ko": "ko", "ru": "ru", "es": "es",
            "fr": "fr", "de": "de", "pt": "pt", "it": "it", "vi": "vi"}


def load_languages() -> dict[str, ModuleType]:
    """The language modules that exist, keyed by language tag, in LANGS order."""
    found = {}
    for lang in LANGS:
        try:
            found[lang] = importlib.import_module(f"train.data.pools.{_MODULES[lang]}")
        except ModuleNotFoundError as e:
            if e.name != f"train.data.pools.{_MODULES[lang]}":
                raise
    return found


__all__ = ["LANGS", "PLACES", "load_languages"]
