"""fc.serve through the real `openai` client: the scripted fake for exact replies, a tiny random model for the
forced-call mechanics, the embedded model with the shipped adapter end to end."""
import json

import httpx
import openai
import pytest

from conftest import api_server
from fc.prompt import format_tool_call
from fc.tools import load_tool_schemas, normalize_schema
from scripted_model import ScriptedModel

TOOLS = load_tool_schemas()
WEATHER = [{"role": "user", "content": "What's the weather in Paris?"}]
PING = {"type": "function", "function": {"name": "ping", "description": "Check that the service is up.",
                                         "parameters": {"type": "object", "properties": {}}}}


@pytest.fixture
def fake():
    return ScriptedModel()


@pytest.fixture
def client(fake):
    with api_server(fake) as url:
        yield openai.OpenAI(base_url=url, api_key="none", max_retries=0)


def ask(client, messages=WEATHER, tools=TOOLS, **kwargs):
    return client.chat.completions.create(model="test-model", messages=messages, tools=tools, **kwargs)


def streamed(client, **kwargs):
    """A streamed completion reassembled: (content, [(id, name, arguments)], finish_reason, usage)."""
    content, calls, finish, usage = "", {}, None, None
    for chunk in ask(client, stream=True, stream_options={"include_usage": True}, **kwargs):
        usage = chunk.usage or usage
        for choice in chunk.choices:
            content += choice.delta.content or ""
            for call in choice.delta.tool_calls or []:
                entry = calls.setdefault(call.index, [call.id, "", ""])
                entry[1] += call.function.name or ""
                entry[2] += call.function.arguments or ""
            finish = choice.finish_reason or finish
    return content, [tuple(calls[i]) for i in sorted(calls)], finish, usage


def test_a_weather_question_returns_a_validated_call(client, fake):
    response = ask(client)
    choice = response.choices[0]
    assert choice.finish_reason == "tool_calls" and choice.message.content == "Let me check."
    (call,) = choice.message.tool_calls
    assert call.type == "function" and call.id.startswith("call_")
    assert (call.function.name, json.loads(call.function.arguments)) == ("get_weather", {"city": "Paris"})
    assert response.usage.prompt_tokens > 0 and response.usage.total_tokens == (
        response.usage.prompt_tokens + response.usage.completion_tokens)
    (asked,) = fake.asked  # the model saw our messages and the normalized schemas, and was not forced to call
    assert asked.messages == WEATHER and asked.tools == [normalize_schema(t) for t in TOOLS] and asked.start == ""


def test_the_tool_result_round_trip_returns_text(client, fake):
    call = ask(client).choices[0].message.tool_calls[0]
    messages = [*WEATHER, {"role": "assistant", "content": None, "tool_calls": [call.model_dump()]},
                {"role": "tool", "tool_call_id": call.id,
                 "content": json.dumps({"city": "Paris", "temperature": 21, "condition": "sunny"})}]
    choice = ask(client, messages).choices[0]
    assert choice.finish_reason == "stop" and not choice.message.tool_calls
    assert choice.message.content == "In Paris it is 21 degrees and sunny."
    # the model saw the call with object arguments and the result under the called tool's name
    assert fake.asked[-1].messages[1:] == [
        {"role": "assistant", "content": "", "tool_calls": [
            {"type": "function", "function": {"name": "get_weather", "arguments": {"city": "Paris"}}}]},
        {"role": "tool", "name": "get_weather", "content": messages[2]["content"]}]


def test_streaming_reassembles_the_same_call(client):
    whole = ask(client).choices[0]
    content, calls, finish, usage = streamed(client)
    assert content == whole.message.content and finish == "tool_calls"
    assert [(name, json.loads(arguments)) for _, name, arguments in calls] == [
        (c.function.name, json.loads(c.function.arguments)) for c in whole.message.tool_calls]
    assert calls[0][0].startswith("call_") and usage.completion_tokens > 0


def test_a_parallel_call_streams_each_call_under_its_own_index(client):
    messages = [{"role": "user", "content": "Weather and time in Lima?"}]
    content, calls, finish, _ = streamed(client, messages=messages)
    assert finish == "tool_calls" and [(name, json.loads(a)) for _, name, a in calls] == [
        ("get_weather", {"city": "Lima"}), ("get_time", {"location": "Lima"})]


def test_tool_choice_none_never_calls(client, fake):
    call = format_tool_call("get_weather", {"city": "Paris"})
    first = ask(client, tool_choice="none").choices[0]
    fake.replies = [call]  # a reply that writes a call anyway
    second = ask(client, tool_choice="none").choices[0]
    assert not first.message.tool_calls and fake.asked[0].settings.calls_ruled_out
    assert first.message.content == "I can't do that with the tools of this chat."
    assert not second.message.tool_calls and second.message.content == call and second.finish_reason == "stop"


@pytest.mark.parametrize("reply", [format_tool_call("get_weather", {"town": "Paris"}),  # off the schema
                                   format_tool_call("book_flight", {"to": "Paris"}),  # not a declared tool
                                   '<tool_call>\n{"name": "get_weather", "arguments": {"city": </tool_call>'])
def test_an_invalid_call_comes_back_as_text(fake, reply):
    fake.replies = [reply, reply]
    with api_server(fake) as url:
        client = openai.OpenAI(base_url=url, api_key="none", max_retries=0)
        choice = ask(client).choices[0]
        content, calls, finish, _ = streamed(client)
    assert not choice.message.tool_calls and choice.message.content == reply and choice.finish_reason == "stop"
    assert (content, calls, finish) == (reply, [], "stop")


