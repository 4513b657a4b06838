"""BFCL loading and AST checking on real rows of the installed bfcl-eval package."""
from functools import lru_cache

import pytest

pytest.importorskip("bfcl_eval")

from train.bfcl import (ast_match, bfcl_categories, bfcl_function_to_tool, load_bfcl,  # noqa: E402
                        standardize_string)

EXPECTED = {"simple_python", "multiple", "parallel", "parallel_multiple", "irrelevance", "live_simple",
            "live_multiple", "live_parallel", "live_parallel_multiple", "live_irrelevance", "live_relevance"}


@lru_cache(maxsize=None)
def rows_by_id(category):
    return {row["id"]: row for row in load_bfcl(category)}


def row(test_id):
    category = test_id.rsplit("_", 1)[0]
    return rows_by_id(category)[test_id]


def call(name, **arguments):
    return {"name": name, "arguments": arguments}


def assert_ok(calls, test_id):
    assert ast_match(calls, row(test_id)) == (True, "ok")


def assert_fails(calls, test_id, reason):
    ok, why = ast_match(calls, row(test_id))
    assert not ok and reason in why, why


def test_categories_and_aliases():
    assert EXPECTED <= set(bfcl_categories())
    first = load_bfcl("simple_python", limit=3)
    assert load_bfcl("simple", limit=3) == load_bfcl("BFCL_v4_simple_python.json", 3) == first
    with pytest.raises(ValueError, match="available: "):
        load_bfcl("multi_turn_base")


def test_row_structure():
    r = row("simple_python_1")
    assert r["messages"] == [{"role": "user",
                              "content": "Calculate the factorial of 5 using math functions."}]
    assert r["category"] == "simple_python"
    assert r["bfcl_answer"] == [{"math.factorial": {"number": [5]}}]
    assert r["tools"] == [{"type": "function", "function": {
        "name": "math.factorial", "description": "Calculate the factorial of a given number.",
        "parameters": {"type": "object", "properties": {"number": {
            "type": "integer", "description": "The number for which factorial needs to be calculated."}},
            "required": ["number"]}}}]
    assert load_bfcl("irrelevance", limit=1)[0]["bfcl_answer"] == []
    assert load_bfcl("live_relevance", limit=1)[0]["bfcl_answer"] is None
    live = load_bfcl("live_multiple", limit=50)
    roles = {"system", "user", "assistant"}
    assert all(r["messages"] and {m["role"] for m in r["messages"]} <= roles for r in live)


def test_type_mapping_on_real_rows():
    coords = row("simple_python_83")["tools"][0]["function"]["parameters"]["properties"]["coord1"]
    assert coords["type"] == "array" and coords["items"] == {"type": "number"}  # tuple of float
    data = row("simple_python_109")["tools"][0]["function"]["parameters"]["properties"]["data"]
    assert "type" not in data  # any
    tools = row("live_multiple_0-0-0")["tools"]
    prefs = next(t for t in tools if t["function"]["name"] == "ChaDri.change_drink")
    nested = prefs["function"]["parameters"]["properties"]["new_preferences"]
    assert nested["type"] == "object" and nested["properties"]["size"]["enum"] == ["small", "medium", "large"]


def test_bfcl_function_to_tool_inline():
    properties = {"x": {"type": "float"}, "t": {"type": "tuple", "items": {"type": "integer"}},
                  "any": {"type": "any"}, "flag": {"type": "boolean", "optional": True},
                  "rows": {"type": "array",
                           "items": {"type": "dict", "properties": {"k": {"type": "string"}}}}}
    parameters = {"type": "dict", "properties": properties, "required": ["x"]}
    tool = bfcl_function_to_tool({"name": "a.b", "description": "d", "parameters": parameters})
    assert tool["function"]["name"] == "a.b"
    assert tool["function"]["parameters"] == {"type": "object", "required": ["x"], "properties": {
        "x": {"type": "number"}, "t": {"type": "array", "items": {"type": "integer"}}, "any": {},
        "flag": {"type": "boolean"},
        "rows": {"type": "array", "items": {"type": "object", "properties": {"k": {"type": "string"}}}}}}


def test_standardize_string():
    assert standardize_string("April 1, 2024") == standardize_string("april 1,2024") == "april12024"
    assert standardize_string("New_York-City./*^") == "newyorkcity"


