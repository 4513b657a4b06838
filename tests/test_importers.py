import json

import pytest

from train.dataset import validate_row
from train.data.importers import (ConversionError, convert_file, convert_record, detect_format, main,
                             xlam_tool, xlam_type_to_schema)


def calls_of(message):
    return [(c["function"]["name"], c["function"]["arguments"]) for c in message.get("tool_calls", [])]


def tool_names(row):
    return [t["function"]["name"] for t in row["tools"]]


def write_lines(path, lines):
    text = "".join((x if isinstance(x, str) else json.dumps(x, ensure_ascii=False)) + "\n" for x in lines)
    path.write_text(text, encoding="utf-8")
    return path


# --- 1. call("name", {...}) style -------------------------------------------------------------------

def test_call_style_input_output():
    row = convert_record({"input": "畫一隻貓", "label": 1,
                          "output": 'call("generate_image", {"prompt": "a cat, watercolor"})'})
    assert validate_row(row) == []
    assert row["messages"][0] == {"role": "user", "content": "畫一隻貓"}
    assert calls_of(row["messages"][1]) == [("generate_image", {"prompt": "a cat, watercolor"})]
    assert tool_names(row) == ["generate_image", "get_weather", "get_time"]  # canonical built-ins
    assert row["label"] == 1  # unused source fields are kept


def test_call_style_plain_answer_and_messages_shape():
    plain = convert_record({"input": "這張影像的作者是誰？", "output": "作者是攝影師山田太郎。"})
    assert plain["messages"][1] == {"role": "assistant", "content": "作者是攝影師山田太郎。"}
    seed_row = {"messages": [
        {"role": "user", "content": "能提供一幅吉卜力風格的藝術作品嗎"},
        {"role": "assistant", "content": 'call("generate_image", {"prompt": "吉卜力風格插畫"})'}]}
    assert detect_format(seed_row) == "call"
    row = convert_record(seed_row)
    assert calls_of(row["messages"][1]) == [("generate_image", {"prompt": "吉卜力風格插畫"})]


@pytest.mark.parametrize("output, reason", [
    ('call("generate_image", {"prompt": some_variable})', "unparsable call"),
    ('call("generate_image(<reference_photo_path>", {"prompt": "x"})', "not in the row's tools"),
    ('call("launch_rocket", {})', "not in the row's tools"),
])
def test_call_style_errors(output, reason):
    with pytest.raises(ConversionError, match=reason):
        convert_record({"input": "hi", "output": output})


# --- 2. instruction + function_call -----------------------------------------------------------------

def test_instruction_function_call():
    row = convert_record({"instruction": "请告诉我北京的天气",
                          "function_call": {"name": "get_weather", "parameters": {"city": "北京"}}})
    assert validate_row(row) == []
    assert row["messages"][0] == {"role": "user", "content": "请告诉我北京的天气"}
    assert calls_of(row["messages"][1]) == [("get_weather", {"city": "北京"})]


def test_instruction_string_arguments_input_and_plain_answer():
    row = convert_record({"instruction": "What time is it?", "input": "in Tokyo",
                          "function_call": {"name": "get_time", "arguments": '{"location": "Tokyo"}'}})
    assert row["messages"][0]["content"] == "What time is it?\n\nin Tokyo"
    assert calls_of(row["messages"][1]) == [("get_time", {"location": "Tokyo"})]
    plain = convert_record({"instruction": "Say hi", "response": "Hi!"})
    assert plain["messages"][1] == {"role": "assistant", "content": "Hi!"}
    with pytest.raises(ConversionError, match="neither `function_call` nor"):
        convert_record({"instruction": "Say hi"})


# --- 3. ShareGPT / Hermes ---------------------------------------------------------------------------

HERMES_SYSTEM = (
    "You are a function calling AI model. You are provided with function signatures within <tools> </tools> "
    "XML tags.\n<tools>\n[{'type': 'function', 'function': {'name': 'get_camera_live_feed', 'description': "
    "'Retrieves the live feed from a camera.', 'parameters': {'type': 'object', 'properties': {'camera_id': "
    "{'type': 'string'}, 'stream_quality': {'type': 'string', 'enum': ['720p', '1080p', '4k']}}, "
    "'required': ['camera_id']}}}]\n</tools>\nFor each function call return a json object with function name "
    "and arguments within <tool_call> </tool_call> tags:\n<tool_call>\n{'arguments': <args-dict>, "
    "'name': <function-name>}\n</tool_call>\n")


