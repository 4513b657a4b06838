"""Corrections: assistant turns fixed by a person (from evaluation failures or flagged chat turns),
appended as dataset rows to corrections/corrections.jsonl, which the Train tab can include."""
from __future__ import annotations

import json
import threading
from datetime import datetime, timezone
from pathlib import Path

from fc import ROOT

CORRECTIONS_FILE = ROOT / "corrections" / "corrections.jsonl"
_append_lock = threading.Lock()


def parse_turn(text: str) -> dict:
    """An edited assistant turn (JSON text) -> a message in our format; ValueError with the reason.

    Accepts `{"role": "assistant", "content", "tool_calls": [...]}` with calls either as
    `{"type": "function", "function": {"name", "arguments"}}` or as `{"name", "arguments"}`."""
    try:
        turn = json.loads(text)
    except json.JSONDecodeError as e:
        raise ValueError(f"not valid JSON: {e}") from None
    if not isinstance(turn, dict):
        raise ValueError("the turn must be a JSON object")
    if turn.get("role", "assistant") != "assistant":
        raise ValueError(f"the turn must be an assistant message, not {turn.get('role')!r}")
    unknown = set(turn) - {"role", "content", "tool_calls"}
    if unknown:
        raise ValueError(f"unexpected field(s) {', '.join(sorted(unknown))}: use role, content, tool_calls")
    content = turn.get("content") or ""
    if not isinstance(content, str):
        raise ValueError("content must be a string")
    message = {"role": "assistant", "content": content}
    calls = turn.get("tool_calls")
    calls = [] if calls is None else calls
    if not isinstance(calls, list):
        raise ValueError("tool_calls must be a list")
    if calls:
        message["tool_calls"] = [_message_call(call, i) for i, call in enumerate(calls)]
    return message


def _message_call(call, i: int) -> dict:
    fn = call.get("function", call) if isinstance(call, dict) else None
    if not isinstance(fn, dict) or not isinstance(fn.get("name"), str) or not fn["name"].strip():
        raise ValueError(f"tool_calls[{i}] needs a name")
    args = fn.get("arguments", {})
    if isinstance(args, str):
        try:
            args = json.loads(args) if args.strip() else {}
        except json.JSONDecodeError as e:
            raise ValueError(f"tool_calls[{i}] arguments are not valid JSON: {e}") from None
    if not isinstance(args, dict):
        raise ValueError(f"tool_calls[{i}] arguments must be an object")
    return {"type": "function", "function": {"name": fn["name"], "arguments": args}}


def turn_of_prediction(prediction: dict) -> dict:
    """A predictions.jsonl `prediction` ({"content", "tool_calls": [{"name", "arguments"}]}) as a message."""
    message = {"role": "assistant", "content": prediction.get("content") or ""}
    if prediction.get("tool_calls"):
        message["tool_calls"] = [_message_call(c, i) for i, c in enumerate(prediction["tool_calls"])]
    return message


def correction_row(context: list[dict], turn: dict, tools: list[dict] | None, **extras) -> dict:
    """A dataset row ending with the corrected turn; ValueError listing every problem (row format and
    the calls' fit to the tool schemas)."""
    from fc.tools import ToolCall, ToolRegistry, load_tool_schemas
    from train.dataset import validate_row

    row = {**extras, "messages": [*context, turn]}
    if tools:
        row["tools"] = tools
    problems = validate_row(row)
    if not problems:
        registry = ToolRegistry.from_schemas(tools or load_tool_schemas())
        problems = [p for c in turn.get("tool_calls") or []
                    if (p := registry.validate(ToolCall(c["function"]["name"], c["function"]["arguments"])))]
    if problems:
        raise ValueError("; ".join(problems))
    return row


def append_correction(row: dict, path: str | Path | None = None) -> dict:
    """Validate `row` and append it (with `corrected_at` when missing) to the corrections file."""
    from train.dataset import validate_row

    problems = validate_row(row)
    if problems:
        raise ValueError("; ".join(problems))
    row = {**row, "corrected_at": row.get("corrected_at") or datetime.now(timezone.utc).isoformat(timespec="seconds")}
    path = Path(path or CORRECTIONS_FILE)
    line = json.dumps(row, ensure_ascii=False) + "\n"
    with _append_lock:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "a", encoding="utf-8") as f:
            f.write(line)
    return row


def load_corrections(path: str | Path | None = None) -> list[dict]:
    """All corrections so far (an empty list when there are none); `DatasetError` on bad lines."""
    from train.dataset import load_jsonl

    path = Path(path or CORRECTIONS_FILE)
    return load_jsonl(path) if path.exists() else []
