"""The Chat tab: talk to a model over many turns and watch its tool calls run, step by step.

`fc.agent.run_agent` drives each turn; `Transcript` turns its events into Chatbot messages (Gradio's
messages format). Two per-user `gr.State`s hold the conversation: the model-facing `messages` (our dataset
format, tool messages included) and the `display` history shown in the Chatbot.
"""
from __future__ import annotations

import concurrent.futures
import dataclasses
import json
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator

import gradio as gr
import spaces

from fc import ADAPTERS_DIR
from fc.agent import Declined, Final, ImageProduced, ModelTurn, TextDelta, ToolFinished, ToolStarted, run_agent
from fc.backends import connect
from fc.builtins import images
from fc.embedded import EMBEDDED
from fc.flags import flags_path, save_flag
from fc.model import DEFAULT_ADAPTER, get_model
from fc.settings import GenerationSettings
from fc.prompt import DEFAULT_SYSTEM
from fc.decoys import decoy_tools
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

_loader = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="model-load")
_image_lock = threading.Lock()


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


def default_model_factory(threads: int | None = None) -> ModelFactory:
    """Models from the server-wide cache in fc.model (GPU when there is one)."""
    return lambda base, adapter: get_model(base or EMBEDDED, adapter or "default", threads=threads)


def endpoint_fields(verb: str) -> tuple[gr.Textbox, gr.Textbox]:
    """Base URL and model name of an OpenAI-compatible endpoint that replaces the local model when given."""
    api_base = gr.Textbox("", label="Base URL", placeholder="http://127.0.0.1:8000/v1",
                          info=f"{verb} a model served by vLLM, SGLang, llama.cpp, Ollama or `python -m fc.serve` "
                               "instead of the local one (empty: the local model). Key: FC_API_KEY or "
                               "OPENAI_API_KEY. Call threshold and guided calls are then the server's.")
    api_model = gr.Textbox("", label="Model name", placeholder="(empty: the first model it lists)")
    return api_base, api_model


def image_tool(**overrides) -> Callable[[str], dict]:
    """generate_image with this user's image settings.

    `fc.builtins.images.settings` is module-level: the settings are swapped in for the duration of the
    call under a lock, so concurrent users each get their own steps/size/seed.
    """
    def generate_image(prompt: str) -> dict:
        with _image_lock:
            saved = images.settings
            images.settings = dataclasses.replace(saved, **overrides)
            try:
                return images.generate_image(prompt)
            finally:
                images.settings = saved

    return generate_image


def _json_block(value: Any) -> str:
    return "```json\n" + json.dumps(value, ensure_ascii=False, indent=2) + "\n```"


