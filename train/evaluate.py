"""Evaluate a model (base + adapter) on a dataset or BFCL: batched greedy generation, metrics, report.

    python -m train.evaluate --data data/val.jsonl --out runs/eval [--base-model ID_OR_PATH]
        [--adapter default|none|DIR] [--batch-size 8] [--max-new-tokens 256] [--call-threshold 0.4]
        [--no-guided-calls] [--no-decoys] [--limit N]      # --help lists every flag
    python -m train.evaluate --bfcl simple_python,irrelevance --limit 50 --out runs/bfcl
    python -m train.evaluate --data data/val.jsonl --out runs/eval --api-base http://127.0.0.1:8000/v1 [--api-model M]

Writes DIR/predictions.jsonl (input rows + `prediction`, `raw_output`, `declined`, `failure`, `failure_reason`),
DIR/metrics.json, DIR/report.md and DIR/confusion_matrix.png. Scoring lives in `train.metrics`.
"""
from __future__ import annotations

import json
import re
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable

from fc.backends import BackendError, ModelBackend
from fc.embedded import EMBEDDED
from fc.settings import GenerationSettings
from train.dataset import row_tools
from train.metrics import FAILURE_KINDS, RowScore, score_predictions, split_row, turn_calls

Progress = Callable[[int, int], None]
MAX_REPORT_EXAMPLES = 20


def _option(default, help: str):
    return field(default=default, metadata={"help": help})


@dataclass
class EvalOptions:
    """What to evaluate and how; the CLI flags are generated from these fields (and GenerationSettings')."""

    base_model: str = _option(EMBEDDED, "'embedded', a Hugging Face id or a local folder.")
    adapter: str = _option("default", "'default' (the shipped adapter), 'none' or an adapter folder.")
    batch_size: int = _option(8, "Rows generated together.")
    decoys: bool = _option(True, "Offer the built-in tools a row leaves out and decline calls of them "
                                 "(see fc.decoys).")
    api_base: str | None = _option(None, "Evaluate the model behind this OpenAI-compatible endpoint instead of a "
                                         "local one, e.g. http://127.0.0.1:8000/v1 (vLLM, SGLang, llama.cpp, "
                                         "Ollama, fc.serve); the key comes from FC_API_KEY or OPENAI_API_KEY.")
    api_model: str | None = _option(None, "The model id at --api-base (default: the first one it lists).")


@dataclass
class EvalConfig(EvalOptions):
    """One evaluation run: the options and the generation settings (greedy by default). The CLI and the
    Evaluate/Train tabs fill it; `evaluate` uses the handle it is given, `load_model` loads what it names."""

    generation: GenerationSettings = field(default_factory=GenerationSettings)


def load_model(config: EvalConfig, threads: int | None = None):
    """The model backend `config` names: the endpoint at `config.api_base`, else the local
    `config.base_model` + `config.adapter` (a `fc.model.ModelHandle`)."""
    if config.api_base:
        from fc.backends import OpenAIBackend

        return OpenAIBackend(config.api_base, config.api_model)
    from fc.model import ModelHandle

    return ModelHandle.load(config.base_model, config.adapter, threads=threads)


@dataclass
class EvalResult:
    predictions: list[dict]  # input rows + prediction, raw_output, failure, failure_reason
    metrics: dict
    scores: list[RowScore] = field(repr=False, default_factory=list)

    @property
    def failures(self) -> list[dict]:
        return [row for row in self.predictions if row["failure"]]


# -------------------------------------------------------------------------------------------- running
def load_rows(data: str | Path | None = None, bfcl: str | None = None, limit: int | None = None) -> list[dict]:
    """Rows of a JSONL dataset (validated, `DatasetError` on bad lines) or of comma-separated BFCL
    categories; `limit` takes the first N rows (per BFCL category)."""
    if bfcl:
        from train.bfcl import load_bfcl

        return [row for category in bfcl.split(",") if category.strip()
                for row in load_bfcl(category.strip(), limit)]
    from train.dataset import load_jsonl

    rows = load_jsonl(data)
    return rows[:limit] if limit else rows


def prompt_for(row: dict, handle, tools: list[dict] | None = None) -> str:
    """The generation prompt of a row: its context with `tools` (default: its own, see `row_tools`)."""
    context, _ = split_row(row)
    return handle.render(context, row_tools(row) if tools is None else tools)


