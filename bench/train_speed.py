"""Training speed: the shipped recipe's trainer vs a plain fp32 TRL SFTTrainer, same data and steps, side by side.

    python bench/train_speed.py [--base-model smollm2-135m] [--steps 12] [--rows 96] [--chain 6] [--threads 2]

Both train the same LoRA (r=64, all linear layers) on the same chained rows of data/train.jsonl for the same
optimizer steps. "plain" is `trl.SFTTrainer` as it comes, in fp32 (its loss scores every position's logits);
"ours" is `train.sft.make_trainer` (the LM head only at labelled positions, bf16 autocast where the CPU has
native bf16; the decision weight stays 1, so both compute the same loss). Prints median tokens/s over the
steps after the first, the mean loss of each, and the peak memory of the process.
"""
from __future__ import annotations

import argparse
import dataclasses
import tempfile
import time
from pathlib import Path

import common

from fc.embedded import EMBEDDED_MODELS
from train.sft import SFTJobConfig, auto_bf16, chain_conversations, load_base_model, make_trainer, tokenize_rows
from train.sft.data import load_training_rows


def steps_callback(marks: list):
    from transformers import TrainerCallback

    class Marks(TrainerCallback):
        def on_step_end(self, args, state, control, **kwargs):
            marks.append((time.perf_counter(), state.num_input_tokens_seen))

    return Marks()


def run(config: SFTJobConfig, ours: bool, tmp: Path) -> dict:
    import torch
    from trl import SFTTrainer

    bf16 = ours and auto_bf16()
    model, tokenizer = load_base_model(config, bf16)
    chats = chain_conversations(load_training_rows(config, log=lambda line: None), config.chain, config.seed)
    tokenized = tokenize_rows(chats, tokenizer, config.max_length)
    marks: list = []
    trainer = make_trainer(config, model, tokenizer, tokenized, "all-linear", tmp / ("ours" if ours else "plain"),
                           bf16, callbacks=[steps_callback(marks)])
    if not ours:  # the same arguments, data and LoRA, in TRL's own trainer and loss
        trainer = SFTTrainer(model=trainer.model, args=trainer.args, train_dataset=trainer.train_dataset,
                             processing_class=tokenizer, callbacks=[steps_callback(marks)])
    start = time.perf_counter()
    output = trainer.train()
    steps = [(t1 - t0, n1 - n0) for (t0, n0), (t1, n1) in zip([(start, 0)] + marks, marks)][1:]
    del trainer, model
    torch.cuda.empty_cache() if torch.cuda.is_available() else None
    return {"trainer": "ours" if ours else "plain", "bf16": bf16, "steps": len(steps) + 1,
            "tokens_per_s": round(common.median(n / s for s, n in steps), 1),
            "final_loss": round(output.training_loss, 4), "peak_rss_mb": common.peak_rss_mb()}


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--base-model", default="smollm2-135m", choices=list(EMBEDDED_MODELS))
    p.add_argument("--steps", type=int, default=12)
    p.add_argument("--rows", type=int, default=96)
    p.add_argument("--chain", type=int, default=6)
    p.add_argument("--threads", type=int, default=2)
    args = p.parse_args(argv)
    from fc.model import set_threads

    set_threads(args.threads)
    config = dataclasses.replace(SFTJobConfig(), base_model=args.base_model, max_rows=args.rows, chain=args.chain,
                                 r=64, alpha=128, dropout=0.0, lr=5e-4, grad_accum=1, batch_size=2,
                                 max_length=2048, max_steps=args.steps, save_steps=10_000)
    with tempfile.TemporaryDirectory() as tmp:
        results = [run(config, ours, Path(tmp)) for ours in (False, True)]
    print(f"\n{args.base_model}: LoRA r=64 all-linear, {args.rows} rows chained by {args.chain}, batch 2, "
          f"{args.steps} steps, decision weight 1 in both (so the losses compare), {args.threads} threads")
    print("\n| trainer | bf16 | tokens/s | speed-up | mean loss | peak RSS MB |\n|---|---|---|---|---|---|")
    for r in results:
        print(f"| {r['trainer']} | {r['bf16']} | {r['tokens_per_s']} | {r['tokens_per_s'] / results[0]['tokens_per_s']:.2f}× "
              f"| {r['final_loss']} | {r['peak_rss_mb']} |")
    common.report("train_speed", model=args.base_model, results=results)


if __name__ == "__main__":
    main()
