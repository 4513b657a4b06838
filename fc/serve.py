"""Our model behind an OpenAI-compatible API: `python -m fc.serve [--base-model … --adapter … --host --port]`.

Serves `POST /v1/chat/completions` (streamed as server-sent events with `"stream": true`) and `GET /v1/models`
with the request and response shapes of OpenAI's chat completions; `python app.py --api` mounts the same routes
on the app's server. The wire format is the Pydantic models below; the conversation is rendered by the one
renderer (`fc.prompt`), the reply read by the one parser (`fc.parse`), and its calls checked against the
request's tool schemas (`fc.tools`):

* A reply whose calls all parse and fit their schemas comes back as `tool_calls` (arguments as JSON strings) with
  `finish_reason: "tool_calls"`. A reply with any call that does not (unknown tool, arguments off the schema, broken
  JSON) is never returned as calls: the whole reply comes back as `content`, with `finish_reason` "stop" (or
  "length"), so the client sees what the model wrote.
* `tool_choice`: "auto" (the default with tools) lets the model decide (our call decision, `--call-threshold`);
  "none" rules calls out (`GenerationSettings.answer_only`; anything call-like is returned as text);
  "required" makes the reply start with `<tool_call>`; a named function does that too and lets the guided-calls
  grammar (`fc.grammar`) name only that function. With guided calls off (`--no-guided-calls`), or when
  `max_tokens` ends the call early, a forced reply may still fail validation and then comes back as text.
* Streaming: prose is sent as it is written, up to where a call may begin; calls are sent once the reply is
  complete and they are validated, as `tool_calls` deltas (index, id, type, name, then the arguments in
  fragments), then `finish_reason: "tool_calls"`. `stream_options.include_usage` adds a last chunk with `usage`.
* `temperature`, `top_p` and `max_tokens`/`max_completion_tokens` override the server's defaults (the
  `GenerationSettings` flags: greedy unless `--temperature`). Other request fields (`stop`, `seed`, ...) are
  ignored; `n` must be 1.
* Errors have OpenAI's shape, `{"error": {"message", "type", "param", "code"}}`: 400 for bad JSON or a request
  that does not validate, 404 for an unknown model, 400 with code `context_length_exceeded` when the prompt and
  `max_tokens` do not fit the model's context, 500 when loading the model or generating fails (while streaming:
  an error event).
"""
from __future__ import annotations

import dataclasses
import json
import logging
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator, Literal, Protocol

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException

from fc.agent import visible_prefix
from fc.embedded import EMBEDDED, embedded_model
from fc.parse import parse
from fc.prompt import CALL_OPEN, dumps
from fc.settings import GenerationSettings
from fc.tools import ToolCall, ToolRegistry

log = logging.getLogger(__name__)
API_PATH = "/v1"  # where the API from `create_api` is mounted
ARGUMENT_FRAGMENT = 16  # characters of a call's arguments per streamed delta


class ServedModel(Protocol):
    """What the server needs of a model (`fc.model.ModelHandle` has it)."""

    @property
    def label(self) -> str: ...

    @property
    def context_length(self) -> int: ...

    def render(self, messages: list[dict], tools: list[dict] | None, system: str | None = None) -> str: ...

    def count_tokens(self, text: str) -> int: ...

    def prefix_text(self, tools: list[dict] | None, system: str | None = None) -> str: ...

    def stream(self, prompt: str, settings: GenerationSettings | None = None, tools: list[dict] | None = None,
               prefix: str | None = None, start: str = "") -> Iterator[str]: ...


# ------------------------------------------------------------------------------------------ wire format
class Wire(BaseModel):
    model_config = ConfigDict(extra="ignore")


class TextPart(Wire):
    type: Literal["text"]
    text: str


class FunctionDefinition(Wire):
    name: str
    description: str | None = None
    parameters: dict | None = None


class ToolDefinition(Wire):
    type: Literal["function"] = "function"
    function: FunctionDefinition


class FunctionCall(Wire):
    name: str
    arguments: str  # JSON


class ToolCallWire(Wire):
    id: str
    type: Literal["function"] = "function"
    function: FunctionCall


