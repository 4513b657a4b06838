"""Evaluation speed: ours (batched, tools prefix prefilled once, merged adapter) vs one-by-one plain generate.

    python bench/eval_speed.py [--data data/val.jsonl] [--rows 48] [--batch-size 8] [--threads 2]
                               [--base-model smollm2-135m]

Generates the same rows with the evaluator's settings (call threshold, guided calls; decoys off, so every row
is one generation) three ways: the plain path before the speed work (the unmerged PEFT model in fp32, one row
at a time, no prefix reuse), ours in fp32 (same arithmetic: outputs must be identical) and ours in the
inference dtype the app picks (bf16 where the CPU computes it natively: the outputs that differ are listed).
"""
from __future__ import annotations

import argparse
import time

import common

from fc.embedded import EMBEDDED_MODELS
from fc.settings import GenerationSettings
from train.dataset import row_tools
from train.evaluate import load_rows
from train.metrics import split_row


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--data", default="data/val.jsonl")
    p.add_argument("--rows", type=int, default=48)
    p.add_argument("--batch-size", type=int, default=8)
    p.add_argument("--max-new-tokens", type=int, default=128)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--base-model", default="smollm2-135m", choices=list(EMBEDDED_MODELS))
    p.add_argument("--adapter", default="default")
    args = p.parse_args(argv)
    from fc.model import ModelHandle

    rows = load_rows(args.data, limit=args.rows)
    chats = [(split_row(row)[0], row_tools(row)) for row in rows]
    settings = GenerationSettings(args.max_new_tokens)
    ways = {"plain, one by one": (dict(dtype="float32", merge=False), 1, False),
            "ours, fp32": (dict(dtype="float32"), args.batch_size, True),
            "ours, app dtype": ({}, args.batch_size, True)}
    outputs, speed, dtypes = {}, {}, {}
    for name, (load, batch_size, prefix) in ways.items():
        handle = ModelHandle.load(args.base_model, args.adapter, threads=args.threads, **load)
        if not prefix:
            handle.prefixes = None
        start = time.perf_counter()
        outputs[name] = handle.generate_chats(chats, settings, batch_size)
        speed[name] = len(rows) / (time.perf_counter() - start)
        dtypes[name] = str(handle.model.dtype)
        print(f"{name}: {speed[name]:.3f} rows/s ({dtypes[name]})", flush=True)
        del handle
    base = speed["plain, one by one"]
    reference = outputs["plain, one by one"]
    print(f"\n{len(rows)} rows of {args.data}, max {args.max_new_tokens} new tokens, {args.threads} threads\n")
    print("| way | dtype | rows/s | speed-up | outputs that differ from plain |\n|---|---|---|---|---|")
    differ = {}
    for name in ways:
        differ[name] = [rows[i]["id"] for i, (a, b) in enumerate(zip(reference, outputs[name])) if a != b]
        print(f"| {name} | {dtypes[name]} | {speed[name]:.3f} | {speed[name] / base:.1f}× | {len(differ[name])} |")
    for i, row in enumerate(rows):
        if row["id"] in differ["ours, app dtype"]:
            print(f"  {row['id']}: {reference[i][:70]!r} -> {outputs['ours, app dtype'][i][:70]!r}")
    common.report("eval_speed", rows=len(rows), rows_per_s={k: round(v, 3) for k, v in speed.items()},
                  speedup={k: round(v / base, 2) for k, v in speed.items()}, differ=differ, dtypes=dtypes)


if __name__ == "__main__":
    main()
