"""Model backends: what the agent loop, the Chat tab and evaluation generate with.

`ModelBackend` is the interface: a `label`, `stream_chat` for the agent loop (one reply, streamed) and
`generate_chats` for evaluation (many replies). `fc.model.ModelHandle` (a local transformers model) satisfies it,
and so does `OpenAIBackend`, any OpenAI-compatible chat-completions endpoint (vLLM, SGLang, llama.cpp's server,
Ollama, our own `fc.serve`).

A backend returns the reply as *text* with its tool calls written as our `<tool_call>{json}</tool_call>` blocks,
so the caller parses (`fc.parse`), validates and runs the calls the same way whatever generated them.
"""
from __future__ import annotations

import concurrent.futures
import functools
import json
import os
from typing import Callable, Iterator, Protocol

from fc.prompt import dumps, format_tool_call
from fc.settings import GenerationSettings

API_KEY_VARIABLES = ("FC_API_KEY", "OPENAI_API_KEY")  # where OpenAIBackend reads its key, in this order
Chats = list[tuple[list[dict], list[dict]]]  # (messages, tools) per conversation
Progress = Callable[[int, int], None]


class ChatModel(Protocol):
    """What the agent loop needs: one reply to a conversation, streamed as text pieces."""

    def stream_chat(self, messages: list[dict], tools: list[dict] | None, system: str | None = None,
                    settings: GenerationSettings | None = None) -> Iterator[str]: ...


class ModelBackend(ChatModel, Protocol):
    """A model to chat with and evaluate."""

    @property
    def label(self) -> str: ...

    def generate_chats(self, chats: Chats, settings: GenerationSettings | None = None, batch_size: int = 8,
                       progress: Progress | None = None) -> list[str]: ...


class BackendError(RuntimeError):
    """A request to an endpoint failed; the message says which endpoint and why."""


def api_key() -> str:
    """The key from FC_API_KEY or OPENAI_API_KEY; local servers need none, so a placeholder otherwise."""
    return next((os.environ[name] for name in API_KEY_VARIABLES if os.environ.get(name)), "none")


def wire_tools(tools: list[dict] | None) -> list[dict]:
    """Tool schemas in the `{"type": "function", "function": {...}}` form of the API."""
    return [tool if "function" in tool else {"type": "function", "function": tool} for tool in tools or []]


def wire_messages(messages: list[dict], system: str | None = None) -> list[dict]:
    """Our messages (the dataset format) as chat-completions messages.

    Assistant calls get ids (`call_<message>_<n>`) and JSON-string arguments; each tool message answers the first
    unanswered call of its name (our tool messages carry the tool's name, not an id) and keeps its `name` too. A
    tool message no call asked for (the agent's `invalid_tool_call` feedback) gets an id of its own."""
    out = []
    if system and not (messages and messages[0]["role"] == "system"):
        out.append({"role": "system", "content": system})
    unanswered: list[tuple[str, str]] = []  # (id, name) of the calls of the last assistant turn
    for i, message in enumerate(messages):
        role = message["role"]
        if role == "assistant":
            wire = {"role": "assistant", "content": message.get("content") or None}
            calls = message.get("tool_calls") or []
            if calls:
                wire["tool_calls"] = []
                unanswered = []
                for j, call in enumerate(calls):
                    fn = call.get("function", call)
                    arguments = fn.get("arguments", {})
                    call_id = call.get("id") or f"call_{i}_{j}"
                    if not isinstance(arguments, str):
                        arguments = dumps(arguments)
                    wire["tool_calls"].append({"id": call_id, "type": "function",
                                               "function": {"name": fn["name"], "arguments": arguments}})
                    unanswered.append((call_id, fn["name"]))
            out.append(wire)
        elif role == "tool":
            name = message.get("name", "")
            answered = next((pair for pair in unanswered if pair[1] == name), None)
            if answered:
                unanswered.remove(answered)
            content = message.get("content", "")
            out.append({"role": "tool", "tool_call_id": message.get("tool_call_id") or
                        (answered[0] if answered else f"call_{i}_unasked"), "name": name,
                        "content": content if isinstance(content, str) else dumps(content)})
        else:
            out.append({"role": role, "content": message.get("content") or ""})
    return out


def reply_text(content: str | None, calls: list[tuple[str, str]]) -> str:
    """A reply from the API (content, and calls as (name, JSON arguments)) as the text a local model writes.

    Arguments that are not JSON stay a string, which `fc.parse` reports as an unparsable call."""
    blocks = []
    for name, arguments in calls:
        try:
            parsed = json.loads(arguments) if arguments.strip() else {}
        except json.JSONDecodeError:
            parsed = arguments
        blocks.append(format_tool_call(name, parsed))
    return "\n".join(part for part in [content or "", *blocks] if part)


