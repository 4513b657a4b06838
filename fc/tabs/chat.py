"""The Chat tab: talk to a model over many turns and watch its tool calls run, step by step; or send each
message to two models at once and watch both answer side by side (Compare).

`fc.agent.run_agent` drives each turn and `fc.tabs.transcript.Transcript` shows its events. A per-user
`Conversation` (a `gr.State`) holds what the model sees, what the Chatbot shows and where each turn starts, so
that the last turn can be retried or undone and a user message edited and sent again.
"""
from __future__ import annotations

import concurrent.futures
import copy
import dataclasses
import functools
import json
import queue
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator

import gradio as gr
import spaces

from fc import ADAPTERS_DIR
from fc.agent import Final, ToolStarted, run_agent
from fc.backends import connect
from fc.builtins import images
from fc.decoys import decoy_tools
from fc.embedded import EMBEDDED, base_label
from fc.flags import save_flag
from fc.model import DEFAULT_ADAPTER, get_model
from fc.prompt import DEFAULT_SYSTEM
from fc.settings import GenerationSettings
from fc.tabs.hardware import hardware_line
from fc.tabs.transcript import ERROR, Transcript, settle
from fc.tools import BUILTIN_TOOLS_FILE, ToolRegistry, builtin_implementations

ModelFactory = Callable[[str, str], Any]  # (base, adapter) -> object with .stream_chat and .label

EXAMPLES = [
    "What's the weather in Paris?",
    "What time is it in Tokyo right now?",
    "Draw a watercolor fox in a snowy forest.",
    "Weather in Paris and Tokyo?",
    "Why is the sky blue?",
    "And in Barcelona?",
    "北京今天天氣怎麼樣？",
    "紐約現在幾點？",
    "畫一隻在月亮上睡覺的貓，吉卜力風格。",
    "倫敦和雪梨的天氣如何？",
    "什麼是吉卜力風格？",
]
LOADING_GRACE_S = 0.3  # show a "loading model" step only when loading takes longer than this
TOOL_TIMEOUT_S = 300  # the first generate_image may download and load the image model
WARN = "⚠"
FLAG_ONE, FLAG_BOTH = "⚑ Flag the whole conversation", "⚑ Flag both conversations"
VERDICTS = [("A was right", "A"), ("B was right", "B"), ("both right", "both"), ("both wrong", "neither")]
TOOLTIPS = {  # elem_classes -> the tooltip its elements get in the browser (see TOOLTIP_JS)
    "adapter-refresh": "Read adapters/ again: adapters trained since this page opened appear in the list.",
}
TOOLTIP_JS = ("() => { const tips = " + json.dumps(TOOLTIPS) + ";"
              " const apply = () => { for (const [cls, tip] of Object.entries(tips))"
              " document.querySelectorAll('.' + cls).forEach(el => { if (el.title !== tip) el.title = tip; }); };"
              " apply(); new MutationObserver(apply).observe(document.body, {childList: true, subtree: true}); }")

_loader = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="model-load")


def default_tools_json() -> str:
    return BUILTIN_TOOLS_FILE.read_text(encoding="utf-8")


def adapter_choices(extra: str | None = None) -> list[tuple[str, str]]:
    """Dropdown choices: the shipped default, none, every adapters/<name>/ with adapter_config.json."""
    shipped = (DEFAULT_ADAPTER / "adapter_config.json").exists()
    choices = [("default (shipped adapter)" if shipped else "default (not shipped yet: base model only)", "default"),
               ("none (base model only)", "none")]
    if ADAPTERS_DIR.is_dir():
        for folder in sorted(ADAPTERS_DIR.iterdir()):
            if folder.name != "default" and (folder / "adapter_config.json").exists():
                choices.append((folder.name, str(folder)))
    if extra and extra not in {value for _, value in choices}:
        choices.append((Path(extra).name or extra, extra))
    return choices


def refresh_adapters(current: str | None = None) -> gr.Dropdown:
    return gr.Dropdown(choices=adapter_choices(current))


