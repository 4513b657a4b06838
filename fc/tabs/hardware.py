"""The Chat tab's hardware line: device, dtype, threads, memory in use, load time, speed of the last reply."""
from __future__ import annotations

import sys
from pathlib import Path


def memory_in_use() -> int | None:
    """This process's resident memory in bytes (psutil when installed, else /proc), or None."""
    try:
        import psutil

        return psutil.Process().memory_info().rss
    except ImportError:
        pass
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return None


def hardware_line(model) -> str:
    """One line about where `model` runs and how fast its last reply was (what the model exposes of it)."""
    parts = []
    weights = getattr(model, "model", None)
    if getattr(model, "device", None) is not None:
        parts.append(str(model.device))
    if getattr(weights, "dtype", None) is not None:
        parts.append(str(weights.dtype).removeprefix("torch."))
    torch = sys.modules.get("torch")
    if torch is not None:
        parts.append(f"{torch.get_num_threads()} threads")
    rss = memory_in_use()
    if rss is not None:
        parts.append(f"{rss / 2**30:.2f} GiB in use")
    stats = getattr(model, "stats", None)
    if stats is not None and stats.load_seconds is not None:
        parts.append(f"loaded in {stats.load_seconds:.1f} s")
    if stats is not None and stats.tokens_per_s is not None:
        parts.append(f"last reply {stats.reply_tokens} tokens at {stats.tokens_per_s:.1f} tokens/s")
    return " · ".join(parts)
