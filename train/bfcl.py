"""Berkeley Function Calling Leaderboard (BFCL) single-turn data and AST checking.

The data ships inside the installed `bfcl-eval` package (`bfcl_eval/data/BFCL_v*_<category>.json`,
ground truth in `data/possible_answer/`). `load_bfcl` turns it into our row format and `ast_match`
re-implements the checker of `bfcl_eval/eval_checker/ast_eval/ast_checker.py` (that module cannot be
imported without BFCL's API-client dependencies, so it is not reused).
"""

import importlib.util
import json
import re
from pathlib import Path

# Python-only single-turn categories (Java/JavaScript need BFCL's string-to-value converters).
_SINGLE_TURN = re.compile(r"(simple(_python)?|multiple|parallel|parallel_multiple|irrelevance"
                          r"|live_(simple|multiple|parallel|parallel_multiple|irrelevance|relevance))")
_ALIASES = {"simple": "simple_python", "simple_python": "simple"}  # v4 renamed `simple`

# BFCL parameter types -> JSON Schema types; None means no type constraint.
BFCL_TO_JSON_SCHEMA = {
    "string": "string", "str": "string", "char": "string", "String": "string",
    "integer": "integer", "int": "integer", "long": "integer", "short": "integer", "byte": "integer",
    "float": "number", "number": "number", "double": "number",
    "boolean": "boolean", "bool": "boolean", "Boolean": "boolean",
    "array": "array", "list": "array", "tuple": "array", "Array": "array", "ArrayList": "array",
    "dict": "object", "object": "object", "HashMap": "object",
    "any": None, "Any": None,
}

# JSON Schema type -> Python type used by BFCL's type check (untyped/`any` counts as str, as in BFCL).
_PY_TYPE = {"string": str, "integer": int, "number": float, "boolean": bool, "array": list, "object": dict}


def _data_dir() -> Path:
    spec = importlib.util.find_spec("bfcl_eval")
    if spec is None:
        raise RuntimeError("bfcl-eval is not installed (pip install --no-deps bfcl-eval)")
    return Path(list(spec.submodule_search_locations)[0]) / "data"


def _category_files() -> dict[str, Path]:
    """Single-turn category -> its newest data file."""
    found = {}
    for path in _data_dir().glob("BFCL_v*_*.json"):
        m = re.fullmatch(r"BFCL_v(\d+)_(.+)\.json", path.name)
        if m and _SINGLE_TURN.fullmatch(m[2]):
            found.setdefault(m[2], []).append((int(m[1]), path))
    return {name: max(versions)[1] for name, versions in found.items()}


def bfcl_categories() -> list[str]:
    """Names of the installed single-turn categories (e.g. `simple_python`, `live_multiple`)."""
    return sorted(_category_files())


def _resolve(category: str) -> tuple[str, Path]:
    files = _category_files()
    name = re.sub(r"^BFCL_v\d+_|\.json$", "", category)
    for candidate in (name, _ALIASES.get(name)):
        if candidate in files:
            return candidate, files[candidate]
    raise ValueError(f"unknown BFCL category {category!r}; available: {', '.join(sorted(files))}")


def bfcl_schema(schema: dict) -> dict:
    """One BFCL parameter schema -> JSON Schema, recursively; BFCL's non-standard `optional` is dropped."""
    out = {}
    for key, value in schema.items():
        if key == "type":
            mapped = BFCL_TO_JSON_SCHEMA.get(value)
            if mapped:
                out["type"] = mapped
        elif key == "properties":
            out["properties"] = {name: bfcl_schema(s) for name, s in value.items()}
        elif key == "items":
            out["items"] = bfcl_schema(value)
        elif key != "optional":
            out[key] = value
    return out


def bfcl_function_to_tool(function: dict) -> dict:
    """BFCL function doc -> OpenAI tool schema. Dotted names (`math.factorial`) are kept verbatim."""
    parameters = bfcl_schema(function.get("parameters") or {})
    parameters["type"] = "object"
    parameters.setdefault("properties", {})
    return {"type": "function", "function": {
        "name": function["name"], "description": function.get("description", ""), "parameters": parameters}}


