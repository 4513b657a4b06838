"""Convert other function-calling data formats into our JSONL rows.

One pure function per source format, each taking one record and returning one row
`{"messages", "tools", ...unused source fields}` or raising `ConversionError`:

- `from_call_style`: `{"input", "output": 'call("generate_image", {...})'}` or `messages` whose assistant
  turns hold such `call(...)` text (the image-intent detector data); other text is a plain answer.
- `from_instruction`: `{"instruction", "input"?, "function_call": {"name", "parameters"}}`, or a plain
  `output`/`response` answer.
- `from_sharegpt`: ShareGPT/Hermes `conversations` with `<tool_call>`/`<tool_response>` text and tools
  in the row's `tools` field or the system prompt's `<tools>` block.
- `from_xlam`: xLAM `{"query", "tools", "answers"}` (tools/answers possibly JSON strings).
- `from_bfcl`: one BFCL entry `{"id", "question", "function"}` (answers live in a separate file).
- `from_native`: rows already in our format (string arguments parsed, default tools added).

Rows without declared tools get the canonical built-ins of data/tools.json. `convert_file` detects the
format per record and reports line-numbered errors. CLI: `python -m train.data.importers IN OUT [--format F]`.
"""

import argparse
import ast
import json
import re
import sys
from pathlib import Path

from fc.parse import parse
from fc.tools import load_tool_schemas, normalize_schema
from train.bfcl import bfcl_record_to_row

TOOLS_BLOCK_RE = re.compile(r"<tools>(.*?)</tools>", re.S)
TOOL_RESPONSE_RE = re.compile(r"<tool_response>(.*?)</tool_response>", re.S)


class ConversionError(ValueError):
    """A record that cannot be converted; the message says why."""


