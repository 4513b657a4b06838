"""get_time: real local times via zoneinfo, multilingual place names, and its derived schema."""
import json
import re
from datetime import datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo, available_timezones

import pytest
from transformers.utils import get_json_schema

from fc.builtins.clock import find_place, get_time, load_places, normalize

ROOT = Path(__file__).resolve().parents[1]
HAN = re.compile(r"[\u4e00-\u9fff]")

SAMPLES = [  # (as a user might write it, expected zone)
    ("Tokyo", "Asia/Tokyo"), ("東京", "Asia/Tokyo"), ("とうきょう", "Asia/Tokyo"), ("도쿄", "Asia/Tokyo"),
    ("臺北", "Asia/Taipei"), ("台北市", "Asia/Taipei"), ("高雄", "Asia/Taipei"), ("Taichung", "Asia/Taipei"),
    ("深圳", "Asia/Shanghai"), ("成都", "Asia/Shanghai"), ("廣州", "Asia/Shanghai"), ("广州", "Asia/Shanghai"),
    ("大阪市", "Asia/Tokyo"), ("부산", "Asia/Seoul"), ("孟买", "Asia/Kolkata"), ("Bengaluru", "Asia/Kolkata"),
    ("Lagos", "Africa/Lagos"), ("奈洛比", "Africa/Nairobi"), ("Sao Paulo", "America/Sao_Paulo"),
    ("São Paulo", "America/Sao_Paulo"), ("聖保羅", "America/Sao_Paulo"), ("芝加哥", "America/Chicago"),
    ("Los Angeles", "America/Los_Angeles"), ("洛杉磯", "America/Los_Angeles"), ("Denver", "America/Denver"),
    ("Phoenix", "America/Phoenix"), ("檀香山", "Pacific/Honolulu"), ("Anchorage", "America/Anchorage"),
    ("溫哥華", "America/Vancouver"), ("雪梨", "Australia/Sydney"), ("悉尼", "Australia/Sydney"),
    ("Perth", "Australia/Perth"), ("Adelaide", "Australia/Adelaide"), ("奥克兰", "Pacific/Auckland"),
    ("Reykjavík", "Atlantic/Reykjavik"), ("İstanbul", "Europe/Istanbul"), ("دبي", "Asia/Dubai"),
    ("تهران", "Asia/Tehran"), ("काठमाडौं", "Asia/Kathmandu"), ("Москва", "Europe/Moscow"),
    ("Moscou", "Europe/Moscow"), ("Múnich", "Europe/Berlin"), ("München", "Europe/Berlin"),
    ("Munich", "Europe/Berlin"), ("Londres", "Europe/London"), ("Pekín", "Asia/Shanghai"),
    ("Pequim", "Asia/Shanghai"), ("Nueva York", "America/New_York"), ("new york city", "America/New_York"),
    ("กรุงเทพมหานคร", "Asia/Bangkok"), ("Hà Nội", "Asia/Ho_Chi_Minh"), ("Tokyo, Japan", "Asia/Tokyo"),
    ("Europe/Paris", "Europe/Paris"), ("Japan", "Asia/Tokyo"), ("日本", "Asia/Tokyo"), ("France", "Europe/Paris"),
    ("  PARIS!  ", "Europe/Paris"),
]


@pytest.mark.parametrize("name,tz", SAMPLES)
def test_local_time_matches_zoneinfo(name, tz):
    now = datetime.now(timezone.utc)
    expected = now.astimezone(ZoneInfo(tz))
    offset = expected.strftime("%z")
    result = get_time(name, now=now)
    assert result == {
        "location": name,
        "timezone": tz,
        "local_time": expected.strftime("%Y-%m-%d %H:%M"),
        "weekday": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")[expected.weekday()],
        "utc_offset": f"{offset[:3]}:{offset[3:]}",
    }


def test_fractional_and_negative_offsets():
    now = datetime(2025, 1, 15, 12, 0, tzinfo=timezone.utc)
    assert get_time("Kathmandu", now=now)["utc_offset"] == "+05:45"
    assert get_time("Adelaide", now=now)["utc_offset"] == "+10:30"  # daylight time in January
    assert get_time("Denver", now=now) | {"location": None} == {
        "location": None, "timezone": "America/Denver", "local_time": "2025-01-15 05:00",
        "weekday": "Wednesday", "utc_offset": "-07:00"}
    assert get_time("Tokyo", now=datetime(2025, 1, 15, 23, 30))["local_time"] == "2025-01-16 08:30"  # naive = UTC


@pytest.mark.parametrize("bad", ["Atlantis", "", "   ", None, 42, "Tokyo Tower Street 9"])
def test_unknown_place_is_an_error_dict(bad):
    result = get_time(bad)
    assert set(result) == {"error"}
    assert result["error"] == f"Unknown location: {bad}. Try a major city name, e.g. 'Tokyo' or '東京'."


def test_table_size_and_coverage():
    places = load_places()
    cities = [p for p in places if not p.get("country")]
    assert len(cities) >= 220
    assert len({p["names"][0] for p in cities}) == len(cities)
    assert sum(any(HAN.search(n) for n in p["names"]) for p in cities) >= 200
    zones = available_timezones()  # one scan of the zone files, not one per place
    assert all(p["tz"] in zones for p in places)
    assert all(-90 <= p["lat"] <= 90 for p in places)
    assert {p["tz"].split("/")[0] for p in cities} >= {"Asia", "Europe", "Africa", "America", "Australia", "Pacific",
                                                         "Antarctica"}


def test_no_name_maps_to_two_timezones():
    owner: dict[str, str] = {}
    conflicts = []
    for place in load_places():
        for name in place["names"]:
            key = normalize(name)
            assert key, f"{name!r} normalises to nothing"
            if owner.setdefault(key, place["tz"]) != place["tz"]:
                conflicts.append((name, owner[key], place["tz"]))
    assert conflicts == []


def test_normalize_folds_case_accents_and_punctuation():
    assert normalize("São Paulo") == normalize("SAO-PAULO") == normalize("sao paulo") == "saopaulo"
    assert normalize("Ｔｏｋｙｏ") == "tokyo"  # NFKC: full-width letters
    assert find_place("Zürich") is find_place("zurich")


def test_schema_matches_tools_json():
    tools = {t["function"]["name"]: t["function"] for t in json.loads((ROOT / "data/tools.json").read_text())}
    schema = get_json_schema(get_time)["function"]
    assert schema["description"] == tools["get_time"]["description"]
    assert schema["parameters"] == tools["get_time"]["parameters"]
