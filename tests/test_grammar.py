"""fc.grammar: inside `<tool_call>` the model can only write a valid call of a declared tool."""
import jsonschema
import pytest
import torch

from fc.grammar import CLOSE, OPEN, ToolCallGrammar, argument_string, call_schema, copy_tokens
from fc.settings import GenerationSettings
from fc.parse import parse
from fc.prompt import format_tool_call
from fc.tools import ToolRegistry, load_tool_schemas

# bounded values only (enum, boolean), so that even a random model has to finish the call in a few tokens
TOOLS = [
    {"type": "function", "function": {"name": "set_light", "parameters": {
        "type": "object", "properties": {"room": {"type": "string", "enum": ["kitchen", "hall"]},
                                         "on": {"type": "boolean"}},
        "required": ["room", "on"]}}},
    {"type": "function", "function": {"name": "get_time", "parameters": {"type": "object", "properties": {}}}},
]


def test_the_block_markers_are_the_renderers():
    text = format_tool_call("get_time", {"location": "Oslo"})
    assert text.startswith(OPEN + "\n{") and text.endswith("}" + CLOSE)


def test_call_schema_accepts_exactly_calls_of_declared_tools():
    schema = call_schema(load_tool_schemas())
    jsonschema.validate({"name": "get_weather", "arguments": {"city": "Paris", "unit": "celsius"}}, schema)
    for bad in ({"name": "draw_bee", "arguments": {}},  # unknown tool
                {"name": "get_weather", "arguments": {}},  # required city missing
                {"name": "get_weather", "arguments": {"city": "Paris", "unit": "kelvin"}},  # not in the enum
                {"name": "get_time"}):  # no arguments
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(bad, schema)


def _grammar_verdicts(tokenizer, vocabulary, tools, text):
    """For each token of `text` after the first: was it allowed, given the tokens before it?"""
    grammar = ToolCallGrammar(vocabulary, [tools], 0)
    ids = tokenizer(text, add_special_tokens=False)["input_ids"]
    verdicts = []
    for k in range(1, len(ids)):
        scores = grammar(torch.tensor([ids[:k]]), torch.zeros(1, len(tokenizer)))
        verdicts.append(bool(scores[0, ids[k]] == 0))
    return verdicts


@pytest.fixture(scope="module")
def vocabulary(tokenizer):
    from fc.grammar import VocabularyIndex

    return VocabularyIndex(tokenizer)


@pytest.mark.parametrize("name, arguments", [
    ("get_time", {"location": "曼彻斯特"}),  # CJK characters come in byte pieces
    ("get_weather", {"city": "São Paulo", "unit": "fahrenheit"}),
    ("generate_image", {"prompt": "ドット絵の灯台 🙏, a \"quoted\" word"}),
])
def test_every_token_of_a_valid_call_is_allowed_then_the_block_is_closed(tokenizer, vocabulary, name, arguments):
    text = format_tool_call(name, arguments) + "\n" + OPEN  # the block, and a second call may follow
    assert all(_grammar_verdicts(tokenizer, vocabulary, load_tool_schemas(), text))


def test_an_invented_tool_name_or_argument_is_refused(tokenizer, vocabulary):
    tools = load_tool_schemas()
    for text in (format_tool_call("draw_bee", {"prompt": "a bee"}),
                 format_tool_call("get_weather", {"town": "Oslo"})):
        assert not all(_grammar_verdicts(tokenizer, vocabulary, tools, text)), text


def _continue_call(handle, tools, guided: bool, user: str = "Turn the kitchen light on.", copy_bias: float = 0.0,
                   max_new_tokens: int = 40) -> str:
    """Let `handle` write what follows a reply that has just opened a tool call."""
    prompt = handle.render([{"role": "user", "content": user}], tools) + OPEN
    enc = handle._encode([prompt])
    opened_at = enc["input_ids"].shape[1] - len(handle.tokenizer(OPEN, add_special_tokens=False)["input_ids"])
    processors = [ToolCallGrammar(handle.vocabulary, [tools], opened_at, [user], copy_bias)] if guided else []
    with torch.no_grad():
        out = handle.model.generate(**enc, max_new_tokens=max_new_tokens, do_sample=False, logits_processor=processors,
                                    pad_token_id=handle.tokenizer.pad_token_id)
    return OPEN + handle.tokenizer.decode(out[0, enc["input_ids"].shape[1]:], skip_special_tokens=True)