def adapter_picker(value: str = "default", label: str = "Adapter", elem_id: str | None = None) -> gr.Dropdown:
    """An adapter dropdown with a "Refresh" button beside it that reads adapters/ again."""
    with gr.Row(equal_height=False):
        picker = gr.Dropdown(adapter_choices(value), value=value, label=label, scale=4, allow_custom_value=True,
                             elem_id=elem_id)
        refresh = gr.Button("↻ Refresh", scale=0, min_width=96, size="sm", elem_classes="adapter-refresh",
                            elem_id=f"{elem_id}-refresh" if elem_id else None)
    refresh.click(refresh_adapters, picker, picker, queue=False, api_visibility="private")
    return picker


def endpoint_fields(verb: str) -> tuple[gr.Textbox, gr.Textbox]:
    """Base URL and model name of an OpenAI-compatible endpoint that replaces the local model when given."""
    api_base = gr.Textbox("", label="Base URL", placeholder="http://127.0.0.1:8000/v1",
                          info=f"{verb} a model served by vLLM, SGLang, llama.cpp, Ollama or `python -m fc.serve` "
                               "instead of the local one (empty: the local model). Key: FC_API_KEY or "
                               "OPENAI_API_KEY. Call threshold and guided calls are then the server's.")
    api_model = gr.Textbox("", label="Model name", placeholder="(empty: the first model it lists)")
    return api_base, api_model


def default_model_factory(threads: int | None = None) -> ModelFactory:
    """Models from the server-wide cache in fc.model (GPU when there is one)."""
    return lambda base, adapter: get_model(base or EMBEDDED, adapter or "default", threads=threads)


def image_tool(**overrides) -> Callable[[str], dict]:
    """generate_image with this user's image settings (`fc.builtins.images.ImageSettings` fields)."""
    chosen = dataclasses.replace(images.settings, **overrides)

    @functools.wraps(images.generate_image)
    def generate_image(prompt: str) -> dict:
        return images.generate(prompt, chosen)

    return generate_image


def image_model_note(model: str) -> str:
    """What the Image settings say about `model`: why it cannot load here, or nothing."""
    problem = images.model_problem((model or "").strip() or images.settings.model)
    return f"{WARN} {problem}" if problem else ""


@dataclass
class Conversation:
    """One chat of one browser session."""

    messages: list[dict] = field(default_factory=list)  # what the model sees: our dataset format, tool messages
    display: list[dict] = field(default_factory=list)  # what the Chatbot shows
    starts: list[tuple[int, int]] = field(default_factory=list)  # (len(display), len(messages)) at each turn
    info: dict = field(default_factory=dict)  # the last turn's model, tools, system prompt, timing, error

    def begin(self, message: str) -> None:
        """Start a turn: a stopped turn's leftovers settled, the user's message shown."""
        self.display = settle(self.display)
        self.starts.append((len(self.display), len(self.messages)))
        self.display.append({"role": "user", "content": message})

    def turn_at(self, index: int) -> int:
        """The turn that Chatbot message `index` belongs to."""
        return max((turn for turn, (shown, _) in enumerate(self.starts) if shown <= index), default=0)

    def rewind(self, turn: int) -> str | None:
        """Forget turn `turn` and every later one; the user's message of that turn (None when there is none)."""
        if turn >= len(self.starts):
            return None
        shown, sent = self.starts[turn]
        message = self.display[shown]["content"] if shown < len(self.display) else None
        self.display, self.messages, self.starts = self.display[:shown], self.messages[:sent], self.starts[:turn]
        return message if isinstance(message, str) else None


@dataclass
class TurnOptions:
    """What a turn needs besides the message and the model: from the side panel."""

    registry: ToolRegistry
    system: str | None
    settings: GenerationSettings
    max_rounds: int
    decoys: bool


def turn_options(inputs: dict) -> TurnOptions:
    """The side panel's inputs as `TurnOptions`; ValueError when the tools JSON is unusable."""
    implementations = builtin_implementations()
    seed = inputs["image_seed"]
    implementations["generate_image"] = image_tool(
        model=(inputs["image_model"] or "").strip() or images.settings.model, steps=int(inputs["image_steps"]),
        width=int(inputs["image_width"]), height=int(inputs["image_height"]),
        seed=None if seed is None or seed < 0 else int(seed))
    settings = GenerationSettings(int(inputs["max_new_tokens"]), float(inputs["temperature"]), float(inputs["top_p"]),
                                  float(inputs["call_threshold"]), bool(inputs["guided_calls"]))
    return TurnOptions(ToolRegistry.from_json(inputs["tools_json"], implementations),
                       (inputs["system"] or "").strip() or None, settings, int(inputs["max_rounds"]),
                       bool(inputs["decoys"]))