class OpenAIBackend:
    """An OpenAI-compatible chat-completions endpoint as a model backend.

    Our tools go out in `tools=`, the calls come back in `tool_calls` and are written as `<tool_call>` text
    (`reply_text`); a server that returns calls inside the text (no tool parser) is handled by `fc.parse` as
    for a local model. Of `GenerationSettings` the endpoint gets `temperature`, `top_p` and `max_new_tokens`
    (as `max_tokens`), and calls ruled out (`answer_only`) become `tool_choice="none"`. `call_threshold` and
    `guided_calls` work on a local model's logits and cannot be sent: the server decides those (`fc.serve` uses
    its own `--call-threshold`/`--guided-calls`). The key comes from FC_API_KEY or OPENAI_API_KEY."""

    def __init__(self, base_url: str, model: str | None = None, *, concurrency: int = 4, timeout: float = 600.0):
        """`model`: the model id to ask for; empty: the first one the server lists (`GET /models`)."""
        import openai

        if not base_url or not base_url.strip():
            raise ValueError("an endpoint needs a base URL, e.g. http://127.0.0.1:8000/v1")
        self.base_url, self.model, self.concurrency = base_url.strip().rstrip("/"), (model or "").strip(), concurrency
        self.client = openai.OpenAI(base_url=self.base_url, api_key=api_key(), timeout=timeout, max_retries=1)
        if not self.model:
            try:
                listed = self.client.models.list().data
            except openai.OpenAIError as e:
                raise self._fail(e) from None
            if not listed:
                raise BackendError(f"{self.base_url} serves no models")
            self.model = listed[0].id

    @property
    def label(self) -> str:
        return f"{self.model} @ {self.base_url}"

    def _request(self, messages: list[dict], tools: list[dict] | None, system: str | None,
                 settings: GenerationSettings | None) -> dict:
        settings = settings or GenerationSettings()
        request = {"model": self.model, "messages": wire_messages(messages, system),
                   "temperature": settings.temperature, "top_p": settings.top_p,
                   "max_tokens": settings.max_new_tokens}
        if tools:
            request["tools"] = wire_tools(tools)
            if settings.calls_ruled_out:
                request["tool_choice"] = "none"
        return request

    def _fail(self, error: Exception) -> BackendError:
        where = self.label if self.model else self.base_url
        return BackendError(f"{where}: {type(error).__name__}: {getattr(error, 'message', None) or error}")

    def complete(self, messages: list[dict], tools: list[dict] | None, system: str | None = None,
                 settings: GenerationSettings | None = None) -> str:
        """One reply, in one request."""
        import openai

        try:
            response = self.client.chat.completions.create(**self._request(messages, tools, system, settings))
        except openai.OpenAIError as e:
            raise self._fail(e) from None
        message = response.choices[0].message
        return reply_text(message.content, [(c.function.name, c.function.arguments or "")
                                            for c in message.tool_calls or []])

    def stream_chat(self, messages: list[dict], tools: list[dict] | None, system: str | None = None,
                    settings: GenerationSettings | None = None) -> Iterator[str]:
        """Text deltas as they arrive; the calls, assembled from their deltas, at the end."""
        import openai

        calls: dict[int, list[str]] = {}  # index -> [name, arguments so far]
        content = ""
        try:
            with self.client.chat.completions.create(**self._request(messages, tools, system, settings),
                                                     stream=True) as stream:
                for chunk in stream:
                    if not chunk.choices:
                        continue
                    delta = chunk.choices[0].delta
                    if delta.content:
                        content += delta.content
                        yield delta.content
                    for call in delta.tool_calls or []:
                        name_arguments = calls.setdefault(call.index, ["", ""])
                        if call.function and call.function.name:
                            name_arguments[0] += call.function.name
                        if call.function and call.function.arguments:
                            name_arguments[1] += call.function.arguments
        except openai.OpenAIError as e:
            raise self._fail(e) from None
        if calls:
            text = reply_text("", [tuple(calls[i]) for i in sorted(calls)])
            yield ("\n" if content else "") + text

    def generate_chats(self, chats: Chats, settings: GenerationSettings | None = None, batch_size: int = 8,
                       progress: Progress | None = None) -> list[str]:
        """Replies to many conversations, `concurrency` requests at a time (the server batches them);
        `progress(done, total)` after each. `batch_size` is the local models' and does not apply."""
        outputs = [""] * len(chats)
        with concurrent.futures.ThreadPoolExecutor(self.concurrency, thread_name_prefix="endpoint") as pool:
            futures = {pool.submit(self.complete, messages, tools, None, settings): i
                       for i, (messages, tools) in enumerate(chats)}
            try:
                for done, future in enumerate(concurrent.futures.as_completed(futures), 1):
                    outputs[futures[future]] = future.result()
                    if progress:
                        progress(done, len(chats))
            except BaseException:
                pool.shutdown(cancel_futures=True)  # one failed: do not wait for the rest
                raise
        return outputs


@functools.lru_cache(maxsize=8)
def connect(base_url: str, model: str | None = None) -> OpenAIBackend:
    """An `OpenAIBackend`, one per (base URL, model) for the whole server (the tabs' endpoint option)."""
    return OpenAIBackend(base_url, model)
