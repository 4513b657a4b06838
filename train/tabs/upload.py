"""The one check of an uploaded JSONL dataset, shown by the Train and Evaluate tabs when a file arrives."""
from __future__ import annotations

from collections import Counter

from train.dataset import DatasetError, load_jsonl

MAX_SHOWN_PROBLEMS = 20


def check_upload(path: str | None) -> str:
    """A Markdown verdict on an uploaded JSONL file: row count and categories, or every bad line by number."""
    if not path:
        return ""
    if not str(path).endswith(".jsonl"):
        return "✗ The upload must be a .jsonl file (one conversation per line)."
    try:
        rows = load_jsonl(path)
    except DatasetError as e:
        shown = "\n".join(f"- line {n}: {reason}" for n, reason in e.problems[:MAX_SHOWN_PROBLEMS])
        more = len(e.problems) - MAX_SHOWN_PROBLEMS
        return (f"✗ **{len(e.problems)} bad line(s)**; fix them and upload again:\n{shown}"
                + (f"\n- … and {more} more" if more > 0 else ""))
    except (OSError, UnicodeDecodeError) as e:
        return f"✗ Could not read the file: {e}"
    if not rows:
        return "✗ The file has no rows."
    categories = Counter(str(row.get("category", "(none)")) for row in rows)
    top = ", ".join(f"{name} {n}" for name, n in categories.most_common(8))
    return f"✓ {len(rows)} row{'s' if len(rows) != 1 else ''} ({top})"
