"""Flagged chat turns: appended as dataset-format JSONL rows, read back for the Evaluate tab."""
import json

import pytest

from fc.flags import flags_path, load_flags, save_flag
from fc.tools import load_tool_schemas

CONVERSATION = [
    {"role": "user", "content": "天氣 in Paris?"},
    {"role": "assistant", "content": "",
     "tool_calls": [{"type": "function", "function": {"name": "get_weather", "arguments": {"city": "Paris"}}}]},
    {"role": "tool", "name": "get_weather", "content": json.dumps({"city": "Paris", "temperature": 6})},
    {"role": "assistant", "content": "It is 60 degrees."},
]


@pytest.fixture(autouse=True)
def flag_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("FC_FLAG_DIR", str(tmp_path / "flagged"))
    return tmp_path / "flagged"


def test_flags_append_rows_in_the_dataset_format(flag_dir):
    tools = load_tool_schemas()
    first = save_flag(CONVERSATION, tools, "  wrong temperature  ", "SmolLM2 + default")
    save_flag(CONVERSATION[:1], tools, "", "other model", system="Be brief.")
    assert flags_path() == flag_dir / "flags.jsonl"
    lines = flags_path().read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2 and "天氣" in lines[0]  # one JSON object per line, Chinese kept readable
    rows = load_flags()
    assert rows[0] == first
    assert rows[0]["messages"] == CONVERSATION and rows[0]["tools"] == tools
    assert rows[0]["note"] == "wrong temperature" and rows[0]["model"] == "SmolLM2 + default"
    assert rows[0]["time"].endswith("+00:00") and rows[0]["id"] != rows[1]["id"]
    assert rows[1]["messages"] == [{"role": "system", "content": "Be brief."}, CONVERSATION[0]]


def test_extra_fields_say_which_side_of_a_comparison_was_right_but_cannot_replace_the_row():
    verdict = {"pair": "pair-1", "side": "B", "verdict": "B"}
    row = save_flag(CONVERSATION, [], "B was right", "m", extra={"compare": verdict, "note": "replaced?"})
    assert load_flags()[0]["compare"] == verdict and row["note"] == "B was right"


def test_rows_pass_the_dataset_validator():
    dataset = pytest.importorskip("train.dataset")
    row = save_flag(CONVERSATION, load_tool_schemas(), "note", "model")
    assert dataset.validate_row(row) == []


def test_nothing_flagged_is_an_empty_list_and_an_empty_conversation_is_refused():
    assert load_flags() == []
    with pytest.raises(ValueError, match="no conversation"):
        save_flag([], [], "note", "model")


def test_bad_lines_are_named(flag_dir):
    save_flag(CONVERSATION, [], "", "m")
    with flags_path().open("a", encoding="utf-8") as f:
        f.write("{not json\n\n[1, 2]\n")
    with pytest.raises(ValueError, match=r"line 2: .*; line 4: not a row"):
        load_flags()
