"""The one prompt renderer: (messages, tools) -> text, Hermes style, used by chat, training and evaluation.

Tools are declared in the system turn inside `<tools>`; assistant calls are `<tool_call>{json}</tool_call>`;
tool results become a user turn of `<tool_response>` blocks (portable to chat templates that know no
`tool` role). Role markup comes from the tokenizer's own chat template.
"""
from __future__ import annotations

import json
from typing import Any

DEFAULT_SYSTEM = "You are a helpful assistant."
TOOLS_INTRO = "You may call these functions:"
TOOLS_RULES = (
    'To call one, reply with <tool_call>{"name": ..., "arguments": {...}}</tool_call> (one block per call). '
    "If no call is needed, just answer."
)


def dumps(value: Any) -> str:
    """Compact, readable JSON (non-ASCII kept as is: fewer tokens for Chinese)."""
    return json.dumps(value, ensure_ascii=False)


def tools_block(tools: list[dict]) -> str:
    lines = [dumps(t.get("function", t)) for t in tools]
    return f"{TOOLS_INTRO}\n<tools>\n" + "\n".join(lines) + f"\n</tools>\n{TOOLS_RULES}"


CALL_OPEN, CALL_CLOSE = "<tool_call>", "</tool_call>"  # around each call's JSON


def partial_marker(text: str, marker: str) -> int:
    """How many characters at the end of `text` could be the start of `marker` (half written so far)."""
    return next((k for k in range(len(marker) - 1, 0, -1) if text.endswith(marker[:k])), 0)


def format_tool_call(name: str, arguments: dict) -> str:
    return f"{CALL_OPEN}\n" + dumps({"name": name, "arguments": arguments}) + f"\n{CALL_CLOSE}"


def format_tool_response(message: dict) -> str:
    content = message.get("content", "")
    try:
        content = json.loads(content) if isinstance(content, str) else content
    except json.JSONDecodeError:
        pass
    return "<tool_response>\n" + dumps({"name": message.get("name", ""), "content": content}) + "\n</tool_response>"


def _call_parts(call: dict) -> tuple[str, dict]:
    fn = call.get("function", call)
    args = fn.get("arguments", {})
    if isinstance(args, str):
        try:
            args = json.loads(args)
        except json.JSONDecodeError:
            pass
    return fn["name"], args


def to_template_messages(messages: list[dict], tools: list[dict] | None, system: str | None = None) -> list[dict]:
    """Turn our structured messages into plain role/content messages any chat template accepts."""
    out: list[dict] = []
    rest = messages
    if messages and messages[0]["role"] == "system":
        system, rest = messages[0]["content"], messages[1:]
    system = system or DEFAULT_SYSTEM
    if tools:
        system = f"{system}\n{tools_block(tools)}"
    out.append({"role": "system", "content": system})
    for m in rest:
        role = m["role"]
        if role == "tool":
            block = format_tool_response(m)
            if out[-1].get("_tool"):
                out[-1]["content"] += "\n" + block
            else:
                out.append({"role": "user", "content": block, "_tool": True})
        elif role == "assistant":
            parts = [m.get("content") or ""] + [format_tool_call(*_call_parts(c)) for c in m.get("tool_calls") or []]
            out.append({"role": "assistant", "content": "\n".join(p for p in parts if p)})
        else:
            out.append({"role": role, "content": m.get("content") or ""})
    return [{k: v for k, v in m.items() if k != "_tool"} for m in out]


def render(tokenizer, messages: list[dict], tools: list[dict] | None = None, *,
           add_generation_prompt: bool = False, system: str | None = None) -> str:
    """Render a conversation to the exact text the model sees (and is trained on)."""
    return tokenizer.apply_chat_template(
        to_template_messages(messages, tools, system),
        tokenize=False,
        add_generation_prompt=add_generation_prompt,
    )
