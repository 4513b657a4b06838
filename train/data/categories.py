"""The row categories: each makes one row from a `Draw` and returns (group, tools, messages).

The order of the random draws is part of what a seed makes (data/ is checked against it), so code that
changes what is drawn first changes the data.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import partial

from train.data import arguments, phrasing, results
from train.data.draw import Draw, Skip
from train.data.pools.functions import ANSWERED, ASKS_OUR_TOOLS
from train.data.tool_lists import EXTRA_TOOLS, function_tools, tools

TOOLS = {"weather": "get_weather", "time": "get_time", "image": "generate_image"}  # our tools by kind


def call(name: str, /, **arguments) -> dict:
    return {"type": "function", "function": {"name": name, "arguments": arguments}}


def user(text: str) -> dict:
    return {"role": "user", "content": text}


def say(text: str) -> dict:
    return {"role": "assistant", "content": text}


def calls(*tool_calls: dict) -> dict:
    return {"role": "assistant", "content": "", "tool_calls": list(tool_calls)}


def result(name: str, payload: dict) -> dict:
    return {"role": "tool", "name": name, "content": json.dumps(payload, ensure_ascii=False)}


def place_call(kind: str, city: str, unit: str | None = None) -> dict:
    """The get_weather or get_time call (`kind` "weather" or "time") about `city`."""
    if kind == "time":
        return call("get_time", location=city)
    return call("get_weather", city=city, **({"unit": unit} if unit else {}))


# ---------------------------------------------------------------- user turns

@dataclass
class Request:
    """A user turn that asks for one of our tools, and the call it asks for."""
    group: str
    text: str
    call: dict
    place: dict | None = None  # weather, time: the place, written as `city`
    city: str | None = None
    unit: str | None = None  # weather, when the user names one
    subject: str | None = None  # image


def ask(d: Draw, family: str, places: list[dict], unit_p: float = 0.0) -> tuple[str, str, list[str], str | None, str]:
    """(group, text, city names, unit, template): a request from `family`'s templates about `places` ({city},
    {city2}); with probability `unit_p`, from its `family`_unit templates, naming a unit ({unit})."""
    with_unit = bool(unit_p) and d.rng.random() < unit_p and d.has(f"{family}_unit")
    group, template = d.pick(f"{family}_unit" if with_unit else family)
    unit, phrase = arguments.unit(d) if with_unit else (None, None)
    template, lowered = phrasing.perturb(d, template)
    cities = [arguments.name(d, place, lowered) for place in places]
    return group, template.format(unit=phrase, **dict(zip(("city", "city2"), cities))), cities, unit, template


def request(d: Draw, kind: str, unit_p: float = 0.35, plain: bool = False) -> Request:
    """A request for one of our tools (`kind` "weather", "time" or "image"). A weather request names a unit
    with probability `unit_p`; a `plain` image prompt has no style."""
    if kind == "image":
        prompt, subject = arguments.prompt(d, plain)
        group, template = d.pick("image")
        text, _ = phrasing.perturb(d, template)
        return Request(group, text.format(prompt=prompt), call("generate_image", prompt=prompt), subject=subject)
    place = arguments.place(d)
    group, text, [city], unit, _ = ask(d, kind, [place], unit_p if kind == "weather" else 0.0)
    return Request(group, text, place_call(kind, city, unit), place=place, city=city, unit=unit)


def exchange(d: Draw, kind: str, error: bool = False) -> tuple[str, list[dict], Request]:
    """A full exchange, user -> call -> tool result -> answer: (group, messages, the request)."""
    asked = request(d, kind, unit_p=0.4, plain=True)
    name = asked.call["function"]["name"]
    if error:
        made = results.error(d, name, asked.city)
        final = phrasing.answer(d, f"{kind}_error", city=asked.city)
    else:
        made = results.for_call(d, asked.call, asked.place)
        final = phrasing.answer(d, kind, **results.quotes(d, name, made))
    return asked.group, [user(asked.text), calls(asked.call), result(name, made), say(final)], asked


# ---------------------------------------------------------------- categories

def one_call(d: Draw, kind: str):
    """A request for one of our tools and its call."""
    asked = request(d, kind)
    return asked.group, tools(d), [user(asked.text), calls(asked.call)]


def call_other(d: Draw):
    """A request for one of the extra tools (currency, web search, email), declared beside ours, and its call."""
    tool = d.rng.choice(list(EXTRA_TOOLS))
    group, template = d.pick(f"other.{tool}")
    template, _ = phrasing.perturb(d, template)
    slots, args = arguments.other_arguments(d, tool)
    return group, tools(d, need=(tool,)), [user(template.format(**slots)), calls(call(tool, **args))]


def call_catalog(d: Draw):
    """A request for a catalog tool and its call, with a catalog tool list that declares it."""
    group, tool, text, args = arguments.catalog_request(d)
    declared = d.rng.choice([ts for ts in d.split.toolsets if any(t["function"]["name"] == tool for t in ts)])
    return group, declared, [user(text), calls(call(tool, **args))]


def missing_catalog(d: Draw):
    """A request for a catalog tool that this row's tool list lacks (often next to a similar one)."""
    group, tool, text, _ = arguments.catalog_request(d)
    declared = d.rng.choice([ts for ts in d.split.toolsets if all(t["function"]["name"] != tool for t in ts)])
    return group, declared, [user(text), say(d.rng.choice(d.pool("MISSING_CATALOG")))]