def _literal(text: str):
    """JSON, else a Python literal (never eval)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        pass
    try:
        return ast.literal_eval(text.strip())
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        raise ConversionError(f"not JSON or a Python literal: {text.strip()[:80]!r}") from None


def _decoded(value):
    """Fields that some datasets store as JSON strings."""
    return _literal(value) if isinstance(value, str) else value


def _tool_call(name, arguments) -> dict:
    arguments = _decoded(arguments if arguments is not None else {})
    if not isinstance(name, str) or not name:
        raise ConversionError(f"tool call without a name: {name!r}")
    if not isinstance(arguments, dict):
        raise ConversionError(f"arguments of {name!r} are not an object")
    return {"type": "function", "function": {"name": name, "arguments": arguments}}


def _tools(tools) -> list[dict]:
    try:
        return [normalize_schema(t) for t in tools]
    except ValueError as e:
        raise ConversionError(str(e)) from None


def _assistant(text: str) -> dict:
    """Assistant text -> message, tool calls parsed out by the one parser (fc.parse)."""
    parsed = parse(text)
    if parsed.errors:
        raise ConversionError("; ".join(parsed.errors))
    message = {"role": "assistant", "content": parsed.content}
    if parsed.tool_calls:
        message["tool_calls"] = [_tool_call(c.name, c.arguments) for c in parsed.tool_calls]
    return message


def _row(record: dict, used: set, messages: list[dict], tools: list[dict] | None) -> dict:
    """Assemble a row: tools (default: the built-ins) and the source fields no importer used."""
    extra = {k: v for k, v in record.items() if k not in used | {"messages", "tools"}}
    return {"messages": messages, "tools": tools or load_tool_schemas(), **extra}


def _text(record: dict, *keys: str) -> str | None:
    for key in keys:
        if isinstance(record.get(key), str):
            return record[key]
    return None


def from_call_style(record: dict) -> dict:
    """`call("name", {...})` data: `{"input", "output"}` or `{"messages": [...]}`."""
    if "messages" in record:
        messages = [_assistant(m.get("content") or "") if m.get("role") == "assistant" else dict(m)
                    for m in record["messages"]]
        return _row(record, {"messages"}, messages, _tools(record["tools"]) if record.get("tools") else None)
    user, output = _text(record, "input", "prompt"), _text(record, "output", "response")
    if user is None or output is None:
        raise ConversionError("call-style record needs string `input` and `output`")
    return _row(record, {"input", "prompt", "output", "response"},
                [{"role": "user", "content": user}, _assistant(output)], None)


def from_instruction(record: dict) -> dict:
    """`{"instruction", "input"?, "function_call": {"name", "parameters"}}` or a plain answer."""
    instruction = _text(record, "instruction")
    if instruction is None:
        raise ConversionError("missing string `instruction`")
    if record.get("input"):
        instruction += "\n\n" + str(record["input"])
    if record.get("function_call"):
        call = _decoded(record["function_call"])
        if not isinstance(call, dict):
            raise ConversionError("`function_call` is not an object")
        reply = {"role": "assistant", "content": "",
                 "tool_calls": [_tool_call(call.get("name"), call.get("parameters", call.get("arguments")))]}
    else:
        answer = _text(record, "output", "response")
        if answer is None:
            raise ConversionError("neither `function_call` nor an `output`/`response` answer")
        reply = {"role": "assistant", "content": answer}
    return _row(record, {"instruction", "input", "function_call", "output", "response"},
                [{"role": "user", "content": instruction}, reply], None)


def _tools_block(text: str) -> list:
    """The `<tools>` body: a list, one object, or one object per line (JSON or Python literals)."""
    try:
        value = _literal(text)
    except ConversionError:
        value = [_literal(line) for line in text.splitlines() if line.strip()]
    return value if isinstance(value, list) else [value]


def _tool_messages(text: str, pending: list[str]) -> list[dict]:
    """A tool turn (one or more `<tool_response>` blocks) -> tool messages named after the calls."""
    messages = []
    for body in TOOL_RESPONSE_RE.findall(text) or [text]:
        try:
            value = _literal(body)
        except ConversionError:
            value = body.strip()
        name = pending.pop(0) if pending else None
        if isinstance(value, dict) and "name" in value and "content" in value:
            name, value = value["name"], value["content"]
        if not name:
            raise ConversionError("tool response without a name or a preceding tool call")
        content = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        messages.append({"role": "tool", "name": name, "content": content})
    return messages


SHAREGPT_ROLES = {"system": "system", "human": "user", "user": "user", "gpt": "assistant",
                  "assistant": "assistant", "tool": "tool", "observation": "tool",
                  "function_call": "function_call"}


def from_sharegpt(record: dict) -> dict:
    """ShareGPT/Hermes `conversations`. A system turn declaring `<tools>` is dropped: it only holds the
    function-calling boilerplate that our renderer writes itself."""
    tools = _decoded(record["tools"]) if record.get("tools") else None
    messages, pending = [], []
    for i, turn in enumerate(record.get("conversations") or []):
        source = turn.get("from", turn.get("role"))
        text = turn.get("value", turn.get("content"))
        role = SHAREGPT_ROLES.get(source)
        if role is None or not isinstance(text, str):
            raise ConversionError(f"turn {i}: unknown role {source!r} or non-text value")
        if role == "system" and TOOLS_BLOCK_RE.search(text):
            # Hermes prompts also mention an empty "<tools> </tools>" in their prose: skip blank blocks.
            blocks = [b for b in TOOLS_BLOCK_RE.findall(text) if b.strip()]
            tools = (tools or []) + [t for b in blocks for t in _tools_block(b)]
        elif role == "assistant":
            messages.append(_assistant(text))
            pending = [c["function"]["name"] for c in messages[-1].get("tool_calls", [])]
        elif role == "function_call":  # LLaMA-Factory style: the turn is the call object itself
            objects = _decoded(text)
            calls = [_tool_call(c.get("name"), c.get("arguments"))
                     for c in (objects if isinstance(objects, list) else [objects])]
            messages.append({"role": "assistant", "content": "", "tool_calls": calls})
            pending = [c["function"]["name"] for c in calls]
        elif role == "tool":
            messages.extend(_tool_messages(text, pending))
        else:
            messages.append({"role": role, "content": text})
    if not messages:
        raise ConversionError("empty `conversations`")
    return _row(record, {"conversations"}, messages, _tools(tools) if tools else None)


XLAM_SCALARS = {"str": "string", "string": "string", "int": "integer", "integer": "integer",
                "float": "number", "number": "number", "double": "number", "bool": "boolean",
                "boolean": "boolean", "list": "array", "tuple": "array", "set": "array",
                "sequence": "array", "dict": "object", "mapping": "object", "object": "object"}


def _split_top(text: str, sep: str = ",") -> list[str]:
    """Split on `sep` outside brackets."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        depth += (ch == "[") - (ch == "]")
        if ch == sep and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    return [p.strip() for p in parts + [text[start:]] if p.strip()]


