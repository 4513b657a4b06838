"""Decoys: the built-in tools a chat leaves out, shown to the model anyway so that a call of one can be declined.

Our training rows nearly always declare all three built-in tools, so a small model learns to call whichever
declared tool comes closest (asked for the time with only `get_weather` declared, it calls `get_weather`).
Offered the missing tool too, it asks for that one, and the caller declines the call instead of running it.
Tool lists of the user's own tools only get no decoys. The agent loop (`fc.agent.run_agent`) and the evaluator
(`train.evaluate`) both follow this one policy through `ToolOffer`; measurements are in bench/BENCHMARKS.md
("Decoys").
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from fc.tools import ToolCall, load_tool_schemas


def decoy_tools(declared: Iterable[dict]) -> list[dict]:
    """The built-in tools that `declared` leaves out when it keeps at least one of them; else none."""
    names = {schema.get("function", schema).get("name") for schema in declared}
    builtin = load_tool_schemas()
    if not any(schema["function"]["name"] in names for schema in builtin):
        return []
    return [schema for schema in builtin if schema["function"]["name"] not in names]


@dataclass
class ToolOffer:
    """The tools one chat shows the model: its own (`declared`) and the `decoys` (empty when decoys are off)."""

    declared: list[dict]
    decoys: list[dict] = field(default_factory=list)

    @classmethod
    def of(cls, declared: list[dict], decoys: bool = True) -> "ToolOffer":
        return cls(list(declared), decoy_tools(declared) if decoys else [])

    @property
    def tools(self) -> list[dict]:
        """What the prompt declares."""
        return self.declared + self.decoys

    def declined(self, calls: list[ToolCall]) -> list[ToolCall]:
        """The calls that name a decoy: never run."""
        names = {schema["function"]["name"] for schema in self.decoys}
        return [call for call in calls if call.name in names]

    def answer_again(self, calls: list[ToolCall]) -> bool:
        """Whether a reply made only declined calls: then it is generated again with the declared tools and
        calls ruled out (`GenerationSettings.answer_only`), so the model says what this chat cannot do. When
        other calls remain, those run and each declined one gets the `not_here` result."""
        declined = self.declined(calls)
        return bool(declined) and len(declined) == len(calls)


def not_here(name: str) -> dict:
    """The result a declined call gets when other calls of its reply run."""
    return {"error": f"{name} is not one of this chat's tools"}