def test_simple_rules():
    t = "simple_python_0"  # calculate_triangle_area: base [10], height [5], unit ["units", ""]
    assert_ok([call("calculate_triangle_area", base=10, height=5, unit="units")], t)
    assert_ok([call("calculate_triangle_area", base=10, height=5)], t)  # optional omitted
    assert_ok([call("calculate_triangle_area", base=10, height=5, unit=" Units.")], t)  # normalised
    assert_fails([call("triangle_area", base=10, height=5)], t, "wrong function")
    assert_fails([call("calculate_triangle_area", base=10)], t, "missing required parameter 'height'")
    assert_fails([call("calculate_triangle_area", base=10, height=5, color="red")], t, "unexpected parameter")
    assert_fails([call("calculate_triangle_area", base=11, height=5)], t, "wrong value for 'base'")
    assert_fails([call("calculate_triangle_area", base=10, height=5, unit="cm")], t, "wrong value for 'unit'")
    assert_fails([call("calculate_triangle_area", base="10", height=5)], t, "wrong type for 'base'")
    assert_fails([call("calculate_triangle_area", base=10.0, height=5)], t, "wrong type")  # float for int
    assert_fails([], t, "expected 1 call(s), got 0")
    assert_fails([call("calculate_triangle_area", base=10, height=5)] * 2, t, "expected 1 call(s), got 2")
    assert_ok([{"type": "function", "function": call("calculate_triangle_area", base=10, height=5)}], t)


def test_dotted_name_and_int_for_float():
    assert_ok([call("math.factorial", number=5)], "simple_python_1")
    assert_fails([call("math_factorial", number=5)], "simple_python_1", "wrong function")
    t, name = "simple_python_30", "kinematics.final_velocity_from_distance"  # initial_velocity ["", 0.0]
    assert_ok([call(name, acceleration=4, distance=300, initial_velocity=0)], t)
    assert_ok([call(name, acceleration=4, distance=300, initial_velocity=0.0)], t)
    assert_fails([call(name, acceleration=4, distance=300, initial_velocity=1)], t, "wrong value")


def test_multiple_picks_the_right_function():
    t = "multiple_0"  # triangle_properties.get among triangle/circle tools
    assert_ok([call("triangle_properties.get", side1=5, side2=4, side3=3)], t)
    assert_ok([call("triangle_properties.get", side1=5, side2=4, side3=3, get_area=True)], t)
    assert_fails([call("circle_properties.get", radius=5)], t, "wrong function")
    assert_fails([call("triangle_properties.get", side1=5, side2=4, side3=3, get_area=False)], t,
                 "wrong value")


def test_parallel_is_order_independent():
    t = "parallel_0"  # spotify.play Taylor Swift 20, Maroon 5 15
    swift = call("spotify.play", artist="Taylor Swift", duration=20)
    maroon = call("spotify.play", artist="Maroon 5", duration=15)
    assert_ok([swift, maroon], t)
    assert_ok([maroon, swift], t)
    assert_fails([swift], t, "expected 2 call(s), got 1")
    assert_fails([swift, swift], t, "no call matches expected 'spotify.play' (#1)")
    assert_fails([swift, call("spotify.play", artist="Maroon 5", duration=20)], t,
                 "wrong value for 'duration'")
    t = "parallel_multiple_0"
    product = call("math_toolkit.product_of_primes", count=5)
    multiples = call("math_toolkit.sum_of_multiples", lower_limit=1, upper_limit=1000, multiples=[3, 5])
    assert_ok([product, multiples], t)
    reordered = {**multiples, "arguments": {**multiples["arguments"], "multiples": [5, 3]}}
    assert_fails([product, reordered], t, "wrong value")  # list values keep their order


def test_dicts_and_lists():
    t = "live_multiple_0-0-0"
    prefs = {"size": "large", "milk_type": "coconut", "sweetness_level": "extra", "temperature": "hot",
             "special_instructions": "served 'boiling hot'"}
    assert_ok([call("ChaDri.change_drink", drink_id="latte", new_preferences=prefs)], t)
    assert_ok([call("ChaDri.change_drink", drink_id="latte", new_preferences={**prefs, "size": "Large"})], t)
    assert_fails([call("ChaDri.change_drink", drink_id="latte", new_preferences={**prefs, "size": "small"})],
                 t, "wrong value for 'new_preferences'")
    missing_key = {k: v for k, v in prefs.items() if k != "temperature"}
    assert_fails([call("ChaDri.change_drink", drink_id="latte", new_preferences=missing_key)], t,
                 "wrong value")
    t = "live_multiple_180-76-0"
    args = {"order_id": "ORD123", "items": ["ITM456", "ITM789"], "apply_discount": True,
            "discount_code": "DISC20",
            "customer_info": {"customer_id": "CUST001",
                              "shipping_address": "123 Maple Street, Springfield, IL, 62704",
                              "billing_address": "456 Oak Avenue, Springfield, IL, 62705"},
            "item_quantities": [2, 1], "item_prices": [15.99, 42.5]}
    assert_ok([call("order_processing.handle_order", **args)], t)
    name = "order_processing.handle_order"
    assert_fails([call(name, **{**args, "items": ["ITM789", "ITM456"]})], t, "wrong value")
    assert_fails([call(name, **{**args, "item_prices": [16, 42.5]})], t, "element type")  # as in BFCL


