"""The tool registry: OpenAI-format schemas, their Python callables, validation and execution."""
from __future__ import annotations

import concurrent.futures
import copy
import functools
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

import jsonschema

from fc import DATA_DIR

BUILTIN_TOOLS_FILE = DATA_DIR / "tools.json"
_executor = concurrent.futures.ThreadPoolExecutor(max_workers=4, thread_name_prefix="tool")


@dataclass
class ToolCall:
    """One call the model asked for."""

    name: str
    arguments: dict[str, Any] = field(default_factory=dict)

    def as_message_call(self) -> dict:
        """The call in the dataset/transformers message format."""
        return {"type": "function", "function": {"name": self.name, "arguments": self.arguments}}


@dataclass
class Tool:
    """A tool schema (OpenAI function format) and, optionally, the callable behind it."""

    schema: dict
    fn: Callable[..., Any] | None = None

    @property
    def name(self) -> str:
        return self.schema["function"]["name"]

    @classmethod
    def from_function(cls, fn: Callable[..., Any]) -> "Tool":
        """Derive the schema from type hints and a Google-style docstring (return type dropped)."""
        from transformers.utils import get_json_schema  # transformers is slow to import; few callers need it

        schema = get_json_schema(fn)
        schema["function"].pop("return", None)
        return cls(schema, fn)


def normalize_schema(schema: dict) -> dict:
    """Accept `{"type": "function", "function": {...}}` or a bare `{"name", "parameters"}`; check it."""
    if not isinstance(schema, dict):
        raise ValueError(f"a tool must be a JSON object, got {type(schema).__name__}")
    fn = schema.get("function", schema)
    if not isinstance(fn, dict) or not isinstance(fn.get("name"), str) or not fn["name"].strip():
        raise ValueError(f"tool has no name: {json.dumps(schema)[:120]}")
    params = fn.get("parameters", {"type": "object", "properties": {}})
    if not isinstance(params, dict) or params.get("type", "object") != "object":
        raise ValueError(f"tool {fn['name']!r}: parameters must be a JSON Schema object")
    try:
        jsonschema.Draft202012Validator.check_schema(params)
    except jsonschema.SchemaError as e:
        raise ValueError(f"tool {fn['name']!r}: invalid parameters schema: {e.message}") from None
    return {
        "type": "function",
        "function": {"name": fn["name"], "description": fn.get("description", ""), "parameters": params},
    }


