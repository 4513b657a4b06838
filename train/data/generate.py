"""Generate the synthetic tool-calling dataset: data/{train,val,test}.jsonl and data/stats.json.

    python -m train.data.generate [--seed 0] [--out data] [--catalog]

Rows are built from hand-written per-language pools (train/data/pools/) and are deterministic for a seed:
tool results are fabricated from the seeded RNG (never the wall clock). Splits are made by template:
every template / question stem (`group`) belongs to exactly one split, and ~15% of the places and
image subjects appear only in val/test.
"""
from __future__ import annotations

import argparse
import json
import random
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from types import ModuleType
from zoneinfo import ZoneInfo

from fc.builtins.clock import WEEKDAYS, time_report
from fc.builtins.weather import CONDITIONS, fits, in_unit
from fc.tools import load_tool_schemas
from train.dataset import save_jsonl
from train.data.pools import PLACES, load_languages
from train.data.pools.catalog import CATALOG_TOOLS, HELD_OUT as HELD_OUT_TOOLS, function_tool

SPLITS = ("train", "val", "test")
SPLIT_SIZES = {"train": 3300, "val": 350, "test": 350}
HELD_OUT = 0.15  # share of places and image subjects kept out of train
LANG_WEIGHTS = {"en": 0.36, "zh-Hant": 0.16, "zh-Hans": 0.16, "es": 0.07, "fr": 0.07, "ja": 0.06,
                "de": 0.06, "pt": 0.06}
CATEGORY_WEIGHTS = {
    "call_weather": 0.10, "call_time": 0.07, "call_image": 0.10, "call_other": 0.04, "call_catalog": 0.05,
    "parallel": 0.06, "loop": 0.07, "followup": 0.05,
    "no_call_chitchat": 0.08, "no_call_knowledge": 0.10, "hard_negative": 0.17, "clarify": 0.07,
    "missing_tool": 0.07, "missing_catalog": 0.05,
}
CATEGORIES = tuple(CATEGORY_WEIGHTS)
CATALOG_CATEGORIES = ("call_catalog", "missing_catalog")  # only with --catalog
OUR_TOOLS = ("get_weather", "get_time", "generate_image")  # data/tools.json
TOOLSETS = 12  # catalog tool lists per split; rows sharing one can be chained in training
CJK = {"zh-Hant", "zh-Hans", "ja"}
CURRENCIES = ("USD", "EUR", "JPY", "GBP", "TWD", "CNY", "CHF", "BRL", "MXN", "KRW", "AUD", "CAD")
AMOUNTS = (5, 12, 20, 35, 50, 80, 100, 120, 250, 300, 499, 1000, 1500, 12.5, 99.99, 7.25)


EXTRA_TOOLS = {
    "convert_currency": function_tool("convert_currency", "Convert an amount of money from one currency to another.", {
        "amount": {"type": "number", "description": "The amount to convert."},
        "from": {"type": "string", "description": "ISO currency code to convert from, e.g. USD."},
        "to": {"type": "string", "description": "ISO currency code to convert to, e.g. EUR."}},
        ["amount", "from", "to"]),
    "search_web": function_tool("search_web", "Search the web and return the top results.", {
        "query": {"type": "string", "description": "The search query."}}, ["query"]),
    "send_email": function_tool("send_email", "Send an email.", {
        "to": {"type": "string", "description": "Recipient email address."},
        "subject": {"type": "string", "description": "Subject line."},
        "body": {"type": "string", "description": "Message body."}}, ["to", "subject", "body"]),
}