def load_error(base: str, adapter: str, error: Exception) -> str:
    if isinstance(error, FileNotFoundError):  # our own checks: the message says which part is missing
        return f"Model not loaded: {error}"
    return f"Could not load {base} (adapter {adapter!r}): {type(error).__name__}: {error}"


def play(conversation: Conversation, message: str, load: Callable[[], Any], label: str,
         options: TurnOptions) -> Iterator[list[dict]]:
    """Run one turn into `conversation`; yield a copy of its display after every change.

    A pending "Thinking…" message shows at once; the model loads in the loader thread (a "Loading" message
    shows when that takes a while); a failed load or generation ends the turn with an error step and sets
    `conversation.info["error"]`."""
    conversation.begin(message)
    transcript = Transcript(conversation.display, turn_no=len(conversation.starts))
    transcript.wait()
    conversation.info = {"model": label, "started": time.perf_counter()}
    yield copy.deepcopy(conversation.display)
    future = _loader.submit(load)
    if not concurrent.futures.wait([future], timeout=LOADING_GRACE_S).done:
        transcript.wait("Loading model…", f"Loading {label}…")
        yield copy.deepcopy(conversation.display)
    try:
        model = future.result()
    except RuntimeError as e:
        transcript.error("model not loaded", str(e))
        conversation.info["error"] = str(e)
        yield copy.deepcopy(conversation.display)
        return
    transcript.wait()
    conversation.info.update(model=model.label, tools=options.registry.schemas, system=options.system, calls=0)
    turn = [*conversation.messages, {"role": "user", "content": message}]
    try:
        for event in run_agent(model, turn, options.registry, system=options.system, settings=options.settings,
                               max_rounds=options.max_rounds, tool_timeout=TOOL_TIMEOUT_S, decoys=options.decoys):
            transcript.add(event)
            if isinstance(event, ToolStarted):
                conversation.info["calls"] += 1
            if isinstance(event, Final):
                conversation.messages = event.messages
            yield copy.deepcopy(conversation.display)
    except Exception as e:  # generation failed: say so in the chat, keep the earlier conversation
        transcript.error("generation failed", f"{type(e).__name__}: {e}")
        conversation.info["error"] = f"Generation failed: {e}"
    conversation.info["seconds"] = time.perf_counter() - conversation.info["started"]
    conversation.info["hardware"] = hardware_line(model)
    yield copy.deepcopy(conversation.display)


def interleave(*iterators: Iterator) -> Iterator[tuple[int, Any]]:
    """Run each iterator in its own thread; yield `(which, item)` in the order items arrive. An exception in one
    is raised here; closing this generator lets the threads stop at their next item."""
    arrived: queue.Queue = queue.Queue()
    stop = threading.Event()
    done = object()

    def pump(which: int, iterator: Iterator) -> None:
        try:
            for item in iterator:
                arrived.put((which, item, None))
                if stop.is_set():
                    return
        except BaseException as e:  # noqa: BLE001 - handed to the consumer
            arrived.put((which, None, e))
            return
        arrived.put((which, done, None))

    for which, iterator in enumerate(iterators):
        threading.Thread(target=pump, args=(which, iterator), daemon=True, name=f"side-{which}").start()
    running = len(iterators)
    try:
        while running:
            which, item, error = arrived.get()
            if error is not None:
                raise error
            if item is done:
                running -= 1
            else:
                yield which, item
    finally:
        stop.set()


def side_header(side: str, conversation: Conversation) -> str:
    """A compared side's title line: its model and how its turn went."""
    info = conversation.info
    if not info:
        return f"**{side}**"
    parts = [f"**{side}** · {info.get('model', '')}"]
    if "error" in info:
        parts.append(f"{ERROR} {info['error'][:80]}")
    if "seconds" in info:
        parts.append(f"{info['seconds']:.1f} s")
        calls = info.get("calls", 0)
        parts.append(f"{calls} tool call{'' if calls == 1 else 's'}")
    else:
        parts.append(f"running… {time.perf_counter() - info['started']:.1f} s")
    return " · ".join(parts)


