"""The agent loop with the scripted fake model and with a tiny random-weight Llama."""
import json
import math

from fc.agent import (CallWriting, Final, ImageProduced, ModelTurn, TextDelta, ToolFinished, ToolStarted, run_agent,
                      visible_prefix)
from fc.prompt import format_tool_call
from fc.settings import GenerationSettings
from fc.tools import Tool, ToolRegistry, load_tool_schemas
from scripted_model import ScriptedModel


def weather(city: str, unit: str = "celsius"):
    return {"city": city, "temperature": 21, "unit": unit}


def registry(**extra):
    impl = {"get_weather": weather, **extra}
    return ToolRegistry.from_schemas(load_tool_schemas(), impl)


def call(name, **args):
    return f'<tool_call>\n{json.dumps({"name": name, "arguments": args})}\n</tool_call>'


def test_call_result_then_final_answer():
    model = ScriptedModel(call("get_weather", city="Paris"), "It is 21 °C in Paris.")
    events = list(run_agent(model, [{"role": "user", "content": "Weather in Paris?"}], registry()))
    kinds = [type(e).__name__ for e in events if not isinstance(e, TextDelta)]
    assert kinds == ["CallWriting", "ModelTurn", "ToolStarted", "ToolFinished", "ModelTurn", "Final"]
    assert events[0] == CallWriting("get_weather")  # as soon as the name is written, before the call is done
    finished = next(e for e in events if isinstance(e, ToolFinished))
    assert finished.ok and finished.result["temperature"] == 21 and finished.seconds >= 0
    final = events[-1]
    assert final.content == "It is 21 °C in Paris."
    assert [m["role"] for m in final.messages] == ["user", "assistant", "tool", "assistant"]
    assert json.loads(final.messages[2]["content"])["city"] == "Paris"
    assert model.asked[1].messages[-1]["role"] == "tool"  # the result went back to the model


def test_each_call_a_reply_begins_is_announced_once_and_arguments_named_name_are_not_calls():
    reply = "Let me see. " + call("get_weather", city="Paris") + "\n" + format_tool_call("set_name", {"name": "Bob"})
    events = run_agent(ScriptedModel(reply, "Done.", piece=3), [{"role": "user", "content": "x"}], registry())
    assert [e.name for e in events if isinstance(e, CallWriting)] == ["get_weather", "set_name"]


def test_call_markup_is_never_streamed_as_text():
    model = ScriptedModel("Checking. " + call("get_weather", city="Rome"), "Done.")
    deltas = "".join(e.text for e in run_agent(model, [{"role": "user", "content": "x"}], registry())
                     if isinstance(e, TextDelta))
    assert "<tool" not in deltas and "{" not in deltas and deltas.startswith("Checking.")


def test_validation_error_goes_back_and_model_retries():
    model = ScriptedModel(call("get_weather", town="Oslo"), call("get_weather", city="Oslo"), "21 °C in Oslo.")
    events = list(run_agent(model, [{"role": "user", "content": "Oslo weather"}], registry()))
    finished = [e for e in events if isinstance(e, ToolFinished)]
    assert not finished[0].ok and "city" in finished[0].result["error"]
    assert finished[1].ok
    assert "error" in model.asked[1].messages[-1]["content"]
    assert events[-1].content == "21 °C in Oslo."


def test_unparsable_call_is_reported_to_the_model():
    model = ScriptedModel("<tool_call>{oops</tool_call>", "Sorry, here is the answer.")
    events = list(run_agent(model, [{"role": "user", "content": "x"}], registry()))
    assert "unparsable" in model.asked[1].messages[-1]["content"]
    assert isinstance(events[-1], Final) and events[-1].content == "Sorry, here is the answer."


def test_round_limit_stops_a_model_that_keeps_calling():
    model = ScriptedModel(*[call("get_weather", city="Paris")] * 10)
    events = list(run_agent(model, [{"role": "user", "content": "x"}], registry(), max_rounds=2))
    assert sum(isinstance(e, ToolStarted) for e in events) == 2
    assert "Stopped after 2 tool rounds" in events[-1].content


def test_tool_exception_and_timeout_become_error_results():
    import time

    def boom(city, unit="celsius"):
        raise RuntimeError("sensor offline")

    def slow(location):
        time.sleep(2)

    reg = registry(get_weather=boom, get_time=slow)
    model = ScriptedModel(call("get_weather", city="Lima") + call("get_time", location="Lima"), "Sorry.")
    results = [e.result for e in run_agent(model, [{"role": "user", "content": "x"}], reg, tool_timeout=0.2)
               if isinstance(e, ToolFinished)]
    assert "sensor offline" in results[0]["error"] and "timed out" in results[1]["error"]


