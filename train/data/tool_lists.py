"""The tool lists rows declare: our three tools (sometimes reordered, cut or with extra tools), the catalog lists
of `call_catalog` / `missing_catalog` rows, and the function lists of the functions pool's rows."""
from __future__ import annotations

import random
from typing import TYPE_CHECKING

from fc.tools import load_tool_schemas
from train.data.pools.catalog import CATALOG_TOOLS, HELD_OUT as HELD_OUT_TOOLS, function_tool
from train.data.pools.functions import DOMAINS

if TYPE_CHECKING:
    from train.data.draw import Draw

TOOLSETS = 12  # catalog tool lists per split; rows sharing one can be chained in training
DOMAIN_TOOLSETS = 3  # function tool lists per domain and split
DOMAIN_OF = {name: domain for domain, names in DOMAINS.items() for name in names}

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


def tools(d: Draw, need: tuple[str, ...] = (), drop: str | None = None) -> list[dict]:
    """The default tools without `drop`; sometimes reordered or with extra tools (always those in `need`)."""
    rng = d.rng
    declared = [t for t in d.split.tools if t["function"]["name"] != drop]
    extra = [name for name in EXTRA_TOOLS if name in need]
    r = rng.random()
    if extra or r < 0.08:
        others = [n for n in EXTRA_TOOLS if n not in extra]
        extra += rng.sample(others, rng.randint(0 if extra else 1, 2))
    declared += [EXTRA_TOOLS[name] for name in extra]
    if extra or drop or r > 0.95:
        rng.shuffle(declared)
    return declared


def catalog_toolsets(split: str, rng: random.Random) -> list[list[dict]]:
    """TOOLSETS tool lists of 2-4 catalog tools (half of them with our three too), covering every catalog tool
    the split may use at least once. Held-out tools only appear in val and test."""
    names = [t for t in CATALOG_TOOLS if split != "train" or t not in HELD_OUT_TOOLS]
    sets = [rng.sample(names, rng.randint(2, 4)) for _ in range(TOOLSETS)]
    for name in names:
        if not any(name in s for s in sets):
            rng.choice(sets).append(name)
    default = load_tool_schemas()
    out = []
    for i, s in enumerate(sets):
        declared = [CATALOG_TOOLS[n] for n in s] + (default if i % 2 else [])
        rng.shuffle(declared)
        out.append(declared)
    return out


def function_toolsets(usable: dict[str, dict], rng: random.Random) -> list[list[dict]]:
    """DOMAIN_TOOLSETS lists per domain of 2-4 of its `usable` functions (name -> schema), covering each at least
    once; some with a function of another domain or our three tools too; shuffled. Rows sharing one can be chained
    in training (`train.sft --chain`)."""
    default = load_tool_schemas()
    out = []
    for domain, names in DOMAINS.items():
        names = [n for n in names if n in usable]
        rng.shuffle(names)
        sets = [names[i::DOMAIN_TOOLSETS] for i in range(DOMAIN_TOOLSETS)]  # every function in one at least
        for s in sets:
            size = rng.randint(2, 4)
            s += rng.sample([n for n in names if n not in s], max(0, size - len(s)))
            if rng.random() < 0.3:
                s.append(rng.choice([n for n in usable if DOMAIN_OF[n] != domain]))
            declared = [usable[n] for n in s] + (default if rng.random() < 1 / 3 else [])
            rng.shuffle(declared)
            out.append(declared)
    return out


def function_tools(d: Draw, called: list[str]) -> list[dict]:
    """The tool list of a row calling the functions `called`: half the time one of the split's function toolsets
    that declares them all (where one does), else them with 1-4 distractors, mostly of their own domain (near-miss
    siblings), a quarter of the time with our three tools too; shuffled."""
    rng, usable = d.rng, d.split.functions
    fitting = [ts for ts in d.split.function_toolsets  # with a function besides the called ones
               if set(called) < {t["function"]["name"] for t in ts if t["function"]["name"] in usable}]
    if fitting and rng.random() < 0.5:
        return rng.choice(fitting)
    domains = {DOMAIN_OF[n] for n in called}
    near = [n for n in usable if DOMAIN_OF[n] in domains and n not in called]
    far = [n for n in usable if DOMAIN_OF[n] not in domains]
    names = list(called)
    for _ in range(rng.randint(1, 4)):
        pool = near if near and rng.random() < 0.75 else far
        names.append(pool.pop(rng.randrange(len(pool))))
    declared = [usable[n] for n in names] + (d.split.tools if rng.random() < 0.25 else [])
    rng.shuffle(declared)
    return declared