# Pool families: (family name, module attribute). Each item of a family is one `group`.
FAMILIES = {
    "weather": "WEATHER", "weather_unit": "WEATHER_UNIT", "time": "TIME", "image": "IMAGE",
    "par_weather": "PARALLEL_WEATHER", "par_weather_unit": "PARALLEL_WEATHER_UNIT", "par_time": "PARALLEL_TIME",
    "par_weather_time": "PARALLEL_WEATHER_TIME", "par_images": "PARALLEL_IMAGES",
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
    """What one split may draw from: its templates per (family, lang), places and image subjects."""
    split: str
    groups: dict[tuple[str, str], list[tuple[str, object]]] = field(default_factory=dict)
    places: dict[str, list[dict]] = field(default_factory=dict)  # lang -> places with a name in lang
    held_places: dict[str, list[dict]] = field(default_factory=dict)
    subjects: dict[str, list[str]] = field(default_factory=dict)
    held_subjects: dict[str, list[str]] = field(default_factory=dict)


def _split_counts(n: int) -> tuple[int, int]:
    """(val, test) sizes for a family of n items: ~10% each, at least one each from 4 items up."""
    if n >= 4:
        k = max(1, round(n * 0.1))
        return k, k
    return (0, 1) if n == 3 else (0, 0)


def build_pools(langs: dict[str, ModuleType], seed: int) -> dict[str, SplitPools]:
    """Assign every template/stem to one split and hold out places and subjects for val/test."""
    pools = {s: SplitPools(s) for s in SPLITS}
    for lang, mod in langs.items():
        families = {fam: getattr(mod, attr, []) for fam, attr in FAMILIES.items()}
        for tool, templates in getattr(mod, "OTHER", {}).items():
            families[f"other.{tool}"] = templates
        for tool, requests in getattr(mod, "CATALOG", {}).items():
            families[f"catalog.{tool}"] = requests
        for fam, items in families.items():
            order = list(range(len(items)))
            random.Random(f"{seed}|{fam}|{lang}").shuffle(order)
            n_val, n_test = _split_counts(len(items))
            if fam.removeprefix("catalog.") in HELD_OUT_TOOLS:  # tools never trained on
                n_val, n_test = len(items) // 2, len(items) - len(items) // 2
            for rank, i in enumerate(order):
                split = "val" if rank < n_val else "test" if rank < n_val + n_test else "train"
                pools[split].groups.setdefault((fam, lang), []).append((f"{fam}.{lang}.{i:03d}", items[i]))
        subjects = list(getattr(mod, "IMAGE_SUBJECTS", []))
        random.Random(f"{seed}|subjects|{lang}").shuffle(subjects)
        k = round(len(subjects) * HELD_OUT)
        pools["train"].subjects[lang] = subjects[k:]
        for s in ("val", "test"):
            pools[s].subjects[lang], pools[s].held_subjects[lang] = subjects, subjects[:k]
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


# ---------------------------------------------------------------- message helpers

def call(name: str, **arguments) -> dict:
    return {"type": "function", "function": {"name": name, "arguments": arguments}}


def user(text: str) -> dict:
    return {"role": "user", "content": text}


def say(text: str) -> dict:
    return {"role": "assistant", "content": text}


def calls(*tool_calls: dict) -> dict:
    return {"role": "assistant", "content": "", "tool_calls": list(tool_calls)}


def result(name: str, payload: dict) -> dict:
    return {"role": "tool", "name": name, "content": json.dumps(payload, ensure_ascii=False)}


def normalize_text(text: str) -> str:
    """Comparison key for near-duplicates: letters only (no case, spaces, punctuation, digits, emoji)."""
    return "".join(c for c in unicodedata.normalize("NFKC", text).casefold() if c.isalpha())


# ---------------------------------------------------------------- the generator

class Generator:
    """Builds the rows of one split; every random choice comes from `self.rng`."""

    def __init__(self, pools: SplitPools, langs: dict[str, ModuleType], rng: random.Random,
                 toolsets: list[list[dict]]):
        self.p, self.langs, self.rng, self.toolsets = pools, langs, rng, toolsets
        self.default_tools = load_tool_schemas()
        self.lowered = False  # whether the latest `perturb` lowercased its template

    # ---- pool access
    def pick(self, family: str, lang: str) -> tuple[str, object]:
        items = self.p.groups.get((family, lang))
        if not items:
            raise Skip(f"{family}/{lang}")
        return self.rng.choice(items)

    def attr(self, lang: str, name: str):
        value = getattr(self.langs[lang], name, None)
        if not value:
            raise Skip(f"{lang}.{name}")
        return value

    def place(self, lang: str, avoid: dict | None = None) -> dict:
        held = self.p.held_places.get(lang)
        pool = held if held and self.rng.random() < 0.5 else self.p.places.get(lang)
        if not pool:
            raise Skip(f"places/{lang}")
        for _ in range(10):
            place = self.rng.choice(pool)
            if place is not avoid:
                return place
        raise Skip("place")

    def prompt(self, lang: str, plain: bool = False) -> tuple[str, str]:
        """(prompt as the user writes it, its subject)."""
        held = self.p.held_subjects.get(lang)
        pool = held if held and self.rng.random() < 0.5 else self.p.subjects.get(lang)
        if not pool:
            raise Skip(f"subjects/{lang}")
        subject = self.rng.choice(pool)
        forms = self.attr(lang, "PROMPT_FORMS")
        if plain:  # no style yet: a follow-up may ask for one
            forms = [f for f in forms if "{st}" not in f]
        form = self.rng.choice(forms)
        text = form.format(s=subject, st=self.rng.choice(self.attr(lang, "IMAGE_STYLES")),
                           d=self.rng.choice(self.attr(lang, "IMAGE_DETAILS")))
        return text, subject

    def unit(self, lang: str) -> tuple[str, str]:
        unit = self.rng.choice(["celsius", "fahrenheit"])
        return unit, self.rng.choice(self.attr(lang, "UNITS")[unit])

    def answer(self, lang: str, kind: str, **values) -> str:
        return self.rng.choice(self.attr(lang, "ANSWERS")[kind]).format(**values)

    # ---- surface variation
    def name(self, place: dict, lang: str) -> str:
        """How the user writes the place: the local name; sometimes the English one in CJK text, or
        all lowercase when the rest of the message is (after `perturb`)."""
        if lang in CJK and self.rng.random() < 0.08:
            return place["names"]["en"]
        name = place["names"][lang]
        return name.lower() if self.lowered and self.rng.random() < 0.5 else name

    def perturb(self, template: str, lang: str) -> str:
        """Typos, lowercase, dropped punctuation, emoji: applied to a template before slots are filled."""
        rng, text = self.rng, template
        self.lowered = False
        if lang in CJK:
            if rng.random() < 0.2:
                text = text.rstrip("？?。！!")
            elif rng.random() < 0.15:
                text = text.replace("？", "?")
        else:
            if rng.random() < 0.15:
                text, self.lowered = text.lower(), True
            if rng.random() < 0.2:
                text = text.rstrip(".?!")
            if rng.random() < 0.08:
                text = self.typo(text)
        if rng.random() < 0.06:
            text = f"{text} {rng.choice(getattr(self.langs[lang], 'EMOJI', None) or ['🙂'])}"
        return text

    def typo(self, text: str) -> str:
        words = text.split(" ")
        spots = [i for i, w in enumerate(words) if len(w) >= 4 and w.isalpha()]
        if not spots:
            return text
        i = self.rng.choice(spots)
        w = words[i]
        j = self.rng.randrange(1, len(w) - 2)
        words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2:]
        return " ".join(words)

    def with_prefix(self, text: str, lang: str) -> str:
        prefix = self.rng.choice(getattr(self.langs[lang], "PREFIXES", None) or [""])
        if prefix.endswith(", ") and lang not in CJK and text[:2] != "I " and not text[:1].isdigit():
            text = text[:1].lower() + text[1:]
        return prefix + text

    def tools(self, need: tuple[str, ...] = (), drop: str | None = None) -> list[dict]:
        """The default tools; sometimes reordered or with extra tools (always keeping `need`)."""
        tools = [t for t in self.default_tools if t["function"]["name"] != drop]
        extra = [name for name in EXTRA_TOOLS if name in need]
        r = self.rng.random()
        if extra or r < 0.08:
            others = [n for n in EXTRA_TOOLS if n not in extra]
            extra += self.rng.sample(others, self.rng.randint(0 if extra else 1, 2))
        tools += [EXTRA_TOOLS[name] for name in extra]
        if extra or drop or r > 0.95:
            self.rng.shuffle(tools)
        return tools

    # ---- fabricated tool results
    def weather_result(self, city: str, unit: str | None) -> dict:
        rng = self.rng
        c = rng.randint(-8, 35)
        cond = rng.choice([x for x in CONDITIONS if fits(x, c)])
        unit = unit or "celsius"
        return {"city": city, "temperature": in_unit(c, unit), "unit": unit,
                "condition": cond, "humidity": rng.randint(25, 98), "wind_kph": rng.randint(0, 45),
                "simulated": True}

    def time_result(self, place: dict, name: str) -> dict:
        rng = self.rng
        day = date(2025, 1, 1) + timedelta(days=rng.randrange(365))
        return time_report(name, datetime(day.year, day.month, day.day, rng.randrange(24), rng.randrange(60),
                                          tzinfo=ZoneInfo(place["tz"])))

    def image_result(self, prompt: str) -> dict:
        return {"image": f"outputs/images/{self.rng.getrandbits(48):012x}.png", "prompt": prompt,
                "width": 512, "height": 512}

    def weather_values(self, lang: str, res: dict, suffix: str = "") -> dict:
        return {f"temp{suffix}": res["temperature"], "deg": "°C" if res["unit"] == "celsius" else "°F",
                f"cond{suffix}": self.attr(lang, "CONDITIONS")[res["condition"]], f"hum{suffix}": res["humidity"],
                f"wind{suffix}": res["wind_kph"], f"city{suffix}": res["city"]}

    def time_values(self, lang: str, res: dict, suffix: str = "") -> dict:
        return {f"time{suffix}": res["local_time"][11:], f"weekday{suffix}":
                self.attr(lang, "WEEKDAYS")[WEEKDAYS.index(res["weekday"])],
                f"offset{suffix}": res["utc_offset"], f"city{suffix}": res["location"]}

    # ---- single-turn pieces: (group, user text, call, tool name, value for answers)
    def weather_turn(self, lang: str, unit_p: float = 0.35):
        place = self.place(lang)
        if self.rng.random() < unit_p and self.p.groups.get(("weather_unit", lang)):
            group, template = self.pick("weather_unit", lang)
            unit, phrase = self.unit(lang)
            template = self.perturb(template, lang)
            city = self.name(place, lang)
            return group, template.format(city=city, unit=phrase), call("get_weather", city=city, unit=unit), place, unit
        group, template = self.pick("weather", lang)
        template = self.perturb(template, lang)
        city = self.name(place, lang)
        return group, template.format(city=city), call("get_weather", city=city), place, None

    def time_turn(self, lang: str):
        place = self.place(lang)
        group, template = self.pick("time", lang)
        template = self.perturb(template, lang)
        city = self.name(place, lang)
        return group, template.format(city=city), call("get_time", location=city), place

    def image_turn(self, lang: str, plain: bool = False):
        prompt, subject = self.prompt(lang, plain)
        group, template = self.pick("image", lang)
        return group, self.perturb(template, lang).format(prompt=prompt), call("generate_image", prompt=prompt), subject

    # ---- categories: each returns (group, tools, messages)
    def call_weather(self, lang):
        group, text, c, *_ = self.weather_turn(lang)
        return group, self.tools(), [user(text), calls(c)]

    def call_time(self, lang):
        group, text, c, _ = self.time_turn(lang)
        return group, self.tools(), [user(text), calls(c)]

    def call_image(self, lang):
        group, text, c, _ = self.image_turn(lang)
        return group, self.tools(), [user(text), calls(c)]

    def call_other(self, lang):
        tool = self.rng.choice(list(EXTRA_TOOLS))
        group, template = self.pick(f"other.{tool}", lang)
        template = self.perturb(template, lang)
        if tool == "convert_currency":
            amount = self.rng.choice(AMOUNTS)
            src, dst = self.rng.sample(CURRENCIES, 2)
            text = template.format(amount=amount, src=src, dst=dst)
            args = {"amount": amount, "from": src, "to": dst}
        elif tool == "search_web":
            query = self.rng.choice(self.attr(lang, "QUERIES"))
            text, args = template.format(query=query), {"query": query}
        else:
            to, subject, body = self.rng.choice(self.attr(lang, "EMAILS"))
            text, args = template.format(to=to, subject=subject, body=body), {"to": to, "subject": subject, "body": body}
        return group, self.tools(need=(tool,)), [user(text), calls(call(tool, **args))]

    def catalog_request(self, lang: str) -> tuple[str, str, str, dict]:
        """(group, tool, request, arguments) for a catalog tool this split may use."""
        names = [t for t in CATALOG_TOOLS if (f"catalog.{t}", lang) in self.p.groups]
        if not names:
            raise Skip(f"catalog/{lang}")
        tool = self.rng.choice(names)
        group, (text, args) = self.pick(f"catalog.{tool}", lang)
        ends = [v for v in args.values() if isinstance(v, str) and text.endswith(v)]
        if not ends and self.rng.random() < 0.2:
            text = text.rstrip(".?!。？！")
        return group, tool, text, args

    def call_catalog(self, lang):
        group, tool, text, args = self.catalog_request(lang)
        tools = self.rng.choice([ts for ts in self.toolsets if any(t["function"]["name"] == tool for t in ts)])
        return group, tools, [user(text), calls(call(tool, **args))]

    def missing_catalog(self, lang):
        """A request for a catalog tool that this row's tool list lacks (often next to a similar one)."""
        group, tool, text, _ = self.catalog_request(lang)
        tools = self.rng.choice([ts for ts in self.toolsets if all(t["function"]["name"] != tool for t in ts)])
        return group, tools, [user(text), say(self.rng.choice(self.attr(lang, "MISSING_CATALOG")))]

    def parallel(self, lang):
        kind = self.rng.choices(["weather2", "weather_time", "time2", "images2"], [0.35, 0.3, 0.15, 0.2])[0]
        full = self.rng.random() < 0.5
        if kind == "images2":
            (p1, s1), (p2, s2) = self.prompt(lang), self.prompt(lang)
            if s1 == s2:
                raise Skip("same subject")
            group, template = self.pick("par_images", lang)
            text = self.perturb(template, lang).format(prompt=p1, prompt2=p2)
            cs = [call("generate_image", prompt=p1), call("generate_image", prompt=p2)]
            results = [self.image_result(p1), self.image_result(p2)]
            values = {"path": results[0]["image"], "path2": results[1]["image"]}
            names = ["generate_image"] * 2
        elif kind == "weather_time":
            place = self.place(lang)
            group, template = self.pick("par_weather_time", lang)
            template = self.perturb(template, lang)
            city = self.name(place, lang)
            text = template.format(city=city)
            cs = [call("get_weather", city=city), call("get_time", location=city)]
            results = [self.weather_result(city, None), self.time_result(place, city)]
            values = {**self.weather_values(lang, results[0]), **self.time_values(lang, results[1])}
            names = ["get_weather", "get_time"]
        else:
            p1 = self.place(lang)
            p2 = self.place(lang, avoid=p1)
            if kind == "time2":
                group, template = self.pick("par_time", lang)
                template = self.perturb(template, lang)
                c1, c2 = self.name(p1, lang), self.name(p2, lang)
                text = template.format(city=c1, city2=c2)
                cs = [call("get_time", location=c1), call("get_time", location=c2)]
                results = [self.time_result(p1, c1), self.time_result(p2, c2)]
                values = {**self.time_values(lang, results[0]), **self.time_values(lang, results[1], "2")}
                names = ["get_time"] * 2
            else:
                unit = None
                if self.rng.random() < 0.3 and self.p.groups.get(("par_weather_unit", lang)):
                    group, template = self.pick("par_weather_unit", lang)
                    unit, phrase = self.unit(lang)
                    template = self.perturb(template, lang)
                    c1, c2 = self.name(p1, lang), self.name(p2, lang)
                    text = template.format(city=c1, city2=c2, unit=phrase)
                    cs = [call("get_weather", city=c1, unit=unit), call("get_weather", city=c2, unit=unit)]
                else:
                    group, template = self.pick("par_weather", lang)
                    template = self.perturb(template, lang)
                    c1, c2 = self.name(p1, lang), self.name(p2, lang)
                    text = template.format(city=c1, city2=c2)
                    cs = [call("get_weather", city=c1), call("get_weather", city=c2)]
                results = [self.weather_result(c1, unit), self.weather_result(c2, unit)]
                values = {**self.weather_values(lang, results[0]), **self.weather_values(lang, results[1], "2")}
                names = ["get_weather"] * 2
        messages = [user(text), calls(*cs)]
        if full:
            messages += [result(n, r) for n, r in zip(names, results)]
            messages.append(say(self.answer(lang, kind, **values)))
        return group, self.tools(), messages

    def loop_turn(self, lang, kind: str, error: bool = False):
        """A full exchange: user -> call -> tool result -> answer. Returns (group, messages, state)."""
        if kind == "weather":
            group, text, c, place, unit = self.weather_turn(lang, unit_p=0.4)
            city = c["function"]["arguments"]["city"]
            if error:
                res = {"error": self.rng.choice([f"unknown city: {city}", "weather service timed out",
                                                  "weather service unavailable"])}
                final = self.answer(lang, "weather_error", city=city)
            else:
                res = self.weather_result(city, unit)
                final = self.answer(lang, "weather", **self.weather_values(lang, res))
            state = {"kind": kind, "place": place, "city": city, "unit": unit}
            name = "get_weather"
        elif kind == "time":
            group, text, c, place = self.time_turn(lang)
            city = c["function"]["arguments"]["location"]
            if error:
                res = {"error": self.rng.choice([f"unknown location: {city}", "time service unavailable"])}
                final = self.answer(lang, "time_error", city=city)
            else:
                res = self.time_result(place, city)
                final = self.answer(lang, "time", **self.time_values(lang, res))
            state = {"kind": kind, "place": place, "city": city}
            name = "get_time"
        else:
            group, text, c, subject = self.image_turn(lang, plain=True)
            prompt = c["function"]["arguments"]["prompt"]
            if error:
                res = {"error": self.rng.choice(["image generation failed: out of memory",
                                                  "image generation timed out"])}
                final = self.answer(lang, "image_error")
            else:
                res = self.image_result(prompt)
                final = self.answer(lang, "image", path=res["image"], prompt=prompt)
            state = {"kind": kind, "subject": subject}
            name = "generate_image"
        return group, [user(text), calls(c), result(name, res), say(final)], state

    def loop(self, lang):
        kind = self.rng.choice(["weather", "weather", "time", "image"])
        group, messages, _ = self.loop_turn(lang, kind, error=self.rng.random() < 0.15)
        return group, self.tools(), messages

    def followup(self, lang):
        kind = self.rng.choices(["city", "there", "unit", "style", "thanks"], [0.35, 0.2, 0.1, 0.2, 0.15])[0]
        first = {"city": self.rng.choice(["weather", "weather", "time"]), "there": self.rng.choice(["weather", "time"]),
                 "unit": "weather", "style": "image", "thanks": self.rng.choice(["weather", "time", "image"])}[kind]
        _, messages, state = self.loop_turn(lang, first)
        if kind == "unit" and state["unit"]:
            raise Skip("unit already given")
        if kind == "thanks":
            group, (text, reply) = self.pick("thanks", lang)
            return group, self.tools(), messages + [user(self.perturb(text, lang)), say(reply)]
        if kind == "city":
            place = self.place(lang, avoid=state["place"])
            group, template = self.pick("follow_city", lang)
            template = self.perturb(template, lang)
            city = self.name(place, lang)
            text = template.format(city=city)
            if state["kind"] == "weather":
                c = call("get_weather", city=city, **({"unit": state["unit"]} if state["unit"] else {}))
            else:
                c = call("get_time", location=city)
        elif kind == "there":
            city = state["city"]
            family = "follow_time_there" if state["kind"] == "weather" else "follow_weather_there"
            group, template = self.pick(family, lang)
            text = self.perturb(template, lang)
            c = call("get_time", location=city) if state["kind"] == "weather" else call("get_weather", city=city)
        elif kind == "unit":
            city = state["city"]
            unit, phrase = self.unit(lang)
            group, template = self.pick("follow_unit", lang)
            text = self.perturb(template, lang).format(unit=phrase)
            c = call("get_weather", city=city, unit=unit)
        else:
            style = self.rng.choice(self.attr(lang, "IMAGE_STYLES"))
            group, template = self.pick("follow_style", lang)
            text = self.perturb(template, lang).format(style=style)
            c = call("generate_image", prompt=self.attr(lang, "FOLLOW_PROMPT").format(s=state["subject"], st=style))
        return group, self.tools(), messages + [user(text), calls(c)]

    def clarify(self, lang):
        group, (text, question, kind) = self.pick("clarify", lang)
        messages = [user(self.perturb(text, lang)), say(question)]
        if self.rng.random() < 0.3:  # the user answers, and now the call can be made
            if kind == "image":
                prompt, _ = self.prompt(lang)
                _, template = self.pick("image_reply", lang)
                messages += [user(template.format(prompt=prompt)), calls(call("generate_image", prompt=prompt))]
            else:
                city = self.name(self.place(lang), lang)
                _, template = self.pick("city_reply", lang)
                c = call("get_weather", city=city) if kind == "weather" else call("get_time", location=city)
                messages += [user(template.format(city=city)), calls(c)]
        return group, self.tools(), messages

    def qa(self, family: str, lang: str, prefix: bool = True):
        group, (question, answer) = self.pick(family, lang)
        text = self.perturb(question, lang)
        return group, self.tools(), [user(self.with_prefix(text, lang) if prefix else text), say(answer)]

    def no_call_chitchat(self, lang):
        return self.qa("chitchat", lang, prefix=False)

    def no_call_knowledge(self, lang):
        return self.qa("knowledge", lang)

    def hard_negative(self, lang):
        return self.qa("hard_negative", lang)

    def turn_for(self, tool: str, lang: str):
        """A request for one of our three tools: (group, text, call, ...)."""
        turns = {"get_weather": self.weather_turn, "get_time": self.time_turn, "generate_image": self.image_turn}
        return turns[tool](lang)

    def missing_tool(self, lang):
        if self.rng.random() < 0.5:
            return self.qa("unsupported", lang)
        tool = self.rng.choice(OUR_TOOLS)
        group, text, *_ = self.turn_for(tool, lang)
        answer = self.rng.choice(self.attr(lang, "MISSING_ANSWER")[tool])
        return group, self.tools(drop=tool), [user(text), say(answer)]

