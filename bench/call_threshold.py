"""Call detection against the call threshold: how well the model's first-token call probability separates
rows that need a call from rows that do not, and the precision/recall/F1 each threshold would give.

    python bench/call_threshold.py [--data data/val.jsonl] [--rows 0] [--base-model embedded]
        [--adapter default] [--threads N] [--thresholds 0.1,0.2,...]

One forward pass per row (no generation): P(call) is the probability of the first token of `<tool_call>`
right after the generation prompt, the quantity `fc.model.CallDecision` compares with the threshold.
"Greedy" is plain decoding (a call whenever that token is the single most likely one). The table predicts
detection only; `python -m train.evaluate --call-threshold T` measures the generated calls themselves.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import torch  # noqa: E402
from sklearn.metrics import precision_recall_fscore_support, roc_auc_score  # noqa: E402

from fc.embedded import EMBEDDED  # noqa: E402
from fc.model import ModelHandle  # noqa: E402
from train.evaluate import load_rows, prompt_for  # noqa: E402
from train.metrics import split_row, turn_calls  # noqa: E402
from train.sft import stratified_sample  # noqa: E402


def first_token_call_probability(handle: ModelHandle, prompt: str) -> tuple[float, bool]:
    """(P(call), whether the call token is the most likely first token) for one generation prompt."""
    ids = handle.tokenizer(prompt, return_tensors="pt", add_special_tokens=False)["input_ids"].to(handle.device)
    with torch.inference_mode():
        probs = torch.softmax(handle.model(input_ids=ids).logits[0, -1].float(), dim=-1)
    return float(probs[handle.call_token_id]), int(probs.argmax()) == handle.call_token_id


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--data", default="data/val.jsonl")
    p.add_argument("--rows", type=int, default=0, help="stratified sample by category (0 = all rows)")
    p.add_argument("--base-model", default=EMBEDDED)
    p.add_argument("--adapter", default="default")
    p.add_argument("--threads", type=int)
    p.add_argument("--thresholds", default="0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9")
    args = p.parse_args(argv)

    handle = ModelHandle.load(args.base_model, args.adapter, threads=args.threads)
    rows = stratified_sample(load_rows(args.data), args.rows, 0)
    started = time.perf_counter()
    expected, prob, greedy = [], [], []
    for row in rows:
        p_call, top = first_token_call_probability(handle, prompt_for(row, handle))
        expected.append(bool(turn_calls(split_row(row)[1])))
        prob.append(p_call)
        greedy.append(top)
    print(f"{handle.label}, {args.data}: {len(rows)} rows ({sum(expected)} need a call) "
          f"in {time.perf_counter() - started:.0f} s; ROC AUC of P(call) {roc_auc_score(expected, prob):.3f}")
    print("| decision | precision | recall | F1 | false calls | missed calls |\n|---|---|---|---|---|---|")
    decisions = [("greedy", greedy)] + [(f"P(call) ≥ {t:g}", [x >= t for x in prob])
                                        for t in map(float, args.thresholds.split(","))]
    for name, predicted in decisions:
        precision, recall, f1, _ = precision_recall_fscore_support(expected, predicted, average="binary",
                                                                   zero_division=0)
        false = sum(p and not e for p, e in zip(predicted, expected))
        missed = sum(e and not p for p, e in zip(predicted, expected))
        print(f"| {name} | {100 * precision:.1f} | {100 * recall:.1f} | {100 * f1:.1f} | {false} | {missed} |")


if __name__ == "__main__":
    main()