def test_image_results_produce_an_image_event(tmp_path):
    def fake_image(prompt: str):
        """Make a picture.

        Args:
            prompt: What to draw.
        """
        return {"image": str(tmp_path / "x.png"), "prompt": prompt}

    reg = ToolRegistry([Tool.from_function(fake_image)])
    model = ScriptedModel(call("fake_image", prompt="a cat"), "Here it is.")
    images = [e for e in run_agent(model, [{"role": "user", "content": "x"}], reg) if isinstance(e, ImageProduced)]
    assert images[0].path.endswith("x.png")


def without_time():
    return ToolRegistry.from_schemas([s for s in load_tool_schemas() if s["function"]["name"] != "get_time"],
                                     {"get_weather": weather})


def test_a_call_to_a_builtin_tool_the_chat_lacks_is_declined_and_answered_without_tools():
    reg = without_time()
    model = ScriptedModel(call("get_time", location="Rome"), "I can't look up the time here.")
    events = [e for e in run_agent(model, [{"role": "user", "content": "Time in Rome?"}], reg)
              if not isinstance(e, (TextDelta, CallWriting))]
    assert [type(e).__name__ for e in events] == ["Declined", "ModelTurn", "Final"]
    assert events[0].names == ["get_time"] and events[0].calls[0].arguments == {"location": "Rome"}
    first, second = model.asked
    assert first.tool_names == reg.names + ["get_time"] and second.tool_names == reg.names  # decoy, then own tools
    assert first.settings is None and math.isinf(second.settings.call_threshold)  # the second reply cannot call
    assert events[-1].content == "I can't look up the time here."
    assert [m["role"] for m in events[-1].messages] == ["user", "assistant"]  # the declined call is not history


def test_a_declined_call_beside_a_declared_one_lets_the_declared_one_run_and_says_so():
    reg = without_time()
    model = ScriptedModel(call("get_weather", city="Paris") + "\n" + call("get_time", location="Paris"),
                          "It is 21 °C in Paris; I can't look up the time here.")
    events = [e for e in run_agent(model, [{"role": "user", "content": "Weather and time in Paris?"}], reg)
              if not isinstance(e, (TextDelta, CallWriting))]
    assert [type(e).__name__ for e in events] == ["Declined", "ModelTurn", "ToolStarted", "ToolFinished",
                                                  "ModelTurn", "Final"]
    declined, turn, started = events[:3]
    assert declined.names == ["get_time"] and [c.name for c in declined.kept] == ["get_weather"]
    assert [c.name for c in turn.tool_calls] == ["get_weather"] and started.name == "get_weather"
    assert len(model.asked) == 2 and model.asked[1].settings is None  # no answer-only retry: the results come back
    history = events[-1].messages
    assert [m["role"] for m in history] == ["user", "assistant", "tool", "tool", "assistant"]
    assert [c["function"]["name"] for c in history[1]["tool_calls"]] == ["get_weather", "get_time"]
    assert json.loads(history[2]["content"])["temperature"] == 21
    assert "not one of this chat's tools" in json.loads(history[3]["content"])["error"]


def test_without_decoys_a_missing_tool_is_called_and_fails():
    reg = without_time()
    model = ScriptedModel(call("get_time", location="Rome"), "Sorry.")
    events = list(run_agent(model, [{"role": "user", "content": "Time in Rome?"}], reg, decoys=False))
    assert model.asked[0].tool_names == reg.names
    finished = next(e for e in events if isinstance(e, ToolFinished))
    assert not finished.ok and "unknown tool" in finished.result["error"]


def test_visible_prefix_holds_back_partial_markers():
    assert visible_prefix("Hello <tool_c") == "Hello "
    assert visible_prefix("Hi ``") == "Hi "
    assert visible_prefix("plain") == "plain"


def test_loop_runs_on_a_tiny_random_llama(tiny_handle):
    events = list(run_agent(tiny_handle, [{"role": "user", "content": "Weather in Paris?"}], registry(),
                            settings=GenerationSettings(max_new_tokens=12), max_rounds=1))
    assert isinstance(events[-1], Final)
    assert any(isinstance(e, ModelTurn) for e in events)


def test_importing_the_agent_loop_imports_no_model_code():
    import subprocess
    import sys

    code = "import sys, fc.agent, fc.settings, fc.decoys; print('torch' in sys.modules, 'transformers' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]