def category_of(test_id: str) -> str:
    """`live_simple_3-2-0` -> `live_simple`, `simple_python_12` -> `simple_python`."""
    return re.sub(r"_\d[\d-]*$", "", test_id)


def bfcl_record_to_row(record: dict, category: str | None = None, answer: list | None = None) -> dict:
    """One BFCL entry ({id, question, function}) -> our row; first question turn only; `bfcl_answer`
    None when the answer is unknown."""
    return {"messages": [dict(m) for m in record["question"][0]],
            "tools": [bfcl_function_to_tool(f) for f in record["function"]],
            "id": record["id"], "category": category or category_of(record["id"]), "bfcl_answer": answer}


def _read_jsonl(path: Path, limit: int | None = None) -> list[dict]:
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if limit is not None and len(rows) >= limit:
                break
            if line.strip():
                rows.append(json.loads(line))
    return rows


def load_bfcl(category: str, limit: int | None = None) -> list[dict]:
    """Rows for one single-turn category; `bfcl_answer` is BFCL's possible answer.

    `bfcl_answer` is `[{func_name: {param: [acceptable values]}}]` (`""` among the values: may be omitted);
    irrelevance categories get `[]` (no call expected), `live_relevance` gets None (any call is right).
    """
    name, path = _resolve(category)
    answer_path = path.parent / "possible_answer" / path.name
    answers = {a["id"]: a["ground_truth"] for a in _read_jsonl(answer_path)} if answer_path.exists() else {}
    rows = []
    for record in _read_jsonl(path, limit):
        if "irrelevance" in name:
            answer = []
        elif name == "live_relevance":
            answer = None
        else:
            answer = answers[record["id"]]
        rows.append(bfcl_record_to_row(record, name, answer))
    return rows


def standardize_string(s: str) -> str:
    """BFCL's string normalisation: drop spaces and `,./-_*^`, lowercase, single -> double quotes."""
    return re.sub(r"[ ,./\-_*^]", "", s).lower().replace("'", '"')


def _norm(value):
    if isinstance(value, str):
        return standardize_string(value)
    if isinstance(value, (list, tuple)):
        return [_norm(v) for v in value]
    if isinstance(value, dict):
        return {k: _norm(v) for k, v in value.items()}
    return value


def _one_of(value, acceptable: list) -> bool:
    return _norm(value) in [_norm(a) for a in acceptable]


def _dict_ok(value, answer) -> bool:
    """BFCL dict_checker: answer is {key: [acceptable]}; keys whose values include "" may be omitted."""
    return (isinstance(value, dict) and isinstance(answer, dict)
            and all(k in answer and _one_of(v, answer[k]) for k, v in value.items())
            and all(k in value or "" in acc for k, acc in answer.items()))


def _items_typed(value: list, items: dict, answer) -> bool:
    """BFCL's one-level element type check (no int -> float leniency here, as in BFCL)."""
    if not isinstance(answer, list):
        return True
    item_type = _PY_TYPE.get(items.get("type"), str)
    given = [a for a in answer if a != ""]
    return all(type(v) is item_type or (given and type(v) is type(given[0])) for v in value)


