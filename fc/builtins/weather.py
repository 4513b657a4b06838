"""get_weather: simulated, deterministic weather for demos (not a real forecast).

The same (city, date) always gives the same weather: a `random.Random` is seeded from a sha256 of
the place's canonical name and the date. Temperatures follow the city's latitude (from places.json)
and the season, so Singapore is warm all year, Moscow snows in January and Sydney's summer is in
December. Unknown cities get a made-up but stable latitude.
"""
from __future__ import annotations

import hashlib
import math
import random
from datetime import date, datetime
from typing import Literal
from zoneinfo import ZoneInfo

from fc.builtins.clock import find_place, normalize, schema_hides

CONDITIONS = ("sunny", "partly cloudy", "cloudy", "light rain", "rain", "thunderstorms", "snow", "fog", "windy")
NOTE = "Simulated weather for demos; not a real forecast."
_MARITIME = ("Atlantic/", "Pacific/", "Indian/", "Australia/", "Europe/London", "Europe/Dublin",
             "Europe/Lisbon", "America/Vancouver", "America/Los_Angeles")
_ARID = {"Asia/Dubai", "Asia/Riyadh", "Asia/Qatar", "Asia/Kuwait", "Asia/Bahrain", "Asia/Muscat",
         "Asia/Baghdad", "Africa/Cairo", "Africa/Khartoum", "Africa/Tripoli", "America/Phoenix"}
_HUMIDITY = {"sunny": (25, 60), "partly cloudy": (35, 70), "cloudy": (50, 85), "light rain": (70, 95),
             "rain": (80, 98), "thunderstorms": (70, 95), "snow": (70, 95), "fog": (90, 100), "windy": (30, 70)}


def _rng(key: str, day: date) -> random.Random:
    digest = hashlib.sha256(f"{key}|{day.isoformat()}".encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def _celsius(rng: random.Random, lat: float, tz: str, day: date) -> float:
    """Seasonal temperature: warm near the equator, colder and more seasonal towards the poles."""
    a = abs(lat)
    mean = 27 - 0.45 * max(0.0, a - 12) - 0.6 * max(0.0, a - 60)
    amplitude = min(14.0, 1 + 0.25 * max(0.0, a - 10))
    if tz.startswith(_MARITIME):
        mean, amplitude = mean + 2, amplitude * 0.5
    if tz in _ARID:
        mean += 6
    season = -math.cos(2 * math.pi * (day.timetuple().tm_yday - 20) / 365.25)  # -1 mid-January, +1 mid-July
    return mean + amplitude * (season if lat >= 0 else -season) + rng.gauss(0, 2.5)


def fits(condition: str, temp_c: int) -> bool:
    """Whether `condition` can happen at `temp_c` °C: snow at 1 °C or below, rain above it, thunderstorms from 18 °C."""
    if condition == "snow":
        return temp_c <= 1
    if condition in ("light rain", "rain"):
        return temp_c > 1
    return condition != "thunderstorms" or temp_c >= 18


def in_unit(temp_c: int, unit: str) -> int:
    """`temp_c` (whole degrees Celsius) in `unit`: as it is, or in whole degrees Fahrenheit."""
    return temp_c if unit == "celsius" else round(temp_c * 9 / 5 + 32)


def _condition(rng: random.Random, temp_c: int, arid: bool) -> str:
    wet = 0.2 if arid else 1.0
    weights = {"sunny": 30, "partly cloudy": 25, "cloudy": 15, "light rain": 10 * wet, "rain": 7 * wet,
               "thunderstorms": 6 * wet, "fog": 4, "windy": 5}
    weights["snow"] = weights["light rain"] + weights["rain"]  # precipitation, falling as snow when it is cold
    return rng.choices(CONDITIONS, weights=[weights[c] if fits(c, temp_c) else 0 for c in CONDITIONS])[0]


@schema_hides("today")
def get_weather(city: str, unit: Literal["celsius", "fahrenheit"] = "celsius", today: date | None = None) -> dict:
    """Get the current weather for a city.

    Args:
        city: The city name, e.g. Paris.
        unit: Temperature unit.
    """
    if not isinstance(city, str) or not city.strip():
        return {"error": "city must be a non-empty city name, e.g. 'Paris'"}
    unit = "celsius" if unit is None else str(unit).strip().lower()
    if unit not in ("celsius", "fahrenheit"):
        return {"error": "unit must be 'celsius' or 'fahrenheit'"}
    place = find_place(city)
    key = place["names"][0] if place else normalize(city) or city.strip()
    tz = place["tz"] if place else "UTC"
    if today is None:
        today = datetime.now(ZoneInfo(tz)).date()
    rng = _rng(key, today)
    lat = place.get("lat") if place else None
    if lat is None:  # unknown place: a stable made-up latitude, mostly temperate
        lat = _rng(key, date(2000, 1, 1)).uniform(-45, 60)
    temp_c = round(_celsius(rng, lat, tz, today))
    condition = _condition(rng, temp_c, tz in _ARID)
    humidity = rng.randint(*_HUMIDITY[condition]) - (15 if tz in _ARID else 0)
    wind = rng.randint(35, 65) if condition == "windy" else rng.randint(15, 45) if condition == "thunderstorms" \
        else rng.randint(3, 25)
    return {
        "city": city,
        "temperature": in_unit(temp_c, unit),
        "unit": unit,
        "condition": condition,
        "humidity": max(10, humidity),
        "wind_kph": wind,
        "simulated": True,
        "note": NOTE,
    }
