"""How the user writes a request and how the assistant words its answer: surface variation of the
templates (typos, lowercase, dropped punctuation, emoji, polite prefixes) and the answer templates."""
from __future__ import annotations

import random
import string

from train.data.draw import Draw

CJK = {"zh-Hant", "zh-Hans", "ja"}


def perturb(d: Draw, template: str) -> tuple[str, bool]:
    """(`template` with typos, lowercase, dropped punctuation or an emoji, whether it was lowercased);
    applied before the slots are filled."""
    rng, text, lowered = d.rng, template, False
    if d.lang in CJK:
        if rng.random() < 0.2:
            text = text.rstrip("？?。！!")
        elif rng.random() < 0.15:
            text = text.replace("？", "?")
    else:
        if rng.random() < 0.15:
            text, lowered = text.lower(), True
        if rng.random() < 0.2:
            text = text.rstrip(".?!")
        if rng.random() < 0.08:
            text = typo(rng, text)
    if rng.random() < 0.06:
        text = f"{text} {rng.choice(getattr(d.words, 'EMOJI', None) or ['🙂'])}"
    return text, lowered


def typo(rng: random.Random, text: str) -> str:
    """`text` with two neighbouring letters swapped inside one word of 4+ letters (if it has one)."""
    words = text.split(" ")
    spots = [i for i, w in enumerate(words) if len(w) >= 4 and w.isalpha()]
    if not spots:
        return text
    i = rng.choice(spots)
    w = words[i]
    j = rng.randrange(1, len(w) - 2)
    words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2:]
    return " ".join(words)


def with_prefix(d: Draw, text: str) -> str:
    """`text` after one of the language's PREFIXES ("Hey, ", often none)."""
    prefix = d.rng.choice(getattr(d.words, "PREFIXES", None) or [""])
    if prefix.endswith(", ") and d.lang not in CJK and text[:2] != "I " and not text[:1].isdigit():
        text = text[:1].lower() + text[1:]
    return prefix + text


def loosen(d: Draw, text: str, values: list[str]) -> str:
    """`text`, one time in five without its final punctuation, unless it ends with one of the argument `values`
    (a request written exactly, whose arguments are spans of it, is otherwise left alone)."""
    if not any(text.endswith(v) for v in values) and d.rng.random() < 0.2:
        text = text.rstrip(".?!。？！")
    return text


def slots(template: str) -> set[str]:
    """The {slot} names of `template`."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def answer(d: Draw, kind: str, **values) -> str:
    """One of the language's ANSWERS[kind] templates whose slots all have `values` (so it states nothing the
    tool result lacks), filled with them."""
    fitting = [t for t in d.pool("ANSWERS")[kind] if slots(t) <= values.keys()]
    return d.rng.choice(fitting).format(**values)