def generate_replies(rows: list[dict], handle: ModelBackend, config: EvalConfig, progress: Progress | None = None,
                     ) -> tuple[list[str], list[list[str]]]:
    """Each row's reply and the decoy calls declined on the way, under the agent's decoy policy
    (`fc.decoys.ToolOffer`): a reply that made only declined calls is generated again with the row's own tools
    and calls ruled out; `prediction_of` drops the declined calls of the others."""
    from fc.decoys import ToolOffer
    from fc.parse import parse

    offers = [ToolOffer.of(row_tools(row), config.decoys) for row in rows]
    contexts = [split_row(row)[0] for row in rows]
    settings = config.generation
    outputs = handle.generate_chats([(context, offer.tools) for context, offer in zip(contexts, offers)], settings,
                                    config.batch_size, progress)
    calls = [parse(raw).tool_calls for raw in outputs]
    declined = [[call.name for call in offer.declined(c)] for offer, c in zip(offers, calls)]
    again = [i for i, (offer, c) in enumerate(zip(offers, calls)) if offer.answer_again(c)]
    answers = handle.generate_chats([(contexts[i], offers[i].declared) for i in again], settings.answer_only(),
                                    config.batch_size)
    for i, answer in zip(again, answers):
        outputs[i] = answer
    return outputs, declined


def prediction_of(raw_output: str, declined: list[str] = ()) -> dict:
    """The runtime parser's reading of a model output, in the predictions.jsonl format, without the calls of
    `declined` tools."""
    from fc.parse import parse

    parsed = parse(raw_output)
    return {"content": parsed.content, "tool_calls": [{"name": c.name, "arguments": c.arguments}
                                                      for c in parsed.tool_calls if c.name not in declined]}


def evaluate(rows: list[dict], handle: ModelBackend, config: EvalConfig | None = None,
             progress: Progress | None = None) -> EvalResult:
    """Generate a prediction for every row with `handle` (a `fc.backends.ModelBackend`: a local
    `fc.model.ModelHandle` or an endpoint's `fc.backends.OpenAIBackend`) and score them.

    `progress(done, total)` is called after each batch."""
    config = config or EvalConfig()
    started = time.perf_counter()
    outputs, declined = generate_replies(rows, handle, config, progress)
    seconds = time.perf_counter() - started
    predictions = [{**row, "prediction": prediction_of(raw, names), "raw_output": raw, "declined": names}
                   for row, raw, names in zip(rows, outputs, declined)]
    metrics, scores = score_predictions(predictions)
    for row, score in zip(predictions, scores):
        row["failure"], row["failure_reason"] = score.failure, score.reason or None
    metrics.update({
        "model": handle.label, "bfcl": any("bfcl_answer" in row for row in rows),
        "generation_seconds": round(seconds, 3),
        "examples_per_s": round(len(rows) / seconds, 3) if seconds > 0 else None,
        "declined_rows": sum(bool(names) for names in declined),
        "config": {"batch_size": config.batch_size, "decoys": config.decoys, **asdict(config.generation)},
    })
    return EvalResult(predictions, metrics, scores)


# -------------------------------------------------------------------------------------------- output
def _pct(value) -> str:
    return "–" if value is None else f"{100 * value:.1f}%"


def _num(value) -> str:
    return "–" if value is None else f"{value:.3f}"


def format_message(message: dict | None, limit: int = 400) -> str:
    """One message as one readable line: `role: text → tool({args})`, line breaks shown as ⏎."""
    if message is None:
        return "(none)"
    role = message.get("role", "assistant")
    if role == "tool":
        role = f"tool[{message.get('name', '')}]"
    parts = [(message.get("content") or "").strip()]
    parts += [f"→ {c['name']}({json.dumps(c['arguments'], ensure_ascii=False)})" for c in turn_calls(message)]
    text = re.sub(r"\s*\n\s*", " ⏎ ", " ".join(p for p in parts if p)) or "(empty)"
    return f"{role}: {text[:limit]}{'…' if len(text) > limit else ''}"


def expected_text(row: dict) -> str:
    """The expected turn (or, for BFCL, the acceptable calls) as text."""
    _, expected = split_row(row)
    if expected is not None:
        return format_message(expected)
    answer = row.get("bfcl_answer")
    if answer is None:
        return "any call (relevance)"
    return "no call" if not answer else "calls: " + json.dumps(answer, ensure_ascii=False)[:400]


def predicted_text(row: dict) -> str:
    p = row["prediction"]
    text = format_message({"role": "assistant", "content": p["content"],
                           "tool_calls": [{"function": c} for c in p["tool_calls"]]})
    declined = row.get("declined")
    return f"(declined {', '.join(declined)}) {text}" if declined else text