class ToolRegistry:
    """Named tools in declaration order; validates and executes calls without ever raising."""

    def __init__(self, tools: Iterable[Tool] = ()):
        self._tools: dict[str, Tool] = {}
        for tool in tools:
            self.add(tool)

    def add(self, tool: Tool) -> Tool:
        tool.schema = normalize_schema(tool.schema)
        self._tools[tool.name] = tool
        return tool

    def register(self, fn: Callable[..., Any]) -> Callable[..., Any]:
        """Decorator: add a Python function as a tool, schema derived from its signature."""
        self.add(Tool.from_function(fn))
        return fn

    @classmethod
    def from_schemas(cls, schemas: Iterable[dict], implementations: dict[str, Callable] | None = None):
        impl = implementations or {}
        tools = [normalize_schema(s) for s in schemas]
        return cls(Tool(s, impl.get(s["function"]["name"])) for s in tools)

    @classmethod
    def from_json(cls, text: str, implementations: dict[str, Callable] | None = None) -> "ToolRegistry":
        """Parse a JSON list of tool schemas (as typed in the UI); raises ValueError with a clear reason.

        A built-in tool may be given by its name alone (`"get_weather"` or `{"name": "get_weather"}`): it
        stands for the built-in schema, not for a tool without parameters."""
        try:
            data = json.loads(text)
        except json.JSONDecodeError as e:
            raise ValueError(f"tools JSON is not valid JSON: {e}") from None
        if isinstance(data, (dict, str)):
            data = [data]
        if not isinstance(data, list):
            raise ValueError("tools JSON must be a list of tool schemas")
        return cls.from_schemas([_builtin_by_name(item) for item in data], implementations)

    @property
    def names(self) -> list[str]:
        return list(self._tools)

    @property
    def schemas(self) -> list[dict]:
        return [t.schema for t in self._tools.values()]

    def __contains__(self, name: str) -> bool:
        return name in self._tools

    def __len__(self) -> int:
        return len(self._tools)

    def validate(self, call: ToolCall) -> str | None:
        """Return why `call` does not fit its schema, or None when it is valid."""
        tool = self._tools.get(call.name)
        if tool is None:
            known = ", ".join(self._tools) or "none"
            return f"unknown tool {call.name!r} (available: {known})"
        params = copy.deepcopy(tool.schema["function"]["parameters"])
        params.setdefault("additionalProperties", False)
        errors = sorted(jsonschema.Draft202012Validator(params).iter_errors(call.arguments), key=str)
        if not errors:
            return None
        return f"invalid arguments for {call.name}: " + "; ".join(_describe(e) for e in errors)

    def execute(self, call: ToolCall, timeout: float = 60.0) -> dict:
        """Validate and run a call; every failure becomes `{"error": ...}`."""
        problem = self.validate(call)
        if problem:
            return {"error": problem}
        tool = self._tools[call.name]
        if tool.fn is None:
            return {"error": f"tool {call.name!r} is declared without an implementation in this app"}
        future = _executor.submit(tool.fn, **call.arguments)
        try:
            result = future.result(timeout=timeout)
        except concurrent.futures.TimeoutError:
            return {"error": f"{call.name} timed out after {timeout:g} s"}
        except Exception as e:  # a tool bug must not end the conversation
            return {"error": f"{call.name} failed: {type(e).__name__}: {e}"}
        return result if isinstance(result, dict) else {"result": result}


def _describe(error: jsonschema.ValidationError) -> str:
    where = "/".join(str(p) for p in error.absolute_path)
    if error.validator == "required":
        return error.message.replace("is a required property", "is required")
    if error.validator == "additionalProperties":
        return error.message.replace("Additional properties are not allowed", "unexpected argument")
    return f"{where or 'arguments'}: {error.message}"


def _builtin_by_name(item: Any) -> Any:
    """The built-in schema that `item` names when a name is all it gives; otherwise `item` itself."""
    fn = item.get("function", item) if isinstance(item, dict) else item
    name = fn if isinstance(fn, str) else fn.get("name") if isinstance(fn, dict) and fn.keys() == {"name"} else None
    if name is None:
        return item
    builtin = {schema["function"]["name"]: schema for schema in load_tool_schemas()}
    if name in builtin:
        return builtin[name]
    if isinstance(fn, str):
        raise ValueError(f"{name!r} is not a built-in tool ({', '.join(builtin)}); declare it as a schema with "
                         '"name", "description" and "parameters"')
    return item  # a tool of the user's own that takes no arguments


def load_tool_schemas(path: str | Path | None = None) -> list[dict]:
    """The tool schemas in `path`; by default the canonical built-in ones (data/tools.json, read once; each
    call returns a fresh copy)."""
    if path is None:
        return copy.deepcopy(_builtin_schemas())
    return json.loads(Path(path).read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=1)
def _builtin_schemas() -> list[dict]:
    return json.loads(BUILTIN_TOOLS_FILE.read_text(encoding="utf-8"))


def builtin_implementations() -> dict[str, Callable]:
    from fc.builtins import clock, images, weather

    return {
        "generate_image": images.generate_image,
        "get_weather": weather.get_weather,
        "get_time": clock.get_time,
    }


def builtin_registry() -> ToolRegistry:
    """The three built-in tools with their implementations."""
    return ToolRegistry.from_schemas(load_tool_schemas(), builtin_implementations())
