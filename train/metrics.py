"""Scoring of function-calling predictions: pure functions from rows + predictions to metrics and failures.

A scored row is a dataset row whose last message is the expected assistant turn, plus `prediction`
(`{"content", "tool_calls": [{"name", "arguments"}]}`) and `raw_output` as written by `train.evaluate`.
BFCL rows (they carry `bfcl_answer`; every message is context) are judged by `train.bfcl.ast_match`.

Each failed row gets exactly one kind, first match wins:
  invalid_call     a call attempt that does not parse or does not fit the row's tool schemas
  missed_call      a call was expected, the model answered in text
  false_call       no call was expected, the model called
  wrong_tool       the called tool names (as a multiset, so also the number of calls) differ
  wrong_arguments  right tools, wrong arguments (free-text arguments judged by token overlap)
  invented_value   a final answer after tool results that states a number, time or UTC offset none of the
                   results holds ("Seoul: 21:45 (UTC+8)" after a result without an offset)
  bad_answer       a final answer after tool results that ignores them: it mentions none of the
                   tool-result values the expected answer uses or, when the expected answer quotes none
                   (error results, translated values), its ROUGE-L against the expected answer is below
                   ANSWER_MIN_ROUGE_L; echoed `<tool_response>` markup is ignored.
Other text answers (chit-chat, knowledge, clarifying questions) are not judged beyond "no call";
their ROUGE-L is reported for comparison with published numbers.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from train.dataset import row_tools

FAILURE_KINDS = ("invalid_call", "missed_call", "false_call", "wrong_tool", "wrong_arguments", "invented_value",
                 "bad_answer")
# String arguments with these names are free text: judged by token overlap, not exact match.
FREE_TEXT_PARAMS = frozenset({"prompt", "query", "body", "text", "description", "message"})
FREE_TEXT_MIN_F1 = 0.5
# Below 0.2 a reply shares less than a fifth of the reference's token sequence: for the one- or
# two-sentence final answers of our data that means it does not convey the tool result at all.
ANSWER_MIN_ROUGE_L = 0.2

_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f"
_TOKEN_RE = re.compile(rf"[{_CJK}]|[^\W{_CJK}]+")
_TOOL_RESPONSE_RE = re.compile(r"<tool_response>.*?(?:</tool_response>|$)", re.S)


# ----------------------------------------------------------------------------------------------- text
def tokenize(text: str) -> list[str]:
    """Lowercased tokens: one per Chinese/Japanese character, one per word in other scripts."""
    return _TOKEN_RE.findall(unicodedata.normalize("NFKC", text or "").casefold())


def _lcs_length(a: list[str], b: list[str]) -> int:
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0]
        for j, y in enumerate(b):
            current.append(previous[j] + 1 if x == y else max(previous[j + 1], current[j]))
        previous = current
    return previous[-1]


def _f_measure(overlap: float, n_prediction: int, n_reference: int) -> float:
    if not overlap:
        return 0.0
    precision, recall = overlap / n_prediction, overlap / n_reference
    return 2 * precision * recall / (precision + recall)


def rouge_l(prediction: str, reference: str) -> float:
    """ROUGE-L F1 (longest common token subsequence); 1.0 when both are empty."""
    p, r = tokenize(prediction), tokenize(reference)
    if not p or not r:
        return float(p == r)
    return _f_measure(_lcs_length(p, r), len(p), len(r))


def token_f1(prediction: str, reference: str) -> float:
    """Bag-of-tokens overlap F1 (SQuAD style); 1.0 when both are empty."""
    p, r = tokenize(prediction), tokenize(reference)
    if not p or not r:
        return float(p == r)
    return _f_measure(sum((Counter(p) & Counter(r)).values()), len(p), len(r))


# ------------------------------------------------------------------------------------------ arguments
def normalize(value):
    """Comparable form of an argument: strings casefolded, whitespace collapsed, trailing punctuation
    stripped; numbers as floats (booleans tagged, so that True != 1); lists and dicts recursively."""
    if isinstance(value, str):
        text = " ".join(unicodedata.normalize("NFKC", value).casefold().split())
        while text and unicodedata.category(text[-1]).startswith("P"):
            text = text[:-1].rstrip()
        return text
    if isinstance(value, bool):
        return ("bool", value)
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, (list, tuple)):
        return [normalize(v) for v in value]
    if isinstance(value, dict):
        return {k: normalize(v) for k, v in value.items()}
    return value


def is_free_text(name: str, value) -> bool:
    return name in FREE_TEXT_PARAMS and isinstance(value, str)


@dataclass
class ArgumentMatch:
    strict: bool  # every argument equal after normalisation
    judged: bool  # the same, but free-text arguments only need token F1 >= FREE_TEXT_MIN_F1
    free_text_f1: list[float] = field(default_factory=list)


def compare_arguments(predicted: dict, expected: dict) -> ArgumentMatch:
    """Compare two argument dicts (same keys required)."""
    if not isinstance(predicted, dict) or set(predicted) != set(expected):
        overlaps = [token_f1(str(predicted.get(k, "")), v) for k, v in expected.items()
                    if is_free_text(k, v) and isinstance(predicted, dict)]
        return ArgumentMatch(False, False, overlaps)
    strict = judged = True
    overlaps = []
    for key, want in expected.items():
        got = predicted[key]
        equal = normalize(got) == normalize(want)
        strict &= equal
        if is_free_text(key, want) and isinstance(got, str):
            overlaps.append(token_f1(got, want))
            judged &= overlaps[-1] >= FREE_TEXT_MIN_F1
        else:
            judged &= equal
    return ArgumentMatch(strict, judged, overlaps)


@dataclass
class CallsMatch:
    names_ok: bool  # same multiset of tool names
    strict: bool
    judged: bool
    free_text_f1: list[float] = field(default_factory=list)


def match_calls(predicted: list[dict], expected: list[dict]) -> CallsMatch:
    """Match `[{"name", "arguments"}]` lists order-independently (best one-to-one assignment)."""
    from scipy.optimize import linear_sum_assignment

    names_ok = Counter(c["name"] for c in predicted) == Counter(c["name"] for c in expected)
    if not predicted or not expected:
        return CallsMatch(names_ok, names_ok, names_ok)
    pairs = [[compare_arguments(p["arguments"], e["arguments"]) if p["name"] == e["name"] else None
              for e in expected] for p in predicted]
    gain = [[0 if m is None else 1 + 2 * m.judged + 4 * m.strict for m in row] for row in pairs]
    chosen = [pairs[i][j] for i, j in zip(*linear_sum_assignment(gain, maximize=True))]
    matched = [m for m in chosen if m is not None]
    complete = names_ok and len(matched) == len(expected)
    return CallsMatch(names_ok, complete and all(m.strict for m in matched),
                      complete and all(m.judged for m in matched),
                      [f for m in matched for f in m.free_text_f1])


# ----------------------------------------------------------------------------------------------- rows
def is_bfcl(row: dict) -> bool:
    return "bfcl_answer" in row


def split_row(row: dict) -> tuple[list[dict], dict | None]:
    """(context messages, expected assistant turn); BFCL rows have no expected turn in `messages`."""
    if is_bfcl(row):
        return row["messages"], None
    return row["messages"][:-1], row["messages"][-1]


def turn_calls(turn: dict | None) -> list[dict]:
    """The tool calls of an assistant message as `[{"name", "arguments"}]`."""
    calls = []
    for call in (turn or {}).get("tool_calls") or []:
        fn = call.get("function", call)
        args = fn.get("arguments", {})
        calls.append({"name": fn["name"], "arguments": json.loads(args) if isinstance(args, str) else args})
    return calls


@lru_cache(maxsize=256)
def _registry(tools_json: str):
    from fc.tools import ToolRegistry

    try:
        return ToolRegistry.from_schemas(json.loads(tools_json))
    except ValueError:  # a broken schema in the data: calls to it cannot be checked
        return None


def call_problems(calls: list[dict], tools: list[dict]) -> list[str]:
    """Schema problems of predicted calls against the tool list (empty when all are valid)."""
    from fc.tools import ToolCall

    registry = _registry(json.dumps(tools, sort_keys=True))
    if registry is None:
        return []
    problems = [registry.validate(ToolCall(c["name"], c["arguments"])) for c in calls]
    return [p for p in problems if p]


def parse_errors(row: dict) -> list[str]:
    """Errors of the parser on the row's raw output (none when there is no raw output)."""
    if row.get("raw_output") is None:
        return []
    from fc.parse import parse

    return parse(row["raw_output"]).errors


