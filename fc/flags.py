"""Flagged chat turns for error analysis: one JSONL row per flag, in our dataset format plus note/model/time.

Rows go to `$FC_FLAG_DIR/flags.jsonl` (default `flagged/flags.jsonl` in the repository).
"""
from __future__ import annotations

import json
import os
import threading
import uuid
from datetime import datetime, timezone
from pathlib import Path

from fc import ROOT

FLAGS_FILE_NAME = "flags.jsonl"
_lock = threading.Lock()


def flags_path() -> Path:
    """Where flags are appended (FC_FLAG_DIR, read on every call so tests can redirect it)."""
    return Path(os.environ.get("FC_FLAG_DIR", ROOT / "flagged")) / FLAGS_FILE_NAME


def save_flag(messages: list[dict], tools: list[dict], note: str = "", model_label: str = "",
              system: str | None = None, extra: dict | None = None) -> dict:
    """Append the conversation (with tool messages) and the user's note; return the saved row.

    A custom system prompt becomes the leading system message, as in the dataset format. `extra` adds fields
    (e.g. `compare`: which side of a side-by-side comparison was right); it cannot replace the others.
    """
    if not messages:
        raise ValueError("there is no conversation to flag yet")
    if system and messages[0]["role"] != "system":
        messages = [{"role": "system", "content": system}, *messages]
    row = {
        **(extra or {}),
        "id": f"flag-{uuid.uuid4().hex[:12]}",
        "messages": messages,
        "tools": tools,
        "note": note.strip(),
        "model": model_label,
        "time": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    }
    path = flags_path()
    line = json.dumps(row, ensure_ascii=False)
    with _lock:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as f:
            f.write(line + "\n")
    return row


def load_flags(path: str | Path | None = None) -> list[dict]:
    """All flagged rows, oldest first; [] when nothing was flagged. Bad lines raise ValueError naming them."""
    path = Path(path) if path else flags_path()
    if not path.exists():
        return []
    rows, bad = [], []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            bad.append(f"line {number}: {e.msg}")
            continue
        if not isinstance(row, dict) or not isinstance(row.get("messages"), list):
            bad.append(f"line {number}: not a row with a 'messages' list")
            continue
        rows.append(row)
    if bad:
        raise ValueError(f"{path} has bad lines: " + "; ".join(bad))
    return rows
