"""Evaluation throughput: one row at a time vs batched (left padding, greedy), same rows, same model.

    python bench/eval_batching.py [--data data/val.jsonl] [--rows 16] [--batch-size 8]
        [--max-new-tokens 48] [--runs 3] [--base-model embedded] [--adapter none] [--threads N]

Prints the median rows/s of each mode over `--runs` runs (modes alternate inside a run) and asserts that
both give identical outputs, i.e. batching changes the speed, not the predictions.
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
from fc.settings import GenerationSettings  # noqa: E402
from train.dataset import row_tools  # noqa: E402
from train.evaluate import load_rows  # noqa: E402
from train.metrics import split_row  # noqa: E402


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--data", default="data/val.jsonl")
    p.add_argument("--rows", type=int, default=16)
    p.add_argument("--batch-size", type=int, default=8)
    p.add_argument("--max-new-tokens", type=int, default=48)
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--base-model", default=EMBEDDED)
    p.add_argument("--adapter", default="none")
    p.add_argument("--threads", type=int)
    args = p.parse_args(argv)

    handle = ModelHandle.load(args.base_model, args.adapter, threads=args.threads)
    rows = load_rows(args.data, limit=args.rows)
    chats = [(split_row(row)[0], row_tools(row)) for row in rows]
    import torch

    print(f"{handle.label} on {handle.device} ({torch.get_num_threads()} threads), {len(rows)} rows of "
          f"{args.data}, max {args.max_new_tokens} new tokens, median of {args.runs} runs")
    seconds: dict[int, list[float]] = {1: [], args.batch_size: []}
    reference = None
    for _ in range(args.runs):
        for batch_size in seconds:
            start = time.perf_counter()
            outputs = handle.generate_chats(chats, GenerationSettings(args.max_new_tokens), batch_size)
            seconds[batch_size].append(time.perf_counter() - start)
            reference = reference or outputs
            assert outputs == reference, f"batch size {batch_size} changed the predictions"

    one = statistics.median(seconds[1])
    print("\n| mode | batch size | median s | rows/s | speed-up |\n|---|---|---|---|---|")
    for batch_size, times in seconds.items():
        median = statistics.median(times)
        mode = "one by one" if batch_size == 1 else "batched"
        print(f"| {mode} | {batch_size} | {median:.1f} | {len(rows) / median:.2f} | {one / median:.1f}× |")
    print(f"\nidentical predictions: yes ({len(rows)} rows)")


if __name__ == "__main__":
    main()