class Transcript:
    """Turns the events of one agent run into Chatbot messages, appended to (and edited in) `display`."""

    def __init__(self, display: list[dict], turn_no: int):
        self.display = display
        self.turn_no = turn_no
        self.bubble: int | None = None  # the assistant message being streamed
        self.last_reply: int | None = None  # the message holding the latest model turn's text
        self.steps: dict[str, int] = {}  # call_id -> index of its tool step
        self.arguments: dict[str, dict] = {}

    def add(self, event) -> None:
        if isinstance(event, TextDelta):
            if self.bubble is None:
                self.display.append({"role": "assistant", "content": ""})
                self.bubble = len(self.display) - 1
            self.display[self.bubble]["content"] += event.text
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

    def error(self, title: str, text: str) -> None:
        """A visible error step (model loading or generation failed)."""
        self.display.append({"role": "assistant", "content": text,
                             "metadata": {"title": f"❌ {title}", "status": "done"}})

    def _model_turn(self, event: ModelTurn) -> None:
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
            self.error("invalid tool call", f"{problem}\n\n{_json_block(event.raw.strip())}")

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
        text += "".join(f"\n\n**{call.name}**\n{_json_block(call.arguments)}" for call in event.calls)
        self.display.append({"role": "assistant", "content": text,
                             "metadata": {"title": f"🚫 {names}: not in this chat's tools", "status": "done"}})

    def _tool_started(self, event: ToolStarted) -> None:
        self.arguments[event.call_id] = event.arguments
        content = "**Arguments**\n" + _json_block(event.arguments)
        metadata = {"title": f"🛠️ {event.name}", "status": "pending", "id": f"turn{self.turn_no}-{event.call_id}"}
        if event.name == "generate_image":
            content += "\n\n🎨 Generating image…"
            metadata["log"] = "generating image…"
        self.display.append({"role": "assistant", "content": content, "metadata": metadata})
        self.steps[event.call_id] = len(self.display) - 1

    def _tool_finished(self, event: ToolFinished) -> None:
        step = self.display[self.steps[event.call_id]]
        title = f"🛠️ {event.name}" if event.ok else f"❌ {event.name}: error"
        step["metadata"] = {**step["metadata"], "title": title, "status": "done", "duration": event.seconds}
        step["metadata"].pop("log", None)
        heading = "**Result**" if event.ok else "**Error**"
        step["content"] = ("**Arguments**\n" + _json_block(event.arguments)
                           + f"\n\n{heading}\n" + _json_block(event.result))

    def _final(self, event: Final) -> None:
        if not event.content.strip():
            self.display.append({"role": "assistant", "content": "*(the model gave no reply)*"})
        elif self.last_reply is None:
            self.display.append({"role": "assistant", "content": event.content})
        else:  # e.g. the "stopped after N rounds" note added to the last turn's text
            self.display[self.last_reply]["content"] = event.content


@dataclass
class ChatTab:
    """The components other tabs wire to (the Train tab's "Use in Chat" sets the model)."""
    adapter_dropdown: gr.Dropdown
    base_model: gr.Textbox


