"""fc.backends: the wire format, and OpenAIBackend against fc.serve over loopback giving what the local model gives."""
import json

import pytest

from conftest import api_server
from fc.agent import Final, ModelTurn, ToolFinished, run_agent
from fc.backends import BackendError, OpenAIBackend, reply_text, wire_messages
from fc.parse import parse
from fc.prompt import format_tool_call
from fc.settings import GenerationSettings
from fc import DATA_DIR
from fc.tools import ToolRegistry, load_tool_schemas
from scripted_model import ScriptedModel, weather_script
from train.evaluate import EvalConfig, evaluate

TOOLS = load_tool_schemas()


def call(name, **arguments):
    return {"type": "function", "function": {"name": name, "arguments": arguments}}


def test_wire_messages_give_calls_ids_and_answer_them_by_name():
    messages = [{"role": "user", "content": "Weather and time in Lima?"},
                {"role": "assistant", "content": "", "tool_calls": [call("get_weather", city="Lima"),
                                                                    call("get_time", location="Lima")]},
                {"role": "tool", "name": "invalid_tool_call", "content": '{"error": "unparsable tool call"}'},
                {"role": "tool", "name": "get_time", "content": '{"time": "09:00"}'},
                {"role": "tool", "name": "get_weather", "content": '{"temperature": 18}'}]
    wire = wire_messages(messages, system="Be brief.")
    assert wire[0] == {"role": "system", "content": "Be brief."}
    assert wire[2] == {"role": "assistant", "content": None, "tool_calls": [
        {"id": "call_1_0", "type": "function", "function": {"name": "get_weather", "arguments": '{"city": "Lima"}'}},
        {"id": "call_1_1", "type": "function", "function": {"name": "get_time", "arguments": '{"location": "Lima"}'}}]}
    assert [(m["tool_call_id"], m["name"]) for m in wire[3:]] == [
        ("call_2_unasked", "invalid_tool_call"), ("call_1_1", "get_time"), ("call_1_0", "get_weather")]


def test_reply_text_writes_calls_as_our_blocks_and_keeps_broken_arguments_broken():
    text = reply_text("Let me check.", [("get_weather", '{"city": "Paris"}'), ("get_time", "")])
    assert text == "\n".join(["Let me check.", format_tool_call("get_weather", {"city": "Paris"}),
                              format_tool_call("get_time", {})])
    broken = parse(reply_text(None, [("get_weather", '{"city": ')]))
    assert not broken.tool_calls and broken.errors


def agent_run(model, text, registry, **kwargs):
    """The model turns, the tool results and the last event of one agent run."""
    events = list(run_agent(model, [{"role": "user", "content": text}], registry, **kwargs))
    turns = [(e.content, [(c.name, c.arguments) for c in e.tool_calls], e.errors) for e in events
             if isinstance(e, ModelTurn)]
    results = [(e.name, e.result) for e in events if isinstance(e, ToolFinished)]
    return turns, results, events[-1]


FIXED = {"get_weather": lambda city, **_: {"city": city, "temperature": 18, "condition": "cloudy"},
         "get_time": lambda location: {"location": location, "time": "09:00"}}


def script(messages, tools, settings):
    """Calls for weather/time questions (get_time for Tokyo), then an answer quoting the results."""
    if messages[-1]["role"] == "tool":
        return "Results: " + " ".join(m["content"] for m in messages if m["role"] == "tool")
    if "Tokyo" in messages[-1]["content"] and not settings.calls_ruled_out:
        return format_tool_call("get_time", {"location": "Tokyo"})
    return weather_script(messages, tools, settings)


WEATHER_ALONE = [tool for tool in TOOLS if tool["function"]["name"] == "get_weather"]


