"""train.data (the generator): determinism, validity, split hygiene, argument faithfulness, balance."""
import json
import re
from collections import Counter
from pathlib import Path

import jsonschema
import pytest

from fc.builtins.weather import fits
from fc.tools import load_tool_schemas
from train.data import generate as gen
from train import metrics
from train.data.draw import build_pools
from train.data.pools import LANGS, PLACES, load_languages
from train.data.pools.catalog import CATALOG_TOOLS, HELD_OUT as HELD_OUT_TOOLS
from train.data.pools.functions import ANSWERED, ASKS_OUR_TOOLS, HELD_OUT_FUNCTIONS, IRRELEVANT, REQUESTS
from train.data.tool_lists import DOMAIN_OF, TOOLSETS
from train.dataset import load_jsonl, validate_row

UNIT_WORDS = {unit: {w for mod in load_languages().values() for w in getattr(mod, "UNIT_WORDS", {}).get(unit, [])}
              for unit in ("celsius", "fahrenheit")}
SMALL = {"train": 1500, "val": 200, "test": 200}
OURS = {"get_weather", "get_time", "generate_image"}


@pytest.fixture(scope="module")
def splits():
    return gen.generate(seed=0)


@pytest.fixture(scope="module")
def catalog_splits():
    return gen.generate(seed=0, sizes=SMALL, catalog=True)


@pytest.fixture(scope="module")
def rows(splits):
    return [row for rows in splits.values() for row in rows]


def calls_with_context(row):
    """(call function dict, user texts so far) for every call in the row."""
    said = []
    for m in row["messages"]:
        if m["role"] == "user":
            said.append(m["content"])
        for c in m.get("tool_calls", []):
            yield c["function"], said[:]


def test_deterministic_for_a_seed():
    small = gen.generate(seed=0, sizes=SMALL)
    assert gen.generate(seed=0, sizes=SMALL) == small
    assert gen.generate(seed=1, sizes=SMALL)["train"] != small["train"]


def test_sizes_and_ids(splits):
    for name, size in gen.SPLIT_SIZES.items():
        assert len(splits[name]) == size
    ids = [r["id"] for rows in splits.values() for r in rows]
    assert len(ids) == len(set(ids))


def test_every_row_is_valid(rows):
    for row in rows:
        assert validate_row(row) == [], row["id"]
        assert row["lang"] in LANGS and row["category"] in gen.CATEGORIES and row["group"]


def test_arguments_match_the_row_tool_schemas(rows):
    for row in rows:
        schemas = {t["function"]["name"]: t["function"]["parameters"] for t in row["tools"]}
        for fn, _ in calls_with_context(row):
            schema = schemas[fn["name"]]
            jsonschema.validate(fn["arguments"], schema)
            assert set(fn["arguments"]) <= set(schema["properties"]), (row["id"], fn)


def test_no_row_repeats_a_user_turn_of_the_handwritten_set(splits):
    """data/handwritten.jsonl measures generalisation: no split, train least of all, may contain its user turns."""
    handwritten = gen.handwritten_turns()
    assert len(handwritten) > 200
    for name, rows in splits.items():
        shared = [t for r in rows for t in gen.user_texts(r) if gen.normalize_text(t) in handwritten]
        assert not shared, (name, shared[:5])


def test_handwritten_turns_are_forbidden_while_generating(tmp_path, monkeypatch):
    """The check above cannot pass by luck: a train turn declared hand-written disappears from the splits."""
    train = gen.generate(seed=0, sizes=SMALL)["train"]
    turn = next(t for r in train if r["category"] == "no_call_knowledge" for t in gen.user_texts(r))
    path = tmp_path / "handwritten.jsonl"
    path.write_text(json.dumps({"messages": [{"role": "user", "content": turn},
                                             {"role": "assistant", "content": "ok"}]}) + "\n", encoding="utf-8")
    monkeypatch.setattr(gen, "HANDWRITTEN", path)
    again = gen.generate(seed=0, sizes=SMALL)
    assert not [t for rows in again.values() for r in rows for t in gen.user_texts(r)
                if gen.normalize_text(t) == gen.normalize_text(turn)]


def test_no_shared_group_or_user_turn_across_splits(splits):
    groups = {name: {r["group"] for r in rows} for name, rows in splits.items()}
    assert not groups["train"] & groups["test"]
    assert not groups["train"] & groups["val"]
    assert not groups["val"] & groups["test"]
    train_turns = {gen.normalize_text(t) for r in splits["train"] for t in gen.user_texts(r)}
    for name in ("val", "test"):
        shared = [t for r in splits[name] for t in gen.user_texts(r) if gen.normalize_text(t) in train_turns]
        assert not shared, shared[:5]


