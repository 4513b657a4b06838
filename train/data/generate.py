"""Generate the synthetic tool-calling dataset: data/{train,val,test}.jsonl and data/stats.json.

    python -m train.data.generate [--seed 0] [--out data] [--train-rows 12000] [--catalog] [--no-functions]

Rows are built from hand-written per-language pools (train/data/pools/) and are deterministic for a seed:
tool results are fabricated from the seeded RNG (never the wall clock). Splits are made by template:
every template / question stem / function request (`group`) belongs to exactly one split, and ~15% of the
places and image subjects and the held-out functions appear only in val/test (train/data/draw.py). Each split
is filled per category quota (train/data/categories.py). No split repeats a user turn of the hand-written
test set (data/handwritten.jsonl), and val/test repeat none of train's.
"""
from __future__ import annotations

import argparse
import json
import random
import unicodedata
from collections import Counter
from pathlib import Path
from types import ModuleType

from fc import DATA_DIR
from train.data.categories import OWN_LANGUAGE, ROWS
from train.data.draw import SPLITS, Draw, Skip, SplitPools, build_pools
from train.data.pools import PLACES, load_languages
from train.dataset import load_jsonl, save_jsonl

SPLIT_SIZES = {"train": 12000, "val": 350, "test": 350}
HANDWRITTEN = DATA_DIR / "handwritten.jsonl"  # the out-of-distribution test set: never generated, never trained on
LANG_WEIGHTS = {"en": 0.26, "zh-Hant": 0.12, "zh-Hans": 0.12, "ja": 0.05, "ko": 0.05, "ru": 0.05, "es": 0.05,
                "fr": 0.05, "de": 0.05, "pt": 0.05, "it": 0.05, "vi": 0.05}
CATEGORY_WEIGHTS = {
    "call_weather": 0.07, "call_time": 0.05, "call_image": 0.06, "call_other": 0.03, "call_catalog": 0.05,
    "call_function": 0.10, "parallel": 0.06, "parallel_function": 0.06, "loop": 0.06, "followup": 0.04,
    "no_call_chitchat": 0.06, "no_call_knowledge": 0.09, "hard_negative": 0.16, "clarify": 0.05,
    "missing_tool": 0.07, "missing_catalog": 0.05, "irrelevant_function": 0.04,
}
CATEGORIES = tuple(CATEGORY_WEIGHTS)
CATALOG_CATEGORIES = ("call_catalog", "missing_catalog")  # only with --catalog
FUNCTION_CATEGORIES = ("call_function", "parallel_function", "irrelevant_function")  # not with --no-functions
CALL_CATEGORIES = ("call_weather", "call_time", "call_image", "call_other", "call_catalog", "call_function",
                   "parallel", "parallel_function", "loop", "followup")


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


def handwritten_turns() -> set[str]:
    """The normalised user turns of the hand-written test set (HANDWRITTEN), which no generated row may repeat."""
    return {normalize_text(t) for row in load_jsonl(HANDWRITTEN) for t in user_texts(row)}


def generate_split(split: str, pools: SplitPools, langs: dict[str, ModuleType], seed: int, size: int,
                   weights: dict[str, float], forbidden: set[str] = frozenset()) -> list[dict]:
    """`size` distinct rows (tools and messages) for one split, filled per category quota; rows whose user
    turns normalise into `forbidden` are skipped. A category that runs out of distinct rows passes its quota
    on to the other categories on the same side (call / no call)."""
    rng = random.Random(f"{seed}|{split}")
    lang_names = [lang for lang in LANG_WEIGHTS if lang in langs]
    lang_weights = {c: [len(pools.groups.get((OWN_LANGUAGE[c], lang), ())) for lang in lang_names]
                    if c in OWN_LANGUAGE else [LANG_WEIGHTS[lang] for lang in lang_names] for c in weights}
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
        lang = rng.choices(lang_names, lang_weights[category])[0]
        try:
            group, tools, messages = ROWS[category](Draw(rng, pools, lang, langs[lang]))
        except Skip:
            misses[category] += 1
            continue
        key = json.dumps([tools, messages], ensure_ascii=False, sort_keys=True)
        if key in seen or any(normalize_text(t) in forbidden for t in user_texts({"messages": messages})):
            misses[category] += 1
            continue
        seen.add(key)
        left[category] -= 1
        rows.append({"id": "", "category": category, "lang": lang, "group": group, "tools": tools,
                     "messages": messages})
    return rows


