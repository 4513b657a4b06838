"""Compare fine-tuning recipes side by side: train each with `train.sft`, score it on the same rows.

    python bench/recipes.py --recipes bench/recipes.json --eval-data data/val.jsonl --out runs/recipes
        [--only NAME,NAME] [--eval-rows 0] [--also-data data/handwritten.jsonl] [--batch-size 64] [--threads 2]

`--recipes` is a JSON object {name: {SFTJobConfig field: value}}; fields a recipe leaves out keep the
"base" entry's values, then SFTJobConfig's defaults. Each recipe's adapter goes to OUT/NAME, its metrics to
OUT/NAME.json, and one line per recipe is printed (and appended to OUT/recipes.md): training tokens and
seconds, then call-detection F1/precision/recall, tool+arguments accuracy and rows correct (and one more line
per `--also-data` set, scored whole, named "NAME @ set"). Meant for a GPU,
where a recipe that takes 30 minutes on 2 CPU cores trains in one to two minutes (H100): compare the token counts with
the CPU's tokens/s (bench/BENCHMARKS.md) to see which recipes fit a CPU budget.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from train.sft import SFTJobConfig, project_path, stratified_sample, train  # noqa: E402

COLUMNS = ("recipe", "tokens", "train s", "F1", "precision", "recall", "tool+args", "rows correct", "false calls")


def pct(value) -> str:
    return "–" if value is None else f"{100 * value:.1f}"


def line(name: str, info: dict, metrics: dict) -> str:
    cells = (name, f"{info['tokens_seen']:,}", f"{info['seconds']:.0f}", pct(metrics["call_f1"]),
             pct(metrics["call_precision"]), pct(metrics["call_recall"]), pct(metrics["tool_call_accuracy"]),
             pct(metrics["accuracy"]), str(metrics["failures"]["false_call"]))
    return "| " + " | ".join(cells) + " |"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--recipes", required=True)
    parser.add_argument("--eval-data", default="data/val.jsonl")
    parser.add_argument("--eval-rows", type=int, default=0, help="stratified sample of the eval data (0 = all)")
    parser.add_argument("--also-data", default="", help="more JSONL sets to score every adapter on, "
                                                              "comma-separated (e.g. data/handwritten.jsonl)")
    parser.add_argument("--out", default="runs/recipes")
    parser.add_argument("--only", default="", help="comma-separated recipe names (default: all but 'base')")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--threads", type=int, default=0)
    args = parser.parse_args(argv)

    from fc.model import ModelHandle
    from train.dataset import load_jsonl
    from fc.settings import GenerationSettings
    from train.evaluate import EvalConfig, evaluate, write_results
    from train.sft import EVAL_MAX_NEW_TOKENS

    recipes = json.loads(Path(args.recipes).read_text(encoding="utf-8"))
    base = recipes.pop("base", {})
    names = [n.strip() for n in args.only.split(",") if n.strip()] or list(recipes)
    out = project_path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    sets = {"": stratified_sample(load_jsonl(project_path(args.eval_data)), args.eval_rows, 0)}
    sets |= {Path(p).stem: load_jsonl(project_path(p)) for p in args.also_data.split(",") if p.strip()}
    header = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    print("\n".join(header), flush=True)
    table = out / "recipes.md"
    if not table.exists():
        table.write_text("\n".join(header) + "\n", encoding="utf-8")
    for name in names:
        config = SFTJobConfig(**{**base, **recipes[name], "output_dir": str(out / name), "eval_rows": 0,
                                 "threads": args.threads})
        started = time.monotonic()
        result = train(config, log=lambda s: print(f"  [{name}] {s}", file=sys.stderr, flush=True))
        handle = ModelHandle.load(config.base_model, result.adapter_dir, threads=args.threads)
        metrics = {}
        for stem, rows in sets.items():
            evaluated = evaluate(rows, handle, EvalConfig(
                batch_size=args.batch_size, generation=GenerationSettings(EVAL_MAX_NEW_TOKENS)))
            write_results(evaluated, out / "-".join(filter(None, (name, stem, "eval"))))
            metrics[stem] = evaluated.metrics
            text = line(f"{name} @ {stem}" if stem else name, result.info, evaluated.metrics)
            print(text, flush=True)
            with table.open("a", encoding="utf-8") as f:
                f.write(text + "\n")
        record = {"recipe": name, "config": recipes[name], "train": {k: result.info[k] for k in
                  ("steps", "seconds", "tokens_seen", "tokens_per_s", "final_loss", "mean_loss")},
                  "metrics": metrics.pop(""), "also": metrics, "wall_s": round(time.monotonic() - started, 1)}
        (out / f"{name}.json").write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
