"""Tool results made up from the row's rng (never the wall clock), in the shapes the built-in tools return
(often without some optional fields, as other implementations of the tools return them), and the values
answers quote from them."""
from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from fc.builtins.clock import WEEKDAYS, time_report
from fc.builtins.weather import CONDITIONS, fits, in_unit
from train.data.draw import Draw

ERRORS = {
    "get_weather": ["unknown city: {city}", "weather service timed out", "weather service unavailable"],
    "get_time": ["unknown location: {city}", "time service unavailable"],
    "generate_image": ["image generation failed: out of memory", "image generation timed out"],
}


# Fields a result may lack, and how often: the built-in get_time always gives utc_offset, other tools may not,
# so answers learn to state only what a result holds.
OPTIONAL = {"get_weather": {"humidity": 0.3, "wind_kph": 0.3}, "get_time": {"utc_offset": 0.35, "weekday": 0.25}}


def for_call(d: Draw, call: dict, place: dict | None = None) -> dict:
    """A result of `call` (get_weather, get_time or generate_image), sometimes without OPTIONAL fields;
    get_time needs the `place` it asks about."""
    name, arguments = call["function"]["name"], call["function"]["arguments"]
    if name == "get_weather":
        made = weather(d, arguments["city"], arguments.get("unit"))
    elif name == "get_time":
        made = time(d, place, arguments["location"])
    else:
        return image(d, arguments["prompt"])
    return {k: v for k, v in made.items() if not (k in OPTIONAL[name] and d.rng.random() < OPTIONAL[name][k])}


def weather(d: Draw, city: str, unit: str | None) -> dict:
    """get_weather's result, without its note: a temperature from -8 to 35 °C and a condition that fits it."""
    rng = d.rng
    c = rng.randint(-8, 35)
    cond = rng.choice([x for x in CONDITIONS if fits(x, c)])
    unit = unit or "celsius"
    return {"city": city, "temperature": in_unit(c, unit), "unit": unit, "condition": cond,
            "humidity": rng.randint(25, 98), "wind_kph": rng.randint(0, 45), "simulated": True}


def time(d: Draw, place: dict, location: str) -> dict:
    """get_time's result at a random minute of 2025 in the place's zone."""
    rng = d.rng
    day = date(2025, 1, 1) + timedelta(days=rng.randrange(365))
    return time_report(location, datetime(day.year, day.month, day.day, rng.randrange(24), rng.randrange(60),
                                          tzinfo=ZoneInfo(place["tz"])))


def image(d: Draw, prompt: str) -> dict:
    """generate_image's result: a random file name under outputs/images/."""
    return {"image": f"outputs/images/{d.rng.getrandbits(48):012x}.png", "prompt": prompt, "width": 512, "height": 512}


def error(d: Draw, name: str, city: str | None = None) -> dict:
    """A failed call of tool `name` (about `city`)."""
    return {"error": d.rng.choice(ERRORS[name]).format(city=city)}


def quotes(d: Draw, name: str, result: dict, suffix: str = "") -> dict:
    """The slots an answer fills from tool `name`'s `result`, in the row's language: {city}, {temp}, {cond},
    {time}, {path}… and, where the result has them, {hum}, {wind}, {weekday}, {offset} (`suffix` "2" for the
    second result of one tool: {city2}, {temp2}…)."""
    if name == "get_weather":
        values = {f"temp{suffix}": result["temperature"], "deg": "°C" if result["unit"] == "celsius" else "°F",
                  f"cond{suffix}": d.pool("CONDITIONS")[result["condition"]], f"city{suffix}": result["city"]}
        if "humidity" in result:
            values[f"hum{suffix}"] = result["humidity"]
        if "wind_kph" in result:
            values[f"wind{suffix}"] = result["wind_kph"]
        return values
    if name == "get_time":
        values = {f"time{suffix}": result["local_time"][11:], f"city{suffix}": result["location"]}
        if "weekday" in result:
            values[f"weekday{suffix}"] = d.pool("WEEKDAYS")[WEEKDAYS.index(result["weekday"])]
        if "utc_offset" in result:
            values[f"offset{suffix}"] = result["utc_offset"]
        return values
    return {f"path{suffix}": result["image"], f"prompt{suffix}": result["prompt"]}