def catalog_toolsets(split: str, rng: random.Random) -> list[list[dict]]:
    """TOOLSETS tool lists of 2-4 catalog tools (half of them after our three), covering every catalog tool
    the split may use at least once. Held-out tools only appear in val and test."""
    names = [t for t in CATALOG_TOOLS if split != "train" or t not in HELD_OUT_TOOLS]
    sets = [rng.sample(names, rng.randint(2, 4)) for _ in range(TOOLSETS)]
    for name in names:
        if not any(name in s for s in sets):
            rng.choice(sets).append(name)
    default = load_tool_schemas()
    out = []
    for i, s in enumerate(sets):
        tools = [CATALOG_TOOLS[n] for n in s] + (default if i % 2 else [])
        rng.shuffle(tools)
        out.append(tools)
    return out


def is_call_row(row: dict) -> bool:
    return any(m.get("tool_calls") for m in row["messages"])


def user_texts(row: dict) -> list[str]:
    return [m["content"] for m in row["messages"] if m["role"] == "user"]


CALL_CATEGORIES = ("call_weather", "call_time", "call_image", "call_other", "call_catalog", "parallel", "loop",
                   "followup")


def quotas(size: int, weights: dict[str, float]) -> dict[str, int]:
    """Rows per category for a split of `size` rows (largest remainders, so they sum to `size`)."""
    total = sum(weights.values())
    exact = {c: size * w / total for c, w in weights.items()}
    counts = {c: int(x) for c, x in exact.items()}
    for c in sorted(exact, key=lambda c: counts[c] - exact[c])[:size - sum(counts.values())]:
        counts[c] += 1
    return counts


