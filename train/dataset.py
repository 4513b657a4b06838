"""Load, validate and save conversational tool-calling datasets (JSONL, one row per line).

A row is ``{"messages": [...], "tools": [...]?, ...}`` in the TRL/transformers format:
assistant calls are ``{"type": "function", "function": {"name": str, "arguments": dict}}``,
tool results are ``{"role": "tool", "name": str, "content": str}``. Any other field is kept as is.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable

from fc.files import atomic_file
from fc.tools import load_tool_schemas

ROLES = {"system", "user", "assistant", "tool"}


class DatasetError(ValueError):
    """Raised by `load_jsonl` with every bad line: ``problems`` is a list of (line number, reason)."""

    def __init__(self, path: str | Path, problems: list[tuple[int, str]]):
        self.path = str(path)
        self.problems = problems
        lines = "\n".join(f"  line {n}: {reason}" for n, reason in problems)
        super().__init__(f"{path}: {len(problems)} bad line(s)\n{lines}")


def row_tools(row: dict) -> list[dict]:
    """A row's tool schemas, for training and evaluation alike: its `tools` (an empty list is a chat without
    tools), or the built-in ones when it has none."""
    tools = row.get("tools")
    return load_tool_schemas() if tools is None else tools


def _tool_names(tools: object) -> set[str] | None:
    if not isinstance(tools, list):
        return None
    names = set()
    for tool in tools:
        fn = tool.get("function", tool) if isinstance(tool, dict) else None
        if not isinstance(fn, dict) or not isinstance(fn.get("name"), str):
            return None
        names.add(fn["name"])
    return names


def _call_problems(i: int, calls: object, known: set[str] | None) -> tuple[list[str], list[str]]:
    """Reasons why message `i`'s tool_calls are malformed, and the names of the calls."""
    if not isinstance(calls, list) or not calls:
        return [f"message {i}: tool_calls must be a non-empty list"], []
    reasons, names = [], []
    for j, call in enumerate(calls):
        fn = call.get("function") if isinstance(call, dict) else None
        if not isinstance(fn, dict) or not isinstance(fn.get("name"), str) or not fn["name"]:
            reasons.append(f"message {i}: tool_calls[{j}] needs function.name")
            continue
        names.append(fn["name"])
        if not isinstance(fn.get("arguments"), dict):
            reasons.append(f"message {i}: tool_calls[{j}] arguments must be a dict, "
                           f"got {type(fn.get('arguments')).__name__}")
        if known is not None and fn["name"] not in known:
            reasons.append(f"message {i}: tool_calls[{j}] calls {fn['name']!r}, not in the row's tools")
    return reasons, names


def validate_row(row: object) -> list[str]:
    """Every reason `row` is not a valid conversation (an empty list when it is valid)."""
    if not isinstance(row, dict):
        return ["row is not a JSON object"]
    messages = row.get("messages")
    if not isinstance(messages, list) or not messages:
        return ["missing or empty 'messages' list"]
    reasons: list[str] = []
    tools = row.get("tools", None)
    if tools is not None and _tool_names(tools) is None:
        reasons.append("'tools' must be a list of function schemas with names")
    known = _tool_names(tools) if tools is not None else _tool_names(load_tool_schemas())
    pending: list[str] = []  # calls of the latest assistant turn not yet answered by a tool message
    for i, msg in enumerate(messages):
        if not isinstance(msg, dict):
            reasons.append(f"message {i}: not an object")
            continue
        role = msg.get("role")
        if role not in ROLES:
            reasons.append(f"message {i}: unknown role {role!r}")
            continue
        content = msg.get("content")
        if content is not None and not isinstance(content, str):
            reasons.append(f"message {i}: content must be a string")
        if role == "system" and i != 0:
            reasons.append(f"message {i}: system message must come first")
        if role == "assistant":
            if "tool_calls" in msg:
                call_reasons, pending = _call_problems(i, msg["tool_calls"], known)
                reasons += call_reasons
            else:
                pending = []
                if not content:
                    reasons.append(f"message {i}: assistant message has neither content nor tool_calls")
        elif role == "tool":
            name = msg.get("name")
            if not pending:
                reasons.append(f"message {i}: tool message without a preceding call")
            elif name is not None and name not in pending:
                reasons.append(f"message {i}: tool result for {name!r}, which was not called")
            else:
                pending.remove(name if name is not None else pending[0])
            if not isinstance(content, str):
                reasons.append(f"message {i}: tool content must be a string")
        elif role == "user":
            pending = []
            if not isinstance(content, str) or not content.strip():
                reasons.append(f"message {i}: user message needs text content")
    if isinstance(messages[-1], dict) and messages[-1].get("role") != "assistant":
        reasons.append("last message is not from the assistant")
    return reasons


def load_jsonl(path: str | Path) -> list[dict]:
    """Rows of a JSONL file; raises `DatasetError` listing every bad line. Blank lines are skipped."""
    rows, problems = [], []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as e:
                problems.append((number, f"bad JSON: {e.msg} (column {e.colno})"))
                continue
            reasons = validate_row(row)
            if reasons:
                problems.append((number, "; ".join(reasons)))
            else:
                rows.append(row)
    if problems:
        raise DatasetError(path, problems)
    return rows


def save_jsonl(rows: Iterable[dict], path: str | Path) -> None:
    """Write rows as JSONL atomically (`fc.files.atomic_file`)."""
    with atomic_file(path) as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