class Message(Wire):
    role: Literal["system", "developer", "user", "assistant", "tool"]
    content: str | list[TextPart] | None = None
    name: str | None = None
    tool_calls: list[ToolCallWire] | None = None
    tool_call_id: str | None = None

    @property
    def text(self) -> str:
        if isinstance(self.content, list):
            return "".join(part.text for part in self.content)
        return self.content or ""


class NamedFunction(Wire):
    name: str


class NamedToolChoice(Wire):
    type: Literal["function"] = "function"
    function: NamedFunction


class StreamOptions(Wire):
    include_usage: bool = False


class ChatCompletionRequest(Wire):
    model: str
    messages: list[Message] = Field(min_length=1)
    tools: list[ToolDefinition] | None = None
    tool_choice: Literal["none", "auto", "required"] | NamedToolChoice | None = None
    temperature: float | None = Field(None, ge=0, le=2)
    top_p: float | None = Field(None, gt=0, le=1)
    max_tokens: int | None = Field(None, ge=1)
    max_completion_tokens: int | None = Field(None, ge=1)
    n: int = 1
    stream: bool = False
    stream_options: StreamOptions | None = None


class Usage(Wire):
    prompt_tokens: int
    completion_tokens: int
    total_tokens: int


class AssistantMessage(Wire):
    role: Literal["assistant"] = "assistant"
    content: str | None
    tool_calls: list[ToolCallWire] | None = None


FinishReason = Literal["stop", "length", "tool_calls"]


class Choice(Wire):
    index: int = 0
    message: AssistantMessage
    finish_reason: FinishReason


class ChatCompletion(Wire):
    id: str
    object: Literal["chat.completion"] = "chat.completion"
    created: int
    model: str
    choices: list[Choice]
    usage: Usage


class FunctionDelta(Wire):
    name: str | None = None
    arguments: str | None = None


class ToolCallDelta(Wire):
    index: int
    id: str | None = None
    type: Literal["function"] | None = None
    function: FunctionDelta


class Delta(Wire):
    role: Literal["assistant"] | None = None
    content: str | None = None
    tool_calls: list[ToolCallDelta] | None = None


class ChunkChoice(Wire):
    index: int = 0
    delta: Delta
    finish_reason: FinishReason | None = None


class ChatCompletionChunk(Wire):
    id: str
    object: Literal["chat.completion.chunk"] = "chat.completion.chunk"
    created: int
    model: str
    choices: list[ChunkChoice]
    usage: Usage | None = None


class ModelCard(Wire):
    id: str
    object: Literal["model"] = "model"
    created: int
    owned_by: str = "functioncall-studio"


class ModelList(Wire):
    object: Literal["list"] = "list"
    data: list[ModelCard]


class ErrorBody(Wire):
    message: str
    type: str
    param: str | None = None
    code: str | None = None


class ErrorResponse(Wire):
    error: ErrorBody


class APIError(Exception):
    """An error answered in OpenAI's shape."""

    def __init__(self, status: int, message: str, *, type: str = "invalid_request_error", param: str | None = None,
                 code: str | None = None):
        super().__init__(message)
        self.status, self.body = status, ErrorBody(message=message, type=type, param=param, code=code)

    def response(self) -> JSONResponse:
        return JSONResponse(ErrorResponse(error=self.body).model_dump(), status_code=self.status)


# ------------------------------------------------------------------------------------------ one request
def dataset_messages(messages: list[Message]) -> list[dict]:
    """Request messages in our format: arguments as objects, tool messages named after the call they answer."""
    names: dict[str, str] = {}  # tool_call_id -> tool name
    out: list[dict] = []
    for i, message in enumerate(messages):
        if message.role in ("system", "developer"):
            out.append({"role": "system", "content": message.text})
        elif message.role == "assistant":
            turn: dict = {"role": "assistant", "content": message.text}
            if message.tool_calls:
                turn["tool_calls"] = []
                for call in message.tool_calls:
                    try:
                        arguments = json.loads(call.function.arguments) if call.function.arguments.strip() else {}
                    except json.JSONDecodeError:
                        raise APIError(400, f"messages[{i}]: the arguments of {call.function.name} are not JSON",
                                       param=f"messages.{i}.tool_calls") from None
                    names[call.id] = call.function.name
                    turn["tool_calls"].append({"type": "function",
                                               "function": {"name": call.function.name, "arguments": arguments}})
            out.append(turn)
        elif message.role == "tool":
            name = names.get(message.tool_call_id or "") or message.name
            if not name:
                raise APIError(400, f"messages[{i}]: a tool message needs the tool_call_id of an earlier call "
                                    "(or a name)", param=f"messages.{i}.tool_call_id")
            out.append({"role": "tool", "name": name, "content": message.text})
        else:
            out.append({"role": "user", "content": message.text})
    return out


