"""What goes into the calls: places and how the user writes their names, units, image prompts and their
subjects, and the arguments of the extra and catalog tools."""
from __future__ import annotations

from train.data import phrasing
from train.data.draw import Draw, Skip
from train.data.phrasing import CJK
from train.data.pools.catalog import CATALOG_TOOLS

CURRENCIES = ("USD", "EUR", "JPY", "GBP", "TWD", "CNY", "CHF", "BRL", "MXN", "KRW", "AUD", "CAD")
AMOUNTS = (5, 12, 20, 35, 50, 80, 100, 120, 250, 300, 499, 1000, 1500, 12.5, 99.99, 7.25)


def _held_or_all(d: Draw, held: dict[str, list], every: dict[str, list], what: str) -> list:
    """Half the time the split's held-out items in the row's language (where it has any), else all of them."""
    kept = held.get(d.lang)
    items = kept if kept and d.rng.random() < 0.5 else every.get(d.lang)
    if not items:
        raise Skip(f"{what}/{d.lang}")
    return items


def place(d: Draw, avoid: dict | None = None) -> dict:
    """A place with a name in the row's language (not `avoid`)."""
    places = _held_or_all(d, d.split.held_places, d.split.places, "places")
    for _ in range(10):
        found = d.rng.choice(places)
        if found is not avoid:
            return found
    raise Skip("place")


def name(d: Draw, place: dict, lowered: bool) -> str:
    """How the user writes the place: the local name; sometimes the English one in CJK text, or all
    lowercase when the rest of the message is (`lowered`, from `phrasing.perturb`)."""
    if d.lang in CJK and d.rng.random() < 0.08:
        return place["names"]["en"]
    local = place["names"][d.lang]
    return local.lower() if lowered and d.rng.random() < 0.5 else local


def unit(d: Draw) -> tuple[str, str]:
    """(unit argument, how the user names it)."""
    chosen = d.rng.choice(["celsius", "fahrenheit"])
    return chosen, d.rng.choice(d.pool("UNITS")[chosen])


def prompt(d: Draw, plain: bool = False) -> tuple[str, str]:
    """(image prompt as the user writes it, its subject); `plain`: no style yet (a follow-up may ask for one)."""
    subject = d.rng.choice(_held_or_all(d, d.split.held_subjects, d.split.subjects, "subjects"))
    forms = d.pool("PROMPT_FORMS")
    if plain:
        forms = [f for f in forms if "{st}" not in f]
    form = d.rng.choice(forms)
    text = form.format(s=subject, st=d.rng.choice(d.pool("IMAGE_STYLES")), d=d.rng.choice(d.pool("IMAGE_DETAILS")))
    return text, subject


def other_arguments(d: Draw, tool: str) -> tuple[dict, dict]:
    """(template slots, call arguments) for one of the extra tools (`tool_lists.EXTRA_TOOLS`)."""
    if tool == "convert_currency":
        amount = d.rng.choice(AMOUNTS)
        src, dst = d.rng.sample(CURRENCIES, 2)
        return {"amount": amount, "src": src, "dst": dst}, {"amount": amount, "from": src, "to": dst}
    if tool == "search_web":
        query = d.rng.choice(d.pool("QUERIES"))
        return {"query": query}, {"query": query}
    to, subject, body = d.rng.choice(d.pool("EMAILS"))
    arguments = {"to": to, "subject": subject, "body": body}
    return arguments, arguments


def catalog_request(d: Draw) -> tuple[str, str, str, dict]:
    """(group, tool, request, arguments) for a catalog tool this split may use."""
    names = [t for t in CATALOG_TOOLS if (f"catalog.{t}", d.lang) in d.split.groups]
    if not names:
        raise Skip(f"catalog/{d.lang}")
    tool = d.rng.choice(names)
    group, (text, arguments) = d.pick(f"catalog.{tool}")
    return group, tool, phrasing.loosen(d, text, strings(arguments)), arguments


def strings(value) -> list[str]:
    """The strings inside an argument value (dicts and lists searched through)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        value = list(value.values())
    return [s for item in value for s in strings(item)] if isinstance(value, list) else []
