import json

from hypothesis import given, settings, strategies as st

from fc.parse import parse
from fc.prompt import format_tool_call
from fc.tools import ToolCall, builtin_registry


def test_canonical_single_call():
    p = parse('<tool_call>\n{"name": "get_weather", "arguments": {"city": "Paris"}}\n</tool_call>')
    assert p.tool_calls == [ToolCall("get_weather", {"city": "Paris"})]
    assert p.content == "" and p.errors == []


def test_several_calls_and_surrounding_text():
    text = ("Let me check both.\n" + format_tool_call("get_weather", {"city": "Paris"}) + "\n"
            + format_tool_call("get_time", {"location": "東京"}))
    p = parse(text)
    assert [c.name for c in p.tool_calls] == ["get_weather", "get_time"]
    assert p.tool_calls[1].arguments == {"location": "東京"}
    assert p.content == "Let me check both."


def test_unclosed_final_block_is_still_a_call():
    p = parse('<tool_call>\n{"name": "get_time", "arguments": {"location": "Lima"}}')
    assert p.tool_calls == [ToolCall("get_time", {"location": "Lima"})]


def test_fenced_json_with_parameters_key():
    p = parse('Sure:\n```json\n{"name": "get_time", "parameters": {"location": "Oslo"}}\n```')
    assert p.tool_calls == [ToolCall("get_time", {"location": "Oslo"})] and p.content == "Sure:"


def test_bare_json_object_and_list():
    p = parse('{"name": "generate_image", "arguments": {"prompt": "a cat"}}')
    assert p.tool_calls == [ToolCall("generate_image", {"prompt": "a cat"})]
    p = parse('[{"name": "a", "arguments": {}}, {"name": "b", "arguments": "{\\"x\\": 1}"}]')
    assert p.tool_calls == [ToolCall("a", {}), ToolCall("b", {"x": 1})]


def test_python_dict_repr_uses_literal_eval():
    p = parse("<tool_call>{'name': 'get_weather', 'arguments': {'city': 'Rome', 'unit': 'celsius'}}</tool_call>")
    assert p.tool_calls == [ToolCall("get_weather", {"city": "Rome", "unit": "celsius"})]


def test_code_in_a_call_is_not_executed():
    p = parse("<tool_call>{'name': __import__('os').getcwd(), 'arguments': {}}</tool_call>")
    assert p.tool_calls == [] and p.errors


def test_legacy_call_form():
    p = parse('call("generate_image", {"prompt": "a fox, watercolor"})')
    assert p.tool_calls == [ToolCall("generate_image", {"prompt": "a fox, watercolor"})]


def test_malformed_json_is_an_error_not_a_crash():
    p = parse('<tool_call>{"name": "get_weather", "arguments": {"city": }</tool_call>')
    assert p.tool_calls == [] and "unparsable" in p.errors[0]
    assert parse("<tool_call>[1, 2]</tool_call>").errors


def test_plain_prose_with_braces_is_content():
    text = 'Use {"a": 1} in JSON, and sets like {1, 2}.'
    p = parse(text)
    assert p.tool_calls == [] and p.content == text


def test_validation_errors_are_structured():
    reg = builtin_registry()
    assert reg.validate(ToolCall("get_weather", {"city": "Paris"})) is None
    assert "unknown tool" in reg.validate(ToolCall("get_stock", {}))
    assert "city" in reg.validate(ToolCall("get_weather", {}))
    assert "city" in reg.validate(ToolCall("get_weather", {"city": 3}))
    assert "kelvin" in reg.validate(ToolCall("get_weather", {"city": "Oslo", "unit": "kelvin"}))
    assert "unexpected" in reg.validate(ToolCall("get_time", {"location": "Oslo", "zone": "x"}))


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_arbitrary_text_never_raises(text):
    p = parse(text)
    assert isinstance(p.content, str)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="<>{}[]()\"':,tool_call/ calnme\\`json\n", max_size=80))
def test_markup_soup_never_raises(text):
    parse(text)
    parse("<tool_call>" + text)


@settings(max_examples=100, deadline=None)
@given(st.dictionaries(st.text(min_size=1, max_size=8), st.one_of(st.text(), st.integers(), st.booleans()), max_size=4))
def test_any_arguments_round_trip(arguments):
    p = parse(format_tool_call("tool", arguments))
    assert p.tool_calls == [ToolCall("tool", json.loads(json.dumps(arguments)))]
