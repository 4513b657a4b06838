"""train.evaluate: batched generation, predictions file format, report, CLI; the Evaluate tab's helpers."""
import json
import math

import pytest

from fc.prompt import format_tool_call
from fc.settings import GenerationSettings
from fc.tools import load_tool_schemas
from scripted_model import ScriptedModel
from train.evaluate import (EvalConfig, evaluate, load_rows, main, predicted_text, report_markdown,
                            write_results)

TOOLS = load_tool_schemas()


def user(text):
    return {"role": "user", "content": text}


ROWS = [
    {"id": "a", "category": "call_weather", "lang": "en", "extra": {"keep": True}, "tools": TOOLS,
     "messages": [user("Weather in Paris?"), {"role": "assistant", "content": "", "tool_calls": [
         {"type": "function", "function": {"name": "get_weather", "arguments": {"city": "Paris"}}}]}]},
    {"id": "b", "category": "no_call_chitchat",
     "messages": [{"role": "system", "content": "Be brief."}, user("hi"), {"role": "assistant", "content": "Hello!"}]},
    {"id": "c", "category": "call_time", "tools": TOOLS,
     "messages": [user("What time is it in Tokyo? I need to call my colleague there before the meeting starts."),
                  {"role": "assistant", "content": "", "tool_calls": [
                      {"type": "function", "function": {"name": "get_time", "arguments": {"location": "Tokyo"}}}]}]},
    {"id": "d", "category": "no_call_knowledge",
     "messages": [user("Capital of France?"), {"role": "assistant", "content": "Paris."},
                  user("And of Japan? Please answer in one word."), {"role": "assistant", "content": "Tokyo."}]},
]


def row_reply(messages, tools, settings):
    """Answers from the last user message: right, wrong-tool, broken and text replies for ROWS."""
    text = messages[-1]["content"]
    if "Weather in Paris" in text:
        return format_tool_call("get_weather", {"city": "Paris"})
    if "Tokyo?" in text:
        return format_tool_call("get_weather", {"city": "Tokyo"})  # wrong tool
    if "Japan" in text:
        return '<tool_call>{"name": "get_time", "arguments": {</tool_call>'  # broken call
    return "Hello!"


def test_predictions_keep_fields_and_order_and_get_tagged():
    handle = ScriptedModel(reply=row_reply)
    seen = []
    result = evaluate(ROWS, handle, EvalConfig(batch_size=3), progress=lambda done, total: seen.append((done, total)))
    assert seen == [(3, 4), (4, 4)] and handle.batches == [3, 1]
    # each row is generated from its context with the tools it declares, the built-ins where a row has none
    assert [(asked.messages, asked.tools) for asked in handle.asked] == [(row["messages"][:-1], TOOLS) for row in ROWS]
    for row, out in zip(ROWS, result.predictions):
        assert {k: out[k] for k in row} == row  # every input field preserved, in input order
    a, b, c, d = result.predictions
    assert a["prediction"] == {"content": "", "tool_calls": [{"name": "get_weather", "arguments": {"city": "Paris"}}]}
    assert a["raw_output"] == format_tool_call("get_weather", {"city": "Paris"})
    assert b["prediction"] == {"content": "Hello!", "tool_calls": []}
    assert [r["failure"] for r in result.predictions] == [None, None, "wrong_tool", "invalid_call"]
    assert "unparsable" in d["failure_reason"]
    m = result.metrics
    assert m["rows"] == 4 and m["accuracy"] == 0.5 and m["model"] == handle.label and m["examples_per_s"] > 0
    assert m["confusion_matrix"]["matrix"] == [[1, 1], [0, 2]]
    assert m["per_category"]["call_time"]["failures"] == {"wrong_tool": 1}


def time_caller(messages, tools, settings):
    """Calls get_time whenever a reply may call, and says it can't otherwise."""
    if settings.calls_ruled_out:
        return "I can't look up the time here."
    return format_tool_call("get_time", {"location": "Lima"})