def _leaf_values(value) -> list:
    if isinstance(value, dict):
        return [v for item in value.values() for v in _leaf_values(item)]
    if isinstance(value, list):
        return [v for item in value for v in _leaf_values(item)]
    if isinstance(value, bool) or value is None:
        return []
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).split() if isinstance(value, str) else [str(value)]


def _contains(tokens: list[str], part: list[str]) -> bool:
    n = len(part)
    return any(tokens[i:i + n] == part for i in range(len(tokens) - n + 1))


def latest_results(context: list[dict]) -> list:
    """The results of the latest round of tool calls (parsed JSON, else the text)."""
    results = []
    for message in reversed(context):
        if message.get("role") != "tool":
            break
        try:
            results.append(json.loads(message.get("content") or ""))
        except json.JSONDecodeError:
            results.append(message.get("content") or "")
    return results[::-1]


_NUMBER_RE = re.compile(r"\d+(?:[:.,]\d+)*")
_OFFSET_RE = re.compile(r"(?:UTC|GMT)\s*[+-−]\s*\d{1,2}(?::?\d\d)?")


def invented_values(answer: str, results: list) -> list[str]:
    """The numbers, times and UTC offsets in `answer` that none of `results` holds. Whole string values of the
    results (image paths, dates) are taken out of the answer first, and the count of results is held too
    ("both 2 images")."""
    text = _TOOL_RESPONSE_RE.sub(" ", answer)
    strings = sorted((str(v) for v in _leaf_values(results) if isinstance(v, str)), key=len, reverse=True)
    for value in strings:
        if value:
            text = text.replace(value, " ")
    dumped = json.dumps(results, ensure_ascii=False)
    held = set(_NUMBER_RE.findall(dumped)) | {part for n in _NUMBER_RE.findall(dumped) for part in re.split(r"[:.,]", n)}
    held |= {str(len(results))}
    invented = [m for m in _OFFSET_RE.findall(text) if "utc_offset" not in dumped]
    text = _OFFSET_RE.sub(" ", text) if invented else text
    invented += [n for n in _NUMBER_RE.findall(text) if n not in held and n.lstrip("0") not in held]
    return invented


