"""Metrics and failure kinds on hand-made predictions with known answers."""
import json

import pytest

from fc.prompt import format_tool_call
from train.metrics import (ANSWER_MIN_ROUGE_L, FAILURE_KINDS, compare_arguments, key_values, match_calls,
                           normalize, rouge_l, score_predictions, score_row, token_f1, tokenize)


def user(text):
    return {"role": "user", "content": text}


def calls_turn(*calls, content=""):
    return {"role": "assistant", "content": content,
            "tool_calls": [{"type": "function", "function": {"name": n, "arguments": a}} for n, a in calls]}


def text_turn(text):
    return {"role": "assistant", "content": text}


def tool_result(name, result):
    return {"role": "tool", "name": name, "content": json.dumps(result, ensure_ascii=False)}


WEATHER_RESULT = {"city": "Lyon", "temperature": 61, "unit": "fahrenheit", "condition": "light rain",
                  "humidity": 80, "wind_kph": 12, "simulated": True}
ROWS = [
    {"id": "w", "category": "call_weather",
     "messages": [user("Weather in Paris?"), calls_turn(("get_weather", {"city": "Paris"}))]},
    {"id": "i", "category": "call_image",
     "messages": [user("Draw a red fox at dawn, oil painting"),
                  calls_turn(("generate_image", {"prompt": "a red fox at dawn, oil painting"}))]},
    {"id": "p", "category": "parallel",
     "messages": [user("Weather in Paris and Tokyo?"),
                  calls_turn(("get_weather", {"city": "Paris"}), ("get_weather", {"city": "Tokyo"}))]},
    {"id": "c", "category": "no_call_chitchat", "messages": [user("hi!"), text_turn("Hello! How can I help?")]},
    {"id": "k", "category": "hard_negative",
     "messages": [user("Why is the sky blue?"), text_turn("Rayleigh scattering of sunlight.")]},
    {"id": "l", "category": "loop",
     "messages": [user("Weather in Lyon in fahrenheit?"),
                  calls_turn(("get_weather", {"city": "Lyon", "unit": "fahrenheit"})),
                  tool_result("get_weather", WEATHER_RESULT),
                  text_turn("It's 61°F in Lyon with light rain (simulated data).")], "extra": [1, 2]},
]
N_CALL, N_TEXT = 3, 3


def predict(row, content="", calls=(), raw=None):
    """A scored row as train.evaluate writes it; raw output rendered like the model would write it."""
    calls = [{"name": n, "arguments": a} for n, a in calls]
    if raw is None:
        raw = "\n".join([content] + [format_tool_call(c["name"], c["arguments"]) for c in calls]).strip()
    return {**row, "prediction": {"content": content, "tool_calls": calls}, "raw_output": raw}


def expected_prediction(row):
    turn = row["messages"][-1]
    return predict(row, turn.get("content") or "",
                   [(c["function"]["name"], c["function"]["arguments"]) for c in turn.get("tool_calls", [])])


def test_tokenize_splits_cjk_per_character_and_other_scripts_per_word():
    assert tokenize("東京の天気は？") == ["東", "京", "の", "天", "気", "は"]
    assert tokenize("北京天氣 Hello, WORLD! Múnich 12:30") == [
        "北", "京", "天", "氣", "hello", "world", "múnich", "12", "30"]


def test_rouge_l_and_token_f1_known_values():
    # LCS("the cat sat on the mat", "the cat is on the mat") = 5 of 6 tokens each.
    assert rouge_l("the cat sat on the mat", "the cat is on the mat") == pytest.approx(5 / 6)
    assert rouge_l("a b c", "c b a") == pytest.approx(1 / 3)  # order matters for ROUGE-L...
    assert token_f1("a b c", "c b a") == 1.0  # ...not for bag-of-tokens overlap
    assert rouge_l("", "") == 1.0 and rouge_l("x", "") == 0.0
    assert token_f1("a red fox", "red fox at dawn") == pytest.approx(2 * (2 / 3) * (2 / 4) / (2 / 3 + 2 / 4))
    assert rouge_l("東京很熱", "東京熱") == pytest.approx(2 * (3 / 4) * 1 / (3 / 4 + 1))