def metric_rows(metrics: dict) -> list[tuple[str, str, str]]:
    """(metric, value, support) for the summary table of the report and the Evaluate tab."""
    s = metrics["support"]
    return [
        ("rows correct (no failure)", _pct(metrics["accuracy"]), str(metrics["rows"])),
        ("tool+arguments accuracy (free text judged by overlap)", _pct(metrics["tool_call_accuracy"]),
         str(s["call_expected"])),
        ("tool+arguments accuracy, strict", _pct(metrics["tool_call_accuracy_strict"]), str(s["call_expected"])),
        ("call detection precision", _pct(metrics["call_precision"]), str(s["call_attempted"])),
        ("call detection recall", _pct(metrics["call_recall"]), str(s["call_expected"])),
        ("call detection F1", _pct(metrics["call_f1"]), str(metrics["rows"])),
        ("tool-name accuracy (given a call)", _pct(metrics["tool_name_accuracy"]),
         str(s["call_expected_and_attempted"])),
        ("argument exact match (given right tools)", _pct(metrics["argument_exact_match"]),
         str(s["right_tool_names"])),
        ("argument match, free text judged", _pct(metrics["argument_match"]), str(s["right_tool_names"])),
        ("free-text argument token F1", _num(metrics["free_text_overlap"]), str(s["free_text_arguments"])),
        ("valid-call rate", _pct(metrics["valid_call_rate"]), str(s["call_attempted"])),
        ("parallel-call accuracy", _pct(metrics["parallel_call_accuracy"]), str(s["parallel"])),
        ("ROUGE-L of text answers", _num(metrics["rouge_l"]), str(s["text_answers"])),
        ("examples/s", _num(metrics.get("examples_per_s")), str(metrics["rows"])),
    ]


def _table(header: list[str], rows: list) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    return lines + ["| " + " | ".join(str(c).replace("|", "\\|") for c in row) + " |" for row in rows]


def _example_failures(predictions: list[dict], limit: int) -> list[dict]:
    """Up to `limit` failures, taking kinds in turn so that every kind is shown."""
    by_kind = {kind: [r for r in predictions if r["failure"] == kind] for kind in FAILURE_KINDS}
    picked: list[dict] = []
    while len(picked) < limit and any(by_kind.values()):
        for rows in by_kind.values():
            if rows and len(picked) < limit:
                picked.append(rows.pop(0))
    return picked


def summary_markdown(metrics: dict) -> str:
    """Metric table, confusion matrix, failure counts and per-category accuracy as markdown."""
    m = metrics
    lines = _table(["metric", "value", "n"], metric_rows(m))
    (tn, fp), (fn, tp) = m["confusion_matrix"]["matrix"]
    lines += ["", "## Call detection (confusion matrix)", ""]
    lines += _table(["expected \\ predicted", "no call", "call"], [["no call", tn, fp], ["call", fn, tp]])
    lines += ["", "## Failures by kind", ""]
    lines += _table(["kind", "count"], [[k, v] for k, v in m["failures"].items()])
    if "per_category" in m:
        title = "BFCL accuracy per category (AST matching)" if m.get("bfcl") else "Per category"
        lines += ["", f"## {title}", ""]
        lines += _table(["category", "rows", "accuracy"] + list(FAILURE_KINDS),
                        [[name, c["rows"], _pct(c["accuracy"])] + [c["failures"].get(k, 0) for k in FAILURE_KINDS]
                         for name, c in m["per_category"].items()])
    return "\n".join(lines)


def report_markdown(result: EvalResult) -> str:
    """A readable report: summary, confusion matrix, failures by kind and category, examples."""
    m = result.metrics
    config = m.get("config", {})
    lines = ["# Evaluation report", "",
             f"Model: **{m.get('model', '?')}** · rows: {m['rows']} · "
             f"generation {m.get('generation_seconds', 0):.1f} s "
             f"({m.get('examples_per_s') or 0:.2f} rows/s, batch size {config.get('batch_size')}, "
             f"max new tokens {config.get('max_new_tokens')}, call threshold {config.get('call_threshold')}, "
             f"guided calls {'on' if config.get('guided_calls') else 'off'}, "
             f"decoys {'on' if config.get('decoys') else 'off'}: {m.get('declined_rows', 0)} replies declined)", "",
             "![confusion matrix](confusion_matrix.png)", "", "## Summary", "", summary_markdown(m)]
    examples = _example_failures(result.predictions, MAX_REPORT_EXAMPLES)
    if examples:
        lines += ["", f"## Example failures ({len(examples)} of {len(result.failures)})"]
    for i, row in enumerate(examples, 1):
        context, _ = split_row(row)
        lines += ["", f"### {i}. `{row['failure']}` · {row.get('category', '')} · {row.get('id', '')}", "",
                  f"{row['failure_reason'] or ''}", "", "````text"]  # 4 backticks: outputs may contain ```
        lines += [format_message(msg, 300) for msg in context[-4:]]
        lines += ["────────", f"expected  {expected_text(row)}", f"predicted {predicted_text(row)}",
                  "````"]
    return "\n".join(lines) + "\n"


