"""The tool lists rows declare: our three tools (sometimes reordered, cut or with extra tools), and the
catalog lists of `call_catalog` / `missing_catalog` rows."""
from __future__ import annotations

import random
from typing import TYPE_CHECKING

from fc.tools import load_tool_schemas
from train.data.pools.catalog import CATALOG_TOOLS, HELD_OUT as HELD_OUT_TOOLS, function_tool

if TYPE_CHECKING:
    from train.data.draw import Draw

TOOLSETS = 12  # catalog tool lists per split; rows sharing one can be chained in training

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