def test_normalize_and_argument_comparison():
    assert normalize("  New   York. ") == normalize("new york") == "new york"
    assert normalize(5) == normalize(5.0) and normalize(True) != normalize(1)
    assert compare_arguments({"city": "PARIS!"}, {"city": "Paris"}).strict
    assert not compare_arguments({"city": "Paris", "unit": "celsius"}, {"city": "Paris"}).judged
    assert not compare_arguments({"city": "Lyon"}, {"city": "Paris"}).judged
    paraphrase = compare_arguments({"prompt": "red fox at dawn in oil painting"},
                                   {"prompt": "a red fox at dawn, oil painting"})
    assert not paraphrase.strict and paraphrase.judged and paraphrase.free_text_f1[0] >= 0.5
    unrelated = compare_arguments({"prompt": "a blue car"}, {"prompt": "a red fox at dawn, oil painting"})
    assert not unrelated.judged and unrelated.free_text_f1[0] < 0.5


def test_parallel_calls_match_in_any_order():
    expected = [{"name": "get_weather", "arguments": {"city": "Paris"}},
                {"name": "get_time", "arguments": {"location": "Paris"}}]
    assert match_calls(expected[::-1], expected).strict
    same_names = [{"name": "w", "arguments": {"city": "A"}}, {"name": "w", "arguments": {"city": "B"}}]
    assert match_calls(same_names[::-1], same_names).strict
    assert not match_calls(same_names[:1], same_names).names_ok
    wrong = match_calls([same_names[0], same_names[0]], same_names)
    assert wrong.names_ok and not wrong.judged


def test_perfect_predictor():
    metrics, scores = score_predictions([expected_prediction(r) for r in ROWS])
    assert [s.failure for s in scores] == [None] * len(ROWS)
    assert metrics["accuracy"] == metrics["call_f1"] == metrics["tool_call_accuracy"] == 1.0
    assert metrics["tool_call_accuracy_strict"] == metrics["valid_call_rate"] == 1.0
    assert metrics["parallel_call_accuracy"] == 1.0
    assert metrics["rouge_l"] == 1.0 and metrics["support"]["text_answers"] == N_TEXT
    assert metrics["confusion_matrix"]["matrix"] == [[N_TEXT, 0], [0, N_CALL]]
    assert metrics["per_category"]["loop"] == {"rows": 1, "accuracy": 1.0, "failures": {}}


def test_always_call_predictor():
    rows = [predict(r, calls=[("get_weather", {"city": "Paris"})]) for r in ROWS]
    metrics, scores = score_predictions(rows)
    assert metrics["call_recall"] == 1.0
    assert metrics["call_precision"] == pytest.approx(N_CALL / len(ROWS))
    assert metrics["call_f1"] == pytest.approx(2 * 0.5 * 1 / 1.5)
    assert metrics["confusion_matrix"]["matrix"] == [[0, N_TEXT], [0, N_CALL]]
    assert [s.failure for s in scores] == [None, "wrong_tool", "wrong_tool", "false_call", "false_call", "false_call"]
    assert metrics["tool_name_accuracy"] == pytest.approx(1 / 3)
    assert metrics["tool_call_accuracy"] == pytest.approx(1 / 3)
    assert metrics["valid_call_rate"] == 1.0 and metrics["parallel_call_accuracy"] == 0.0
    assert metrics["rouge_l"] == 0.0
    assert metrics["failures"] == {"invalid_call": 0, "missed_call": 0, "false_call": 3, "wrong_tool": 2,
                                   "wrong_arguments": 0, "invented_value": 0, "bad_answer": 0}
    assert metrics["accuracy"] == pytest.approx(1 / 6)


