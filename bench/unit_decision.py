"""Does the model know when to add the optional `unit` to a weather call? Fed each expected get_weather call
up to the end of its city, how much of P(`",` go on to another argument) + P(`"` close the call) goes to
going on, for rows whose call has a unit (the user named one) and rows whose call has none.

    python bench/unit_decision.py [--data data/val.jsonl,data/test.jsonl] [--adapter default] [--threads N]

One forward pass per call (teacher forcing, no generation). Prints the ROC AUC of that share for "the user
named a unit", and for a range of thresholds how many units a decision at that threshold would keep and invent.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import torch  # noqa: E402
from sklearn.metrics import roc_auc_score  # noqa: E402

from fc.model import ModelHandle  # noqa: E402
from fc.prompt import format_tool_call  # noqa: E402
from train.evaluate import load_rows, prompt_for  # noqa: E402
from train.metrics import split_row, turn_calls  # noqa: E402


def go_on_share(handle: ModelHandle, row: dict, city: str) -> float:
    """P(another argument) / (P(another argument) + P(close)) right after the city of the expected call."""
    call = format_tool_call("get_weather", {"city": city})
    text = prompt_for(row, handle) + call[: call.rindex('"}}')]
    ids = handle.tokenizer(text, return_tensors="pt", add_special_tokens=False)["input_ids"].to(handle.device)
    go_on, close = (handle.tokenizer(t, add_special_tokens=False)["input_ids"] for t in ('",', '"'))
    assert len(go_on) == len(close) == 1, "this tokenizer splits the quote tokens differently"
    with torch.inference_mode():
        probs = torch.softmax(handle.model(input_ids=ids).logits[0, -1].float(), dim=-1)
    return float(probs[go_on[0]] / (probs[go_on[0]] + probs[close[0]]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default="data/val.jsonl,data/test.jsonl", help="comma-separated JSONL files")
    parser.add_argument("--base-model", default="embedded")
    parser.add_argument("--adapter", default="default")
    parser.add_argument("--threads", type=int, default=None)
    args = parser.parse_args()
    handle = ModelHandle.load(args.base_model, args.adapter, threads=args.threads)
    named, shares = [], []
    for path in args.data.split(","):
        for row in load_rows(path):
            calls = turn_calls(split_row(row)[1])
            if calls and calls[0]["name"] == "get_weather":
                named.append("unit" in calls[0]["arguments"])
                shares.append(go_on_share(handle, row, calls[0]["arguments"]["city"]))
    print(f"{len(named)} weather calls, {sum(named)} with a unit; ROC AUC of the go-on share: "
          f"{roc_auc_score(named, shares):.3f}")
    print("| threshold | units kept | units invented |\n|---|---|---|")
    for threshold in (0.1, 0.2, 0.3, 0.4, 0.5):
        kept = sum(n and s >= threshold for n, s in zip(named, shares))
        invented = sum(not n and s >= threshold for n, s in zip(named, shares))
        print(f"| {threshold} | {kept} of {sum(named)} | {invented} of {len(named) - sum(named)} |")


if __name__ == "__main__":
    main()