def generate(seed: int = 0, sizes: dict[str, int] | None = None, catalog: bool = False,
             functions: bool = True) -> dict[str, list[dict]]:
    """All splits, deterministic for `seed` (`sizes` per split, SPLIT_SIZES for the others). No row repeats a user
    turn of the hand-written test set; val/test repeat none of train's. `catalog` adds the call_catalog /
    missing_catalog rows (train/data/pools/catalog.py); `functions` the rows of train/data/pools/functions.py."""
    sizes = {**SPLIT_SIZES, **(sizes or {})}
    weights = {c: w for c, w in CATEGORY_WEIGHTS.items()
               if (catalog or c not in CATALOG_CATEGORIES) and (functions or c not in FUNCTION_CATEGORIES)}
    langs = load_languages()
    pools = build_pools(langs, seed)
    splits: dict[str, list[dict]] = {}
    forbidden = handwritten_turns()
    for split in SPLITS:
        rows = generate_split(split, pools[split], langs, seed, sizes[split], weights, forbidden)
        for i, row in enumerate(rows):
            row["id"] = f"{split}-{row['category']}-{i:05d}"
        if split == "train":
            forbidden = forbidden | {normalize_text(t) for row in rows for t in user_texts(row)}
        splits[split] = rows
    return splits


def places(row: dict) -> set[str]:
    """The places the row's get_weather / get_time calls name."""
    return {c["function"]["arguments"].get("city") or c["function"]["arguments"]["location"]
            for m in row["messages"] for c in m.get("tool_calls", [])
            if c["function"]["name"] in ("get_weather", "get_time")}


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
        "tool_lists": len({json.dumps(r["tools"], sort_keys=True) for r in rows}),
        "distinct_places": len({p for r in rows for p in places(r)}),
        "messages": sum(len(r["messages"]) for r in rows),
        "chars": sum(len(m.get("content") or "") + len(json.dumps(m.get("tool_calls", []), ensure_ascii=False))
                     for r in rows for m in r["messages"]),
        "by_lang": dict(sorted(Counter(r["lang"] for r in rows).items())),
        "by_category": {c: n for c in CATEGORIES if (n := sum(r["category"] == c for r in rows))},
        "places_by_lang": {lang: len({p for r in rows if r["lang"] == lang for p in places(r)})
                           for lang in LANG_WEIGHTS if any(r["lang"] == lang for r in rows)},
    }


def stats(splits: dict[str, list[dict]], seed: int) -> dict:
    return {"seed": seed, "places": len(PLACES), "languages": list(load_languages()),
            "splits": {name: split_stats(rows) for name, rows in splits.items()}}


def format_stats(s: dict) -> str:
    splits = s["splits"]
    lines = [f"seed {s['seed']}, {s['places']} places, languages: {', '.join(s['languages'])}",
             f"{'':28}" + "".join(f"{name:>9}" for name in splits)]
    keys = ["rows", "distinct_user_turns", "distinct_assistant_outputs", "call_rows", "no_call_rows",
            "call_fraction", "distinct_image_prompts", "groups", "tool_lists", "distinct_places", "chars"]
    lines += [f"{k:28}" + "".join(f"{splits[n][k]:>9}" for n in splits) for k in keys]
    for table in ("by_lang", "by_category", "places_by_lang"):
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
    parser.add_argument("--train-rows", type=int, default=SPLIT_SIZES["train"],
                        help=f"rows of the train split (default: {SPLIT_SIZES['train']}; val and test stay "
                             f"{SPLIT_SIZES['val']} each)")
    parser.add_argument("--catalog", action="store_true",
                        help="add rows that call or refuse tools of train/data/pools/catalog.py (an experiment: see "
                             "bench/BENCHMARKS.md)")
    parser.add_argument("--no-functions", dest="functions", action="store_false",
                        help="leave out the rows of train/data/pools/functions.py (call_function, parallel_function, "
                             "irrelevant_function), to measure what they add")
    args = parser.parse_args(argv)
    splits = generate(args.seed, {"train": args.train_rows}, catalog=args.catalog, functions=args.functions)
    summary = write(splits, args.out, args.seed)
    print(format_stats(summary))


if __name__ == "__main__":
    main()
