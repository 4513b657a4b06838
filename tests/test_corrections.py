"""train.corrections: parsing edited turns, validating correction rows, appending and loading them."""
import json

import pytest

from train.corrections import (append_correction, correction_row, load_corrections, parse_turn,
                               turn_of_prediction)
from train.dataset import DatasetError

CONTEXT = [{"role": "user", "content": "Weather in Paris in fahrenheit?"}]
CALL = {"type": "function", "function": {"name": "get_weather", "arguments": {"city": "Paris", "unit": "fahrenheit"}}}


def test_parse_turn_accepts_both_call_formats():
    ours = parse_turn(json.dumps({"role": "assistant", "content": "", "tool_calls": [CALL]}))
    short = parse_turn('{"tool_calls": [{"name": "get_weather", "arguments": "{\\"city\\": \\"Paris\\", '
                       '\\"unit\\": \\"fahrenheit\\"}"}]}')
    assert ours == short == {"role": "assistant", "content": "", "tool_calls": [CALL]}
    assert parse_turn('{"content": "Hi!"}') == {"role": "assistant", "content": "Hi!"}


@pytest.mark.parametrize("text, reason", [
    ("{oops", "not valid JSON"),
    ("[]", "JSON object"),
    ('{"role": "user", "content": "x"}', "assistant message"),
    ('{"content": "x", "calls": []}', "unexpected field"),
    ('{"content": 3}', "content must be a string"),
    ('{"tool_calls": {}}', "must be a list"),
    ('{"tool_calls": [{"arguments": {}}]}', "needs a name"),
    ('{"tool_calls": [{"name": "f", "arguments": [1]}]}', "must be an object"),
    ('{"tool_calls": [{"name": "f", "arguments": "{bad"}]}', "not valid JSON"),
])
def test_parse_turn_rejects_with_a_reason(text, reason):
    with pytest.raises(ValueError, match=reason):
        parse_turn(text)


def test_turn_of_prediction():
    prediction = {"content": "",
                  "tool_calls": [{"name": "get_weather", "arguments": {"city": "Paris", "unit": "fahrenheit"}}]}
    assert turn_of_prediction(prediction) == {"role": "assistant", "content": "", "tool_calls": [CALL]}
    assert turn_of_prediction({"content": "Hi", "tool_calls": []}) == {"role": "assistant", "content": "Hi"}


def test_correction_row_checks_format_and_schemas():
    row = correction_row(CONTEXT, {"role": "assistant", "content": "", "tool_calls": [CALL]}, None,
                         id="x", category="call_weather", source="eval")
    assert row == {"id": "x", "category": "call_weather", "source": "eval",
                   "messages": [*CONTEXT, {"role": "assistant", "content": "", "tool_calls": [CALL]}]}
    bad_unit = {"type": "function", "function": {"name": "get_weather", "arguments": {"city": "Paris", "unit": "K"}}}
    with pytest.raises(ValueError, match="unit"):
        correction_row(CONTEXT, {"role": "assistant", "content": "", "tool_calls": [bad_unit]}, None)
    with pytest.raises(ValueError, match="neither content nor tool_calls"):
        correction_row(CONTEXT, {"role": "assistant", "content": ""}, None)
    tools = [{"type": "function", "function": {"name": "ping", "parameters": {"type": "object", "properties": {}}}}]
    with pytest.raises(ValueError, match="not in the row's tools"):
        correction_row(CONTEXT, {"role": "assistant", "content": "", "tool_calls": [CALL]}, tools)


def test_append_and_load_round_trip(tmp_path):
    path = tmp_path / "corrections" / "corrections.jsonl"
    assert load_corrections(path) == []
    row = correction_row(CONTEXT, {"role": "assistant", "content": "", "tool_calls": [CALL]}, None, id="1", extra=[1])
    saved = append_correction(row, path)
    append_correction({**row, "id": "2", "corrected_at": "2025-01-01T00:00:00+00:00"}, path)
    loaded = load_corrections(path)
    assert [r["id"] for r in loaded] == ["1", "2"] and loaded[0] == saved and loaded[0]["extra"] == [1]
    assert saved["corrected_at"] and loaded[1]["corrected_at"] == "2025-01-01T00:00:00+00:00"
    with pytest.raises(ValueError, match="last message is not from the assistant"):
        append_correction({"messages": CONTEXT}, path)
    assert len(load_corrections(path)) == 2
    path.write_text(path.read_text() + "{broken\n")
    with pytest.raises(DatasetError, match="line 3"):
        load_corrections(path)
