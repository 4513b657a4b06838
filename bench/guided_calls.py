"""What guided tool calls (fc.grammar) cost in speed: the same rows generated with and without them.

    python bench/guided_calls.py [--data data/test.jsonl] [--rows 24] [--category call_]
        [--batch-size 8] [--max-new-tokens 96] [--runs 3] [--adapter default] [--threads N]

Takes the first `--rows` rows whose category starts with `--category` (tool-call rows by default, where the
grammar works), generates them free and guided in alternation, `--runs` times, and prints the median seconds
of each and how many outputs were valid calls of the declared tools.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from fc.embedded import EMBEDDED  # noqa: E402
from fc.model import ModelHandle  # noqa: E402
from fc.parse import parse  # noqa: E402
from fc.settings import GenerationSettings  # noqa: E402
from fc.tools import ToolRegistry  # noqa: E402
from train.dataset import row_tools  # noqa: E402
from train.evaluate import load_rows  # noqa: E402
from train.metrics import split_row  # noqa: E402


def valid_calls(outputs: list[str], tools: list[list[dict]]) -> int:
    """Outputs that hold at least one call, all of them valid for the row's tools."""
    count = 0
    for text, schemas in zip(outputs, tools):
        parsed, registry = parse(text), ToolRegistry.from_schemas(schemas)
        count += bool(parsed.tool_calls) and not parsed.errors and all(
            registry.validate(c) is None for c in parsed.tool_calls)
    return count


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--data", default="data/test.jsonl")
    p.add_argument("--rows", type=int, default=24)
    p.add_argument("--category", default="call_", help="category prefix of the rows to take")
    p.add_argument("--batch-size", type=int, default=8)
    p.add_argument("--max-new-tokens", type=int, default=96)
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--base-model", default=EMBEDDED)
    p.add_argument("--adapter", default="default")
    p.add_argument("--threads", type=int)
    args = p.parse_args(argv)

    handle = ModelHandle.load(args.base_model, args.adapter, threads=args.threads)
    rows = [r for r in load_rows(args.data) if (r.get("category") or "").startswith(args.category)][:args.rows]
    tools = [row_tools(row) for row in rows]
    chats = [(split_row(row)[0], t) for row, t in zip(rows, tools)]
    handle.vocabulary  # built once per model (~1 s), not part of the timings
    import torch

    print(f"{handle.label} on {handle.device} ({torch.get_num_threads()} threads), {len(rows)} rows of "
          f"{args.data} ({args.category}*), max {args.max_new_tokens} new tokens, median of {args.runs} runs")
    seconds: dict[bool, list[float]] = {False: [], True: []}
    outputs: dict[bool, list[str]] = {}
    for _ in range(args.runs):
        for guided in seconds:
            settings = GenerationSettings(args.max_new_tokens, guided_calls=guided)
            start = time.perf_counter()
            outputs[guided] = handle.generate_chats(chats, settings, args.batch_size)
            seconds[guided].append(time.perf_counter() - start)

    free = statistics.median(seconds[False])
    print("\n| decoding | median s | rows/s | relative time | valid calls |\n|---|---|---|---|---|")
    for guided, times in seconds.items():
        median = statistics.median(times)
        print(f"| {'guided' if guided else 'free'} | {median:.1f} | {len(rows) / median:.2f} | "
              f"{median / free:.2f}× | {valid_calls(outputs[guided], tools)} of {len(rows)} |")
    changed = sum(a != b for a, b in zip(outputs[False], outputs[True]))
    print(f"\n{changed} of {len(rows)} outputs differ")


if __name__ == "__main__":
    main()