@dataclass
class Turn:
    """What one request asks of the model, checked."""

    prompt: str
    prompt_tokens: int
    registry: ToolRegistry  # the request's tools
    settings: GenerationSettings
    calls_allowed: bool = True
    start: str = ""  # what the reply is made to begin with (a forced call)
    call_tools: list[dict] = field(default_factory=list)  # the tools a guided call may name
    named: str | None = None  # the one function tool_choice names
    prefix: str = ""  # the prompt's system part, prefilled once per tools list


def prepare(request: ChatCompletionRequest, model: ServedModel, defaults: GenerationSettings) -> Turn:
    """Check a request and turn it into a `Turn`; raises `APIError`."""
    if request.n != 1:
        raise APIError(400, "only n=1 is supported (one reply per request)", param="n")
    try:
        registry = ToolRegistry.from_schemas(tool.model_dump(exclude_none=True) for tool in request.tools or [])
    except ValueError as e:
        raise APIError(400, str(e), param="tools") from None
    tools = registry.schemas
    settings = dataclasses.replace(defaults, **{name: value for name, value in (
        ("temperature", request.temperature), ("top_p", request.top_p)) if value is not None})
    choice = request.tool_choice or ("auto" if tools else "none")
    turn = Turn("", 0, registry, settings, call_tools=tools)
    if choice == "none":
        turn.settings, turn.calls_allowed = settings.answer_only(), False
    elif choice != "auto":
        if not tools:
            raise APIError(400, "tool_choice requires tools", param="tool_choice")
        turn.start = CALL_OPEN
        if isinstance(choice, NamedToolChoice):
            turn.named = choice.function.name
            if turn.named not in registry:
                raise APIError(400, f"tool_choice names {turn.named!r}, which is not among the tools",
                               param="tool_choice")
            turn.call_tools = [schema for schema in tools if schema["function"]["name"] == turn.named]
    turn.prompt = model.render(dataset_messages(request.messages), tools)
    turn.prefix = model.prefix_text(tools)
    turn.prompt_tokens = model.count_tokens(turn.prompt)
    wanted = request.max_completion_tokens or request.max_tokens
    room = model.context_length - turn.prompt_tokens
    if room < 1 or (wanted and wanted > room):
        asked = f"{turn.prompt_tokens + wanted} tokens ({turn.prompt_tokens} in the messages, {wanted} in the " \
                "completion)" if wanted else f"{turn.prompt_tokens} tokens in the messages"
        raise APIError(400, f"This model's maximum context length is {model.context_length} tokens. However, you "
                            f"requested {asked}. Please reduce the length of the messages or completion.",
                       param="messages", code="context_length_exceeded")
    turn.settings = dataclasses.replace(turn.settings, max_new_tokens=wanted or min(settings.max_new_tokens, room))
    return turn


@dataclass
class Reply:
    content: str | None
    calls: list[ToolCall]
    finish_reason: FinishReason
    completion_tokens: int


def read_reply(text: str, turn: Turn, model: ServedModel) -> Reply:
    """The model's text as an API reply: valid calls as calls, anything else as content (module docstring)."""
    tokens = model.count_tokens(text)
    parsed = parse(text)
    valid = turn.calls_allowed and not parsed.errors and all(
        turn.registry.validate(call) is None and turn.named in (None, call.name) for call in parsed.tool_calls)
    if parsed.tool_calls and valid:
        return Reply(parsed.content or None, parsed.tool_calls, "tool_calls", tokens)
    stop = "length" if tokens >= turn.settings.max_new_tokens else "stop"
    return Reply(parsed.content if valid else text.strip(), [], stop, tokens)