def generate_split(split: str, pools: SplitPools, langs: dict[str, ModuleType], seed: int, size: int,
                   weights: dict[str, float], forbidden: set[str] = frozenset()) -> list[dict]:
    """`size` distinct rows for one split, filled per category quota; rows whose user turns normalise
    into `forbidden` are skipped. A category that runs out of distinct rows passes its quota on to
    the other categories on the same side (call / no call)."""
    rng = random.Random(f"{seed}|{split}")
    gen = Generator(pools, langs, rng, catalog_toolsets(split, random.Random(f"{seed}|{split}|toolsets")))
    lang_names = [lang for lang in LANG_WEIGHTS if lang in langs]
    lang_weights = [LANG_WEIGHTS[lang] for lang in lang_names]
    left = quotas(size, weights)
    categories = tuple(weights)
    misses = Counter()
    rows, seen = [], set()
    while len(rows) < size:
        open_ = [c for c in categories if left[c] > 0]
        category = rng.choices(open_, [left[c] for c in open_])[0]
        if misses[category] > 200 + 20 * left[category]:  # exhausted: hand the quota to its side
            side = [c for c in categories if (c in CALL_CATEGORIES) == (category in CALL_CATEGORIES)
                    and c != category and misses[c] <= 200 + 20 * left[c]]
            if not side:
                raise RuntimeError(f"{split}: cannot fill {left[category]} more {category} rows")
            left[rng.choice(side)] += left[category]
            left[category] = 0
            continue
        lang = rng.choices(lang_names, lang_weights)[0]
        try:
            group, tools, messages = getattr(gen, category)(lang)
        except Skip:
            misses[category] += 1
            continue
        key = json.dumps(messages, ensure_ascii=False, sort_keys=True)
        if key in seen or any(normalize_text(t) in forbidden for t in user_texts({"messages": messages})):
            misses[category] += 1
            continue
        seen.add(key)
        left[category] -= 1
        rows.append({"id": "", "category": category, "lang": lang, "group": group, "tools": tools,
                     "messages": messages})
    return rows