def parallel(d: Draw):
    """Two calls in one reply (two places, weather and time of one place, weather in one place and time in
    another, or two images); half the rows go on to the results and an answer."""
    kind = d.rng.choices(["weather2", "weather_time", "weather_time2", "time2", "images2"],
                         [0.25, 0.2, 0.25, 0.12, 0.18])[0]
    full = d.rng.random() < 0.5
    if kind == "images2":
        (p1, s1), (p2, s2) = arguments.prompt(d), arguments.prompt(d)
        if s1 == s2:
            raise Skip("same subject")
        group, template = d.pick("par_images")
        text = phrasing.perturb(d, template)[0].format(prompt=p1, prompt2=p2)
        cs, places = [call("generate_image", prompt=p1), call("generate_image", prompt=p2)], [None, None]
    elif kind == "weather_time":
        place = arguments.place(d)
        group, text, [city], *_ = ask(d, "par_weather_time", [place])
        cs, places = [place_call("weather", city), place_call("time", city)], [place, place]
    elif kind == "weather_time2":  # {city}: weather, {city2}: time; the calls in the order the user asks
        first = arguments.place(d)
        places = [first, arguments.place(d, avoid=first)]
        group, text, [city, city2], _, template = ask(d, "par_weather_time2", places)
        cs = [place_call("weather", city), place_call("time", city2)]
        if template.index("{city2}") < template.index("{city}"):
            cs, places = cs[::-1], places[::-1]
    else:
        tool = kind.removesuffix("2")
        first = arguments.place(d)
        places = [first, arguments.place(d, avoid=first)]
        group, text, cities, unit, _ = ask(d, f"par_{tool}", places, unit_p=0.3 if tool == "weather" else 0.0)
        cs = [place_call(tool, city, unit) for city in cities]
    made = [results.for_call(d, c, place) for c, place in zip(cs, places)]  # drawn even when unused
    messages = [user(text), calls(*cs)]
    if full:
        n1, n2 = (c["function"]["name"] for c in cs)
        messages += [result(n1, made[0]), result(n2, made[1])]
        if kind == "weather_time2":  # the time's slots are {city2}, {time2}… whichever was asked first
            s1, s2 = ("2", "") if n1 == "get_time" else ("", "2")
        else:  # {city2}, {temp2}… for the second place of one tool
            s1, s2 = "", "2" if n2 == n1 else ""
        values = {**results.quotes(d, n1, made[0], s1), **results.quotes(d, n2, made[1], s2)}
        messages.append(say(phrasing.answer(d, kind, **values)))
    return group, tools(d), messages


def loop(d: Draw):
    """A full exchange with our tools; sometimes the tool fails and the answer says so."""
    kind = d.rng.choice(["weather", "weather", "time", "image"])
    group, messages, _ = exchange(d, kind, error=d.rng.random() < 0.15)
    return group, tools(d), messages


def followup(d: Draw):
    """A full exchange, then a turn that depends on it: another city, the other tool there, a unit, a style,
    or thanks."""
    rng = d.rng
    kind = rng.choices(["city", "there", "unit", "style", "thanks"], [0.35, 0.2, 0.1, 0.2, 0.15])[0]
    first = {"city": rng.choice(["weather", "weather", "time"]), "there": rng.choice(["weather", "time"]),
             "unit": "weather", "style": "image", "thanks": rng.choice(["weather", "time", "image"])}[kind]
    _, messages, asked = exchange(d, first)
    if kind == "unit" and asked.unit:
        raise Skip("unit already given")
    if kind == "thanks":
        group, (text, reply) = d.pick("thanks")
        declared = tools(d)  # drawn before the thanks is perturbed
        return group, declared, messages + [user(phrasing.perturb(d, text)[0]), say(reply)]
    if kind == "city":
        place = arguments.place(d, avoid=asked.place)
        group, text, [city], *_ = ask(d, "follow_city", [place])
        c = place_call(first, city, asked.unit)
    elif kind == "there":
        other = "time" if first == "weather" else "weather"
        group, template = d.pick(f"follow_{other}_there")
        text, _ = phrasing.perturb(d, template)
        c = place_call(other, asked.city)
    elif kind == "unit":
        unit, phrase = arguments.unit(d)
        group, template = d.pick("follow_unit")
        text = phrasing.perturb(d, template)[0].format(unit=phrase)
        c = place_call("weather", asked.city, unit)
    else:
        style = rng.choice(d.pool("IMAGE_STYLES"))
        group, template = d.pick("follow_style")
        text = phrasing.perturb(d, template)[0].format(style=style)
        c = call("generate_image", prompt=d.pool("FOLLOW_PROMPT").format(s=asked.subject, st=style))
    return group, tools(d), messages + [user(text), calls(c)]