def key_values(context: list[dict], answer: str) -> list[list[str]]:
    """Token sequences of the latest tool results' values (words, numbers, times) that `answer` uses."""
    results = latest_results(context)
    answer_tokens = tokenize(answer)
    found = []
    for value in _leaf_values(results):
        tokens = tokenize(value)
        if tokens and _contains(answer_tokens, tokens) and tokens not in found:
            found.append(tokens)
    return found


def answer_problem(context: list[dict], expected: str, predicted: str) -> str | None:
    """Why a final answer (after tool results) does not convey them, or None. Tool results the model
    merely echoes back as `<tool_response>` markup do not count as an answer."""
    predicted = _TOOL_RESPONSE_RE.sub(" ", predicted)
    keys = key_values(context, expected)
    if keys:
        tokens = tokenize(predicted)
        if any(_contains(tokens, k) for k in keys):
            return None
        return "mentions none of the tool-result values " + ", ".join(" ".join(k) for k in keys[:5])
    score = rouge_l(predicted, expected)
    return None if score >= ANSWER_MIN_ROUGE_L else f"ROUGE-L {score:.2f} < {ANSWER_MIN_ROUGE_L}"


@dataclass
class RowScore:
    """What one prediction got right and wrong; `failure` is None for a correct row."""

    expected_call: bool
    attempted_call: bool  # predicted calls or an unparsable call attempt
    valid: bool | None  # the attempt parses and fits the schemas (None: no attempt)
    names_ok: bool | None  # None unless a call was both expected and predicted
    strict_ok: bool | None  # tools + arguments exactly right (None unless a call was expected)
    judged_ok: bool | None  # the same with free text judged by overlap
    free_text_f1: list[float] = field(default_factory=list)
    rouge_l: float | None = None  # for expected text answers
    parallel: bool = False  # more than one call expected
    invented: bool | None = None  # a text answer after tool results stating a value none of them holds
    failure: str | None = None
    reason: str = ""