def test_a_row_lacking_a_builtin_tool_is_offered_it_and_a_call_to_it_is_declined():
    no_time = [t for t in TOOLS if t["function"]["name"] != "get_time"]
    row = {"id": "e", "category": "missing_tool", "tools": no_time,
           "messages": [user("What time is it in Lima?"), {"role": "assistant", "content": "I can't do that here."}]}
    handle = ScriptedModel(reply=time_caller)
    result = evaluate([row], handle)
    first, second = handle.asked
    assert first.messages == second.messages == row["messages"][:-1]
    assert first.tools == no_time + TOOLS[2:] and first.settings.call_threshold == 0.4
    assert second.tools == no_time and math.isinf(second.settings.call_threshold)
    out = result.predictions[0]
    assert out["declined"] == ["get_time"] and out["prediction"]["tool_calls"] == [] and out["failure"] is None
    assert result.metrics["declined_rows"] == 1 and result.metrics["config"]["decoys"] is True
    assert "(declined get_time)" in predicted_text(out)

    plain = evaluate([row], ScriptedModel(reply=time_caller), EvalConfig(decoys=False)).predictions[0]
    assert plain["declined"] == [] and plain["failure"] == "invalid_call"  # get_time is not among its tools


def test_a_declined_call_beside_a_declared_one_is_dropped_and_the_declared_one_scored():
    no_time = [t for t in TOOLS if t["function"]["name"] != "get_time"]
    row = {"id": "w", "category": "call_weather", "tools": no_time,
           "messages": [user("Weather in Lima?"), {"role": "assistant", "content": "",
                        "tool_calls": [{"type": "function", "function": {"name": "get_weather",
                                                                         "arguments": {"city": "Lima"}}}]}]}
    both = [format_tool_call("get_weather", {"city": "Lima"}), format_tool_call("get_time", {"location": "Lima"})]
    handle = ScriptedModel("\n".join(both))
    out = evaluate([row], handle).predictions[0]
    assert len(handle.asked) == 1  # no second, answer-only pass
    assert out["declined"] == ["get_time"] and out["failure"] is None
    assert out["prediction"]["tool_calls"] == [{"name": "get_weather", "arguments": {"city": "Lima"}}]


def test_batched_and_one_by_one_generation_give_identical_predictions(tiny_handle):
    one = evaluate(ROWS, tiny_handle, EvalConfig(batch_size=1, generation=GenerationSettings(10)))
    batched = evaluate(ROWS, tiny_handle, EvalConfig(batch_size=4, generation=GenerationSettings(10)))
    assert [r["raw_output"] for r in one.predictions] == [r["raw_output"] for r in batched.predictions]
    assert all(r["raw_output"] for r in one.predictions)  # the tiny model did generate something
    assert [r["prediction"] for r in one.predictions] == [r["prediction"] for r in batched.predictions]