def _python_type(text: str) -> dict:
    """`List[int]` -> `{"type": "array", "items": {"type": "integer"}}`; unknown -> `{}` (no constraint)."""
    text = text.strip()
    options = _split_top(text.replace(" or ", "|"), "|")
    m = re.fullmatch(r"([\w.]+)\s*\[(.*)\]", text)
    base, inner = (m[1].lower(), m[2]) if m else (text.lower(), "")
    if len(options) > 1 or base == "union":
        options = options if len(options) > 1 else _split_top(inner)
        schemas = [_python_type(o) for o in options if o.lower() not in ("none", "nonetype")]
        types = {s.get("type") for s in schemas}
        if len(schemas) == 1:
            return schemas[0]
        if types == {"integer", "number"}:
            return {"type": "number"}
        return {"type": types.pop()} if len(types) == 1 and None not in types else {}
    if base == "optional":
        return _python_type(inner)
    schema = {"type": XLAM_SCALARS[base]} if base in XLAM_SCALARS else {}
    if schema.get("type") == "array" and inner:
        items = _python_type(_split_top(inner)[0])
        if items:
            schema["items"] = items
    return schema


def xlam_type_to_schema(type_text: str) -> tuple[dict, bool]:
    """xLAM parameter type (`str`, `int, optional`, `List[Dict[str, Any]]`...) -> (JSON Schema, optional).

    Optional when the type says `optional`/`Optional[...]` or admits `None`."""
    optional = bool(re.search(r"\b(optional|none)\b", type_text, re.I))
    return _python_type(re.sub(r"\s*,\s*optional\s*$", "", type_text, flags=re.I)), optional


def xlam_tool(tool: dict) -> dict:
    """xLAM `{"name", "description", "parameters": {p: {"type", "description", "default"?}}}` -> OpenAI
    tool; a parameter is required unless its type says optional or it has a default."""
    params = tool.get("parameters") or {}
    if params.get("type") == "object":  # already JSON Schema
        return {"type": "function", "function": {**tool, "parameters": params}}
    properties, required = {}, []
    for name, spec in params.items():
        if not isinstance(spec, dict):
            raise ConversionError(f"tool {tool.get('name')!r}: parameter {name!r} is not an object")
        schema, optional = xlam_type_to_schema(str(spec.get("type", "")))
        if spec.get("description"):
            schema["description"] = spec["description"]
        if spec.get("default") not in (None, ""):
            schema["default"] = spec["default"]
        properties[name] = schema
        if not optional and "default" not in spec:
            required.append(name)
    return {"type": "function", "function": {
        "name": tool.get("name"), "description": tool.get("description", ""),
        "parameters": {"type": "object", "properties": properties, "required": required}}}


def from_xlam(record: dict) -> dict:
    """xLAM `{"query", "tools", "answers"}`; all answers become one assistant turn of parallel calls."""
    tools, answers = _decoded(record["tools"]), _decoded(record["answers"])
    if not (isinstance(tools, list) and isinstance(answers, list)
            and all(isinstance(a, dict) for a in answers)):
        raise ConversionError("`tools` and `answers` must be lists of objects")
    if not answers:
        raise ConversionError("no `answers`: nothing for the assistant to say")
    calls = [_tool_call(a.get("name"), a.get("arguments")) for a in answers]
    messages = [{"role": "user", "content": str(record["query"])},
                {"role": "assistant", "content": "", "tool_calls": calls}]
    return _row(record, {"query", "tools", "answers"}, messages, _tools([xlam_tool(t) for t in tools]))


def from_bfcl(record: dict) -> dict:
    """A BFCL entry -> row of its first question turn; a merged-in `ground_truth` becomes `bfcl_answer`."""
    try:
        row = bfcl_record_to_row(record, answer=record.get("ground_truth"))
    except (KeyError, IndexError, TypeError) as e:
        raise ConversionError(f"malformed BFCL entry: {type(e).__name__}: {e}") from None
    extra = {k: v for k, v in record.items() if k not in {"question", "function", "ground_truth"}}
    return {**extra, **row, "tools": _tools(row["tools"])}