def test_normalize_text_ignores_case_spaces_punctuation_and_digits():
    assert gen.normalize_text("What's the  weather in Paris?? 2") == gen.normalize_text("whats the weather in paris")
    assert gen.normalize_text("東京天氣？") == gen.normalize_text("東京 天氣")
    assert gen.normalize_text("weather in Paris") != gen.normalize_text("weather in Lyon")


def test_calls_and_no_calls_are_balanced(splits):
    for name, rows in splits.items():
        share = sum(gen.is_call_row(r) for r in rows) / len(rows)
        assert 0.4 <= share <= 0.6, (name, share)


def test_every_language_and_category_is_present(splits):
    for name in ("train", "test"):
        assert set(Counter(r["lang"] for r in splits[name])) == set(load_languages()) == set(gen.LANG_WEIGHTS), name
        assert set(Counter(r["category"] for r in splits[name])) == set(gen.CATEGORIES) - set(gen.CATALOG_CATEGORIES)
    by_lang = Counter(r["lang"] for r in splits["train"])
    n = len(splits["train"])
    assert by_lang["en"] == max(by_lang.values())
    assert by_lang["zh-Hant"] > 0.09 * n and by_lang["zh-Hans"] > 0.09 * n
    assert all(0.03 * n < by_lang[lang] < 0.07 * n for lang in by_lang if lang not in ("en", "zh-Hant", "zh-Hans"))
    functions = sum(r["category"] in gen.FUNCTION_CATEGORIES for r in splits["train"])
    assert 0.17 < functions / n < 0.23


def test_place_argument_is_a_span_of_the_user_text(rows):
    checked = 0
    for row in rows:
        for fn, said in calls_with_context(row):
            place = fn["arguments"].get("city") or fn["arguments"].get("location")
            if place:
                checked += 1
                assert any(place in text for text in said), (row["id"], place, said)
                assert len(place) < 40
    assert checked > 1000


def test_unit_only_when_the_user_names_one(rows):
    with_unit = 0
    for row in rows:
        for fn, said in calls_with_context(row):
            if fn["name"] != "get_weather":
                continue
            unit = fn["arguments"].get("unit")
            if unit:
                with_unit += 1
                assert any(w in t.lower() for t in said for w in UNIT_WORDS[unit]), (row["id"], said)
            else:
                named = [w for u in UNIT_WORDS.values() for w in u if w in said[-1].lower()]
                assert not named, (row["id"], said[-1])
    assert with_unit > 100


def test_image_prompts_are_mostly_distinct_and_come_from_the_user(splits):
    prompts, spans = [], 0
    for row in splits["train"]:
        for fn, said in calls_with_context(row):
            if fn["name"] == "generate_image":
                prompts.append(fn["arguments"]["prompt"])
                spans += fn["arguments"]["prompt"] in said[-1]
    assert len(prompts) > 400
    assert len(set(prompts)) > 0.8 * len(prompts)
    assert spans > 0.8 * len(prompts)  # the rest combine an earlier subject with a new style


def test_held_out_places_appear_only_in_val_and_test(splits):
    def places(rows):
        return {fn["arguments"].get("city") or fn["arguments"].get("location")
                for r in rows for fn, _ in calls_with_context(r) if fn["name"] in ("get_weather", "get_time")}
    pools = build_pools(load_languages(), seed=0)
    held = {name for p in PLACES if p not in pools["train"].places["en"] for name in p["names"].values()}
    assert held and not places(splits["train"]) & held
    assert places(splits["test"]) & held


def tool_results(rows):
    """(row, tool name, result) for every tool message."""
    for row in rows:
        for m in row["messages"]:
            if m["role"] == "tool":
                yield row, m["name"], json.loads(m["content"])


def test_tool_results_have_the_documented_shapes(rows):
    keys = {"get_weather": {"city", "temperature", "unit", "condition", "humidity", "wind_kph", "simulated"},
            "get_time": {"location", "timezone", "local_time", "weekday", "utc_offset"},
            "generate_image": {"image", "prompt", "width", "height"}}
    optional = {"humidity", "wind_kph", "weekday", "utc_offset"}
    seen = Counter()
    for _, name, result in tool_results(rows):
        if "error" in result:
            seen["error"] += 1
            continue
        seen[name] += 1
        assert keys[name] - optional <= set(result) <= keys[name], result
        if name == "get_time":
            assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d", result["local_time"])
            assert re.fullmatch(r"[+-]\d\d:\d\d", result.get("utc_offset", "+00:00"))
        if name == "get_weather":
            assert isinstance(result["temperature"], int) and result["simulated"] is True
            if result["unit"] == "celsius":
                assert fits(result["condition"], result["temperature"]), result
        if name == "generate_image":
            assert re.fullmatch(r"outputs/images/[0-9a-f]+\.png", result["image"])
    assert min(seen.values()) > 10 and len(seen) == 4


