"""What each split may draw from, and how one row draws from it.

`build_pools` gives every template / question stem / function request (a `group`) to exactly one split and
keeps ~15% of the places and image subjects, and the held-out functions, out of train; a `Draw` makes the random
choices of one row from its split's pools.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from types import ModuleType

from fc.tools import load_tool_schemas
from train.data.pools import PLACES
from train.data.pools.catalog import HELD_OUT as HELD_OUT_TOOLS
from train.data.pools.functions import FUNCTIONS, HELD_OUT_FUNCTIONS, IRRELEVANT, REQUESTS
from train.data.tool_lists import catalog_toolsets, function_toolsets

SPLITS = ("train", "val", "test")
HELD_OUT = 0.15  # share of places and image subjects kept out of train

# Pool families: (family name, module attribute). Each item of a family is one `group`.
FAMILIES = {
    "weather": "WEATHER", "weather_unit": "WEATHER_UNIT", "time": "TIME", "image": "IMAGE",
    "par_weather": "PARALLEL_WEATHER", "par_weather_unit": "PARALLEL_WEATHER_UNIT", "par_time": "PARALLEL_TIME",
    "par_weather_time": "PARALLEL_WEATHER_TIME", "par_weather_time2": "PARALLEL_WEATHER_TIME2",
    "par_images": "PARALLEL_IMAGES",
    "follow_city": "FOLLOW_CITY", "follow_time_there": "FOLLOW_TIME_THERE",
    "follow_weather_there": "FOLLOW_WEATHER_THERE", "follow_unit": "FOLLOW_UNIT", "follow_style": "FOLLOW_STYLE",
    "thanks": "THANKS", "city_reply": "CITY_REPLY", "image_reply": "IMAGE_REPLY", "clarify": "CLARIFY",
    "unsupported": "UNSUPPORTED", "chitchat": "CHITCHAT", "knowledge": "KNOWLEDGE",
    "hard_negative": "HARD_NEGATIVE",
}


class Skip(Exception):
    """This split/language has no pool for the row asked for; the caller picks another."""


@dataclass
class SplitPools:
    """What one split may draw from: its templates per (family, lang), places, image subjects and tool lists."""
    split: str
    groups: dict[tuple[str, str], list[tuple[str, object]]] = field(default_factory=dict)
    places: dict[str, list[dict]] = field(default_factory=dict)  # lang -> places with a name in lang
    held_places: dict[str, list[dict]] = field(default_factory=dict)
    subjects: dict[str, list[str]] = field(default_factory=dict)
    held_subjects: dict[str, list[str]] = field(default_factory=dict)
    tools: list[dict] = field(default_factory=list)  # the default tools (data/tools.json)
    toolsets: list[list[dict]] = field(default_factory=list)  # catalog tool lists (`catalog_toolsets`)
    functions: dict[str, dict] = field(default_factory=dict)  # name -> schema of the functions pool's usable ones
    function_toolsets: list[list[dict]] = field(default_factory=list)  # (`function_toolsets`)


def _split_counts(n: int) -> tuple[int, int]:
    """(val, test) sizes for a family of n items: ~10% each, at least one each from 4 items up."""
    if n >= 4:
        k = max(1, round(n * 0.1))
        return k, k
    return (0, 1) if n == 3 else (0, 0)


def _function_families() -> dict[tuple[str, str], list[tuple]]:
    """The functions pool's rows by (family, language): fn_call (a request for one call), fn_parallel (two or
    three calls) and fn_irrelevant (no declared function fits)."""
    families: dict[tuple[str, str], list[tuple]] = {}
    for text, called, lang in REQUESTS:
        families.setdefault(("fn_call" if len(called) == 1 else "fn_parallel", lang), []).append((text, called))
    for text, declared, lang in IRRELEVANT:
        families.setdefault(("fn_irrelevant", lang), []).append((text, declared))
    return families


def _uses_held_out_function(item: tuple) -> bool:
    _, names = item
    return any((n if isinstance(n, str) else n[0]) in HELD_OUT_FUNCTIONS for n in names)


def _assign(pools: dict[str, SplitPools], seed: int, fam: str, lang: str, items: list, held=lambda item: False):
    """Give every item of a family to one split: the `held` ones half to val, half to test; of the others ~10%
    each to val and test (`_split_counts`), the rest to train."""
    order = list(range(len(items)))
    random.Random(f"{seed}|{fam}|{lang}").shuffle(order)
    kept = [i for i in order if not held(items[i])]
    held_out = [i for i in order if held(items[i])]
    n_val, n_test = _split_counts(len(kept))
    splits = {i: "val" if rank < n_val else "test" if rank < n_val + n_test else "train" for rank, i in enumerate(kept)}
    splits |= {i: "val" if rank < len(held_out) // 2 else "test" for rank, i in enumerate(held_out)}
    for i in order:
        pools[splits[i]].groups.setdefault((fam, lang), []).append((f"{fam}.{lang}.{i:03d}", items[i]))


def build_pools(langs: dict[str, ModuleType], seed: int) -> dict[str, SplitPools]:
    """Assign every template/stem/request to one split and hold out places, subjects and functions for val/test."""
    pools = {}
    for s in SPLITS:
        usable = {f["function"]["name"]: f for f in FUNCTIONS
                  if s != "train" or f["function"]["name"] not in HELD_OUT_FUNCTIONS}
        pools[s] = SplitPools(s, tools=load_tool_schemas(),
                              toolsets=catalog_toolsets(s, random.Random(f"{seed}|{s}|toolsets")), functions=usable,
                              function_toolsets=function_toolsets(usable, random.Random(f"{seed}|{s}|functions")))
    for lang, mod in langs.items():
        families = {fam: getattr(mod, attr, []) for fam, attr in FAMILIES.items()}
        for tool, templates in getattr(mod, "OTHER", {}).items():
            families[f"other.{tool}"] = templates
        for tool, requests in getattr(mod, "CATALOG", {}).items():
            families[f"catalog.{tool}"] = requests
        for fam, items in families.items():
            held = fam.removeprefix("catalog.") in HELD_OUT_TOOLS  # tools never trained on
            _assign(pools, seed, fam, lang, items, lambda item: held)
        subjects = list(getattr(mod, "IMAGE_SUBJECTS", []))
        random.Random(f"{seed}|subjects|{lang}").shuffle(subjects)
        k = round(len(subjects) * HELD_OUT)
        pools["train"].subjects[lang] = subjects[k:]
        for s in ("val", "test"):
            pools[s].subjects[lang], pools[s].held_subjects[lang] = subjects, subjects[:k]
    for (fam, lang), items in _function_families().items():
        if lang in langs:
            _assign(pools, seed, fam, lang, items, _uses_held_out_function)
    places = list(PLACES)
    random.Random(f"{seed}|places").shuffle(places)
    held = {p["key"] for p in places[:round(len(places) * HELD_OUT)]}
    for lang in langs:
        named = [p for p in PLACES if lang in p["names"]]
        pools["train"].places[lang] = [p for p in named if p["key"] not in held]
        for s in ("val", "test"):
            pools[s].places[lang] = named
            pools[s].held_places[lang] = [p for p in named if p["key"] in held]
    return pools


@dataclass(frozen=True)
class Draw:
    """The random choices of one row: from its split's pools, in its language, with the split's rng."""
    rng: random.Random
    split: SplitPools
    lang: str
    words: ModuleType  # the language's pool module (train/data/pools/<lang>.py)

    def has(self, family: str) -> bool:
        return bool(self.split.groups.get((family, self.lang)))

    def pick(self, family: str) -> tuple[str, object]:
        """(group, item): one item of `family` in this split and language."""
        items = self.split.groups.get((family, self.lang))
        if not items:
            raise Skip(f"{family}/{self.lang}")
        return self.rng.choice(items)

    def pool(self, name: str):
        """The language module's `name` (UNITS, ANSWERS, IMAGE_STYLES…); Skip where it has none."""
        value = getattr(self.words, name, None)
        if not value:
            raise Skip(f"{self.lang}.{name}")
        return value