def from_native(record: dict) -> dict:
    """Our own format; string arguments are decoded, missing tools default to the built-ins."""
    messages = []
    for m in record["messages"]:
        m = dict(m)
        if m.get("tool_calls"):
            functions = [c.get("function", c) for c in m["tool_calls"]]
            m["tool_calls"] = [_tool_call(f.get("name"), f.get("arguments")) for f in functions]
        messages.append(m)
    return _row(record, set(), messages, _tools(record["tools"]) if record.get("tools") else None)


IMPORTERS = {"call": from_call_style, "instruction": from_instruction, "sharegpt": from_sharegpt,
             "xlam": from_xlam, "bfcl": from_bfcl, "native": from_native}


def detect_format(record: dict) -> str | None:
    """The importer name for a record, or None when it is not recognised."""
    keys = record.keys()
    if "conversations" in keys:
        return "sharegpt"
    if {"query", "answers"} <= keys:
        return "xlam"
    if {"question", "function"} <= keys:
        return "bfcl"
    if "instruction" in keys or "function_call" in keys:
        return "instruction"
    if "output" in keys and ("input" in keys or "prompt" in keys):
        return "call"
    if isinstance(record.get("messages"), list):
        legacy = any(m.get("role") == "assistant" and str(m.get("content") or "").lstrip().startswith("call(")
                     for m in record["messages"] if isinstance(m, dict))
        return "call" if legacy else "native"
    return None


def convert_record(record, fmt: str | None = None) -> dict:
    """One source record -> one row checked by `train.dataset.validate_row` (BFCL rows, which end on
    the question, excepted); raises ConversionError, its message prefixed with the format."""
    from train.dataset import validate_row  # imported here: train.dataset may import this module

    if not isinstance(record, dict):
        raise ConversionError(f"expected a JSON object, got {type(record).__name__}")
    fmt = fmt or detect_format(record)
    if fmt is None:
        raise ConversionError(f"unrecognised record with keys {sorted(record)}")
    try:
        row = IMPORTERS[fmt](record)
        problems = [] if fmt == "bfcl" else validate_row(row)
        if problems:
            raise ConversionError("; ".join(problems))
        return row
    except ConversionError as e:
        raise ConversionError(f"{fmt}: {e}") from None
    except (KeyError, IndexError, TypeError, AttributeError) as e:
        raise ConversionError(f"{fmt}: malformed record ({type(e).__name__}: {e})") from None


def _records(text: str):
    """(label, record or JSON error) for a JSON array, a single JSON document, or JSON lines."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        if text.lstrip().startswith("[") and e.msg != "Extra data":  # a broken JSON array: one error
            yield f"line {e.lineno}", ConversionError(f"invalid JSON array: {e.msg} (column {e.colno})")
            return
        data = None
    if isinstance(data, list):
        yield from ((f"record {i}", r) for i, r in enumerate(data, 1))
        return
    if isinstance(data, dict):
        yield "line 1", data
        return
    for n, line in enumerate(text.splitlines(), 1):
        if line.strip():
            try:
                yield f"line {n}", json.loads(line)
            except json.JSONDecodeError as e:
                yield f"line {n}", ConversionError(f"invalid JSON: {e.msg} (column {e.colno})")


def convert_file(path, fmt: str | None = None) -> tuple[list[dict], list[str]]:
    """Convert a JSONL/JSON file; returns (rows, errors), each error `"line N: reason"`."""
    rows, errors = [], []
    for label, record in _records(Path(path).read_text(encoding="utf-8")):
        try:
            if isinstance(record, ConversionError):
                raise record
            rows.append(convert_record(record, fmt))
        except ConversionError as e:
            errors.append(f"{label}: {e}")
    return rows, errors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m train.data.importers", description=__doc__.splitlines()[0])
    parser.add_argument("input", help="source .jsonl/.json file")
    parser.add_argument("output", help="destination .jsonl in our row format")
    parser.add_argument("--format", choices=sorted(IMPORTERS), help="skip auto-detection")
    args = parser.parse_args(argv)
    rows, errors = convert_file(args.input, args.format)
    with open(args.output, "w", encoding="utf-8") as f:
        f.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    for error in errors:
        print(error, file=sys.stderr)
    print(f"{len(rows)} rows written to {args.output}, {len(errors)} records not converted", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
