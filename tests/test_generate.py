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
from train.data.draw import build_pools
from train.data.pools import LANGS, PLACES, load_languages
from train.data.pools.catalog import CATALOG_TOOLS, HELD_OUT as HELD_OUT_TOOLS
from train.data.tool_lists import TOOLSETS
from train.dataset import load_jsonl, validate_row

UNIT_WORDS = {unit: {w for mod in load_languages().values() for w in getattr(mod, "UNIT_WORDS", {}).get(unit, [])}
              for unit in ("celsius", "fahrenheit")}


@pytest.fixture(scope="module")
def splits():
    return gen.generate(seed=0)


@pytest.fixture(scope="module")
def catalog_splits():
    return gen.generate(seed=0, catalog=True)


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


def test_deterministic_for_a_seed(splits):
    assert gen.generate(seed=0) == splits
    assert gen.generate(seed=1)["train"] != splits["train"]


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
        assert set(Counter(r["lang"] for r in splits[name])) == set(load_languages()), name
        assert set(Counter(r["category"] for r in splits[name])) == set(gen.CATEGORIES) - set(gen.CATALOG_CATEGORIES)
    by_lang = Counter(r["lang"] for r in splits["train"])
    assert by_lang["en"] == max(by_lang.values())
    assert by_lang["zh-Hant"] > 0.1 * len(splits["train"]) and by_lang["zh-Hans"] > 0.1 * len(splits["train"])


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


def test_tool_results_have_the_documented_shapes(rows):
    keys = {"get_weather": {"city", "temperature", "unit", "condition", "humidity", "wind_kph", "simulated"},
            "get_time": {"location", "timezone", "local_time", "weekday", "utc_offset"},
            "generate_image": {"image", "prompt", "width", "height"}}
    seen = Counter()
    for row in rows:
        for m in row["messages"]:
            if m["role"] != "tool":
                continue
            result = json.loads(m["content"])
            if "error" in result:
                seen["error"] += 1
                continue
            seen[m["name"]] += 1
            assert set(result) == keys[m["name"]], result
            if m["name"] == "get_time":
                assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d", result["local_time"])
                assert re.fullmatch(r"[+-]\d\d:\d\d", result["utc_offset"])
            if m["name"] == "get_weather":
                assert isinstance(result["temperature"], int) and result["simulated"] is True
                if result["unit"] == "celsius":
                    assert fits(result["condition"], result["temperature"]), result
            if m["name"] == "generate_image":
                assert re.fullmatch(r"outputs/images/[0-9a-f]+\.png", result["image"])
    assert min(seen.values()) > 10 and len(seen) == 4


def test_some_rows_use_other_tool_lists(splits):
    default = [t["function"]["name"] for t in load_tool_schemas()]
    other = [r for r in splits["train"] if [t["function"]["name"] for t in r["tools"]] != default]
    assert 0.05 < len(other) / len(splits["train"]) < 0.3
    for row in splits["train"]:
        if row["category"] == "missing_tool" and len(row["tools"]) < 3:
            assert not gen.is_call_row(row)


# data/ was made from the 230 curated places; it is remade (and this test restored) when the generator
# integrates the grown places table, so that the shipped adapter's training data stays what it was until then.
@pytest.mark.skip(reason="places table grown; data/ is regenerated when the generator integrates it")
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
    assert sum(r["category"] in gen.CATALOG_CATEGORIES for r in catalog_splits["train"]) > 0.08 * 3300