def test_write_results_and_report(tmp_path):
    result = evaluate(ROWS, ScriptedModel(reply=row_reply))
    out = write_results(result, tmp_path / "eval")
    lines = [json.loads(line) for line in (out / "predictions.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in lines] == ["a", "b", "c", "d"] and lines[0]["extra"] == {"keep": True}
    assert json.loads((out / "metrics.json").read_text())["failures"]["wrong_tool"] == 1
    assert (out / "confusion_matrix.png").stat().st_size > 1000
    report = (out / "report.md").read_text(encoding="utf-8")
    assert report == report_markdown(result)
    for part in ("tool+arguments accuracy", "| no call | 1 | 1 |", "## Failures by kind", "## Per category",
                 "`wrong_tool` · call_time · c", "`invalid_call` · no_call_knowledge · d",
                 "predicted assistant: → get_weather({\"city\": \"Tokyo\"})"):
        assert part in report, part


def write_jsonl(path, rows):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def test_cli_end_to_end(tiny_handle, tmp_path, monkeypatch, capsys):
    from fc.model import ModelHandle

    loads = []
    monkeypatch.setattr(ModelHandle, "load", classmethod(lambda cls, base, adapter, **kw: loads.append((base, adapter))
                                                         or tiny_handle))
    data = write_jsonl(tmp_path / "rows.jsonl", ROWS)
    rc = main(["--data", str(data), "--out", str(tmp_path / "out"), "--adapter", "none", "--batch-size", "2",
               "--max-new-tokens", "4", "--call-threshold", "0.3", "--no-guided-calls", "--no-decoys", "--limit", "3"])
    assert rc == 0 and loads == [("embedded", "none")]
    assert len((tmp_path / "out" / "predictions.jsonl").read_text().splitlines()) == 3
    assert "call detection F1" in capsys.readouterr().out
    metrics = json.loads((tmp_path / "out" / "metrics.json").read_text())
    assert metrics["config"] == {"batch_size": 2, "max_new_tokens": 4, "temperature": 0.0, "top_p": 1.0,
                                 "call_threshold": 0.3, "guided_calls": False, "copy_bias": 0.0, "decoys": False}
    assert "guided calls off" in (tmp_path / "out" / "report.md").read_text()
    assert metrics["model"] == "tiny-random-llama"


def test_cli_reports_bad_lines(tmp_path, capsys):
    data = tmp_path / "bad.jsonl"
    data.write_text(json.dumps(ROWS[0]) + "\n{oops\n" + json.dumps({"messages": [user("no answer")]}) + "\n")
    assert main(["--data", str(data), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "line 2: bad JSON" in err and "line 3:" in err and "last message is not from the assistant" in err
    assert not (tmp_path / "out").exists()


def test_bfcl_rows_use_every_message_as_context():
    pytest.importorskip("bfcl_eval")
    rows = load_rows(bfcl="simple_python, irrelevance", limit=2)
    assert [r["category"] for r in rows] == ["simple_python"] * 2 + ["irrelevance"] * 2
    handle = ScriptedModel(reply=row_reply)
    result = evaluate(rows, handle)
    assert result.metrics["bfcl"] and set(result.metrics["per_category"]) == {"simple_python", "irrelevance"}
    assert result.metrics["per_category"]["irrelevance"]["accuracy"] == 1.0  # "Hello!" is no call
    assert {r["failure"] for r in result.predictions if r["category"] == "simple_python"} == {"missed_call"}
    assert "## BFCL accuracy per category" in report_markdown(result)


# ----------------------------------------------------------------------------- Evaluate tab helpers
def test_tab_helpers_filter_failures_and_build_corrections(tmp_path, monkeypatch):
    tab = pytest.importorskip("train.tabs.evaluate")
    from train import corrections

    result = evaluate(ROWS, ScriptedModel(reply=row_reply))
    table = tab.failure_table(result.predictions)
    assert table["#"].tolist() == [2, 3] and table["kind"].tolist() == ["wrong_tool", "invalid_call"]
    assert tab.failure_table(result.predictions, kind="wrong_tool")["id"].tolist() == ["c"]
    assert tab.failure_table(result.predictions, category="no_call_knowledge")["id"].tolist() == ["d"]
    assert tab.failure_table(result.predictions, "wrong_tool", "no_call_knowledge").empty

    target = tab.failure_target(result.predictions[2])
    assert target["turn"] == ROWS[2]["messages"][-1] and target["extras"]["id"] == "c"
    monkeypatch.setattr(corrections, "CORRECTIONS_FILE", tmp_path / "corrections.jsonl")
    assert "Appended" in tab.save_correction(target, tab.editable_turn(target["turn"]))
    saved = corrections.load_corrections()
    assert saved[0]["messages"] == ROWS[2]["messages"] and saved[0]["source"] == "eval"
    assert "prediction" not in saved[0] and "failure" not in saved[0]
    with pytest.raises(ValueError, match="not in the row's tools"):
        tab.save_correction(target, '{"tool_calls": [{"name": "nope", "arguments": {}}]}')


def test_tab_flag_target_and_rows_for(tmp_path):
    tab = pytest.importorskip("train.tabs.evaluate")
    flag = {"id": "flag-1", "note": "wrong city", "model": "m", "system": "Be brief.", "tools": TOOLS,
            "messages": [user("Weather in Paris?"),
                         {"role": "assistant", "content": "", "tool_calls": [
                             {"type": "function", "function": {"name": "get_weather", "arguments": {"city": "Lyon"}}}]},
                         {"role": "tool", "name": "get_weather", "content": "{}"},
                         {"role": "assistant", "content": "Sunny in Lyon."}]}
    last = tab.flag_target(flag)
    assert last["turn"]["content"] == "Sunny in Lyon." and len(last["context"]) == 4  # system + 3
    first = tab.flag_target(flag, 1)
    assert first["context"] == [{"role": "system", "content": "Be brief."}, user("Weather in Paris?")]
    with pytest.raises(ValueError):
        tab.flag_target(flag, 2)
    bad = write_jsonl(tmp_path / "up.jsonl", [ROWS[0], {"messages": []}])
    with pytest.raises(ValueError, match="line 2"):
        tab.rows_for("upload JSONL", str(bad), None, None)
    assert len(tab.rows_for("upload JSONL", str(write_jsonl(tmp_path / "ok.jsonl", ROWS)), None, 2)) == 2


def test_tab_builds():
    gr = pytest.importorskip("gradio")
    tab = pytest.importorskip("train.tabs.evaluate")
    with gr.Blocks():
        tab.build_evaluate_tab(lambda base, adapter: None)
