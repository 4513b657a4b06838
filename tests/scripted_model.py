"""The one scripted fake model of the tests: a model backend (`stream_chat`, `generate_chats`) without weights,
which `fc.serve` can serve too (`render`, `stream`, `count_tokens`, `context_length`).

Its replies are scripted: texts given to the constructor are used in order; after them (or without them) a
reply function `(messages, tools, settings) -> text` answers, by default `weather_script`. It records every
request it gets in `asked`, and the batch sizes of `generate_chats` in `batches`. Its "prompt" is the
conversation itself as JSON, and a token is a word. With `delay`, it thinks that many seconds before each
reply, like a slow model.
"""
from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass
from typing import Callable

from fc.prompt import format_tool_call
from fc.settings import GenerationSettings


@dataclass
class Asked:
    """One reply the model was asked for (`start`: what the reply was made to begin with; `call_tools`: the tools
    a guided call could name)."""
    messages: list[dict]
    tools: list[dict]
    settings: GenerationSettings | None
    start: str = ""
    call_tools: list[dict] | None = None

    @property
    def system(self) -> str | None:
        """The system prompt the model was given, if any."""
        first = self.messages[0] if self.messages else {}
        return first.get("content") if first.get("role") == "system" else None

    @property
    def tool_names(self) -> list[str]:
        return [tool["function"]["name"] for tool in self.tools]


def result_answer(result: dict) -> str:
    if "image" in result:
        return "Here is your image."
    if "error" in result:
        return f"Sorry, that failed: {result['error']}"
    if {"city", "temperature", "condition"} <= result.keys():
        return f"In {result['city']} it is {result['temperature']} degrees and {result['condition']}."
    return "Done: " + ", ".join(f"{key} {value}" for key, value in result.items())


def weather_script(messages: list[dict], tools: list[dict], settings: GenerationSettings | None) -> str:
    """Weather/image questions get a tool call (weather and time: two); after tool results it answers from them;
    with calls ruled out it says it can't."""
    results = []
    for m in reversed(messages):  # the results of the last round of calls
        if m["role"] != "tool":
            break
        results.insert(0, json.loads(m["content"]))
    if results:
        return " ".join(result_answer(result) for result in results)
    text = messages[-1]["content"]
    if settings is not None and settings.calls_ruled_out:
        return "I can't do that with the tools of this chat."
    if "draw" in text.lower():
        return format_tool_call("generate_image", {"prompt": text})
    if "weather" in text.lower():
        city = re.findall(r"in ([A-Z]\w+)", text)
        city = city[-1] if city else "Paris"
        reply = "Let me check.\n" + format_tool_call("get_weather", {"city": city})
        if "time" in text.lower():
            reply += "\n" + format_tool_call("get_time", {"location": city})
        return reply
    return "I can only talk about the weather."


class ScriptedModel:
    """A fake model backend; see the module docstring."""

    def __init__(self, *replies: str, reply: Callable[..., str] = weather_script, piece: int = 7,
                 context_length: int = 4096, delay: float = 0.0, label: str = "scripted fake model"):
        self.replies, self.reply, self.piece, self.delay, self.label = list(replies), reply, piece, delay, label
        self.context_length = context_length
        self.asked: list[Asked] = []
        self.batches: list[int] = []

    def _text(self, messages: list[dict], tools: list[dict] | None, settings: GenerationSettings | None,
              **asked) -> str:
        self.asked.append(Asked([dict(m) for m in messages], list(tools or []), settings, **asked))
        time.sleep(self.delay)
        return self.replies.pop(0) if self.replies else self.reply(messages, tools or [], settings)

    def render(self, messages, tools, system=None):
        if system and not (messages and messages[0]["role"] == "system"):
            messages = [{"role": "system", "content": system}, *messages]
        return json.dumps({"messages": messages, "tools": tools or []})

    def count_tokens(self, text):
        return len(text.split())

    def prefix_text(self, tools, system=None):
        return ""

    def stream(self, prompt, settings=None, tools=None, prefix=None, start=""):
        chat = json.loads(prompt)
        text = self._text(chat["messages"], chat["tools"], settings, start=start, call_tools=tools)
        if start:  # made to begin with `start`: the scripted reply from there on, or after it
            text = text[text.index(start):] if start in text else start + text
        for i in range(0, len(text), self.piece):  # stream in small pieces, like a real model
            yield text[i:i + self.piece]

    def stream_chat(self, messages, tools, system=None, settings=None):
        return self.stream(self.render(messages, tools, system), settings, tools)

    def generate_chats(self, chats, settings=None, batch_size=8, progress=None):
        outputs = []
        for start in range(0, len(chats), batch_size):
            chunk = chats[start:start + batch_size]
            self.batches.append(len(chunk))
            outputs += [self._text(messages, tools, settings) for messages, tools in chunk]
            if progress:
                progress(len(outputs), len(chats))
        return outputs