def test_results_sometimes_lack_their_optional_fields(splits):
    """The built-in get_time always gives utc_offset; other tools may not, and training shows both."""
    fields = {"get_weather": ("humidity", "wind_kph"), "get_time": ("utc_offset", "weekday")}
    have = Counter()
    for _, name, result in tool_results(splits["train"]):
        for field in fields.get(name, ()) if "error" not in result else ():
            have[field, field in result] += 1
    for field in ("humidity", "wind_kph", "utc_offset", "weekday"):
        with_it, without = have[field, True], have[field, False]
        assert 0.15 < without / (with_it + without) < 0.5, (field, with_it, without)


def invented_values(answer: str, results: list[dict], weekdays: list[str]) -> list[str]:
    """What `train.metrics.invented_values` finds, plus weekdays named where no result has one."""
    invented = metrics.invented_values(answer, results)
    if not any("weekday" in r for r in results):
        invented += [day for day in weekdays if day in answer]
    return invented


def test_answers_state_only_what_the_results_say(rows):
    """Every answer after tool results: each number, time, offset and weekday comes from those results."""
    langs = load_languages()
    checked = 0
    for row in rows:
        messages = row["messages"]
        for i, m in enumerate(messages):
            if m["role"] != "assistant" or m.get("tool_calls") or i == 0 or messages[i - 1]["role"] != "tool":
                continue
            results = []
            for earlier in reversed(messages[:i]):
                if earlier["role"] != "tool":
                    break
                results.append(json.loads(earlier["content"]))
            assert invented_values(m["content"], results, langs[row["lang"]].WEEKDAYS) == [], (row["id"], m, results)
            checked += 1
    assert checked > 1000


def test_invented_values_are_caught():
    result = {"location": "Seoul", "local_time": "2025-03-01 21:45", "weekday": "Saturday"}
    weekdays = ["Saturday", "Sunday"]
    assert invented_values("Seoul: 21:45 (Saturday).", [result], weekdays) == []
    assert invented_values("Seoul: 21:45 (UTC+09:00).", [result], weekdays) == ["UTC+09:00"]
    assert invented_values("Seoul: 21:40.", [result], weekdays) == ["21:40"]
    no_day = {k: v for k, v in result.items() if k != "weekday"}
    assert invented_values("Seoul: Saturday, 21:45.", [no_day], weekdays) == ["Saturday"]
    weather = {"city": "Lyon", "temperature": 12, "condition": "rain", "simulated": True}
    assert invented_values("Lyon: 12°C, rain, humidity 80%.", [weather], weekdays) == ["80"]


def test_some_rows_use_other_tool_lists(splits):
    default = [t["function"]["name"] for t in load_tool_schemas()]
    ours = [r for r in splits["train"] if r["category"] not in gen.FUNCTION_CATEGORIES]
    other = [r for r in ours if [t["function"]["name"] for t in r["tools"]] != default]
    assert 0.05 < len(other) / len(ours) < 0.3
    for row in splits["train"]:
        if row["category"] == "missing_tool" and len(row["tools"]) < 3:
            assert not gen.is_call_row(row)


def test_committed_splits_are_what_the_generator_makes(splits, tmp_path):
    """data/ holds `python -m train.data.generate --seed 0` output byte for byte (the shipped adapter's data)."""
    data = Path(__file__).resolve().parent.parent / "data"
    gen.write(splits, tmp_path, seed=0)
    for name in ("train.jsonl", "val.jsonl", "test.jsonl", "stats.json"):
        assert (tmp_path / name).read_bytes() == (data / name).read_bytes(), name


def test_write_saves_loadable_splits_and_stats(tmp_path, splits):
    summary = gen.write(splits, tmp_path, seed=0)
    train = load_jsonl(tmp_path / "train.jsonl")
    assert sorted(r["id"] for r in train) == sorted(r["id"] for r in splits["train"])
    assert [r["id"] for r in train] != [r["id"] for r in splits["train"]]  # shuffled
    assert json.loads((tmp_path / "stats.json").read_text(encoding="utf-8")) == summary
    assert summary["splits"]["test"]["rows"] == len(splits["test"])
    assert "call_fraction" in gen.format_stats(summary)