def hermes_record():
    return {"id": "85f6", "category": "IoT", "conversations": [
        {"from": "system", "value": HERMES_SYSTEM},
        {"from": "human", "value": "Show the front door and garage cameras in 1080p."},
        {"from": "gpt", "value": (
            "<tool_call>\n{'arguments': {'camera_id': 'front_door', 'stream_quality': '1080p'}, "
            "'name': 'get_camera_live_feed'}\n</tool_call>\n"
            '<tool_call>\n{"name": "get_camera_live_feed", "arguments": {"camera_id": "garage"}}\n'
            "</tool_call>")},
        {"from": "tool", "value": (
            '<tool_response>\n{"name": "get_camera_live_feed", "content": {"url": "rtsp://cam/front"}}\n'
            "</tool_response>\n<tool_response>\nrtsp://cam/garage\n</tool_response>")},
        {"from": "gpt", "value": "Both feeds are live."}]}


def test_sharegpt_hermes():
    row = convert_record(hermes_record())
    assert validate_row(row) == []
    assert tool_names(row) == ["get_camera_live_feed"]
    assert row["tools"][0]["function"]["parameters"]["required"] == ["camera_id"]
    roles = [m["role"] for m in row["messages"]]
    assert roles == ["user", "assistant", "tool", "tool", "assistant"]  # tool-declaring system turn dropped
    assert calls_of(row["messages"][1]) == [
        ("get_camera_live_feed", {"camera_id": "front_door", "stream_quality": "1080p"}),
        ("get_camera_live_feed", {"camera_id": "garage"})]
    tool = {"role": "tool", "name": "get_camera_live_feed"}
    assert row["messages"][2] == {**tool, "content": '{"url": "rtsp://cam/front"}'}
    assert row["messages"][3] == {**tool, "content": "rtsp://cam/garage"}
    assert row["id"] == "85f6" and row["category"] == "IoT"


def test_sharegpt_function_call_and_observation_turns():
    weather = {"name": "get_weather", "description": "Weather",
               "parameters": {"type": "object", "properties": {"city": {"type": "string"}}}}
    record = {"tools": json.dumps([weather]), "conversations": [
        {"from": "human", "value": "Weather in Paris?"},
        {"from": "function_call", "value": '{"name": "get_weather", "arguments": {"city": "Paris"}}'},
        {"from": "observation", "value": '{"temp": 21}'},
        {"from": "gpt", "value": "21 degrees."}]}
    row = convert_record(record)
    assert validate_row(row) == []
    assert calls_of(row["messages"][1]) == [("get_weather", {"city": "Paris"})]
    assert row["messages"][2] == {"role": "tool", "name": "get_weather", "content": '{"temp": 21}'}


def test_sharegpt_errors():
    bad_call = hermes_record()
    bad_call["conversations"][2]["value"] = "<tool_call>{'name': 'get_camera_live_feed', 'arguments':</tool_call>"
    with pytest.raises(ConversionError, match="sharegpt: unparsable tool call"):
        convert_record(bad_call)
    bad_role = {"conversations": [{"from": "narrator", "value": "Once upon a time"}]}
    with pytest.raises(ConversionError, match="unknown role 'narrator'"):
        convert_record(bad_role)


# --- 4. xLAM ----------------------------------------------------------------------------------------

XLAM_TOOL = {"name": "is_power_of_two", "description": "Checks if a number is a power of two.",
             "parameters": {"num": {"description": "The number to check.", "type": "int"},
                            "base": {"description": "Base.", "type": "int, optional", "default": 2},
                            "tags": {"description": "Tags.", "type": "List[str]", "default": ""}}}
XLAM = {"id": 7, "query": "Check if 8 and 1233 are powers of two.", "tools": json.dumps([XLAM_TOOL]),
        "answers": json.dumps([{"name": "is_power_of_two", "arguments": {"num": 8}},
                               {"name": "is_power_of_two", "arguments": {"num": 1233}}])}


def test_xlam_row():
    row = convert_record(XLAM)
    assert validate_row(row) == []
    assert row["id"] == 7
    assert row["messages"][0] == {"role": "user", "content": XLAM["query"]}
    assert calls_of(row["messages"][1]) == [("is_power_of_two", {"num": 8}),
                                            ("is_power_of_two", {"num": 1233})]
    params = row["tools"][0]["function"]["parameters"]
    assert params["required"] == ["num"]  # optional in the type, or a default given
    assert params["properties"]["num"] == {"type": "integer", "description": "The number to check."}
    assert params["properties"]["base"] == {"type": "integer", "description": "Base.", "default": 2}
    assert params["properties"]["tags"]["type"] == "array"


@pytest.mark.parametrize("text, schema, optional", [
    ("str", {"type": "string"}, False),
    ("int, optional", {"type": "integer"}, True),
    ("float", {"type": "number"}, False),
    ("bool, optional", {"type": "boolean"}, True),
    ("List[int]", {"type": "array", "items": {"type": "integer"}}, False),
    ("List[Dict[str, Any]]", {"type": "array", "items": {"type": "object"}}, False),
    ("Tuple[float, float]", {"type": "array", "items": {"type": "number"}}, False),
    ("list", {"type": "array"}, False),
    ("dict", {"type": "object"}, False),
    ("Dict[str, int]", {"type": "object"}, False),
    ("Optional[str]", {"type": "string"}, True),
    ("str or None", {"type": "string"}, True),
    ("Union[int, float]", {"type": "number"}, False),
    ("Union[str, List[str]]", {}, False),
    ("Callable", {}, False),
    ("Any", {}, False),
])
def test_xlam_type_mapping(text, schema, optional):
    assert xlam_type_to_schema(text) == (schema, optional)