def wire_calls(calls: list[ToolCall]) -> list[ToolCallWire]:
    return [ToolCallWire(id=f"call_{uuid.uuid4().hex[:24]}", function=FunctionCall(name=call.name,
                                                                                   arguments=dumps(call.arguments)))
            for call in calls]


def usage(turn: Turn, reply: Reply) -> Usage:
    return Usage(prompt_tokens=turn.prompt_tokens, completion_tokens=reply.completion_tokens,
                 total_tokens=turn.prompt_tokens + reply.completion_tokens)


def generate(model: ServedModel, turn: Turn) -> Iterator[str]:
    return model.stream(turn.prompt, turn.settings, turn.call_tools, turn.prefix, start=turn.start)


def completion(model: ServedModel, turn: Turn, name: str) -> ChatCompletion:
    reply = read_reply("".join(generate(model, turn)), turn, model)
    message = AssistantMessage(content=reply.content, tool_calls=wire_calls(reply.calls) or None)
    return ChatCompletion(id=f"chatcmpl-{uuid.uuid4().hex}", created=int(time.time()), model=name,
                          choices=[Choice(message=message, finish_reason=reply.finish_reason)],
                          usage=usage(turn, reply))


def completion_events(model: ServedModel, turn: Turn, name: str, include_usage: bool) -> Iterator[str]:
    """The server-sent events of a streamed completion (module docstring)."""
    chunk_id, created = f"chatcmpl-{uuid.uuid4().hex}", int(time.time())

    def event(delta: Delta | None = None, finish: FinishReason | None = None, usage_: Usage | None = None) -> str:
        choices = [] if delta is None else [ChunkChoice(delta=delta, finish_reason=finish)]
        chunk = ChatCompletionChunk(id=chunk_id, created=created, model=name, choices=choices, usage=usage_)
        return f"data: {chunk.model_dump_json(exclude_none=True)}\n\n"

    yield event(Delta(role="assistant", content=""))
    text, sent = "", ""
    try:
        for piece in generate(model, turn):
            text += piece
            shown = (visible_prefix(text) if turn.calls_allowed else text).strip()
            if len(shown) > len(sent) and shown.startswith(sent):
                yield event(Delta(content=shown[len(sent):]))
                sent = shown
    except Exception as e:  # the client raises on an error event
        error = ErrorResponse(error=ErrorBody(message=f"generation failed: {type(e).__name__}: {e}",
                                              type="server_error"))
        yield f"data: {error.model_dump_json()}\n\n"
        return
    reply = read_reply(text, turn, model)
    content = reply.content or ""
    if len(content) > len(sent) and content.startswith(sent):
        yield event(Delta(content=content[len(sent):]))
    for index, call in enumerate(wire_calls(reply.calls)):
        arguments = call.function.arguments
        yield event(Delta(tool_calls=[ToolCallDelta(index=index, id=call.id, type="function",
                                                    function=FunctionDelta(name=call.function.name, arguments=""))]))
        for at in range(0, len(arguments), ARGUMENT_FRAGMENT):
            fragment = arguments[at:at + ARGUMENT_FRAGMENT]
            yield event(Delta(tool_calls=[ToolCallDelta(index=index, function=FunctionDelta(arguments=fragment))]))
    yield event(Delta(), reply.finish_reason)
    if include_usage:
        yield event(usage_=usage(turn, reply))
    yield "data: [DONE]\n\n"