def _failure(score: RowScore, problems: list[str], wrong_args: str) -> tuple[str | None, str]:
    if score.attempted_call and not score.valid:
        return "invalid_call", "; ".join(problems)
    if score.expected_call and not score.attempted_call:
        return "missed_call", "answered in text, a call was expected"
    if not score.expected_call and score.attempted_call:
        return "false_call", "called a tool, no call was expected"
    if score.expected_call and not score.names_ok:
        return "wrong_tool", "called tools differ from the expected ones"
    if score.expected_call and not score.judged_ok:
        return "wrong_arguments", wrong_args
    return None, ""


def score_row(row: dict) -> RowScore:
    """Score one row carrying `prediction` (and, for parse errors, `raw_output`)."""
    context, expected = split_row(row)
    predicted = row["prediction"]
    calls = predicted.get("tool_calls") or []
    problems = parse_errors(row) + call_problems(calls, row_tools(row))
    attempted = bool(calls or problems)
    if is_bfcl(row):
        return _score_bfcl(row, calls, problems, attempted)
    wanted = turn_calls(expected)
    score = RowScore(expected_call=bool(wanted), attempted_call=attempted,
                     valid=not problems if attempted else None, names_ok=None,
                     strict_ok=False if wanted else None, judged_ok=False if wanted else None,
                     parallel=len(wanted) > 1)
    if wanted and calls:
        match = match_calls(calls, wanted)
        score.names_ok, score.free_text_f1 = match.names_ok, match.free_text_f1
        score.strict_ok = match.strict and score.valid
        score.judged_ok = match.judged and score.valid
    if not wanted and (expected.get("content") or "").strip():
        score.rouge_l = rouge_l(predicted.get("content") or "", expected["content"])
    score.failure, score.reason = _failure(score, problems, "arguments differ from the expected ones")
    if not wanted and context and context[-1].get("role") == "tool" and not attempted:
        invented = invented_values(predicted.get("content") or "", latest_results(context))
        score.invented = bool(invented)
        if score.failure is None and invented:
            score.failure, score.reason = "invented_value", "states what no tool result says: " + ", ".join(invented)
    if score.failure is None and not wanted and context and context[-1].get("role") == "tool":
        reason = answer_problem(context, expected.get("content") or "", predicted.get("content") or "")
        if reason:
            score.failure, score.reason = "bad_answer", reason
    return score


def _score_bfcl(row: dict, calls: list[dict], problems: list[str], attempted: bool) -> RowScore:
    from train.bfcl import ast_match

    answer = row["bfcl_answer"]
    ok, why = ast_match(calls, row)
    expected = answer is None or bool(answer)  # None: live_relevance, any call is right
    score = RowScore(expected_call=expected, attempted_call=attempted,
                     valid=not problems if attempted else None, names_ok=None,
                     strict_ok=ok if expected else None, judged_ok=ok if expected else None,
                     parallel=bool(answer) and len(answer) > 1)
    if expected and calls:
        score.names_ok = answer is None or (
            Counter(c["name"] for c in calls) == Counter(name for a in answer for name in a))
    if not ok:
        score.failure, score.reason = _failure(score, problems, why)
        if score.failure is None:  # ast_match is the judge: a valid call it rejects has wrong arguments
            score.failure, score.reason = "wrong_arguments", why
    return score


