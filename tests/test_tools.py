import json

import pytest

from fc.builtins.images import generate_image
from fc.decoys import decoy_tools
from fc.tools import Tool, ToolCall, ToolRegistry, builtin_registry, load_tool_schemas


def test_builtin_schemas_are_exactly_the_canonical_ones():
    by_name = {s["function"]["name"]: s["function"] for s in load_tool_schemas()}
    assert set(by_name) == {"generate_image", "get_weather", "get_time"}
    assert by_name["get_weather"]["parameters"]["required"] == ["city"]
    assert by_name["get_weather"]["parameters"]["properties"]["unit"]["enum"] == ["celsius", "fahrenheit"]
    assert by_name["get_time"]["parameters"]["required"] == ["location"]
    assert by_name["generate_image"]["parameters"]["required"] == ["prompt"]
    assert builtin_registry().names == ["generate_image", "get_weather", "get_time"]


def test_image_schema_derived_from_the_function_matches():
    derived = Tool.from_function(generate_image).schema["function"]
    canonical = next(s["function"] for s in load_tool_schemas() if s["function"]["name"] == "generate_image")
    assert derived == canonical


def test_user_tool_from_a_python_function():
    reg = ToolRegistry()

    @reg.register
    def add(a: int, b: int = 0) -> int:
        """Add two numbers.

        Args:
            a: First number.
            b: Second number.
        """
        return a + b

    assert reg.schemas[0]["function"]["parameters"]["required"] == ["a"]
    assert reg.execute(ToolCall("add", {"a": 2, "b": 3})) == {"result": 5}
    assert "error" in reg.execute(ToolCall("add", {"a": "two"}))


def test_schema_only_tools_validate_but_do_not_run():
    reg = ToolRegistry.from_json('[{"name": "search_web", "parameters": {"type": "object", '
                                 '"properties": {"query": {"type": "string"}}, "required": ["query"]}}]')
    assert reg.validate(ToolCall("search_web", {"query": "x"})) is None
    assert "without an implementation" in reg.execute(ToolCall("search_web", {"query": "x"}))["error"]


def test_a_builtin_named_alone_stands_for_its_schema():
    by_name = {s["function"]["name"]: s for s in load_tool_schemas()}
    text = '["get_weather", {"type": "function", "function": {"name": "get_time"}}, {"name": "ping"}]'
    registry = ToolRegistry.from_json(text, {"get_weather": lambda city, unit="celsius": {"city": city}})
    weather, time, ping = registry.schemas
    assert (weather, time) == (by_name["get_weather"], by_name["get_time"])
    assert ping["function"]["parameters"] == {"type": "object", "properties": {}}  # the user's own tool
    assert registry.execute(ToolCall("get_weather", {"city": "Lyon"})) == {"city": "Lyon"}


@pytest.mark.parametrize("text, reason", [
    ("[{", "not valid JSON"),
    ("3", "must be a list"),
    ('["lookup"]', "'lookup' is not a built-in tool"),
    ('[{"description": "no name"}]', "no name"),
    ('[{"name": "t", "parameters": {"type": "string"}}]', "JSON Schema object"),
    ('[{"name": "t", "parameters": {"type": "object", "properties": {"a": {"type": "nope"}}}}]', "invalid parameters"),
])
def test_bad_tools_json_gives_a_clear_reason(text, reason):
    with pytest.raises(ValueError, match=reason):
        ToolRegistry.from_json(text)


def test_decoys_are_the_builtin_tools_a_list_leaves_out():
    builtin = load_tool_schemas()
    assert decoy_tools(builtin) == []
    assert [t["function"]["name"] for t in decoy_tools(builtin[:1])] == [t["function"]["name"] for t in builtin[1:]]
    custom = {"name": "get_stock_price", "parameters": {"type": "object", "properties": {}}}  # a bare schema
    assert decoy_tools([custom, builtin[0]]) == builtin[1:]
    assert decoy_tools([custom]) == decoy_tools([]) == []  # the user's own tools only: left as they are


def test_load_tool_schemas_reads_the_builtins_once_and_hands_out_copies(tmp_path):
    schemas = load_tool_schemas()
    assert [t["function"]["name"] for t in schemas] == ["generate_image", "get_weather", "get_time"]
    schemas[1]["function"]["parameters"]["properties"].clear()  # a caller's edit must not reach the next one
    assert "city" in load_tool_schemas()[1]["function"]["parameters"]["properties"]
    path = tmp_path / "tools.json"
    path.write_text(json.dumps(schemas[:1]), encoding="utf-8")
    assert load_tool_schemas(path) == schemas[:1]
