"""Command-line flags generated from config dataclasses, in one style: dashed (`--max-new-tokens`)."""
from __future__ import annotations

from transformers import HfArgumentParser


class ArgumentParser(HfArgumentParser):
    """`HfArgumentParser` (flags and help from dataclass fields) with dashed flags only: `--base-model`, not
    `--base_model`. The values land in the same dataclass fields."""

    def add_argument(self, *names, **kwargs):
        dashed = [name for name in names if not (name.startswith("--") and "_" in name)]
        return super().add_argument(*(dashed or names), **kwargs)