# ------------------------------------------------------------------------------------------- summary
def _rate(flags: list) -> float | None:
    flags = [f for f in flags if f is not None]
    return sum(map(bool, flags)) / len(flags) if flags else None


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def summarize(rows: list[dict], scores: list[RowScore]) -> dict:
    """Aggregate metrics; rates are None when nothing was there to count (`support` gives each n).

    accuracy: rows without failure · call_precision/recall/f1: call attempt vs call expected ·
    tool_name_accuracy: right tool names among rows expecting and making a call · argument_exact_match /
    argument_match: strict / free-text-judged arguments among those with the right names ·
    tool_call_accuracy (headline) / _strict: everything right among rows expecting a call ·
    valid_call_rate: parsable and schema-valid among call attempts · parallel_call_accuracy: rows
    expecting several calls · rouge_l: mean over expected text answers · free_text_overlap: mean token F1.
    """
    from sklearn.metrics import confusion_matrix, precision_recall_fscore_support

    n = len(scores)
    truth = [s.expected_call for s in scores]
    guess = [s.attempted_call for s in scores]
    if n:
        precision, recall, f1, _ = precision_recall_fscore_support(
            truth, guess, average="binary", pos_label=True, zero_division=0)
        matrix = confusion_matrix(truth, guess, labels=[False, True]).tolist()
    else:
        precision = recall = f1 = 0.0
        matrix = [[0, 0], [0, 0]]
    both = [s for s in scores if s.expected_call and s.attempted_call]
    named = [s for s in both if s.names_ok]
    expected = [s for s in scores if s.expected_call]
    attempts = [s for s in scores if s.attempted_call]
    parallel = [s for s in scores if s.parallel]
    texts = [s.rouge_l for s in scores if s.rouge_l is not None]
    overlaps = [f for s in named for f in s.free_text_f1]
    failures = Counter(s.failure for s in scores if s.failure)
    metrics = {
        "rows": n,
        "accuracy": _rate([s.failure is None for s in scores]),
        "call_precision": float(precision),
        "call_recall": float(recall),
        "call_f1": float(f1),
        "call_detection_accuracy": _rate([t == g for t, g in zip(truth, guess)]),
        "confusion_matrix": {"labels": ["no_call", "call"], "rows": "expected", "columns": "predicted",
                             "matrix": matrix},
        "tool_name_accuracy": _rate([s.names_ok for s in both]),
        "argument_exact_match": _rate([s.strict_ok for s in named]),
        "argument_match": _rate([s.judged_ok for s in named]),
        "free_text_overlap": _mean(overlaps),
        "tool_call_accuracy": _rate([s.judged_ok for s in expected]),
        "tool_call_accuracy_strict": _rate([s.strict_ok for s in expected]),
        "valid_call_rate": _rate([s.valid for s in attempts]),
        "parallel_call_accuracy": _rate([s.judged_ok for s in parallel]),
        "rouge_l": _mean(texts),
        "invented_value_rate": _rate([s.invented for s in scores]),
        "failures": {kind: failures.get(kind, 0) for kind in FAILURE_KINDS},
        "support": {"call_expected": len(expected), "call_attempted": len(attempts),
                    "call_expected_and_attempted": len(both), "right_tool_names": len(named),
                    "free_text_arguments": len(overlaps), "parallel": len(parallel), "text_answers": len(texts),
                    "answers_after_results": sum(s.invented is not None for s in scores)},
    }
    categories = [row.get("category") for row in rows]
    if any(categories):
        per: dict = defaultdict(lambda: {"rows": 0, "correct": 0, "failures": Counter()})
        for category, score in zip(categories, scores):
            entry = per[category or "(none)"]
            entry["rows"] += 1
            entry["correct"] += score.failure is None
            if score.failure:
                entry["failures"][score.failure] += 1
        metrics["per_category"] = {
            name: {"rows": e["rows"], "accuracy": e["correct"] / e["rows"], "failures": dict(e["failures"])}
            for name, e in sorted(per.items())}
    return metrics


def score_predictions(rows: list[dict]) -> tuple[dict, list[RowScore]]:
    """Metrics and per-row scores for rows carrying `prediction` and `raw_output`."""
    scores = [score_row(row) for row in rows]
    return summarize(rows, scores), scores
