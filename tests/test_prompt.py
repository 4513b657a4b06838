import json

from fc.parse import parse
from fc.prompt import render, to_template_messages
from fc.tools import ToolCall, load_tool_schemas

TOOLS = load_tool_schemas()
LOOP = [
    {"role": "user", "content": "Weather in Lyon and the time in 東京?"},
    {"role": "assistant", "content": "", "tool_calls": [
        {"type": "function", "function": {"name": "get_weather", "arguments": {"city": "Lyon", "unit": "fahrenheit"}}},
        {"type": "function", "function": {"name": "get_time", "arguments": {"location": "東京"}}}]},
    {"role": "tool", "name": "get_weather", "content": json.dumps({"city": "Lyon", "temperature": 61})},
    {"role": "tool", "name": "get_time", "content": json.dumps({"location": "東京", "local_time": "2026-11-22 12:00"})},
    {"role": "assistant", "content": "61°F in Lyon; it is 12:00 in 東京."},
]


def test_tools_are_declared_in_the_system_turn(tokenizer):
    text = render(tokenizer, LOOP[:1], TOOLS, add_generation_prompt=True)
    system = text.split("<|im_end|>")[0]
    assert "<tools>" in system and '"name": "get_weather"' in system
    assert text.endswith("<|im_start|>assistant\n")


def test_rendered_assistant_turn_parses_back_to_the_same_calls(tokenizer):
    text = render(tokenizer, LOOP[:2], TOOLS)
    turn = text.split("<|im_start|>assistant\n")[-1].split("<|im_end|>")[0]
    assert parse(turn).tool_calls == [ToolCall("get_weather", {"city": "Lyon", "unit": "fahrenheit"}),
                                      ToolCall("get_time", {"location": "東京"})]


def test_consecutive_tool_results_share_one_turn():
    msgs = to_template_messages(LOOP, TOOLS)
    assert [m["role"] for m in msgs] == ["system", "user", "assistant", "user", "assistant"]
    assert msgs[3]["content"].count("<tool_response>") == 2 and '"name": "get_time"' in msgs[3]["content"]


def test_inference_prompt_is_a_prefix_of_the_training_text(tokenizer):
    full = render(tokenizer, LOOP, TOOLS)
    for i, m in enumerate(LOOP):
        if m["role"] == "assistant":
            assert full.startswith(render(tokenizer, LOOP[:i], TOOLS, add_generation_prompt=True))


def test_custom_system_prompt_keeps_tools(tokenizer):
    text = render(tokenizer, [{"role": "system", "content": "Be brief."}, *LOOP[:1]], TOOLS)
    assert text.startswith("<|im_start|>system\nBe brief.\n") and "<tools>" in text
    assert "<tools>" not in render(tokenizer, LOOP[:1], [])
