"""A scripted fake chat model for the app tests: calls a tool for the user's question, then answers from its result."""
from __future__ import annotations

import json
import math
import re

from fc.prompt import format_tool_call


class ScriptedModel:
    """Weather/image questions get a tool call (weather and time: two); after tool results it answers from them."""

    label = "scripted fake model"

    def __init__(self):
        self.prompts: list[list[dict]] = []  # every conversation it was asked to continue

    @staticmethod
    def answer(result: dict) -> str:
        if "image" in result:
            return "Here is your image."
        if "error" in result:
            return f"Sorry, that failed: {result['error']}"
        return f"In {result['city']} it is {result['temperature']} degrees and {result['condition']}."

    def reply(self, messages: list[dict], may_call: bool = True) -> str:
        results = []
        for m in reversed(messages):  # the results of the last round of calls
            if m["role"] != "tool":
                break
            results.insert(0, json.loads(m["content"]))
        if results:
            return " ".join(self.answer(result) for result in results)
        text = messages[-1]["content"]
        if not may_call:
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

    def stream_chat(self, messages, tools, system=None, settings=None):
        self.prompts.append([dict(m) for m in messages])
        text = self.reply(messages, may_call=settings is None or not math.isinf(settings.call_threshold))
        for i in range(0, len(text), 7):  # stream in small pieces, like a real model
            yield text[i:i + 7]
