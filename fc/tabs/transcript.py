"""How one agent run reads in a Chatbot: `Transcript` turns `fc.agent` events into messages (Gradio's messages
format), with a pending placeholder ("Thinking…", "Calling get_weather…") whenever the model works unseen.

Titles use symbols that common text fonts have (DejaVu Sans, Noto Sans), not emoji, so that a machine without
an emoji font shows them too.
"""
from __future__ import annotations

import json
import re
from typing import Any

from fc.agent import CallWriting, Declined, Final, ImageProduced, ModelTurn, TextDelta, ToolFinished, ToolStarted

TOOL, ERROR, DECLINED = "⚙", "✗", "⊘"
THINKING = "Thinking…"
PENDING_ID = "pending"  # the metadata id of the placeholder, so that a stopped turn's one can be found


def fenced(text: str, language: str = "") -> str:
    """`text` as a Markdown code block whose fence is longer than any run of backticks inside it."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}{language}\n{text}\n{fence}"


def json_block(value: Any) -> str:
    return fenced(json.dumps(value, ensure_ascii=False, indent=2), "json")


def short_reason(text: str, limit: int = 120) -> str:
    """The first sentence of an error message, at most `limit` characters (for a step's title)."""
    first = re.split(r"(?<=[.;])\s", str(text).strip(), maxsplit=1)[0].rstrip(".;")
    return first if len(first) <= limit else first[:limit - 1] + "…"


def settle(display: list[dict]) -> list[dict]:
    """A stopped turn's leftovers put right: its placeholder dropped, the steps it left running marked stopped."""
    settled = []
    for message in display:
        meta = message.get("metadata") or {}
        if meta.get("id") == PENDING_ID:
            continue
        if meta.get("status") == "pending":
            message = {**message, "metadata": {**meta, "status": "done", "title": f"{meta['title']} (stopped)"}}
        settled.append(message)
    return settled


class Transcript:
    """Turns the events of one agent run into Chatbot messages, appended to (and edited in) `display`."""

    def __init__(self, display: list[dict], turn_no: int):
        self.display = display
        self.turn_no = turn_no
        self.bubble: int | None = None  # the assistant message being streamed
        self.last_reply: int | None = None  # the message holding the latest model turn's text
        self.placeholder: int | None = None  # the pending "Thinking…" message, always the last one
        self.calling: list[str] = []  # the calls the reply being generated has begun
        self.steps: dict[str, int] = {}  # call_id -> index of its tool step
        self.arguments: dict[str, dict] = {}

    def wait(self, title: str = THINKING, text: str = "") -> None:
        """Show (or retitle) the pending placeholder at the end of the transcript."""
        self._unwait()
        self.display.append({"role": "assistant", "content": text,
                             "metadata": {"title": title, "status": "pending", "id": PENDING_ID}})
        self.placeholder = len(self.display) - 1

    def _unwait(self) -> None:
        if self.placeholder is not None:
            del self.display[self.placeholder]
            self.placeholder = None

    def add(self, event) -> None:
        self._unwait()
        if isinstance(event, TextDelta):
            if self.bubble is None:
                self.display.append({"role": "assistant", "content": ""})
                self.bubble = len(self.display) - 1
            self.display[self.bubble]["content"] += event.text
        elif isinstance(event, CallWriting):
            self.calling.append(event.name)
            self.wait(f"Calling {', '.join(self.calling)}…")
        elif isinstance(event, ModelTurn):
            self._model_turn(event)
        elif isinstance(event, Declined):
            self._declined(event)
        elif isinstance(event, ToolStarted):
            self._tool_started(event)
        elif isinstance(event, ToolFinished):
            self._tool_finished(event)
        elif isinstance(event, ImageProduced):
            prompt = self.arguments.get(event.call_id, {}).get("prompt", "generated image")
            self.display.append({"role": "assistant", "content": {"path": event.path, "alt_text": str(prompt)}})
        elif isinstance(event, Final):
            self._final(event)
        if isinstance(event, (ToolFinished, ImageProduced)) or isinstance(event, Declined) and not event.kept:
            self.wait()  # the model reads the results (or answers again) next

    def error(self, title: str, text: str) -> None:
        """A visible error step (model loading or generation failed)."""
        self._unwait()
        self.display.append({"role": "assistant", "content": text,
                             "metadata": {"title": f"{ERROR} {title}", "status": "done"}})

    def _model_turn(self, event: ModelTurn) -> None:
        self.calling = []
        if self.bubble is not None:
            if event.content:
                self.display[self.bubble]["content"] = event.content
            else:  # only a call was written: the streamed bubble is the last message, drop it
                del self.display[self.bubble]
        elif event.content:
            self.display.append({"role": "assistant", "content": event.content})
        self.last_reply = len(self.display) - 1 if event.content else None
        self.bubble = None
        for problem in event.errors:  # malformed calls: the agent feeds these back to the model
            self.error("invalid tool call", f"{problem}\n\n{fenced(event.raw.strip(), 'text')}")

    def _declined(self, event: Declined) -> None:
        names = ", ".join(event.names)
        text = f"The model asked for {names}, which this chat's tools do not include, "
        if event.kept:
            kept = ", ".join(call.name for call in event.kept)
            text += f"so only {kept} runs; the model is told the rest is not here."
        else:
            text += "so it answers without tools."
            if self.bubble is not None:  # prose streamed before the declined call: the reply is written anew
                del self.display[self.bubble]
                self.bubble = None
        text += "".join(f"\n\n**{call.name}**\n{json_block(call.arguments)}" for call in event.calls)
        self.display.append({"role": "assistant", "content": text,
                             "metadata": {"title": f"{DECLINED} {names}: not in this chat's tools",
                                          "status": "done"}})

    def _tool_started(self, event: ToolStarted) -> None:
        self.arguments[event.call_id] = event.arguments
        content = "**Arguments**\n" + json_block(event.arguments)
        metadata = {"title": f"{TOOL} {event.name}", "status": "pending", "id": f"turn{self.turn_no}-{event.call_id}"}
        if event.name == "generate_image":
            content += "\n\nGenerating image…"
            metadata["log"] = "generating image…"
        self.display.append({"role": "assistant", "content": content, "metadata": metadata})
        self.steps[event.call_id] = len(self.display) - 1

    def _tool_finished(self, event: ToolFinished) -> None:
        step = self.display[self.steps[event.call_id]]
        if event.ok:
            title = f"{TOOL} {event.name}" + (" · simulated" if event.result.get("simulated") else "")
        else:
            title = f"{ERROR} {event.name}: {short_reason(event.result['error'])}"
        step["metadata"] = {**step["metadata"], "title": title, "status": "done", "duration": event.seconds}
        step["metadata"].pop("log", None)
        heading = "**Result**" if event.ok else "**Error**"
        step["content"] = ("**Arguments**\n" + json_block(event.arguments)
                           + f"\n\n{heading}\n" + json_block(event.result))

    def _final(self, event: Final) -> None:
        if not event.content.strip():
            self.display.append({"role": "assistant", "content": "*(the model gave no reply)*"})
        elif self.last_reply is None:
            self.display.append({"role": "assistant", "content": event.content})
        else:  # e.g. the "stopped after N rounds" note added to the last turn's text
            self.display[self.last_reply]["content"] = event.content