@dataclass
class ChatTab:
    """The components other tabs wire to: "Use in Chat" sets the model and loads it (`load_model`), and a
    finished training refreshes the adapter pickers."""

    adapter_dropdown: gr.Dropdown
    base_model: gr.Textbox
    model_status: gr.Markdown
    hardware: gr.Markdown
    load_model: Callable
    adapter_pickers: list[gr.Dropdown]


def build_chat_tab(model_factory: ModelFactory | None = None, *, base_model: str = EMBEDDED,
                   adapter: str = "default", threads: int | None = None) -> ChatTab:
    """Build the Chat tab's components inside the current Blocks/Tab and wire its events."""
    factory = model_factory or default_model_factory(threads)

    def load(base: str, adapter_value: str, api_base: str = "", api_model: str = ""):
        """Load (or fetch from the cache) a model, or connect to the endpoint when one is given; RuntimeError
        with a readable message."""
        base, adapter_value, api_base = (base or "").strip() or EMBEDDED, adapter_value or "default", api_base.strip()
        try:
            return connect(api_base, api_model.strip() or None) if api_base else factory(base, adapter_value)
        except Exception as e:
            if api_base:
                raise RuntimeError(f"Could not connect to {api_base}: {type(e).__name__}: {e}") from None
            raise RuntimeError(load_error(base, adapter_value, e)) from None

    conversation_a, conversation_b = gr.State(Conversation()), gr.State(Conversation())
    shown = images.settings
    with gr.Row(equal_height=False):
        with gr.Column(scale=3):
            compare = gr.Checkbox(False, label="Compare two models side by side", elem_id="chat-compare",
                                  info="Each message goes to model A (the side panel's) and to model B; B starts "
                                       "from A's conversation so far.")
            with gr.Row(equal_height=False):
                with gr.Column():
                    header_a = gr.Markdown("**A**", visible=False, elem_id="chat-header-a")
                    chatbot = gr.Chatbot(label="Chat", height=560, elem_id="chat-transcript", feedback_options=None,
                                         editable="user",
                                         placeholder="Ask for the weather, the time or an image, or just chat.")
                with gr.Column(visible=False) as side_b:
                    header_b = gr.Markdown("**B**", elem_id="chat-header-b")
                    chatbot_b = gr.Chatbot(label="Model B", height=560, elem_id="chat-transcript-b",
                                           feedback_options=None)
            with gr.Row():
                textbox = gr.Textbox(placeholder="Type a message and press Enter", show_label=False, scale=6,
                                     elem_id="chat-input", autofocus=True)
                send_button = gr.Button("Send", variant="primary", scale=0, min_width=90, elem_id="chat-send")
                stop = gr.Button("Stop", scale=0, min_width=70, elem_id="chat-stop")
                clear_button = gr.Button("Clear", scale=0, min_width=70)
            gr.Examples(EXAMPLES, inputs=[textbox], examples_per_page=len(EXAMPLES),
                        label="Examples: each tool, a parallel call, questions that need no tool, a follow-up")
            with gr.Row(equal_height=True):
                note = gr.Textbox(label="Note for the flag", placeholder="What went wrong? What should it have done?",
                                  scale=4)
                verdict = gr.Radio(VERDICTS, label="Which side was right?", visible=False, scale=3,
                                   elem_id="chat-verdict")
                flag_button = gr.Button(FLAG_ONE, scale=1, min_width=270, elem_id="chat-flag")
            flag_status = gr.Markdown(elem_id="chat-flag-status")
        with gr.Column(scale=2, min_width=320):
            with gr.Accordion("Model", open=True):
                base = gr.Textbox(value=base_model, label="Base model", elem_id="chat-base",
                                  info="'embedded' (SmolLM2-135M), a Hugging Face id or a local folder")
                adapter_dropdown = adapter_picker(adapter, "Adapter", "chat-adapter")
                load_button = gr.Button("Load model")
                model_status = gr.Markdown("Model loads on the first message.", elem_id="chat-model-status")
                hardware = gr.Markdown("", elem_id="chat-hardware")
            with gr.Accordion("OpenAI-compatible endpoint", open=False):
                api_base, api_model = endpoint_fields("Chat with")
            with gr.Accordion("Model B (compare)", open=True, visible=False) as model_b:
                base_b = gr.Textbox(value=base_model, label="Base model", elem_id="chat-base-b")
                adapter_b = adapter_picker("none", "Adapter", "chat-adapter-b")
            with gr.Accordion("System prompt", open=False):
                system = gr.Textbox("", label="System prompt", lines=3, placeholder=f"(empty = {DEFAULT_SYSTEM!r})",
                                    show_label=False, elem_id="chat-system")
            with gr.Accordion("Tools (JSON)", open=False):
                tools_json = gr.Code(default_tools_json(), language="json", lines=12, max_lines=24, wrap_lines=True,
                                     show_label=False)
                tools_check = gr.Markdown(check_tools(default_tools_json()))
                reset_tools = gr.Button("Reset tools to defaults")
            with gr.Accordion("Sampling", open=False):
                temperature = gr.Slider(0, 2, value=0, step=0.05, label="Temperature (0 = greedy)")
                top_p = gr.Slider(0.05, 1, value=1, step=0.05, label="Top-p")
                call_threshold = gr.Slider(
                    0, 1, value=GenerationSettings.call_threshold, step=0.05, label="Call threshold",
                    info="A reply may start a tool call only when the model gives calling at least this probability, "
                         "and a reply that starts in prose ends where it would open a call (0 = plain decoding).")
                guided_calls = gr.Checkbox(
                    GenerationSettings.guided_calls, label="Guided tool calls",
                    info="Inside a tool call, only the declared tools' names and arguments can be written.")
                decoys = gr.Checkbox(
                    True, label="Decline missing built-in tools",
                    info="When the tools JSON keeps some built-in tools, the ones it leaves out are still shown to "
                         "the model; a call to one is declined (the model answers without it).")
                max_new_tokens = gr.Slider(16, 2048, value=256, step=16, label="Max new tokens")
                max_rounds = gr.Slider(1, 8, value=4, step=1, label="Max tool rounds")
            with gr.Accordion("Image generation", open=False):
                image_model = gr.Dropdown(
                    list(dict.fromkeys([shown.model, images.DEFAULT_IMAGE_MODEL, images.TINY_RANDOM])),
                    value=shown.model, label="Image model", allow_custom_value=True, elem_id="chat-image-model",
                    info=f"A Hugging Face id, a local diffusers folder, or {images.TINY_RANDOM} (draws noise; "
                         "works offline)")
                image_note = gr.Markdown(image_model_note(shown.model), elem_id="chat-image-note")
                image_steps = gr.Slider(1, 50, value=shown.steps, step=1, label="Steps")
                with gr.Row():
                    image_width = gr.Slider(64, 1024, value=shown.width, step=64, label="Width")
                    image_height = gr.Slider(64, 1024, value=shown.height, step=64, label="Height")
                image_seed = gr.Number(-1 if shown.seed is None else shown.seed, precision=0,
                                       label="Seed (-1 = random)")

    # the handlers' keyword inputs (the /chat API's parameters, in this order)
    inputs = dict(message=textbox, base=base, adapter=adapter_dropdown, system=system, tools_json=tools_json,
                  temperature=temperature, top_p=top_p, call_threshold=call_threshold, guided_calls=guided_calls,
                  decoys=decoys, max_new_tokens=max_new_tokens, max_rounds=max_rounds, image_model=image_model,
                  image_steps=image_steps, image_width=image_width, image_height=image_height, image_seed=image_seed,
                  compare=compare, base_b=base_b, adapter_b=adapter_b, api_base=api_base, api_model=api_model)
    states = [conversation_a, conversation_b]
    outputs = [textbox, chatbot, conversation_a, chatbot_b, conversation_b, header_a, header_b]

    def run(a: Conversation, b: Conversation, message: str, inputs: dict) -> Iterator[tuple]:
        """Send `message` to model A (and B when comparing); stream both transcripts."""
        compare_on = bool(inputs["compare"])
        skip = gr.skip()

        def out(shown_a=skip, shown_b=skip):
            if not compare_on:
                return "", shown_a, a, skip, skip, skip, skip
            return "", shown_a, a, shown_b, b, side_header("A", a), side_header("B", b)

        if not message or not message.strip():
            yield (message, *(skip,) * 6)
            return
        try:
            options = turn_options(inputs)
        except ValueError as e:
            gr.Warning(f"The message was not sent: fix the tools JSON first ({e}).")
            yield (message, *(skip,) * 6)  # keep the typed message
            return
        endpoint = (inputs["api_base"], inputs["api_model"])  # model A only
        sides = [(a, inputs["base"], inputs["adapter"], endpoint)] + (
            [(b, inputs["base_b"], inputs["adapter_b"], ("", ""))] if compare_on else [])
        plays = [play(conversation, message, functools.partial(load, base_value, adapter_value, *api),
                      api[0].strip() or base_label((base_value or "").strip() or EMBEDDED), options)
                 for conversation, base_value, adapter_value, api in sides]
        if compare_on:
            latest = [skip, skip]
            for which, display in interleave(*plays):
                latest[which] = display
                yield out(*latest)
        else:
            for display in plays[0]:
                yield out(display)
        for conversation, *_ in sides:
            if "error" in conversation.info:
                gr.Warning(conversation.info["error"])

    def send(a: Conversation, b: Conversation, **inputs):
        yield from run(a, b, inputs["message"], inputs)

    def rewind(a: Conversation, b: Conversation, index: int, compare_on: bool) -> str | None:
        turn = a.turn_at(index)
        if compare_on:
            b.rewind(turn)
        return a.rewind(turn)

    def retry(a: Conversation, b: Conversation, data: gr.RetryData, **inputs):
        message = rewind(a, b, data.index, inputs["compare"])
        if message:
            yield from run(a, b, message, inputs)

    def edit(a: Conversation, b: Conversation, data: gr.EditData, **inputs):
        rewind(a, b, data.index, inputs["compare"])
        value = data.value if isinstance(data.value, str) else (data.value or {}).get("text", "")
        yield from run(a, b, value, inputs)

    def undo(a: Conversation, b: Conversation, compare_on: bool, data: gr.UndoData):
        message = rewind(a, b, data.index, compare_on)
        return message or "", a.display, a, b.display, b

    def stopped(a: Conversation, b: Conversation):
        a.display, b.display = settle(a.display), settle(b.display)
        return a.display, a, b.display, b

    def status(a: Conversation):
        info = a.info
        if info.get("error"):
            return f"{WARN} {info['error']}", gr.skip()
        if "tools" not in info:
            return gr.skip(), gr.skip()
        return f"Loaded **{info['model']}**", info.get("hardware", "")

    def load_model(base_value: str, adapter_value: str, api_base_value: str = "", api_model_value: str = "",
                   progress=gr.Progress()):
        progress(0, desc=f"Loading {api_base_value.strip() or base_value or EMBEDDED} ({adapter_value})…")
        try:
            model = load(base_value, adapter_value, api_base_value, api_model_value)
        except RuntimeError as e:
            gr.Warning(str(e))
            return f"{WARN} {e}", ""
        return f"Loaded **{model.label}**", hardware_line(model)

    def flag(a: Conversation, b: Conversation, compare_on: bool, verdict_value: str | None, note_value: str):
        sides = [("A", a), ("B", b)] if compare_on else [("", a)]
        if not any(c.messages for _, c in sides):
            gr.Warning("Nothing to flag yet: have a conversation first.")
            return gr.skip(), ""
        if compare_on and not verdict_value:
            gr.Warning("Say which side was right first.")
            return gr.skip(), ""
        pair = f"pair-{uuid.uuid4().hex[:12]}"
        saved = []
        for side, c in sides:
            if not c.messages:
                continue
            extra = {"compare": {"pair": pair, "side": side, "verdict": verdict_value}} if compare_on else None
            row = save_flag(c.messages, c.info.get("tools") or [], note_value, c.info.get("model", ""),
                            system=c.info.get("system"), extra=extra)
            saved.append(f"`{row['id']}`" + (f" ({side})" if side else ""))
        gr.Info("Flagged: thank you.")
        what = "both conversations" if compare_on else "the whole conversation"
        return "", f"Flagged {what} as {', '.join(saved)}, for review in the Evaluate tab."

    def toggle_compare(compare_on: bool, a: Conversation):
        b = copy.deepcopy(a) if compare_on else Conversation()
        return (gr.Column(visible=compare_on), gr.Accordion(visible=compare_on),
                gr.Markdown(side_header("A", a), visible=compare_on),
                gr.Radio(visible=compare_on, value=None), gr.Button(FLAG_BOTH if compare_on else FLAG_ONE),
                b.display, b, side_header("B", b))

    def clear():
        return [], Conversation(), [], Conversation(), "", "", "**A**", "**B**"

    # One queue slot shared by chat turns and model loads (concurrency_id): the model and the image
    # pipeline never run for several users at once; the limit is the app's default_concurrency_limit.
    model_slot = dict(concurrency_id="model", show_progress="minimal")
    # on ZeroGPU a turn holds a GPU while it runs (fc.model.zero_gpu); elsewhere spaces.GPU changes nothing
    send, retry, edit = spaces.GPU(send), spaces.GPU(retry), spaces.GPU(edit)
    turns = [textbox.submit(send, states, outputs, inputs_kwargs=inputs, api_name="chat", **model_slot),
             send_button.click(send, states, outputs, inputs_kwargs=inputs, api_visibility="private", **model_slot),
             chatbot.retry(retry, states, outputs, inputs_kwargs=inputs, api_visibility="private", **model_slot),
             chatbot.edit(edit, states, outputs, inputs_kwargs=inputs, api_visibility="private", **model_slot)]
    for event in turns:
        event.then(status, conversation_a, [model_status, hardware], queue=False, api_visibility="private")
    chatbot.undo(undo, [*states, compare], [textbox, chatbot, conversation_a, chatbot_b, conversation_b],
                 queue=False, api_visibility="private")
    stop.click(None, cancels=turns).then(stopped, states, [chatbot, conversation_a, chatbot_b, conversation_b],
                                         queue=False, api_visibility="private")
    for trigger in (clear_button.click, chatbot.clear, chatbot_b.clear):  # the Chatbots' own trash icon too
        trigger(clear, None, [chatbot, conversation_a, chatbot_b, conversation_b, textbox, flag_status, header_a,
                              header_b], queue=False, api_visibility="private")
    compare.change(toggle_compare, [compare, conversation_a],
                   [side_b, model_b, header_a, verdict, flag_button, chatbot_b, conversation_b, header_b],
                   queue=False, api_visibility="private")
    for trigger in (load_button.click, adapter_dropdown.input, base.submit, api_base.submit, api_model.submit):
        trigger(load_model, [base, adapter_dropdown, api_base, api_model], [model_status, hardware],
                api_visibility="private", **model_slot)
    reset_tools.click(default_tools_json, None, tools_json, queue=False, api_visibility="private")
    tools_json.change(check_tools, tools_json, tools_check, queue=False, api_visibility="private")
    image_model.change(image_model_note, image_model, image_note, queue=False, api_visibility="private")
    flag_button.click(flag, [*states, compare, verdict, note], [note, flag_status], api_visibility="private")
    return ChatTab(adapter_dropdown=adapter_dropdown, base_model=base, model_status=model_status, hardware=hardware,
                   load_model=load_model, adapter_pickers=[adapter_dropdown, adapter_b])


def check_tools(tools_json: str) -> str:
    """The Tools accordion's verdict on the tools JSON."""
    try:
        registry = ToolRegistry.from_json(tools_json)
    except ValueError as e:
        return f"{ERROR} {e}"
    names = ", ".join(f"`{n}`" for n in registry.names)
    left_out = ", ".join(f"`{schema['function']['name']}`" for schema in decoy_tools(registry.schemas))
    return (f"✓ {len(registry)} tool(s)" + (f": {names}" if names else "")
            + (f" · built-in tools left out: {left_out}" if left_out else ""))
