"""The one parser: model text -> content + tool calls (+ errors), never raising.

Accepts, in order: our `<tool_call>{json}</tool_call>` blocks (the renderer's exact inverse), fenced
```json blocks, bare JSON objects with `name` and `arguments`/`parameters`, Python-dict reprs (via
`ast.literal_eval`, never `eval`) and the older `call("name", {...})` form.
"""
from __future__ import annotations

import ast
import json
import re
from dataclasses import dataclass, field
from typing import Any

from fc.tools import ToolCall

TOOL_CALL_RE = re.compile(r"<tool_call>(.*?)(?:</tool_call>|$)", re.S)
FENCE_RE = re.compile(r"```(?:json|tool_call|python)?\s*\n?(.*?)```", re.S)
LEGACY_CALL_RE = re.compile(r"\bcall\(\s*")


@dataclass
class Parsed:
    content: str
    tool_calls: list[ToolCall] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def _load_object(text: str) -> Any:
    """JSON first, then a Python literal; raises ValueError."""
    text = text.strip()
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        pass
    try:
        return ast.literal_eval(text)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        raise ValueError(f"not JSON or a Python literal: {text[:80]!r}") from None


def _to_calls(obj: Any) -> list[ToolCall]:
    """Objects shaped like calls -> ToolCalls; raises ValueError for call-like objects that are broken."""
    items = obj if isinstance(obj, list) else [obj]
    calls = []
    for item in items:
        if not isinstance(item, dict):
            raise ValueError(f"a tool call must be an object, got {type(item).__name__}")
        if isinstance(item.get("function"), dict):  # OpenAI {"type": "function", "function": {...}}
            item = item["function"]
        name = item.get("name")
        args = item.get("arguments", item.get("parameters", {}))
        if isinstance(args, str):
            args = _load_object(args) if args.strip() else {}
        if not isinstance(name, str) or not name:
            raise ValueError("tool call without a name")
        if not isinstance(args, dict):
            raise ValueError(f"arguments of {name} must be an object")
        calls.append(ToolCall(name, args))
    return calls


def _is_call_like(obj: Any) -> bool:
    items = obj if isinstance(obj, list) else [obj]
    return bool(items) and all(
        isinstance(i, dict) and ("name" in i or "function" in i) and
        ({"arguments", "parameters", "function"} & i.keys()) for i in items
    )


def _balanced_end(text: str, start: int) -> int | None:
    """Index just past the bracket that closes text[start], respecting quoted strings."""
    pairs = {"{": "}", "[": "]", "(": ")"}
    stack, quote, i = [], None, start
    while i < len(text):
        ch = text[i]
        if quote:
            if ch == "\\":
                i += 1
            elif ch == quote:
                quote = None
        elif ch in "\"'":
            quote = ch
        elif ch in pairs:
            stack.append(pairs[ch])
        elif ch in ")]}":
            if not stack or stack.pop() != ch:
                return None
            if not stack:
                return i + 1
        i += 1
    return None


def _legacy_call(text: str) -> ToolCall:
    node = ast.parse("call" + text, mode="eval").body
    if not isinstance(node, ast.Call) or not node.args:
        raise ValueError("call(...) needs a tool name")
    name = ast.literal_eval(node.args[0])
    args = ast.literal_eval(node.args[1]) if len(node.args) > 1 else {}
    args.update({kw.arg: ast.literal_eval(kw.value) for kw in node.keywords if kw.arg})
    return _to_calls({"name": name, "arguments": args})[0]


def parse(text: str) -> Parsed:
    """Split model output into plain content and tool calls; problems go to `errors`."""
    if not isinstance(text, str):
        return Parsed("", [], [f"expected text, got {type(text).__name__}"])
    calls: list[ToolCall] = []
    errors: list[str] = []
    spans: list[tuple[int, int]] = []

    def take(start: int, end: int, body: str, strict: bool) -> None:
        try:
            obj = _load_object(body)
            if strict or _is_call_like(obj):
                calls.extend(_to_calls(obj))
                spans.append((start, end))
        except (ValueError, RecursionError) as e:
            if strict:
                errors.append(f"unparsable tool call: {e}")
                spans.append((start, end))

    for m in TOOL_CALL_RE.finditer(text):
        take(m.start(), m.end(), m.group(1), strict=True)
    if not spans:
        for m in FENCE_RE.finditer(text):
            take(m.start(), m.end(), m.group(1), strict=False)
    if not spans:
        for m in LEGACY_CALL_RE.finditer(text):
            end = _balanced_end(text, m.end() - 1)
            if end is None:
                continue
            try:
                calls.append(_legacy_call(text[m.end() - 1:end]))
                spans.append((m.start(), end))
            except (ValueError, SyntaxError, TypeError, AttributeError, MemoryError, RecursionError) as e:
                errors.append(f"unparsable call(...): {e}")
                spans.append((m.start(), end))
    if not spans:
        i = 0
        while (i := _next_open(text, i)) is not None:
            end = _balanced_end(text, i)
            if end is None:
                i += 1
                continue
            before = len(spans)
            take(i, end, text[i:end], strict=False)
            i = end if len(spans) > before else i + 1
    content = text
    for start, end in sorted(spans, reverse=True):
        content = content[:start] + content[end:]
    return Parsed(content.strip(), calls, errors)


def _next_open(text: str, start: int) -> int | None:
    positions = [p for p in (text.find("{", start), text.find("[", start)) if p != -1]
    return min(positions) if positions else None
