"""Whether a model can be loaded from where it is named: a local folder, the Hugging Face cache, or the Hub.

The Hub is probed once per process (one request with a short timeout), so an offline machine learns it in
seconds instead of spending half a minute in download retries on every load.
"""
from __future__ import annotations

import functools
import os
import urllib.error
import urllib.request
from pathlib import Path

PROBE_TIMEOUT_S = 2.0
_TRUE = {"1", "ON", "YES", "TRUE"}


@functools.cache
def _probe(endpoint: str) -> str | None:
    try:
        urllib.request.urlopen(urllib.request.Request(endpoint, method="HEAD"), timeout=PROBE_TIMEOUT_S).close()
    except urllib.error.HTTPError:  # the Hub answered, even if with an error status
        return None
    except (OSError, ValueError) as e:
        return f"{endpoint} did not answer within {PROBE_TIMEOUT_S:.0f} s ({type(e).__name__})"
    return None


def hub_offline_reason() -> str | None:
    """None when the Hub can be reached; else why not (HF_HUB_OFFLINE set, or the probe failed)."""
    if os.environ.get("HF_HUB_OFFLINE", "").upper() in _TRUE:
        return "HF_HUB_OFFLINE is set"
    from huggingface_hub import constants

    return _probe(constants.ENDPOINT)


def looks_like_path(name: str) -> bool:
    """A folder name rather than a Hub id (which is `name` or `owner/name`)."""
    return name.startswith(("/", ".", "~")) or name.count("/") > 1 or "\\" in name


def in_cache(repo_id: str, filename: str) -> bool:
    """Whether `filename` of the Hub repository `repo_id` is in the local Hugging Face cache."""
    from huggingface_hub import try_to_load_from_cache

    try:
        return isinstance(try_to_load_from_cache(repo_id, filename), str)
    except ValueError:  # not a valid repository id
        return False


def source_problem(name: str, filename: str) -> str | None:
    """None when `name` (a folder, or a Hub id whose repository has `filename`) can be loaded from here; else a
    one-line reason, found without trying to download anything."""
    if Path(name).expanduser().is_dir():
        return None
    if looks_like_path(name):
        return f"there is no folder {name}"
    if in_cache(name, filename):
        return None
    reason = hub_offline_reason()
    return f"{name} is not downloaded and the Hub cannot be reached ({reason})" if reason else None
