"""Training throughput of LoRA on the embedded SmolLM2-135M, fp32 vs bf16, side by side in one run.

    python bench/train_throughput.py [--steps 8] [--threads 2] [--batch-size 2] [--dropout 0.05]
                                     [--precisions fp32,bf16] [--max-seconds 120] [--data data/train.jsonl]

Trains LoRA r=16 on all linear layers for a few steps on real rows of the training data (a stratified sample)
with `train.sft.train`, once per precision, and prints the median tokens/s over the steps after the first
(real tokens only, padding not counted), plus the median rendered length of the data's rows. A precision
whose steps are slow (bf16 on a CPU without native bf16) is stopped after --max-seconds.
"""
from __future__ import annotations

import argparse
import resource
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from train.dataset import row_tools  # noqa: E402
from train.sft import SFTJobConfig, auto_bf16, project_path, tokenize_conversation, train  # noqa: E402


def median_rendered_tokens(data: str) -> tuple[int, int]:
    """(median tokens, rows) of the data rendered for training with the embedded tokenizer."""
    from transformers import AutoTokenizer

    from fc.embedded import embedded_model_dir
    from train.dataset import load_jsonl

    tokenizer = AutoTokenizer.from_pretrained(embedded_model_dir())
    rows = load_jsonl(project_path(data))
    lengths = [len(tokenize_conversation(tokenizer, row["messages"], row_tools(row))[0]) for row in rows]
    return int(statistics.median(lengths)), len(rows)


def measure(bf16: bool, args: argparse.Namespace) -> dict:
    """Median tokens/s and seconds/step of one short run (stopped after the step that passes --max-seconds)."""
    marks: list[tuple[float, int]] = [(0.0, 0)]  # (elapsed, tokens) after each step
    stop = threading.Event()
    with tempfile.TemporaryDirectory() as tmp:
        config = SFTJobConfig(data=args.data, output_dir=str(Path(tmp) / "adapter"),
                              max_rows=args.steps * args.batch_size, max_steps=args.steps,
                              batch_size=args.batch_size, grad_accum=1, dropout=args.dropout,
                              max_length=args.max_length, threads=args.threads, bf16=bf16, save_steps=10_000)
        started = time.monotonic()

        def on_progress(p):
            marks.append((p.elapsed_s, p.tokens_seen))
            print(f"  {'bf16' if bf16 else 'fp32'} {p.line()}", file=sys.stderr, flush=True)
            if p.elapsed_s > args.max_seconds:
                stop.set()

        result = train(config, on_progress=on_progress, log=lambda line: None, stop_event=stop)
    steps = [(e1 - e0, n1 - n0) for (e0, n0), (e1, n1) in zip(marks, marks[1:])]  # (seconds, tokens) per step
    counted = steps[1:] or steps  # the first step warms up; counted alone only when it is the only one
    return {"precision": "bf16" if bf16 else "fp32", "steps": len(steps), "counted": len(counted),
            "tokens_per_s": statistics.median(tokens / seconds for seconds, tokens in counted),
            "s_per_step": statistics.median(seconds for seconds, _ in counted),
            "tokens_per_step": statistics.median(tokens for _, tokens in counted),
            "final_loss": result.final_loss, "wall_s": time.monotonic() - started}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--steps", type=int, default=8, help="optimizer steps per precision (the first is not counted)")
    p.add_argument("--max-seconds", type=float, default=120,
                   help="stop a precision's run after the step that passes this many seconds")
    p.add_argument("--threads", type=int, default=2, help="CPU threads")
    p.add_argument("--batch-size", type=int, default=SFTJobConfig.batch_size)
    p.add_argument("--max-length", type=int, default=1024)
    p.add_argument("--dropout", type=float, default=SFTJobConfig.dropout, help="LoRA dropout")
    p.add_argument("--precisions", default="fp32,bf16", help="which of fp32,bf16 to measure")
    p.add_argument("--data", default="data/train.jsonl")
    args = p.parse_args(argv)
    if args.steps < 2:
        p.error("--steps must be at least 2")

    median, rows = median_rendered_tokens(args.data)
    print(f"{args.data}: {rows} rows, median rendered length {median} tokens")
    print(f"LoRA r=16 all-linear on SmolLM2-135M, dropout {args.dropout}, batch {args.batch_size}, "
          f"{args.steps} steps, {args.threads} threads")
    precisions = [name.strip() for name in args.precisions.split(",") if name.strip()]
    if not precisions or set(precisions) - {"fp32", "bf16"}:
        p.error("--precisions takes fp32, bf16 or both")
    results = [measure(precision == "bf16", args) for precision in precisions]
    print(f"{'precision':10} {'tokens/s':>9} {'s/step':>7} {'tokens/step':>12} {'steps':>9} {'loss':>7} {'wall s':>7}")
    for r in results:
        steps = f"{r['counted']}/{r['steps']}"
        print(f"{r['precision']:10} {r['tokens_per_s']:9.1f} {r['s_per_step']:7.2f} {r['tokens_per_step']:12.0f} "
              f"{steps:>9} {r['final_loss']:7.3f} {r['wall_s']:7.1f}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20
    print(f"peak memory (RSS) of this process: {peak:.1f} GiB")
    if not auto_bf16():
        print("(this CPU has no native bf16 (AVX512-BF16/AMX): bf16 is emulated, so train.sft defaults to fp32)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