# ------------------------------------------------------------------------------------------ the API
def create_api(load: Callable[[], ServedModel], name: str, defaults: GenerationSettings | None = None) -> FastAPI:
    """The API as a FastAPI app, to mount at `API_PATH`. `load` returns the model for each request (a cache lookup
    after the first); `name` is the model id clients ask for; `defaults` are the generation settings that a
    request's `temperature`, `top_p` and `max_tokens` override."""
    defaults = defaults or GenerationSettings()
    api = FastAPI(title="FunctionCall Studio API", description=__doc__.split("\n\n")[0])

    @api.exception_handler(APIError)
    def api_error(request, error: APIError):
        return error.response()

    @api.exception_handler(RequestValidationError)
    def invalid_request(request, error: RequestValidationError):
        problems = error.errors()
        if any(problem["type"] == "json_invalid" for problem in problems):
            return APIError(400, "We could not parse the JSON body of your request.", code="invalid_json").response()
        where = [".".join(str(part) for part in problem["loc"] if part != "body") for problem in problems]
        message = "; ".join(f"{at or 'body'}: {problem['msg']}" for at, problem in zip(where, problems))
        return APIError(400, f"Invalid request: {message}", param=where[0] or None).response()

    @api.exception_handler(HTTPException)
    def http_error(request, error: HTTPException):
        kind = "invalid_request_error" if error.status_code < 500 else "server_error"
        return APIError(error.status_code, str(error.detail), type=kind).response()

    @api.get("/models", response_model=ModelList)
    def models() -> ModelList:
        return ModelList(data=[ModelCard(id=name, created=int(time.time()))])

    @api.post("/chat/completions", response_model=ChatCompletion,
              responses={400: {"model": ErrorResponse}, 404: {"model": ErrorResponse}})
    def chat_completions(request: ChatCompletionRequest):
        if request.model != name:
            raise APIError(404, f"The model {request.model!r} does not exist (this server serves {name!r}).",
                           param="model", code="model_not_found")
        try:
            model = load()
            turn = prepare(request, model, defaults)
            if request.stream:
                include_usage = bool(request.stream_options and request.stream_options.include_usage)
                return StreamingResponse(completion_events(model, turn, name, include_usage),
                                         media_type="text/event-stream")
            return completion(model, turn, name)
        except APIError:
            raise
        except Exception as e:  # loading or generating failed
            log.exception("chat completion failed")
            raise APIError(500, f"{type(e).__name__}: {e}", type="server_error") from None

    return api


# ------------------------------------------------------------------------------------------ command line
@dataclass
class ServeOptions:
    """What to serve and where (with `GenerationSettings`, the defaults of each request, it makes the CLI)."""

    base_model: str = field(default=EMBEDDED, metadata={"help": "'embedded', a Hugging Face id or a local folder."})
    adapter: str = field(default="default", metadata={"help": "'default' (shipped), 'none' or a PEFT adapter folder."})
    model_name: str | None = field(default=None, metadata={"help": "The model id clients send (default: base+adapter, "
                                                                   "e.g. smollm2-135m+default)."})
    host: str = field(default="127.0.0.1", metadata={"help": "Address to listen on (0.0.0.0: every interface)."})
    port: int = field(default=8000, metadata={"help": "Port to listen on."})
    threads: int | None = field(default=None, metadata={"help": "CPU threads for torch."})


def served_name(base: str, adapter: str | None) -> str:
    """The default model id: the base model's short name, and the adapter's folder name."""
    from fc.model import resolve_adapter

    model = embedded_model(base)
    path = resolve_adapter(adapter, base)
    short = model.name if model else Path(base).name
    return f"{short}+{path.name}" if path else short


def load_served_model(options: ServeOptions) -> ServedModel:
    """The one place the served model is loaded (from the server-wide cache that the app's tabs share)."""
    from fc.model import get_model

    return get_model(options.base_model, options.adapter, threads=options.threads)


def parse_args(argv: list[str] | None = None) -> tuple[ServeOptions, GenerationSettings]:
    from fc.cli import ArgumentParser

    parser = ArgumentParser((ServeOptions, GenerationSettings), prog="python -m fc.serve",
                            description=__doc__.split("\n\n")[0])
    return tuple(parser.parse_args_into_dataclasses(argv))


def main(argv: list[str] | None = None) -> int:
    import uvicorn

    options, settings = parse_args(argv)
    try:
        name = options.model_name or served_name(options.base_model, options.adapter)
        model = load_served_model(options)
    except (OSError, ValueError, RuntimeError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    app = FastAPI(title="FunctionCall Studio")
    app.mount(API_PATH, create_api(lambda: load_served_model(options), name, settings))
    print(f"serving {model.label} as {name!r} at http://{options.host}:{options.port}/v1", file=sys.stderr)
    uvicorn.run(app, host=options.host, port=options.port, log_level="warning")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
