"""The agent loop: generate -> parse -> validate -> execute -> feed results back, as a stream of events."""
from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from typing import Generator, Iterator

from fc.backends import ChatModel
from fc.settings import GenerationSettings
from fc.parse import parse
from fc.prompt import CALL_OPEN, dumps, partial_marker
from fc.decoys import ToolOffer, not_here
from fc.tools import ToolCall, ToolRegistry

CALL_MARKERS = ("<tool_call", "```", "call(", "{")
CALL_NAME = re.compile(re.escape(CALL_OPEN) + r'\s*\{\s*"name"\s*:\s*"([^"\\]+)"')


@dataclass
class TextDelta:
    """A piece of visible reply text, as the model writes it."""
    text: str


@dataclass
class CallWriting:
    """The reply being generated has begun a call of `name` (sent once the name is written, before the call is
    complete, so that a slow call does not look like silence)."""
    name: str


@dataclass
class ModelTurn:
    """One finished generation: its cleaned content, its calls, its raw text, and unparsable calls."""
    content: str
    tool_calls: list[ToolCall]
    raw: str
    errors: list[str] = field(default_factory=list)


@dataclass
class Declined:
    """Calls to built-in tools the chat does not declare (decoys), never run. If the reply made no other call
    (`kept` is empty) the model answers again without tools; otherwise the kept calls run and each declined
    one gets an error result, so the answer can say what this chat cannot do."""
    calls: list[ToolCall]
    kept: list[ToolCall] = field(default_factory=list)

    @property
    def names(self) -> list[str]:
        return [call.name for call in self.calls]


@dataclass
class ToolStarted:
    call_id: str
    name: str
    arguments: dict


@dataclass
class ToolFinished:
    call_id: str
    name: str
    arguments: dict
    result: dict
    seconds: float

    @property
    def ok(self) -> bool:
        return "error" not in self.result


@dataclass
class ImageProduced:
    call_id: str
    path: str


@dataclass
class Final:
    """The answer, and the whole conversation including tool messages (to continue it next turn)."""
    content: str
    messages: list[dict] = field(default_factory=list)


Event = TextDelta | CallWriting | ModelTurn | Declined | ToolStarted | ToolFinished | ImageProduced | Final


def visible_prefix(text: str) -> str:
    """The part of a partial reply that is surely prose: up to the first possible call marker."""
    cut = len(text)
    for marker in CALL_MARKERS:
        i = text.find(marker)
        if i != -1:
            cut = min(cut, i)
        cut = min(cut, len(text) - partial_marker(text, marker))
    return text[:cut]


def stream_reply(model: ChatModel, messages: list[dict], tools: list[dict], system: str | None,
                 settings: GenerationSettings | None) -> Generator[TextDelta | CallWriting, None, str]:
    """Stream one reply's visible prose as `TextDelta`s and each call it begins as a `CallWriting`; returns
    the raw text."""
    raw, shown, named = "", 0, 0
    for piece in model.stream_chat(messages, tools, system, settings):
        raw += piece
        visible = visible_prefix(raw)
        if len(visible) > shown:
            yield TextDelta(visible[shown:])
            shown = len(visible)
        names = CALL_NAME.findall(raw, shown)
        for name in names[named:]:
            yield CallWriting(name)
        named = len(names)
    return raw


def run_agent(model: ChatModel, messages: list[dict], registry: ToolRegistry, *,
              system: str | None = None, settings: GenerationSettings | None = None,
              max_rounds: int = 4, tool_timeout: float = 60.0, decoys: bool = True) -> Iterator[Event]:
    """Run one user turn to its end; `messages` ends with the user's message and is not modified.

    With `decoys`, the built-in tools the registry leaves out are offered too and their calls declined
    (`fc.decoys.ToolOffer`, `Declined`)."""
    messages = list(messages)
    offer = ToolOffer.of(registry.schemas, decoys)
    for round_no in range(max_rounds + 1):
        raw = yield from stream_reply(model, messages, offer.tools, system, settings)
        parsed = parse(raw)
        declined = offer.declined(parsed.tool_calls)
        running = [call for call in parsed.tool_calls if call not in declined]
        if declined:
            yield Declined(declined, running)
            if offer.answer_again(parsed.tool_calls):
                answer_only = (settings or GenerationSettings()).answer_only()
                raw = yield from stream_reply(model, messages, offer.declared, system, answer_only)
                parsed = parse(raw)
                running = parsed.tool_calls
        yield ModelTurn(parsed.content, running, raw, parsed.errors)
        turn = {"role": "assistant", "content": parsed.content}
        if parsed.tool_calls:
            turn["tool_calls"] = [c.as_message_call() for c in parsed.tool_calls]
        messages.append(turn)
        if not parsed.tool_calls and not parsed.errors:
            yield Final(parsed.content, messages)
            return
        if round_no == max_rounds:
            note = f"(Stopped after {max_rounds} tool rounds without a final answer.)"
            yield Final("\n".join(p for p in (parsed.content, note) if p), messages)
            return
        for error in parsed.errors:
            messages.append({"role": "tool", "name": "invalid_tool_call", "content": dumps({"error": error})})
        for i, call in enumerate(parsed.tool_calls):
            if call in declined:
                messages.append({"role": "tool", "name": call.name, "content": dumps(not_here(call.name))})
                continue
            call_id = f"call_{round_no}_{i}"
            yield ToolStarted(call_id, call.name, call.arguments)
            start = time.perf_counter()
            result = registry.execute(call, timeout=tool_timeout)
            yield ToolFinished(call_id, call.name, call.arguments, result, time.perf_counter() - start)
            if isinstance(result.get("image"), str):
                yield ImageProduced(call_id, result["image"])
            messages.append({"role": "tool", "name": call.name, "content": dumps(result)})
