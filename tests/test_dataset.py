"""train.dataset: validation, JSONL loading with line-numbered errors, atomic saving."""
import json
import os
import re
from collections import Counter
from pathlib import Path

import pytest

from fc.tools import ToolCall, ToolRegistry, load_tool_schemas
from train.dataset import DatasetError, load_jsonl, row_tools, save_jsonl, validate_row

HANDWRITTEN = Path(__file__).resolve().parent.parent / "data" / "handwritten.jsonl"
PLACE_ARGS = {"city", "location", "harbor", "beach"}

CALL = {"type": "function", "function": {"name": "get_weather", "arguments": {"city": "Lyon"}}}


def row(**extra):
    return {"messages": [{"role": "user", "content": "Weather in Lyon?"},
                         {"role": "assistant", "content": "", "tool_calls": [CALL]},
                         {"role": "tool", "name": "get_weather", "content": "{\"temperature\": 12}"},
                         {"role": "assistant", "content": "12°C in Lyon."}], **extra}


def test_valid_rows_have_no_reasons():
    assert validate_row(row()) == []
    assert validate_row(row(tools=load_tool_schemas())) == []
    assert validate_row({"messages": [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "hello"}]}) == []


@pytest.mark.parametrize("bad, reason", [
    ([], "not a JSON object"),
    ({"messages": []}, "empty 'messages'"),
    ({"messages": [{"role": "user", "content": "hi"}]}, "last message"),
    ({"messages": [{"role": "robot", "content": "hi"}, {"role": "assistant", "content": "x"}]}, "unknown role"),
    ({"messages": [{"role": "user", "content": "hi"}, {"role": "assistant", "content": ""}]}, "neither content"),
    ({"messages": [{"role": "user", "content": "hi"}, {"role": "tool", "name": "get_time", "content": "{}"},
                   {"role": "assistant", "content": "x"}]}, "without a preceding call"),
    ({"messages": [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "", "tool_calls": [
        {"type": "function", "function": {"name": "get_weather", "arguments": "{\"city\": \"Lyon\"}"}}]}]},
     "arguments must be a dict"),
    ({"messages": [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "", "tool_calls": [
        {"type": "function", "function": {"name": "fly", "arguments": {}}}]}]}, "not in the row's tools"),
    ({"messages": [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "x"}], "tools": [{}]},
     "'tools' must be"),
])
def test_invalid_rows_say_why(bad, reason):
    reasons = validate_row(bad)
    assert any(reason in r for r in reasons), reasons


def test_calls_are_checked_against_the_row_tools():
    tools = [t for t in load_tool_schemas() if t["function"]["name"] != "get_weather"]
    assert any("not in the row's tools" in r for r in validate_row(row(tools=tools)))


def test_load_reports_every_bad_line_with_its_number(tmp_path):
    path = tmp_path / "rows.jsonl"
    lines = [json.dumps(row()), "{not json", "", json.dumps({"messages": []}), json.dumps(row()),
             json.dumps({"messages": [{"role": "user", "content": "hi"}]})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DatasetError) as info:
        load_jsonl(path)
    assert [n for n, _ in info.value.problems] == [2, 4, 6]
    message = str(info.value)
    assert "line 2: bad JSON" in message and "line 4:" in message and "line 6: last message" in message


def test_blank_lines_are_ignored(tmp_path):
    path = tmp_path / "rows.jsonl"
    path.write_text("\n" + json.dumps(row()) + "\n\n   \n" + json.dumps(row()) + "\n", encoding="utf-8")
    assert len(load_jsonl(path)) == 2


def test_round_trip_keeps_extra_fields_and_unicode(tmp_path):
    rows = [row(id="w-1", category="call_weather", lang="zh-Hant", group="weather.t1", note={"k": [1, 2]}),
            row(source="東京 ☀️")]
    path = tmp_path / "sub" / "rows.jsonl"
    save_jsonl(rows, path)
    assert load_jsonl(path) == rows
    assert "東京" in path.read_text(encoding="utf-8")


def test_save_is_atomic(tmp_path):
    path = tmp_path / "rows.jsonl"
    save_jsonl([row(id="old")], path)
    before = path.read_text(encoding="utf-8")

    def rows():
        yield row(id="new")
        raise RuntimeError("interrupted")

    with pytest.raises(RuntimeError):
        save_jsonl(rows(), path)
    assert path.read_text(encoding="utf-8") == before
    assert os.listdir(tmp_path) == ["rows.jsonl"]


def test_the_hand_written_set_is_valid_and_reaches_beyond_the_generator():
    from train.data.generate import is_call_row

    rows = load_jsonl(HANDWRITTEN)
    assert len(rows) >= 200  # one row weighs at most half a point
    assert len({r["id"] for r in rows}) == len(rows)
    calls = sum(is_call_row({"messages": r["messages"][-1:]}) for r in rows)
    assert 0.4 < calls / len(rows) < 0.6
    langs = Counter(r["lang"] for r in rows)
    assert {"it", "ko", "ru", "vi"} <= set(langs)
    assert min(langs.values()) >= 12
    builtin = {t["function"]["name"] for t in load_tool_schemas()}
    assert {t["function"]["name"] for r in rows for t in r.get("tools", [])} - builtin


def test_hand_written_calls_fit_their_tools_and_quote_places_as_written():
    """Every call fits its row's schemas, and a place argument is the user's own span: a substring of the user
    turn it answers (in a follow-up, of any earlier user turn: "What time is it there?")."""
    for row in load_jsonl(HANDWRITTEN):
        registry = ToolRegistry.from_schemas(row_tools(row))
        users = []
        for message in row["messages"]:
            if message["role"] == "user":
                users.append(message["content"])
            for call in message.get("tool_calls", []):
                name, args = call["function"]["name"], call["function"]["arguments"]
                assert registry.validate(ToolCall(name, args)) is None, row["id"]
                quoted = users if row["category"] == "followup" else users[-1:]
                for key in PLACE_ARGS & args.keys():
                    assert any(args[key] in text for text in quoted), (row["id"], args[key])


def test_hand_written_answers_state_only_numbers_from_the_tool_results():
    """An answer after tool results invents no value (UTC offset, humidity...): each of its numbers is in them."""
    for row in load_jsonl(HANDWRITTEN):
        *context, answer = row["messages"]
        results = [m["content"] for m in context if m["role"] == "tool"]
        if context[-1]["role"] == "tool":
            numbers = set(re.findall(r"\d+", " ".join(results)))
            assert set(re.findall(r"\d+", answer["content"])) <= numbers, row["id"]
