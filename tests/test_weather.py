"""get_weather: simulated but deterministic and plausible weather, and its derived schema."""
import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from transformers.utils import get_json_schema

from fc.builtins.weather import CONDITIONS, NOTE, fits, get_weather

ROOT = Path(__file__).resolve().parents[1]
DAY = date(2025, 3, 14)
CITIES = ["Paris", "Tokyo", "Singapore", "Moscow", "Sydney", "Dubai", "Reykjavik", "Nairobi", "Chicago", "Atlantis"]


def test_shape():
    w = get_weather("Paris", today=DAY)
    assert set(w) == {"city", "temperature", "unit", "condition", "humidity", "wind_kph", "simulated", "note"}
    assert w["city"] == "Paris" and w["unit"] == "celsius" and w["simulated"] is True and w["note"] == NOTE
    assert w["condition"] in CONDITIONS
    assert all(isinstance(w[k], int) for k in ("temperature", "humidity", "wind_kph"))
    assert 0 <= w["humidity"] <= 100 and 0 <= w["wind_kph"] < 100
    assert get_weather("Paris")["condition"] in CONDITIONS  # default date works


def test_deterministic_for_city_and_date():
    for city in CITIES:
        assert get_weather(city, today=DAY) == get_weather(city, today=DAY)
    # the same place under other names gives the same weather
    strip = lambda w: {k: v for k, v in w.items() if k != "city"}  # noqa: E731
    assert strip(get_weather("Tokyo", today=DAY)) == strip(get_weather("東京", today=DAY)) \
        == strip(get_weather("  tokyo ", today=DAY))


def test_different_cities_and_days_differ():
    fields = lambda w: (w["temperature"], w["condition"], w["humidity"], w["wind_kph"])  # noqa: E731
    assert len({fields(get_weather(c, today=DAY)) for c in CITIES}) == len(CITIES)
    assert len({fields(get_weather("Paris", today=DAY + timedelta(days=i))) for i in range(10)}) > 5


def test_units_are_the_same_weather():
    for city in CITIES:
        c = get_weather(city, "celsius", today=DAY)
        f = get_weather(city, "fahrenheit", today=DAY)
        assert f["unit"] == "fahrenheit"
        assert f["temperature"] == round(c["temperature"] * 9 / 5 + 32)
        assert {k: v for k, v in c.items() if k not in ("temperature", "unit")} == \
               {k: v for k, v in f.items() if k not in ("temperature", "unit")}


def test_climate_is_plausible():
    days = [date(2025, 1, 1) + timedelta(days=i) for i in range(0, 365, 3)]
    for city in ["Singapore", "Moscow", "Sydney", "Reykjavik", "Dubai", "London", "Atlantis"]:
        for day in days:
            w = get_weather(city, today=day)
            assert fits(w["condition"], w["temperature"]), (city, day, w)
    mean = lambda city, month: sum(get_weather(city, today=date(2025, month, d))["temperature"]  # noqa: E731
                                   for d in range(1, 29)) / 28
    assert mean("Moscow", 1) < 2 < mean("Moscow", 7)
    assert mean("Sydney", 1) > mean("Sydney", 7)  # southern hemisphere seasons
    assert 20 < mean("Singapore", 1) < 32 and 20 < mean("Singapore", 7) < 32
    assert any(get_weather("Moscow", today=date(2025, 1, d))["condition"] == "snow" for d in range(1, 32))


def test_fits_keeps_snow_cold_and_thunder_warm():
    assert fits("snow", 1) and not fits("snow", 2) and fits("rain", 2) and not fits("light rain", 1)
    assert fits("thunderstorms", 18) and not fits("thunderstorms", 17) and fits("sunny", -20)


@pytest.mark.parametrize("unit", ["kelvin", "C", 3])
def test_bad_unit(unit):
    assert get_weather("Paris", unit) == {"error": "unit must be 'celsius' or 'fahrenheit'"}


@pytest.mark.parametrize("city", ["", "   ", None])
def test_empty_city(city):
    assert set(get_weather(city)) == {"error"}


def test_schema_matches_tools_json():
    tools = {t["function"]["name"]: t["function"] for t in json.loads((ROOT / "data/tools.json").read_text())}
    schema = get_json_schema(get_weather)["function"]
    assert schema["description"] == tools["get_weather"]["description"]
    assert schema["parameters"] == tools["get_weather"]["parameters"]
    assert schema["parameters"]["properties"]["unit"]["enum"] == ["celsius", "fahrenheit"]