def generate(seed: int = 0, sizes: dict[str, int] | None = None, catalog: bool = False) -> dict[str, list[dict]]:
    """All splits, deterministic for `seed`. Val/test never repeat a (normalised) train user turn.
    `catalog` adds the call_catalog / missing_catalog rows (see train/data/pools/catalog.py)."""
    sizes = sizes or SPLIT_SIZES
    weights = {c: w for c, w in CATEGORY_WEIGHTS.items() if catalog or c not in CATALOG_CATEGORIES}
    langs = load_languages()
    pools = build_pools(langs, seed)
    splits: dict[str, list[dict]] = {}
    forbidden: set[str] = set()
    for split in SPLITS:
        rows = generate_split(split, pools[split], langs, seed, sizes[split], weights, forbidden)
        for i, row in enumerate(rows):
            row["id"] = f"{split}-{row['category']}-{i:05d}"
        if split == "train":
            forbidden = {normalize_text(t) for row in rows for t in user_texts(row)}
        splits[split] = rows
    return splits


def split_stats(rows: list[dict]) -> dict:
    assistant = [json.dumps({k: m.get(k) for k in ("content", "tool_calls")}, ensure_ascii=False, sort_keys=True)
                 for row in rows for m in row["messages"] if m["role"] == "assistant"]
    calls_n = sum(is_call_row(r) for r in rows)
    prompts = [c["function"]["arguments"]["prompt"] for r in rows for m in r["messages"]
               for c in m.get("tool_calls", []) if c["function"]["name"] == "generate_image"]
    return {
        "rows": len(rows),
        "distinct_user_turns": len({t for r in rows for t in user_texts(r)}),
        "distinct_assistant_outputs": len(set(assistant)),
        "call_rows": calls_n, "no_call_rows": len(rows) - calls_n,
        "call_fraction": round(calls_n / max(1, len(rows)), 3),
        "image_prompts": len(prompts), "distinct_image_prompts": len(set(prompts)),
        "groups": len({r["group"] for r in rows}),
        "messages": sum(len(r["messages"]) for r in rows),
        "chars": sum(len(m.get("content") or "") + len(json.dumps(m.get("tool_calls", []), ensure_ascii=False))
                     for r in rows for m in r["messages"]),
        "by_lang": dict(sorted(Counter(r["lang"] for r in rows).items())),
        "by_category": {c: n for c in CATEGORIES if (n := sum(r["category"] == c for r in rows))},
    }


