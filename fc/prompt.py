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


# The renderer as a Jinja prelude, for serving engines that apply the tokenizer's chat template themselves (vLLM,
# SGLang): it turns `messages` (OpenAI or transformers style: `tools`, assistant `tool_calls`, `tool` messages
# answering a call by `name` or `tool_call_id`) into the plain messages `to_template_messages` makes, then hands
# them to the model's own template. Tools are written as `normalize_schema` gives them (name, description,
# parameters; how the app and our data declare tools). Jinja cannot parse JSON, so a tool result that is a JSON
# object or array is written as it comes: the same as `format_tool_response` writes it when it comes from `dumps`
# (as the agent's results do; `json.dumps` with its default `ensure_ascii` escapes non-ASCII text instead); any
# other result is written as a JSON string.
_TEMPLATE_PRELUDE = """\
{%- set ns = namespace(out=[], system=DEFAULT_SYSTEM, rest=messages, after_tool=false, name='', text='') -%}
{%- if messages and messages[0]['role'] == 'system' -%}
{%- set ns.system = messages[0]['content'] or DEFAULT_SYSTEM -%}{%- set ns.rest = messages[1:] -%}
{%- endif -%}
{%- if tools -%}
{%- set ns.system = ns.system + '\\n' + TOOLS_INTRO + '\\n<tools>' -%}
{%- for tool in tools -%}
{%- set fn = tool['function'] if tool['function'] is defined else tool -%}
{%- set ns.system = ns.system + '\\n' + ({'name': fn['name'], 'description': fn['description'] or '',
    'parameters': fn['parameters'] or {'type': 'object', 'properties': {}}} | tojson) -%}
{%- endfor -%}
{%- set ns.system = ns.system + '\\n</tools>\\n' + TOOLS_RULES -%}
{%- endif -%}
{%- set ns.out = [{'role': 'system', 'content': ns.system}] -%}
{%- for m in ns.rest -%}
{%- if m['role'] == 'tool' -%}
{%- set ns.name = m['name'] if m['name'] is defined and m['name'] else '' -%}
{%- if not ns.name and m['tool_call_id'] is defined -%}
{%- for earlier in messages
    if earlier['role'] == 'assistant' and earlier['tool_calls'] is defined and earlier['tool_calls'] -%}
{%- for call in earlier['tool_calls'] if call['id'] is defined and call['id'] == m['tool_call_id'] -%}
{%- set ns.name = (call['function'] if call['function'] is defined else call)['name'] -%}
{%- endfor -%}
{%- endfor -%}
{%- endif -%}
{%- set content = m['content'] if m['content'] is defined else '' -%}
{%- if content is string and content[:1] in ['{', '['] -%}{%- set content = content -%}
{%- else -%}{%- set content = content | tojson -%}{%- endif -%}
{%- set block = '<tool_response>\\n{"name": ' + (ns.name | tojson) + ', "content": ' + content
    + '}\\n</tool_response>' -%}
{%- if ns.after_tool -%}
{%- set ns.out = ns.out[:-1] + [{'role': 'user', 'content': ns.out[-1]['content'] + '\\n' + block}] -%}
{%- else -%}
{%- set ns.out = ns.out + [{'role': 'user', 'content': block}] -%}
{%- endif -%}
{%- set ns.after_tool = true -%}
{%- else -%}
{%- set ns.text = m['content'] if m['content'] is defined and m['content'] else '' -%}
{%- if m['role'] == 'assistant' and m['tool_calls'] is defined and m['tool_calls'] -%}
{%- for call in m['tool_calls'] -%}
{%- set fn = call['function'] if call['function'] is defined else call -%}
{%- set arguments = fn['arguments'] if fn['arguments'] is defined else {} -%}
{%- set arguments = arguments if arguments is string else arguments | tojson -%}
{%- set ns.text = ns.text + ('\\n' if ns.text else '') + CALL_OPEN + '\\n{"name": ' + (fn['name'] | tojson)
    + ', "arguments": ' + arguments + '}\\n' + CALL_CLOSE -%}
{%- endfor -%}
{%- endif -%}
{%- set ns.out = ns.out + [{'role': m['role'], 'content': ns.text}] -%}
{%- set ns.after_tool = false -%}
{%- endif -%}
{%- endfor -%}
{%- set messages = ns.out -%}
{%- set tools = none -%}
"""


def chat_template_with_tools(template: str) -> str:
    """A chat template that renders conversations with tools exactly as `render` does with the tokenizer's own
    `template` (see `_TEMPLATE_PRELUDE`): what a serving engine needs to prompt our fine-tuned models."""
    constants = {"DEFAULT_SYSTEM": DEFAULT_SYSTEM, "TOOLS_INTRO": TOOLS_INTRO, "TOOLS_RULES": TOOLS_RULES,
                 "CALL_OPEN": CALL_OPEN, "CALL_CLOSE": CALL_CLOSE}
    prelude = _TEMPLATE_PRELUDE
    for name, value in constants.items():
        prelude = prelude.replace(name, json.dumps(value))
    return prelude + template