def confusion_figure(metrics: dict):
    """The call/no-call confusion matrix as a matplotlib figure."""
    from matplotlib.figure import Figure  # no pyplot: no global state, no GUI backend

    matrix = metrics["confusion_matrix"]["matrix"]
    labels = ["no call", "call"]
    fig = Figure(figsize=(3.6, 3.2), dpi=100)
    ax = fig.add_subplot()
    ax.imshow(matrix, cmap="Blues", vmin=0)
    ax.set_xticks([0, 1], labels)
    ax.set_yticks([0, 1], labels)
    ax.set_xlabel("predicted")
    ax.set_ylabel("expected")
    peak = max(max(r) for r in matrix) or 1
    for i in range(2):
        for j in range(2):
            ax.text(j, i, str(matrix[i][j]), ha="center", va="center",
                    color="white" if matrix[i][j] > peak / 2 else "black", fontsize=14)
    ax.set_title(f"call detection · F1 {metrics['call_f1']:.2f}")
    fig.tight_layout()
    return fig


def write_results(result: EvalResult, out_dir: str | Path) -> Path:
    """predictions.jsonl, metrics.json, report.md and confusion_matrix.png in `out_dir`."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "predictions.jsonl", "w", encoding="utf-8") as f:
        for row in result.predictions:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    (out / "metrics.json").write_text(json.dumps(result.metrics, ensure_ascii=False, indent=2) + "\n",
                                      encoding="utf-8")
    (out / "report.md").write_text(report_markdown(result), encoding="utf-8")
    confusion_figure(result.metrics).savefig(out / "confusion_matrix.png")
    return out


# ------------------------------------------------------------------------------------------------ CLI
@dataclass
class EvalSource:
    """The command line's data and output (with `EvalOptions` and `GenerationSettings` it makes the CLI)."""

    out: str = _option(None, "Output folder (required).")
    data: str | None = _option(None, "JSONL in our format; the last message of each row is the expected turn.")
    bfcl: str | None = _option(None, "BFCL categories, comma-separated (e.g. simple_python,irrelevance).")
    limit: int | None = _option(None, "The first N rows (per category with --bfcl).")
    threads: int | None = _option(None, "CPU threads for torch (default: FC_THREADS or torch's choice).")


def parse_args(argv: list[str] | None = None) -> tuple[EvalSource, EvalConfig]:
    from fc.cli import ArgumentParser

    parser = ArgumentParser((EvalSource, EvalOptions, GenerationSettings), prog="python -m train.evaluate",
                              description=__doc__.split("\n")[0])
    source, options, generation = parser.parse_args_into_dataclasses(argv)
    if not source.out or (source.data is None) == (source.bfcl is None):
        parser.error("give --out and exactly one of --data / --bfcl")
    return source, EvalConfig(**asdict(options), generation=generation)


def main(argv: list[str] | None = None) -> int:
    args, config = parse_args(argv)
    try:
        rows = load_rows(args.data, args.bfcl, args.limit)
        if not rows:
            raise ValueError("no rows to evaluate")
        handle = load_model(config, args.threads)
    except (ValueError, OSError, RuntimeError) as e:  # DatasetError is a ValueError
        print(f"error: {e}", file=sys.stderr)
        return 2
    print(f"evaluating {handle.label} on {len(rows)} rows", file=sys.stderr)
    try:
        result = evaluate(rows, handle, config,
                          progress=lambda done, total: print(f"  {done}/{total} rows", file=sys.stderr))
    except BackendError as e:  # the endpoint failed mid-way
        print(f"error: {e}", file=sys.stderr)
        return 2
    out = write_results(result, args.out)
    m = result.metrics
    for name, value, n in metric_rows(m):
        print(f"{name:55} {value:>8}  (n={n})")
    if "per_category" in m:
        for name, c in m["per_category"].items():
            print(f"  {name:30} {c['rows']:5} rows  {_pct(c['accuracy']):>7}")
    print("failures: " + ", ".join(f"{k} {v}" for k, v in m["failures"].items()))
    print(f"wrote {out}/predictions.jsonl, metrics.json, report.md, confusion_matrix.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