def stats(splits: dict[str, list[dict]], seed: int) -> dict:
    return {"seed": seed, "places": len(PLACES), "languages": list(load_languages()),
            "splits": {name: split_stats(rows) for name, rows in splits.items()}}


def format_stats(s: dict) -> str:
    splits = s["splits"]
    lines = [f"seed {s['seed']}, {s['places']} places, languages: {', '.join(s['languages'])}",
             f"{'':28}" + "".join(f"{name:>9}" for name in splits)]
    keys = ["rows", "distinct_user_turns", "distinct_assistant_outputs", "call_rows", "no_call_rows",
            "call_fraction", "distinct_image_prompts", "groups", "chars"]
    lines += [f"{k:28}" + "".join(f"{splits[n][k]:>9}" for n in splits) for k in keys]
    for table in ("by_lang", "by_category"):
        names = sorted({k for st in splits.values() for k in st[table]},
                       key=lambda k: (list(LANG_WEIGHTS) + list(CATEGORIES)).index(k))
        lines.append(f"{table}:")
        lines += [f"  {k:26}" + "".join(f"{splits[n][table].get(k, 0):>9}" for n in splits) for k in names]
    return "\n".join(lines)


def write(splits: dict[str, list[dict]], out: str | Path, seed: int) -> dict:
    out = Path(out)
    rng = random.Random(f"{seed}|shuffle")
    for name, rows in splits.items():
        if name == "train":
            rows = rows[:]
            rng.shuffle(rows)
        save_jsonl(rows, out / f"{name}.jsonl")
    summary = stats(splits, seed)
    (out / "stats.json").write_text(json.dumps(summary, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return summary


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", default="data", help="output folder (default: data)")
    parser.add_argument("--catalog", action="store_true",
                        help="add rows that call or refuse tools of train/data/pools/catalog.py (an experiment: see "
                             "bench/BENCHMARKS.md)")
    args = parser.parse_args(argv)
    summary = write(generate(args.seed, catalog=args.catalog), args.out, args.seed)
    print(format_stats(summary))


if __name__ == "__main__":
    main()
