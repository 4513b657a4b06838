"""get_time: the real local time of a place, resolved through places.json and zoneinfo.

Place names are matched after `normalize` (NFKC, casefold, accents, spaces and punctuation
removed), so "São Paulo", "sao paulo" and "SAO-PAULO" are one key. A raw IANA zone name
("Europe/Paris") works too.
"""
from __future__ import annotations

import inspect
import json
import unicodedata
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo, available_timezones

PLACES_FILE = Path(__file__).with_name("places.json")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_SUFFIXES = ("特別市", "特别市", "city", "市", "시", "shi")  # "Osaka-shi", "台北市", "서울시"


def schema_hides(*names: str):
    """Decorator: keep test-only arguments (e.g. a fixed clock) out of the schema get_json_schema derives."""
    def hide(fn):
        sig = inspect.signature(fn)
        fn.__signature__ = sig.replace(parameters=[p for p in sig.parameters.values() if p.name not in names])
        for name in names:
            fn.__annotations__.pop(name, None)
        return fn
    return hide


def normalize(name: str) -> str:
    """Matching key of a place name: NFKC, casefolded, accents folded, no spaces or punctuation."""
    text = unicodedata.normalize("NFD", unicodedata.normalize("NFKC", name).casefold())
    kept = (c for c in text if not ("\u0300" <= c <= "\u036f" or c in "ʻʼ"
                                    or unicodedata.category(c)[0] in "PZSC" and c not in "\u200c\u200d"))
    return unicodedata.normalize("NFC", "".join(kept))


@lru_cache(maxsize=1)
def load_places() -> list[dict]:
    """The entries of places.json: {"tz", "lat", "names"} and, for countries, "country": true."""
    return json.loads(PLACES_FILE.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _index() -> dict[str, dict]:
    index: dict[str, dict] = {}
    for entry in load_places():
        for name in entry["names"]:
            index.setdefault(normalize(name), entry)
    return index


@lru_cache(maxsize=1)
def _zones() -> dict[str, str]:
    return {tz.casefold(): tz for tz in available_timezones()}


def find_place(location: str) -> dict | None:
    """The places.json entry for a name, else a {"tz", "names"} stub for an IANA zone name, else None."""
    if not isinstance(location, str) or not location.strip():
        return None
    index = _index()
    for part in dict.fromkeys([location, location.replace("，", ",").replace("、", ",").split(",")[0]]):
        key = normalize(part)
        if key in index:
            return index[key]
        for suffix in _SUFFIXES:
            if key.endswith(suffix) and key[: -len(suffix)] in index:
                return index[key[: -len(suffix)]]
        if key.startswith("cityof") and key[6:] in index:
            return index[key[6:]]
    zone = _zones().get(location.strip().replace(" ", "_").casefold())
    return {"tz": zone, "names": [zone]} if zone else None


def format_utc_offset(delta: timedelta) -> str:
    """A UTC offset as get_time reports it: "+09:00", "-03:30", "+05:45"."""
    minutes = round(delta.total_seconds() / 60)
    sign = "+" if minutes >= 0 else "-"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def time_report(location: str, local: datetime) -> dict:
    """get_time's result for `location` at `local`, an aware datetime in its place's ZoneInfo zone."""
    return {
        "location": location,
        "timezone": local.tzinfo.key,
        "local_time": f"{local:%Y-%m-%d %H:%M}",
        "weekday": WEEKDAYS[local.weekday()],
        "utc_offset": format_utc_offset(local.utcoffset()),
    }


@schema_hides("now")
def get_time(location: str, now: datetime | None = None) -> dict:
    """Get the current local time for a location.

    Args:
        location: A city or place name, e.g. Tokyo.
    """
    place = find_place(location)
    if place is None:
        return {"error": f"Unknown location: {location}. Try a major city name, e.g. 'Tokyo' or '東京'."}
    now = now or datetime.now(timezone.utc)
    if now.tzinfo is None:  # a naive `now` is taken as UTC
        now = now.replace(tzinfo=timezone.utc)
    return time_report(location, now.astimezone(ZoneInfo(place["tz"])))