def test_places_have_valid_zones_and_many_names():
    from zoneinfo import ZoneInfo

    for place in PLACES:
        ZoneInfo(place["tz"])
    assert len(PLACES) >= 150
    assert sum("zh-Hant" in p["names"] for p in PLACES) >= 100


def names(tools):
    return {t["function"]["name"] for t in tools}


def test_catalog_rows_call_a_declared_tool_or_refuse_an_absent_one(catalog_splits):
    """call_catalog calls a tool of the row's list; missing_catalog asks for a tool the list lacks and gets no call."""
    seen = Counter()
    for rows in catalog_splits.values():
        for row in rows:
            assert not validate_row(row), row["id"]
            requested = row["group"].split(".")[1] if row["group"].startswith("catalog.") else None
            if row["category"] == "call_catalog":
                [c] = row["messages"][-1]["tool_calls"]
                assert c["function"]["name"] == requested and requested in names(row["tools"]), row["id"]
                jsonschema.validate(c["function"]["arguments"], CATALOG_TOOLS[requested]["function"]["parameters"])
            elif row["category"] == "missing_catalog":
                assert requested not in names(row["tools"]) and not gen.is_call_row(row), row["id"]
            seen[row["category"], row["lang"]] += 1
    assert all(seen[c, lang] for c in gen.CATALOG_CATEGORIES for lang in load_languages())


def test_held_out_catalog_tools_are_only_in_val_and_test(catalog_splits):
    held = set(HELD_OUT_TOOLS)
    assert not any(held & names(row["tools"]) for row in catalog_splits["train"])
    for split in ("val", "test"):
        called = {c["function"]["name"] for row in catalog_splits[split] if row["category"] == "call_catalog"
                  for c in row["messages"][-1]["tool_calls"]}
        assert called & held, split


def test_catalog_rows_share_few_tool_lists_so_they_can_be_chained(catalog_splits):
    lists = {json.dumps(row["tools"]) for row in catalog_splits["train"] if row["category"] in gen.CATALOG_CATEGORIES}
    assert len(lists) <= TOOLSETS


def test_catalog_is_opt_in(splits, catalog_splits):
    assert not any(r["category"] in gen.CATALOG_CATEGORIES for rows in splits.values() for r in rows)
    assert sum(r["category"] in gen.CATALOG_CATEGORIES for r in catalog_splits["train"]) > 0.08 * SMALL["train"]


def test_no_functions_leaves_the_function_rows_out():
    plain = gen.generate(seed=0, sizes=SMALL, functions=False)
    assert not any(r["category"] in gen.FUNCTION_CATEGORIES for rows in plain.values() for r in rows)
    assert [len(rows) for rows in plain.values()] == list(SMALL.values())


def test_cli_sizes_train_and_switches_functions_off(tmp_path):
    gen.main(["--out", str(tmp_path), "--train-rows", "300", "--no-functions"])
    stats = json.loads((tmp_path / "stats.json").read_text(encoding="utf-8"))["splits"]
    assert [stats[s]["rows"] for s in ("train", "val", "test")] == [300, gen.SPLIT_SIZES["val"], gen.SPLIT_SIZES["test"]]
    assert not set(stats["train"]["by_category"]) & set(gen.FUNCTION_CATEGORIES)


def test_weather_here_and_time_there_calls_in_the_order_asked(splits):
    """"What time is it in Dubai and what's the weather in Doha?" -> get_time(Dubai), get_weather(Doha)."""
    orders = Counter()
    for rows in splits.values():
        for row in rows:
            if not row["group"].startswith("par_weather_time2."):
                continue
            text, calls = row["messages"][0]["content"], row["messages"][1]["tool_calls"]
            names = [c["function"]["name"] for c in calls]
            places = [c["function"]["arguments"].get("city") or c["function"]["arguments"]["location"] for c in calls]
            assert sorted(names) == ["get_time", "get_weather"] and places[0] != places[1], row["id"]
            if not (places[0] in places[1] or places[1] in places[0]):
                assert text.index(places[0]) < text.index(places[1]), row["id"]
            orders[names[0]] += 1
    assert min(orders.values()) > 30, orders


