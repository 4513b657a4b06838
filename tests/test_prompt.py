import json

from fc.parse import parse
from fc.prompt import dumps, render, to_template_messages
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


def test_every_embedded_models_prompt_is_a_token_prefix_of_its_training_text_and_only_replies_are_trained(
        chat_tokenizer):
    from train.sft import tokenize_conversation

    tok = chat_tokenizer
    chained = [*LOOP, {"role": "user", "content": "Thanks!"}, {"role": "assistant", "content": "You're welcome."}]
    ids, mask = tokenize_conversation(tok, chained, TOOLS)
    assert ids == tok(render(tok, chained, TOOLS), add_special_tokens=False)["input_ids"]
    replies = [m for m in to_template_messages(chained, TOOLS) if m["role"] == "assistant"]
    for i, message in enumerate(chained):
        if message["role"] == "assistant":
            prompt_ids = tok(render(tok, chained[:i], TOOLS, add_generation_prompt=True),
                             add_special_tokens=False)["input_ids"]
            assert ids[:len(prompt_ids)] == prompt_ids
            assert mask[len(prompt_ids) - 1] == 0 and mask[len(prompt_ids)] == 1  # the reply starts the loss
    runs, run = [], []
    for token, bit in zip(ids + [None], mask + [0]):
        if bit:
            run.append(token)
        elif run:
            runs, run = runs + [run], []
    end = tok.decode(runs[0][-2:])  # the end-of-turn token and the newline after it
    assert len(runs) == len(replies) and all(tok.decode(r[-2:]) == end for r in runs) and end.endswith("\n")
    assert [tok.decode(r[:-2]) for r in runs] == [reply["content"] for reply in replies]
    untrained = tok.decode([t for t, bit in zip(ids, mask) if not bit])
    assert "<tools>" in untrained and "Thanks!" in untrained and "<tool_response>" in untrained
    assert parse(tok.decode(runs[0][:-2])).tool_calls == [
        ToolCall("get_weather", {"city": "Lyon", "unit": "fahrenheit"}), ToolCall("get_time", {"location": "東京"})]


def openai_style(messages: list[dict]) -> list[dict]:
    """`messages` as an OpenAI client sends them: calls with ids and JSON-string arguments, results by id only."""
    out, ids = [], {}
    for i, m in enumerate(messages):
        if m.get("tool_calls"):
            calls = [{"id": f"call_{i}_{j}", "type": "function", "function": {
                "name": c["function"]["name"], "arguments": json.dumps(c["function"]["arguments"], ensure_ascii=False)}}
                for j, c in enumerate(m["tool_calls"])]
            ids.update({c["function"]["name"]: c["id"] for c in calls})
            out.append({"role": "assistant", "content": m["content"] or None, "tool_calls": calls})
        elif m["role"] == "tool":
            out.append({"role": "tool", "tool_call_id": ids[m["name"]], "content": m["content"]})
        else:
            out.append(m)
    return out


# tool results as the agent writes them (fc.prompt.dumps: non-ASCII kept), the form the template keeps as it is
RESULTS_AS_OURS = [{**m, "content": dumps(json.loads(m["content"]))} if m["role"] == "tool" else m for m in LOOP]
CONVERSATIONS = [
    ([{"role": "user", "content": "hi"}], None),
    (LOOP[:1], TOOLS),
    (RESULTS_AS_OURS, TOOLS),
    ([{"role": "system", "content": "Answer in French."}, *RESULTS_AS_OURS,
      {"role": "user", "content": "Et à Lima ?"}], TOOLS),
    ([{"role": "user", "content": "Draw a fox"}, {"role": "assistant", "content": "Drawing it.", "tool_calls": [
        {"type": "function", "function": {"name": "generate_image", "arguments": {"prompt": "a fox"}}}]},
      {"role": "tool", "name": "generate_image", "content": "not JSON"}], TOOLS[:1]),
]


def test_the_serving_chat_template_renders_like_our_renderer(chat_tokenizer):
    """What vLLM/SGLang render with the exported template (tools=..., OpenAI-style or our messages) is our prompt."""
    from fc.prompt import chat_template_with_tools

    template = chat_template_with_tools(chat_tokenizer.chat_template)
    for messages, tools in CONVERSATIONS:
        for generation in (True, False):
            ours = render(chat_tokenizer, messages, tools, add_generation_prompt=generation)
            for sent in (messages, openai_style(messages)):
                assert chat_tokenizer.apply_chat_template(sent, tools=tools, chat_template=template, tokenize=False,
                                                          add_generation_prompt=generation) == ours