def test_required_and_named_tool_choice_make_the_reply_start_a_call(client, fake):
    assert ask(client, tool_choice="required").choices[0].finish_reason == "tool_calls"
    ask(client, tool_choice={"type": "function", "function": {"name": "get_weather"}})
    required, named = fake.asked
    assert required.start == named.start == "<tool_call>"
    assert required.call_tools == [normalize_schema(t) for t in TOOLS]
    assert [t["function"]["name"] for t in named.call_tools] == ["get_weather"]


def test_a_named_tool_choice_returns_a_call_of_another_tool_as_text(fake):
    reply = format_tool_call("get_time", {"location": "Paris"})
    fake.replies = [reply]
    with api_server(fake) as url:
        client = openai.OpenAI(base_url=url, api_key="none", max_retries=0)
        choice = ask(client, tool_choice={"type": "function", "function": {"name": "get_weather"}}).choices[0]
    assert not choice.message.tool_calls and choice.message.content == reply


def test_errors_have_the_openai_shape_and_status(client, fake):
    with pytest.raises(openai.NotFoundError) as e:
        client.chat.completions.create(model="gpt-4o", messages=WEATHER)
    assert e.value.status_code == 404 and e.value.body["code"] == "model_not_found"
    assert e.value.body["param"] == "model" and e.value.body["type"] == "invalid_request_error"
    with pytest.raises(openai.BadRequestError) as e:
        ask(client, tool_choice={"type": "function", "function": {"name": "book_flight"}})
    assert e.value.body["param"] == "tool_choice"
    with pytest.raises(openai.BadRequestError) as e:
        ask(client, [*WEATHER, {"role": "tool", "tool_call_id": "call_nobody", "content": "{}"}])
    assert e.value.body["param"] == "messages.1.tool_call_id"
    with pytest.raises(openai.BadRequestError) as e:
        ask(client, temperature=5)
    assert e.value.body["param"] == "temperature"
    fake.context_length = 40
    with pytest.raises(openai.BadRequestError) as e:
        ask(client, max_tokens=30)
    assert e.value.body["code"] == "context_length_exceeded"
    assert "maximum context length is 40" in e.value.body["message"]
    assert fake.asked == []  # none of these reached the model
    assert [m.id for m in client.models.list().data] == ["test-model"]
    response = httpx.post(str(client.base_url) + "chat/completions", content=b'{"model": "test-model", "messages": [',
                          headers={"content-type": "application/json"})
    assert response.status_code == 400
    assert set(response.json()["error"]) == {"message", "type", "param", "code"}
    assert response.json()["error"]["code"] == "invalid_json"


def test_a_model_that_fails_is_a_500_in_the_openai_shape():
    class Broken(ScriptedModel):
        def stream(self, prompt, settings=None, tools=None, prefix=None, start=""):
            raise RuntimeError("out of memory")
            yield

    with api_server(Broken()) as url:
        client = openai.OpenAI(base_url=url, api_key="none", max_retries=0)
        with pytest.raises(openai.InternalServerError) as e:
            ask(client)
        assert e.value.body == {"message": "RuntimeError: out of memory", "type": "server_error", "param": None,
                                "code": None}
        with pytest.raises(openai.APIError, match="generation failed: RuntimeError: out of memory"):
            streamed(client)


def test_a_forced_call_of_a_tiny_random_model_is_a_valid_call_of_the_named_tool(tiny_handle):
    with api_server(tiny_handle) as url:
        client = openai.OpenAI(base_url=url, api_key="none", max_retries=0)
        choice = ask(client, tools=[TOOLS[0], PING], max_tokens=48,
                     tool_choice={"type": "function", "function": {"name": "ping"}}).choices[0]
    assert choice.finish_reason == "tool_calls", choice.message.content
    assert [(c.function.name, json.loads(c.function.arguments)) for c in choice.message.tool_calls] == [("ping", {})]


def test_the_embedded_model_with_the_shipped_adapter_calls_streams_and_answers(embedded_dir):
    from fc.model import ModelHandle

    handle = ModelHandle.load("embedded", adapter="default", threads=2)
    with api_server(handle) as url:
        client = openai.OpenAI(base_url=url, api_key="none", max_retries=0)
        whole = ask(client, max_tokens=48).choices[0]
        assert whole.finish_reason == "tool_calls", whole.message.content
        (call,) = whole.message.tool_calls
        assert (call.function.name, json.loads(call.function.arguments)) == ("get_weather", {"city": "Paris"})
        _, calls, finish, _ = streamed(client, max_tokens=48)
        assert finish == "tool_calls"
        assert [(name, json.loads(arguments)) for _, name, arguments in calls] == [("get_weather", {"city": "Paris"})]
        messages = [*WEATHER, {"role": "assistant", "content": None, "tool_calls": [call.model_dump()]},
                    {"role": "tool", "tool_call_id": call.id,
                     "content": json.dumps({"city": "Paris", "temperature": 21, "condition": "sunny"})}]
        answer = ask(client, messages, max_tokens=48).choices[0]
        assert answer.finish_reason in ("stop", "length") and not answer.message.tool_calls
        assert "21" in answer.message.content
        none = ask(client, tool_choice="none", max_tokens=24).choices[0]
        assert not none.message.tool_calls and none.message.content


def test_the_command_line_takes_the_generation_settings_and_names_the_model():
    from fc.serve import parse_args, served_name

    options, settings = parse_args(["--adapter", "none", "--port", "9000", "--call-threshold", "0.5",
                                    "--no-guided-calls"])
    assert (options.adapter, options.port, options.host) == ("none", 9000, "127.0.0.1")
    assert settings.call_threshold == 0.5 and not settings.guided_calls
    assert served_name("embedded", "default") == "smollm2-135m+default"
    assert served_name("embedded", "none") == "smollm2-135m"
