"""Generation settings: the one dataclass that chat, the CLIs, evaluation and serving pass to a model backend.

Torch-free, so that importing the agent loop or the server imports no model code. Each field's `help` is its
CLI flag's help text (`HfArgumentParser` builds the flags from these fields).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field, replace

# Least probability of a tool call for a reply to start one (see fc.model.CallDecision); chosen on the
# validation split with bench/call_threshold.py.
CALL_THRESHOLD = 0.4


def _option(default, help: str):
    return field(default=default, metadata={"help": help})


@dataclass
class GenerationSettings:
    """How one reply is generated."""

    max_new_tokens: int = _option(256, "Most tokens one reply may have.")
    temperature: float = _option(0.0, "Sampling temperature (0 = greedy).")
    top_p: float = _option(1.0, "Nucleus sampling: sample from the most likely tokens that add up to this "
                                "probability.")
    call_threshold: float = _option(CALL_THRESHOLD, "Least probability of a tool call for a reply to start one; a "
                                                    "reply that starts in prose ends where it would open a call "
                                                    "(0 = plain decoding).")
    guided_calls: bool = _option(True, "Hold tool calls to the declared tools' schemas (see fc.grammar).")
    copy_bias: float = _option(0.0, "With guided calls, inside a string argument add this to the logits of tokens "
                                    "that go on copying a span of the conversation (0 = off).")

    @property
    def greedy(self) -> bool:
        return self.temperature <= 0

    def answer_only(self) -> "GenerationSettings":
        """These settings with tool calls ruled out: the call decision never lets a reply start one."""
        return replace(self, call_threshold=math.inf)

    @property
    def calls_ruled_out(self) -> bool:
        return math.isinf(self.call_threshold)