def _check_value(param: str, value, schema: dict, acceptable: list) -> str:
    """Type then value check of one argument; returns an error or ""."""
    expected = _PY_TYPE.get(schema.get("type"), str)
    if expected is float and type(value) is int:
        value = float(value)
    if type(value) is tuple:  # BFCL does this for `tuple` params; our schemas call them arrays
        value = list(value)
    # Acceptable values of another type than the schema's (a variable name, None) are compared verbatim.
    given = [a for a in acceptable if a != ""]
    verbatim = bool(given) and type(given[0]) is not expected
    if type(value) is not expected and not (verbatim and type(value) is type(given[0])):
        return f"wrong type for {param!r}: expected {schema.get('type', 'any')}, got {type(value).__name__}"
    if expected is list and type(value) is list and "items" in schema and not any(
            _items_typed(value, schema["items"], a) for a in acceptable):
        return f"wrong element type in {param!r}: expected {schema['items'].get('type', 'any')} items"
    if verbatim:
        ok = value in acceptable
    elif expected is dict:
        ok = any(_dict_ok(value, a) for a in acceptable)
    elif expected is list:  # BFCL's list checkers read an optional "" as the empty list
        lists = [[] if a == "" else a for a in acceptable]
        if schema.get("items", {}).get("type") == "object":
            ok = any(isinstance(a, list) and len(a) == len(value) and all(map(_dict_ok, value, a))
                     for a in lists)
        else:
            ok = _one_of(value, lists)
    else:
        ok = _one_of(value, acceptable)
    return "" if ok else f"wrong value for {param!r}: {value!r} not in {acceptable!r}"


def _check_call(call: dict, expected: dict, tools: dict) -> str:
    """BFCL simple_function_checker for one call against one {name: {param: [acceptable]}}; error or ""."""
    (name, answer), = expected.items()
    if call.get("name") != name:
        return f"wrong function: expected {name!r}, got {call.get('name')!r}"
    if name not in tools:
        return f"function {name!r} is not among the row's tools"
    args = call.get("arguments")
    if not isinstance(args, dict):
        return f"arguments of {name!r} are not a dict"
    parameters = tools[name].get("parameters", {})
    properties = parameters.get("properties", {})
    for param in parameters.get("required", []):
        if param not in args:
            return f"missing required parameter {param!r}"
    for param, value in args.items():
        if param not in properties or param not in answer:
            return f"unexpected parameter {param!r}"
        error = _check_value(param, value, properties[param], answer[param])
        if error:
            return error
    for param, acceptable in answer.items():
        if param not in args and "" not in acceptable:
            return f"missing parameter {param!r} (not optional in the answer)"
    return ""


def ast_match(predicted_calls: list[dict], row: dict) -> tuple[bool, str]:
    """Judge predicted `[{"name", "arguments"}]` against a BFCL row like BFCL's AST checker.

    Follows `bfcl_eval/eval_checker/ast_eval/ast_checker.py` (Python rules) and the relevance logic of
    `eval_runner.py`: irrelevance -> ok iff no call; live_relevance -> ok iff any call; parallel -> same
    number of calls, each expected call greedily matched to a distinct predicted one in any order;
    otherwise exactly one call checked with `simple_function_checker`. Function names must match
    exactly (dots included). As in BFCL, an int is accepted for a float parameter but not for the
    elements of a float array. Only difference: a tuple value always counts as a list (JSON has none).
    """
    calls = [c.get("function", c) for c in predicted_calls]  # also accept our tool_calls entries
    category = row.get("category") or category_of(row.get("id", ""))
    if "irrelevance" in category:
        return (not calls, "ok" if not calls else f"expected no call, got {len(calls)}")
    if "relevance" in category:
        return (bool(calls), "ok" if calls else "expected a call, got none")
    answer = row["bfcl_answer"]
    tools = {t["function"]["name"]: t["function"] for t in row["tools"]}
    if len(calls) != len(answer):
        return False, f"expected {len(answer)} call(s), got {len(calls)}"
    if "parallel" not in category:
        error = _check_call(calls[0], answer[0], tools)
        return (not error, error or "ok")
    unmatched = list(range(len(calls)))
    for i, expected in enumerate(answer):
        errors = []
        for j in unmatched:
            error = _check_call(calls[j], expected, tools)
            if not error:
                unmatched.remove(j)
                break
            errors.append(f"call {j}: {error}")
        else:
            return False, f"no call matches expected {next(iter(expected))!r} (#{i}): " + "; ".join(errors)
    return True, "ok"