def test_never_call_predictor():
    rows = [predict(r, content="Hello! How can I help?") for r in ROWS]
    metrics, scores = score_predictions(rows)
    assert metrics["call_recall"] == metrics["call_precision"] == metrics["call_f1"] == 0.0
    assert metrics["confusion_matrix"]["matrix"] == [[N_TEXT, 0], [N_CALL, 0]]
    assert [s.failure for s in scores] == ["missed_call"] * 3 + [None, None, "bad_answer"]
    assert metrics["valid_call_rate"] is None and metrics["tool_name_accuracy"] is None
    assert metrics["tool_call_accuracy"] == 0.0
    loop_rouge = rouge_l("Hello! How can I help?", ROWS[5]["messages"][-1]["content"])
    assert metrics["rouge_l"] == pytest.approx((1.0 + 0.0 + loop_rouge) / 3)
    assert metrics["per_category"]["no_call_chitchat"]["accuracy"] == 1.0
    assert metrics["per_category"]["parallel"]["failures"] == {"missed_call": 1}


@pytest.mark.parametrize("prediction, kind", [
    ({"raw": '<tool_call>{"name": "get_weather", "arguments": {"city": </tool_call>'}, "invalid_call"),
    ({"calls": [("get_wether", {"city": "Paris"})]}, "invalid_call"),  # unknown tool
    ({"calls": [("get_weather", {"town": "Paris"})]}, "invalid_call"),  # schema-invalid
    ({"calls": [("get_weather", {"city": "Paris", "unit": "kelvin"})]}, "invalid_call"),  # enum
    ({"content": "It is sunny."}, "missed_call"),
    ({"calls": [("get_time", {"location": "Paris"})]}, "wrong_tool"),
    ({"calls": [("get_weather", {"city": "Paris"}), ("get_weather", {"city": "Paris"})]}, "wrong_tool"),
    ({"calls": [("get_weather", {"city": "Lyon"})]}, "wrong_arguments"),
    ({"calls": [("get_weather", {"city": "Paris", "unit": "celsius"})]}, "wrong_arguments"),
    ({"calls": [("get_weather", {"city": " paris. "})]}, None),
])
def test_failure_kinds_of_a_call_row(prediction, kind):
    row = predict(ROWS[0], prediction.get("content", ""), prediction.get("calls", ()), prediction.get("raw"))
    assert score_row(row).failure == kind


def test_invalid_call_takes_precedence_over_false_call():
    score = score_row(predict(ROWS[3], calls=[("send_sms", {"to": "x"})]))
    assert score.failure == "invalid_call" and score.attempted_call and score.valid is False
    score = score_row(predict(ROWS[3], calls=[("get_weather", {"city": "Paris"})]))
    assert score.failure == "false_call" and score.valid


def test_free_text_judged_vs_strict():
    score = score_row(predict(ROWS[1], calls=[("generate_image", {"prompt": "oil painting of a red fox at dawn"})]))
    assert score.failure is None and score.judged_ok and not score.strict_ok
    metrics, _ = score_predictions(
        [predict(ROWS[1], calls=[("generate_image", {"prompt": "oil painting of a red fox at dawn"})])])
    assert metrics["tool_call_accuracy"] == 1.0 and metrics["tool_call_accuracy_strict"] == 0.0
    assert metrics["argument_match"] == 1.0 and metrics["argument_exact_match"] == 0.0
    assert metrics["free_text_overlap"] == pytest.approx(2 * 7 / (8 + 7))  # 7 shared tokens of 8 and 7
    bad = score_row(predict(ROWS[1], calls=[("generate_image", {"prompt": "a cat"})]))
    assert bad.failure == "wrong_arguments"


def test_parallel_row_in_swapped_order_is_correct():
    score = score_row(predict(ROWS[2], calls=[("get_weather", {"city": "Tokyo"}), ("get_weather", {"city": "Paris"})]))
    assert score.failure is None and score.parallel


def test_bad_answer_uses_the_tool_values_the_expected_answer_quotes():
    loop = ROWS[5]
    assert key_values(loop["messages"][:-1], loop["messages"][-1]["content"]) == [["lyon"], ["61"], ["light"], ["rain"]]
    assert score_row(predict(loop, "Lyon: 61 degrees, raining lightly.")).failure is None
    assert score_row(predict(loop, "Il fait 61°F.")).failure is None
    bad = score_row(predict(loop, "I cannot check the weather."))
    assert bad.failure == "bad_answer" and "lyon" in bad.reason


