"""What decoys (fc.decoys.decoy_tools) change: rows whose tool list leaves out a built-in, without and with them.

    python bench/decoys.py [--data data/val.jsonl] [--adapter default] [--batch-size 8] [--seed 0] [--threads N]

Two sets from one split: "lacking" are its rows whose tools already leave out a built-in tool (the
missing-tool rows: the right reply says it can't); "dropped" are its calls of built-in tools with one built-in
that the expected turn does not use taken out of the list (the right reply still calls). Each set is evaluated
with `train.evaluate` (all defaults) without and with decoys; prints rows correct, false, missed and wrong calls.
"""
from __future__ import annotations

import argparse
import os
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from fc.embedded import EMBEDDED  # noqa: E402
from fc.model import ModelHandle  # noqa: E402
from fc.decoys import decoy_tools  # noqa: E402
from fc.tools import load_tool_schemas  # noqa: E402
from train.dataset import row_tools  # noqa: E402
from train.evaluate import EvalConfig, evaluate, load_rows  # noqa: E402
from train.metrics import split_row, turn_calls  # noqa: E402


def name(schema: dict) -> str:
    return schema["function"]["name"]


def lacking(rows: list[dict]) -> list[dict]:
    return [row for row in rows if decoy_tools(row_tools(row))]


def dropped(rows: list[dict], seed: int) -> list[dict]:
    """Calls of built-in tools, each with one built-in that its expected turn does not use removed."""
    builtin = {name(schema) for schema in load_tool_schemas()}
    rng = random.Random(seed)
    out = []
    for row in rows:
        _, expected = split_row(row)
        used = {call["name"] for call in turn_calls(expected)} if expected else set()
        tools = row_tools(row)
        unused = sorted(builtin - used)
        if used and used <= builtin and not decoy_tools(tools) and unused:
            drop = rng.choice(unused)
            out.append({**row, "tools": [t for t in tools if name(t) != drop]})
    return out


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--data", default="data/val.jsonl")
    p.add_argument("--base-model", default=EMBEDDED)
    p.add_argument("--adapter", default="default")
    p.add_argument("--batch-size", type=int, default=8)
    p.add_argument("--seed", type=int, default=0, help="which unused built-in each call row loses")
    p.add_argument("--threads", type=int)
    args = p.parse_args(argv)

    handle = ModelHandle.load(args.base_model, args.adapter, threads=args.threads)
    rows = load_rows(args.data)
    sets = {"lacking": lacking(rows), "dropped": dropped(rows, args.seed)}
    print(f"{handle.label}, {args.data}: {len(sets['lacking'])} rows lacking a built-in tool, "
          f"{len(sets['dropped'])} call rows with an unused built-in dropped")
    print("\n| set | decoys | rows correct | false calls | missed calls | wrong tool | wrong arguments | declined |"
          "\n|---|---|---|---|---|---|---|---|")
    for set_name, chosen in sets.items():
        for decoys in (False, True):
            m = evaluate(chosen, handle, EvalConfig(batch_size=args.batch_size, decoys=decoys)).metrics
            f = m["failures"]
            print(f"| {set_name} | {'on' if decoys else 'off'} | {round(m['accuracy'] * len(chosen))} of {len(chosen)} "
                  f"| {f['false_call']} | {f['missed_call']} | {f['wrong_tool']} | {f['wrong_arguments']} "
                  f"| {m['declined_rows']} |", flush=True)


if __name__ == "__main__":
    main()
