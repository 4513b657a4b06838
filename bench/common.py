"""What the benchmark scripts share: the project on sys.path, offline mode, medians, peak memory, the JSON line.

Each script prints its figures as a table and, last, one JSON line (`{"bench": name, ...}`) for the log.
"""
from __future__ import annotations

import json
import os
import resource
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


def peak_rss_mb() -> float:
    """This process's peak resident memory so far, in MB."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def median(values) -> float:
    return statistics.median(values)


def machine() -> dict:
    import platform

    import torch

    from fc.model import cpu_has_bf16

    return {"cpu": platform.processor() or platform.machine(), "cores": os.cpu_count(),
            "torch": torch.__version__, "native_bf16": cpu_has_bf16(), "cuda": torch.cuda.is_available()}


def report(name: str, **figures) -> None:
    print(json.dumps({"bench": name, **figures, "peak_rss_mb": peak_rss_mb(), "machine": machine()},
                     ensure_ascii=False))