@pytest.mark.parametrize("text, declared, system, replies", [
    ("Weather and time in Lima?", TOOLS, None, 2),  # a parallel call, then an answer from both results
    ("What time is it in Tokyo?", WEATHER_ALONE, None, 2),  # a decoy call, then an answer without tools
    ("Hello there", TOOLS, "Be brief.", 1),
])
def test_the_agent_through_an_endpoint_runs_as_with_the_local_model(text, declared, system, replies):
    registry = ToolRegistry.from_schemas(declared, FIXED)
    local, served = ScriptedModel(reply=script), ScriptedModel(reply=script)
    with api_server(served) as url:
        remote = agent_run(OpenAIBackend(url, "test-model"), text, registry, system=system,
                           settings=GenerationSettings())
    here = agent_run(local, text, registry, system=system, settings=GenerationSettings())
    assert remote[:2] == here[:2] and isinstance(remote[2], Final) and remote[2].content == here[2].content
    assert remote[2].messages == here[2].messages
    # the served model was asked the same: conversations, tools and settings (calls ruled out after a decoy)
    assert [(a.messages, a.tools, a.settings) for a in served.asked] == [
        (a.messages, a.tools, a.settings) for a in local.asked]
    assert len(local.asked) == replies


def test_an_evaluation_through_an_endpoint_gives_the_local_predictions(tiny_handle):
    from train.dataset import load_jsonl

    rows = load_jsonl(DATA_DIR / "val.jsonl")[:4]
    config = EvalConfig(batch_size=1, generation=GenerationSettings(max_new_tokens=8))  # the server's batch size
    here = evaluate(rows, tiny_handle, config)
    seen = []
    with api_server(tiny_handle) as url:
        backend = OpenAIBackend(url)  # the model id comes from GET /v1/models
        remote = evaluate(rows, backend, config, progress=lambda done, total: seen.append((done, total)))
    assert backend.model == "test-model" and remote.metrics["model"] == f"test-model @ {url}"
    assert [row["prediction"] for row in remote.predictions] == [row["prediction"] for row in here.predictions]
    assert [row["declined"] for row in remote.predictions] == [row["declined"] for row in here.predictions]
    assert seen[-1] == (4, 4) and len(seen) == 4


def test_the_evaluate_cli_takes_an_endpoint(tmp_path, capsys):
    from train.evaluate import main

    with api_server(ScriptedModel()) as url:
        assert main(["--data", str(DATA_DIR / "val.jsonl"), "--limit", "3", "--out", str(tmp_path),
                     "--api-base", url, "--api-model", "test-model"]) == 0
        assert main(["--data", str(DATA_DIR / "val.jsonl"), "--limit", "3", "--out", str(tmp_path),
                     "--api-base", url, "--api-model", "other"]) == 2
    metrics = json.loads((tmp_path / "metrics.json").read_text())
    assert metrics["model"] == f"test-model @ {url}" and metrics["rows"] == 3
    assert "error: other @" in capsys.readouterr().err


def test_an_endpoint_that_fails_is_a_clear_error():
    with api_server(ScriptedModel()) as url:
        backend = OpenAIBackend(url, "no-such-model")
        with pytest.raises(BackendError, match="no-such-model.*NotFoundError.*does not exist"):
            backend.generate_chats([([{"role": "user", "content": "hi"}], TOOLS)])
        with pytest.raises(BackendError, match="does not exist"):
            list(backend.stream_chat([{"role": "user", "content": "hi"}], TOOLS))
    with pytest.raises(BackendError, match="APIConnectionError"):
        OpenAIBackend(url)  # the server is gone: listing its models fails


def test_the_api_key_comes_from_the_environment(monkeypatch):
    from fc.backends import api_key

    monkeypatch.delenv("FC_API_KEY", raising=False)
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    assert api_key() == "none"
    monkeypatch.setenv("OPENAI_API_KEY", "sk-openai")
    assert api_key() == "sk-openai"
    monkeypatch.setenv("FC_API_KEY", "sk-fc")
    assert api_key() == "sk-fc"