def clarify(d: Draw):
    """An ambiguous request and a clarifying question; sometimes the user answers and the call follows."""
    group, (text, question, kind) = d.pick("clarify")
    text, lowered = phrasing.perturb(d, text)
    messages = [user(text), say(question)]
    if d.rng.random() < 0.3:
        if kind == "image":
            prompt, _ = arguments.prompt(d)
            _, template = d.pick("image_reply")
            messages += [user(template.format(prompt=prompt)), calls(call("generate_image", prompt=prompt))]
        else:
            city = arguments.name(d, arguments.place(d), lowered)
            _, template = d.pick("city_reply")
            messages += [user(template.format(city=city)), calls(place_call(kind, city))]
    return group, tools(d), messages


def qa(d: Draw, family: str, prefix: bool = True):
    """A question from `family` and its written answer, no call."""
    group, (question, answer) = d.pick(family)
    text, _ = phrasing.perturb(d, question)
    declared = tools(d)  # drawn before the prefix
    return group, declared, [user(phrasing.with_prefix(d, text) if prefix else text), say(answer)]


def missing_tool(d: Draw):
    """A request no declared tool can do (or one of ours left out of the list) and a polite "I can't"."""
    if d.rng.random() < 0.5:
        return qa(d, "unsupported")
    kind = d.rng.choice(list(TOOLS))
    asked = request(d, kind)
    answer = d.rng.choice(d.pool("MISSING_ANSWER")[TOOLS[kind]])
    return asked.group, tools(d, drop=TOOLS[kind]), [user(asked.text), say(answer)]


def call_function(d: Draw, family: str):
    """A request of the functions pool (`family` fn_call: one call; fn_parallel: two or three, of one function or
    several) and its calls, in a tool list that declares the called functions among near-miss distractors."""
    group, (text, called) = d.pick(family)
    declared = function_tools(d, list(dict.fromkeys(name for name, _ in called)))
    text = phrasing.loosen(d, text, arguments.strings([args for _, args in called]))
    return group, declared, [user(text), calls(*(call(name, **args) for name, args in called))]


def irrelevant_function(d: Draw):
    """A request that none of the declared functions fits, or that needs none, and its text answer: the answer
    itself (`ANSWERED`) or a short "no function here can do that"; sometimes our tools are declared too."""
    group, (text, names) = d.pick("fn_irrelevant")
    declared = [d.split.functions[name] for name in names]
    if text not in ASKS_OUR_TOOLS and d.rng.random() < 0.25:
        declared += d.split.tools
    d.rng.shuffle(declared)
    reply = ANSWERED.get(text) or d.rng.choice(d.pool("NO_FUNCTION"))
    return group, declared, [user(phrasing.loosen(d, text, [])), say(reply)]


ROWS = {
    "call_weather": partial(one_call, kind="weather"), "call_time": partial(one_call, kind="time"),
    "call_image": partial(one_call, kind="image"), "call_other": call_other, "call_catalog": call_catalog,
    "parallel": parallel, "loop": loop, "followup": followup,
    "no_call_chitchat": partial(qa, family="chitchat", prefix=False),
    "no_call_knowledge": partial(qa, family="knowledge"), "hard_negative": partial(qa, family="hard_negative"),
    "clarify": clarify, "missing_tool": missing_tool, "missing_catalog": missing_catalog,
    "call_function": partial(call_function, family="fn_call"),
    "parallel_function": partial(call_function, family="fn_parallel"), "irrelevant_function": irrelevant_function,
}
# Categories whose rows are in the language of their family's item (the functions pool's requests are mostly
# English): the row's language is drawn by how many items of the family the split has in each language.
OWN_LANGUAGE = {"call_function": "fn_call", "parallel_function": "fn_parallel", "irrelevant_function": "fn_irrelevant"}