def test_guided_decoding_makes_even_a_random_model_write_a_valid_call(tiny_handle):
    registry = ToolRegistry.from_schemas(TOOLS)
    free = parse(_continue_call(tiny_handle, TOOLS, guided=False))
    assert not free.tool_calls  # random weights write no valid call on their own...
    guided = parse(_continue_call(tiny_handle, TOOLS, guided=True))
    assert not guided.errors and len(guided.tool_calls) == 1  # ...but are held to one when guided
    call = guided.tool_calls[0]
    assert call.name in registry and registry.validate(call) is None, call


def test_text_without_a_call_is_left_alone(tiny_handle):
    prompt = tiny_handle.render([{"role": "user", "content": "Hi!"}], TOOLS)
    free, guided = (tiny_handle.generate(prompt, GenerationSettings(max_new_tokens=12, guided_calls=g), TOOLS)
                    for g in (False, True))
    assert OPEN not in free and guided == free


def test_a_schema_the_parser_cannot_follow_leaves_the_call_unconstrained(tiny_handle, caplog):
    odd = [{"type": "function", "function": {"name": "f", "parameters": {
        "type": "object", "properties": {"x": {"type": "tuple"}}, "required": ["x"]}}}]
    text = _continue_call(tiny_handle, odd, guided=True)  # must not raise
    assert text.startswith(OPEN)
    assert "unconstrained" in caplog.text


def test_shipped_adapter_draws_with_the_declared_image_tool_when_guided(embedded_dir):
    """Unguided, the previous shipped adapter answered this test-split request with an invented `draw_bee` tool."""
    from fc.model import ModelHandle

    handle = ModelHandle.load("embedded", adapter="default", threads=2)
    tools = load_tool_schemas()
    prompt = handle.render([{"role": "user", "content": "Could you draw a bee on a lavender flower, graffiti style, "
                                                        "please?"}], tools)
    reply = handle.generate(prompt, GenerationSettings(max_new_tokens=60), tools)
    assert [c.name for c in parse(reply).tool_calls] == ["generate_image"], reply


def test_argument_string_finds_the_string_argument_being_written():
    assert argument_string('\n{"name": "get_weather", "arguments": {"city": "Buenos A') == ("in", "Buenos A")
    assert argument_string('\n{"name": "get_weather", "arguments": {"city":') == ("start", "")
    assert argument_string('\n{"name": "get_weather", "arguments": {"ci') is None  # a key
    assert argument_string('\n{"name": "get_wea') is None  # the tool's name is never a copy
    assert argument_string('\n{"name": "f", "arguments": {"a": "x\\"y", "b": ["p", "q') == ("in", "q")


def copy_tokens_text(vocabulary, state, source) -> set[str]:
    return {vocabulary.tokenizer.decode([i]) for i in copy_tokens(vocabulary, state, source)}


def test_copy_tokens_continue_a_span_of_the_conversation(vocabulary):
    source = "What's the weather in Buenos Aires today?"
    after = {vocabulary.tokenizer.decode([i]) for i in copy_tokens(vocabulary, ("in", "Buenos"), source)}
    assert " Aires" in after or " A" in after
    assert '"' in after  # "Buenos" ends a word of the span: the string may close here
    assert all(source.find("Buenos" + t) >= 0 for t in after if not t.startswith('"'))
    assert not any(t.startswith('"') for t in copy_tokens_text(vocabulary, ("in", "Bueno"), source))
    first = {vocabulary.tokenizer.decode([i]) for i in copy_tokens(vocabulary, ("in", ""), source)}
    assert "Bu" in first and "What" in first and "uenos" not in first  # spans start at words
    starts = {vocabulary.tokenizer.decode([i]) for i in copy_tokens(vocabulary, ("start", ""), source)}
    assert all(t.lstrip().startswith('"') for t in starts)  # a quote that already holds a span's start


def test_a_strong_copy_bias_makes_even_a_random_model_copy_the_place_from_the_request(tiny_handle):
    weather = [t for t in load_tool_schemas() if t["function"]["name"] == "get_weather"]
    user = "How is the weather in Ulaanbaatar this week?"
    calls = parse(_continue_call(tiny_handle, weather, guided=True, user=user, copy_bias=100.0,
                                 max_new_tokens=80)).tool_calls
    assert len(calls) == 1 and calls[0].arguments["city"] in user and calls[0].arguments["city"].strip()