def test_an_answer_stating_a_value_no_result_holds_is_an_invented_value():
    row = {"messages": [user("Time in Seoul?"), calls_turn(("get_time", {"city": "Seoul"})),
                        tool_result("get_time", {"city": "Seoul", "time": "21:45", "date": "2026-12-02"}),
                        text_turn("In Seoul it is 21:45.")]}
    assert score_row(predict(row, "Seoul: 21:45 on 2026-12-02.")).failure is None
    invented = score_row(predict(row, "Seoul: 21:45 (UTC+8)."))
    assert invented.failure == "invented_value" and "UTC+8" in invented.reason and invented.invented
    assert score_row(predict(row, "Seoul: 22:10.")).failure == "invented_value"


def test_bad_answer_falls_back_to_rouge_when_no_value_is_quoted():
    row = {"messages": [user("天氣？薩爾斯堡"), calls_turn(("get_weather", {"city": "薩爾斯堡"})),
                        tool_result("get_weather", {"error": "weather service timed out"}),
                        text_turn("抱歉，目前查不到天氣，要再試一次嗎？")]}
    assert score_row(predict(row, "抱歉，查不到天氣。")).failure is None
    low = score_row(predict(row, "好的"))
    assert low.failure == "bad_answer" and str(ANSWER_MIN_ROUGE_L) in low.reason


def test_every_kind_is_known():
    assert set(FAILURE_KINDS) == {"invalid_call", "missed_call", "false_call", "wrong_tool", "wrong_arguments",
                                  "invented_value", "bad_answer"}


def test_default_tools_when_the_row_has_none():
    row = {"messages": [user("Weather in Paris?"), calls_turn(("get_weather", {"city": "Paris"}))]}
    assert score_row(predict(row, calls=[("get_weather", {"city": "Paris"})])).failure is None
    assert score_row(predict(row, calls=[("get_weather", {})])).failure == "invalid_call"


# ------------------------------------------------------------------------------------ BFCL rows
bfcl = pytest.importorskip("train.bfcl")


def bfcl_row(category, test_id):
    return next(r for r in bfcl.load_bfcl(category, limit=20) if r["id"] == test_id)


def test_bfcl_rows_are_judged_by_ast_matching():
    factorial = bfcl_row("simple_python", "simple_python_1")  # math.factorial(number=5)
    good = score_row(predict(factorial, calls=[("math.factorial", {"number": 5})]))
    assert good.failure is None and good.judged_ok and good.expected_call
    wrong = score_row(predict(factorial, calls=[("math.factorial", {"number": 6})]))
    assert wrong.failure == "wrong_arguments" and "number" in wrong.reason
    assert score_row(predict(factorial, content="120")).failure == "missed_call"
    irrelevant = bfcl.load_bfcl("irrelevance", limit=1)[0]
    assert score_row(predict(irrelevant, content="I can't help with that.")).failure is None
    assert irrelevant["tools"][0]["function"]["name"] == "determine_body_mass_index"  # asked: a triangle's area
    bmi = ("determine_body_mass_index", {"weight": 10, "height": 5})
    assert score_row(predict(irrelevant, calls=[bmi])).failure == "false_call"
    assert score_row(predict(irrelevant, calls=[("triangle_area", {})])).failure == "invalid_call"
    metrics, _ = score_predictions([predict(factorial, calls=[("math.factorial", {"number": 5})]),
                                    predict(irrelevant, content="no")])
    assert metrics["per_category"] == {"irrelevance": {"rows": 1, "accuracy": 1.0, "failures": {}},
                                       "simple_python": {"rows": 1, "accuracy": 1.0, "failures": {}}}


def test_echoing_the_tool_response_is_not_an_answer():
    loop = ROWS[5]
    echo = '<tool_response>\n{"name": "get_weather", "content": ' + json.dumps(WEATHER_RESULT) + "}\n</tool_response>"
    assert score_row(predict(loop, echo)).failure == "bad_answer"
    assert score_row(predict(loop, echo + "\nIt is 61°F in Lyon.")).failure is None