def build_chat_tab(model_factory: ModelFactory | None = None, *, base_model: str = EMBEDDED,
                   adapter: str = "default", threads: int | None = None) -> ChatTab:
    """Build the Chat tab's components inside the current Blocks/Tab and wire its events."""
    factory = model_factory or default_model_factory(threads)

    def load(base: str, adapter_value: str, api_base: str = "", api_model: str = ""):
        """Load (or fetch from the cache) a model, or connect to the endpoint when one is given; raises with a
        readable message."""
        try:
            if api_base.strip():
                return connect(api_base.strip(), api_model.strip() or None)
            return factory(base.strip() or EMBEDDED, adapter_value or "default")
        except Exception as e:
            what = api_base.strip() or f"{base or EMBEDDED} with adapter {adapter_value!r}"
            raise RuntimeError(f"Could not load {what}: {type(e).__name__}: {e}") from None

    def chat(message: str, messages: list[dict], display: list[dict], info: dict, base: str, adapter_value: str,
             system: str, tools_json: str, temperature: float, top_p: float, call_threshold: float,
             guided_calls: bool, decoys: bool, max_new_tokens: float, max_rounds: float, image_steps: float,
             image_width: float, image_height: float, image_seed: float | None, api_base: str = "",
             api_model: str = "") -> Iterator[tuple]:
        """Send `message`; stream the reply, tool steps and images into the chat."""
        def out():
            return "", display, messages, display, info

        if not message or not message.strip():
            yield message, display, messages, display, info
            return
        implementations = builtin_implementations()
        implementations["generate_image"] = image_tool(
            steps=int(image_steps), width=int(image_width), height=int(image_height),
            seed=None if image_seed is None or image_seed < 0 else int(image_seed))
        try:
            registry = ToolRegistry.from_json(tools_json, implementations)
        except ValueError as e:
            gr.Warning(f"The message was not sent: fix the tools JSON first ({e}).")
            yield message, display, messages, display, info  # keep the typed message
            return
        display = [*display, {"role": "user", "content": message}]
        transcript = Transcript(display, turn_no=sum(m["role"] == "user" for m in display))
        yield out()

        future = _loader.submit(load, base, adapter_value, api_base, api_model)
        if not concurrent.futures.wait([future], timeout=LOADING_GRACE_S).done:
            display.append({"role": "assistant", "content": f"Loading {base or EMBEDDED} ({adapter_value})…",
                            "metadata": {"title": "⏳ Loading model", "status": "pending"}})
            yield out()
            concurrent.futures.wait([future])
            display.pop()
        try:
            model = future.result()
        except RuntimeError as e:
            transcript.error("model not loaded", str(e))
            gr.Warning(str(e))
            yield out()
            return
        info = {"model": model.label, "tools": registry.schemas, "system": system.strip() or None}

        settings = GenerationSettings(int(max_new_tokens), float(temperature), float(top_p), float(call_threshold),
                                      bool(guided_calls))
        turn = [*messages, {"role": "user", "content": message}]
        try:
            for event in run_agent(model, turn, registry, system=system.strip() or None, settings=settings,
                                   max_rounds=int(max_rounds), tool_timeout=TOOL_TIMEOUT_S, decoys=bool(decoys)):
                transcript.add(event)
                if isinstance(event, Final):
                    messages = event.messages
                yield out()
        except Exception as e:  # generation failed: say so in the chat, keep the earlier conversation
            transcript.error("generation failed", f"{type(e).__name__}: {e}")
            gr.Warning(f"Generation failed: {e}")
            yield out()

    def model_status(info: dict):
        return f"Loaded **{info['model']}**" if info.get("model") else gr.skip()

    def load_model(base: str, adapter_value: str, info: dict, api_base: str, api_model: str, progress=gr.Progress()):
        progress(0, desc=f"Loading {base or EMBEDDED} ({adapter_value})…")
        try:
            model = load(base, adapter_value, api_base, api_model)
        except RuntimeError as e:
            gr.Warning(str(e))
            return f"⚠️ {e}", info
        info = {**info, "model": model.label}
        return model_status(info), info

    def flag(messages: list[dict], info: dict, note: str):
        if not messages:
            gr.Warning("Nothing to flag yet: have a conversation first.")
            return note, ""
        row = save_flag(messages, info.get("tools") or [], note, info.get("model", ""), system=info.get("system"))
        gr.Info("Flagged: thank you.")
        return "", f"Flagged as `{row['id']}` in `{flags_path()}`."

    def check_tools(tools_json: str) -> str:
        try:
            registry = ToolRegistry.from_json(tools_json)
        except ValueError as e:
            return f"❌ {e}"
        names = ", ".join(f"`{n}`" for n in registry.names)
        left_out = ", ".join(f"`{schema['function']['name']}`" for schema in decoy_tools(registry.schemas))
        return (f"✅ {len(registry)} tool(s)" + (f": {names}" if names else "")
                + (f" · built-in tools left out: {left_out}" if left_out else ""))

    def clear():
        return [], [], [], "", ""

    def refresh_adapters(current: str):
        return gr.Dropdown(choices=adapter_choices(current))

    messages_state = gr.State([])  # the model-facing conversation (dataset format, tool messages included)
    display_state = gr.State([])  # the Chatbot messages
    info_state = gr.State({})  # model label, tools and system prompt of the last turn (for flagging)
    shown = images.settings
    with gr.Row(equal_height=False):
        with gr.Column(scale=3):
            chatbot = gr.Chatbot(label="Chat", height=560, elem_id="chat-transcript", feedback_options=None,
                                 placeholder="Ask for the weather, the time or an image, or just chat.")
            with gr.Row():
                textbox = gr.Textbox(placeholder="Type a message and press Enter", show_label=False, scale=6,
                                     elem_id="chat-input", autofocus=True)
                send = gr.Button("Send", variant="primary", scale=0, min_width=90, elem_id="chat-send")
                stop = gr.Button("Stop", scale=0, min_width=70)
                clear_button = gr.Button("Clear", scale=0, min_width=70)
            gr.Examples(EXAMPLES, inputs=[textbox], examples_per_page=len(EXAMPLES),
                        label="Examples: each tool, a parallel call, questions that need no tool, a follow-up")
            with gr.Row():
                note = gr.Textbox(label="Note for this flag", placeholder="What went wrong? What should it have done?",
                                  scale=4)
                flag_button = gr.Button("🚩 Flag this turn", scale=1, min_width=140)
            flag_status = gr.Markdown()
        with gr.Column(scale=2, min_width=320):
            with gr.Accordion("Model", open=True):
                base = gr.Textbox(value=base_model, label="Base model",
                                  info="'embedded' (SmolLM2-135M), a Hugging Face id or a local folder")
                with gr.Row():
                    adapter_dropdown = gr.Dropdown(adapter_choices(adapter), value=adapter, label="Adapter", scale=4,
                                                   allow_custom_value=True)
                    refresh = gr.Button("🔄", scale=0, min_width=48)
                load_button = gr.Button("Load model")
                model_status_md = gr.Markdown("Model loads on the first message.")
            with gr.Accordion("OpenAI-compatible endpoint", open=False):
                api_base, api_model = endpoint_fields("Chat with")
            with gr.Accordion("System prompt", open=False):
                system = gr.Textbox("", label="System prompt", lines=3, placeholder=f"(empty = {DEFAULT_SYSTEM!r})",
                                    show_label=False)
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
                image_steps = gr.Slider(1, 50, value=shown.steps, step=1, label="Steps")
                with gr.Row():
                    image_width = gr.Slider(64, 1024, value=shown.width, step=64, label="Width")
                    image_height = gr.Slider(64, 1024, value=shown.height, step=64, label="Height")
                image_seed = gr.Number(-1 if shown.seed is None else shown.seed, precision=0,
                                       label="Seed (-1 = random)")

    chat_inputs = [textbox, messages_state, display_state, info_state, base, adapter_dropdown, system, tools_json,
                   temperature, top_p, call_threshold, guided_calls, decoys, max_new_tokens, max_rounds, image_steps,
                   image_width, image_height, image_seed, api_base, api_model]
    chat_outputs = [textbox, chatbot, messages_state, display_state, info_state]
    # One queue slot shared by chat turns and model loads (concurrency_id): the model and the image
    # pipeline never run for several users at once; the limit is the app's default_concurrency_limit.
    on_gpu = spaces.GPU(chat)  # on ZeroGPU a turn holds a GPU while it runs (fc.model.zero_gpu)
    submit = textbox.submit(on_gpu, chat_inputs, chat_outputs, api_name="chat", concurrency_id="model",
                            show_progress="minimal")
    click = send.click(on_gpu, chat_inputs, chat_outputs, api_visibility="private", concurrency_id="model",
                       show_progress="minimal")
    for event in (submit, click):
        event.then(model_status, info_state, model_status_md, queue=False, api_visibility="private")
    stop.click(None, cancels=[submit, click])
    clear_button.click(clear, None, [chatbot, messages_state, display_state, textbox, flag_status],
                       queue=False, api_visibility="private")
    for trigger in (load_button.click, adapter_dropdown.input, base.submit, api_base.submit, api_model.submit):
        trigger(load_model, [base, adapter_dropdown, info_state, api_base, api_model], [model_status_md, info_state],
                concurrency_id="model", api_visibility="private")
    refresh.click(refresh_adapters, adapter_dropdown, adapter_dropdown, queue=False, api_visibility="private")
    reset_tools.click(default_tools_json, None, tools_json, queue=False, api_visibility="private")
    tools_json.change(check_tools, tools_json, tools_check, queue=False, api_visibility="private")
    flag_button.click(flag, [messages_state, info_state, note], [note, flag_status], queue=False,
                      api_visibility="private")
    return ChatTab(adapter_dropdown=adapter_dropdown, base_model=base)