def test_cjk_sentences_name_two_places_tightly_and_get_two_calls(splits):
    """"台北跟東京現在天氣怎樣？", "東京と大阪の天気", "北京、上海的天气": two calls, one per place."""
    tight, pairs = Counter(), Counter()
    for row in splits["train"]:
        if row["lang"] not in ("zh-Hant", "zh-Hans", "ja", "ko") or row["category"] != "parallel":
            continue
        calls = row["messages"][1]["tool_calls"]
        places = [c["function"]["arguments"].get("city") or c["function"]["arguments"].get("location") for c in calls]
        if None not in places and len(set(places)) == 2 and calls[0]["function"]["name"] == calls[1]["function"]["name"]:
            pairs[row["lang"]] += 1
            text = row["messages"][0]["content"]
            tight[row["lang"]] += any(f"{places[0]}{joint}{places[1]}" in text
                                      for joint in ("跟", "和", "、", "と", "・", ", ", "하고 "))
    assert all(tight[lang] >= 5 and tight[lang] > 0.5 * pairs[lang] for lang in pairs), (tight, pairs)
    assert len(pairs) == 4


def function_rows(rows, *categories):
    return [r for r in rows if r["category"] in (categories or gen.FUNCTION_CATEGORIES)]


def test_held_out_functions_are_never_in_train(splits):
    held = set(HELD_OUT_FUNCTIONS)
    assert not [r["id"] for r in splits["train"] if held & names(r["tools"])]
    for split in ("val", "test"):
        called = {c["function"]["name"] for r in function_rows(splits[split], "call_function", "parallel_function")
                  for c in r["messages"][-1]["tool_calls"]}
        assert called & held, split


def test_each_function_request_is_in_one_split(splits):
    requests = {text for text, *_ in REQUESTS} | {text for text, *_ in IRRELEVANT}
    where = {}
    for name, rows in splits.items():
        for row in function_rows(rows):
            text = row["messages"][0]["content"]
            request = next(r for r in (text, text + ".", text + "?", text + "。", text + "？", text + "!") if r in requests)
            where.setdefault(request, set()).add(name)
    assert all(len(s) == 1 for s in where.values())
    assert len(where) > 600


def test_function_rows_declare_the_called_functions_among_near_misses(splits):
    same_domain = distractors = with_ours = 0
    rows = function_rows(splits["train"], "call_function", "parallel_function")
    for row in rows:
        called = [c["function"]["name"] for c in row["messages"][-1]["tool_calls"]]
        others = names(row["tools"]) - set(called) - OURS
        assert set(called) <= names(row["tools"]) and 1 <= len(others) <= 4, row["id"]
        domains = {DOMAIN_OF[n] for n in called}
        same_domain += sum(DOMAIN_OF[n] in domains for n in others)
        distractors += len(others)
        with_ours += OURS <= names(row["tools"])
    assert same_domain / distractors > 0.6
    assert 0.1 < with_ours / len(rows) < 0.5
    repeated = Counter(c["function"]["name"] for r in function_rows(rows, "parallel_function")
                       for c in r["messages"][-1]["tool_calls"][1:]
                       if c["function"]["name"] == r["messages"][-1]["tool_calls"][0]["function"]["name"])
    assert sum(repeated.values()) > 100  # the same function called again, beside rows calling different ones


def test_function_rows_share_tool_lists_to_chain_but_not_few(splits):
    """train.sft --chain joins rows with identical tools: many rows share a list, yet there are many lists."""
    lists = Counter(json.dumps(r["tools"], sort_keys=True) for r in function_rows(splits["train"]))
    shared = sum(n for n in lists.values() if n > 1)
    assert shared / sum(lists.values()) > 0.3
    assert len(lists) > 500


def test_irrelevant_rows_answer_in_text_and_never_beside_a_tool_that_could(splits):
    declared = {text: set(names) for text, names, _ in IRRELEVANT}
    answered = Counter()
    for rows in splits.values():
        for row in function_rows(rows, "irrelevant_function"):
            text = row["messages"][0]["content"]
            request = next(r for r in declared if r.rstrip(".?!。？！") == text.rstrip(".?!。？！"))
            assert not gen.is_call_row(row) and names(row["tools"]) - OURS == declared[request], row["id"]
            if request in ASKS_OUR_TOOLS:
                assert not OURS & names(row["tools"]), row["id"]
            reply = row["messages"][-1]["content"]
            answered[reply == ANSWERED.get(request)] += 1
            if request not in ANSWERED:
                assert reply in load_languages()[row["lang"]].NO_FUNCTION, row["id"]
    assert answered[True] > 50 and answered[False] > 200