def test_irrelevance_and_relevance():
    irrelevant = load_bfcl("irrelevance", limit=1)[0]
    assert ast_match([], irrelevant) == (True, "ok")
    assert ast_match([call(irrelevant["tools"][0]["function"]["name"])], irrelevant)[0] is False
    relevant = load_bfcl("live_relevance", limit=1)[0]
    assert ast_match([call(relevant["tools"][0]["function"]["name"], prompt="x")], relevant) == (True, "ok")
    assert ast_match([], relevant) == (False, "expected a call, got none")


def _bfcl_checker(monkeypatch):
    """BFCL's own ast_checker, loaded with its API-client model registry stubbed out."""
    import importlib.util
    import sys
    import types

    fake = types.ModuleType("bfcl_eval.constants.model_config")
    fake.MODEL_CONFIG_MAPPING = {"stub": types.SimpleNamespace(underscore_to_dot=False)}
    monkeypatch.setitem(sys.modules, "bfcl_eval.constants.model_config", fake)
    package = importlib.util.find_spec("bfcl_eval").submodule_search_locations[0]
    path = f"{package}/eval_checker/ast_eval/ast_checker.py"
    spec = importlib.util.spec_from_file_location("bfcl_ast_checker_under_test", path)
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
        from bfcl_eval.constants.enums import Language
    except (ImportError, FileNotFoundError) as e:
        pytest.skip(f"BFCL's checker does not load here: {e}")
    return lambda functions, calls, answer, category: module.ast_checker(
        functions, calls, answer, Language.PYTHON, category, "stub")


def _perturb(value, rng):
    """A plausible model mistake (or the value itself)."""
    if isinstance(value, bool):
        return rng.choice([not value, int(value), str(value)])
    if isinstance(value, int):
        return rng.choice([value + 1, float(value), str(value)])
    if isinstance(value, float):
        return rng.choice([value + 1, int(value), str(value)])
    if isinstance(value, str):
        return rng.choice([value.upper(), value + "x", value.replace(" ", "_"), 5, None])
    if isinstance(value, list):
        return rng.choice([value[::-1], value[:-1], [str(v) for v in value], []])
    if isinstance(value, dict):
        return rng.choice([dict(list(value.items())[1:]), {**value, "extra": 1},
                           {k: _perturb(v, rng) for k, v in value.items()}])
    return value


def _plausible_calls(answer, rng, perturb):
    calls = []
    for expected in answer:
        (name, params), = expected.items()
        args = {}
        for param, acceptable in params.items():
            given = [a for a in acceptable if a != ""]
            if given and ("" not in acceptable or rng.random() < 0.7):
                value = rng.choice(given)
                if isinstance(value, dict):  # dict answers hold lists of acceptable values per key
                    value = {k: v[0] for k, v in value.items() if v and v[0] != ""}
                elif isinstance(value, list) and value and all(isinstance(d, dict) for d in value):
                    value = [{k: v[0] for k, v in d.items() if v and v[0] != ""} for d in value]
                args[param] = _perturb(value, rng) if perturb and rng.random() < 0.3 else value
        if perturb and rng.random() < 0.05:
            args["unexpected"] = 1
        calls.append({"name": name + ("_x" if perturb and rng.random() < 0.05 else ""), "arguments": args})
    if perturb and rng.random() < 0.05:
        calls.pop()
    rng.shuffle(calls)
    return calls


@pytest.mark.parametrize("category", ["simple_python", "multiple", "parallel", "parallel_multiple", "live_simple",
                                      "live_multiple", "live_parallel", "live_parallel_multiple"])
def test_agrees_with_bfcl_checker(category, monkeypatch):
    import copy
    import json
    import random

    from train.bfcl import _read_jsonl, _resolve

    checker = _bfcl_checker(monkeypatch)
    functions = {r["id"]: r["function"] for r in _read_jsonl(_resolve(category)[1])}
    rng = random.Random(0)
    verdicts = {True: 0, False: 0}
    for r in load_bfcl(category):
        for trial in range(4):
            calls = _plausible_calls(r["bfcl_answer"], rng, perturb=trial > 0)
            ours = ast_match(calls, r)[0]
            theirs = checker(copy.deepcopy(functions[r["id"]]), [{c["name"]: c["arguments"]} for c in calls],
                             r["bfcl_answer"], category)["valid"]
            assert ours == theirs, (r["id"], json.dumps(calls), ast_match(calls, r))
            verdicts[ours] += 1
    assert verdicts[True] and verdicts[False]