def test_xlam_tool_already_json_schema_and_errors():
    schema = {"type": "object", "properties": {"q": {"type": "string"}}, "required": ["q"]}
    tool = xlam_tool({"name": "s", "description": "d", "parameters": schema})
    assert tool["function"]["parameters"] == schema
    with pytest.raises(ConversionError, match="no `answers`"):
        convert_record({**XLAM, "answers": "[]"})
    with pytest.raises(ConversionError, match="not JSON or a Python literal"):
        convert_record({**XLAM, "tools": "[{broken"})


# --- 5. BFCL entry, native rows, files and CLI ------------------------------------------------------

def test_bfcl_entry():
    record = {"id": "simple_python_1", "question": [[{"role": "user", "content": "Factorial of 5?"}]],
              "function": [{"name": "math.factorial", "description": "Factorial.",
                            "parameters": {"type": "dict", "properties": {"number": {"type": "integer"}},
                                           "required": ["number"]}}]}
    row = convert_record(record)
    assert row["messages"] == [{"role": "user", "content": "Factorial of 5?"}]
    assert row["tools"][0]["function"]["name"] == "math.factorial"
    assert row["tools"][0]["function"]["parameters"]["type"] == "object"
    assert row["category"] == "simple_python"


def test_native_row_string_arguments_decoded():
    row = convert_record({"messages": [
        {"role": "user", "content": "time in Oslo"},
        {"role": "assistant", "content": "", "tool_calls": [
            {"id": "c1", "type": "function",
             "function": {"name": "get_time", "arguments": '{"location": "Oslo"}'}}]},
        {"role": "tool", "name": "get_time", "content": "12:00"},
        {"role": "assistant", "content": "It is noon."}]})
    assert validate_row(row) == []
    assert calls_of(row["messages"][1]) == [("get_time", {"location": "Oslo"})]


def test_convert_file_reports_line_numbers(tmp_path):
    path = write_lines(tmp_path / "mixed.jsonl", [
        {"input": "draw a fox", "output": 'call("generate_image", {"prompt": "a fox"})'},
        "",
        "{not json",
        {"instruction": "weather in Rome",
         "function_call": {"name": "get_weather", "parameters": {"city": "Rome"}}},
        {"hello": "world"},
        XLAM,
        {"input": "x", "output": 'call("generate_image", {"prompt": undefined_name})'},
        "[1, 2]",
    ])
    rows, errors = convert_file(path)
    assert len(rows) == 3
    assert [e.split(":")[0] for e in errors] == ["line 3", "line 5", "line 7", "line 8"]
    assert "invalid JSON" in errors[0] and "unrecognised record" in errors[1]
    assert errors[2].startswith("line 7: call: unparsable call")
    assert "expected a JSON object" in errors[3]


def test_convert_file_forced_format_and_json_array(tmp_path):
    path = tmp_path / "train.json"
    good = {"instruction": "time in Paris",
            "function_call": {"name": "get_time", "parameters": {"location": "Paris"}}}
    path.write_text(json.dumps([good, {"instruction": "nothing to answer"}], indent=2))
    rows, errors = convert_file(path)
    assert len(rows) == 1
    assert errors == ["record 2: instruction: neither `function_call` nor an `output`/`response` answer"]
    rows, errors = convert_file(write_lines(tmp_path / "x.jsonl", [XLAM]), fmt="sharegpt")
    assert rows == [] and errors[0].startswith("line 1: sharegpt:")
    broken = tmp_path / "broken.json"
    broken.write_text('[\n  {"input": "a", "output": "b"},\n  {oops}\n]')
    assert convert_file(broken) == (
        [], ["line 3: invalid JSON array: Expecting property name enclosed in double quotes (column 4)"])
    array_line_first = write_lines(tmp_path / "y.jsonl", ["[1]", XLAM])
    rows, errors = convert_file(array_line_first)
    assert len(rows) == 1 and errors == ["line 1: expected a JSON object, got list"]


def test_cli(tmp_path, capsys):
    src = write_lines(tmp_path / "in.jsonl", [hermes_record(), "oops"])
    out = tmp_path / "out.jsonl"
    assert main([str(src), str(out)]) == 1
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 1 and validate_row(rows[0]) == []
    err = capsys.readouterr().err
    assert "line 2: invalid JSON" in err and "1 rows written" in err
    assert main([str(src), str(out), "--format", "sharegpt"]) == 1
