"""Generate the synthetic tool-calling dataset: data/{train,val,test}.jsonl and data/stats.json.

    python -m train.data.generate [--seed 0] [--out data] [--catalog]

Rows are built from hand-written per-language pools (train/data/pools/) and are deterministic for a seed:
tool results are fabricated from the seeded RNG (never the wall clock). Splits are made by template:
every template / question stem (`group`) belongs to exactly one split, and ~15% of the places and
image subjects appear only in val/test (train/data/draw.py). Each split is filled per category quota
(train/data/categories.py).
"""
from __future__ import annotations

import argparse
import json
import random
import unicodedata
from collections import Counter
from pathlib import Path
from types import ModuleType

from train.data.categories import ROWS
from train.data.draw import SPLITS, Draw, Skip, SplitPools, build_pools
from train.data.pools import PLACES, load_languages
from train.dataset import save_jsonl

SPLIT_SIZES = {"train": 3300, "val": 350, "test": 350}
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
CALL_CATEGORIES = ("call_weather", "call_time", "call_image", "call_other", "call_catalog", "parallel", "loop",
                   "followup")


def normalize_text(text: str) -> str:
    """Comparison key for near-duplicates: letters only (no case, spaces, punctuation, digits, emoji)."""
    return "".join(c for c in unicodedata.normalize("NFKC", text).casefold() if c.isalpha())


def is_call_row(row: dict) -> bool:
    return any(m.get("tool_calls") for m in row["messages"])


def user_texts(row: dict) -> list[str]:
    return [m["content"] for m in row["messages"] if m["role"] == "user"]


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
            group, tools, messages = ROWS[category](Draw(rng, pools, lang, langs[lang]))
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
