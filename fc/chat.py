"""Command-line chat: `python -m fc.chat "What's the weather in Paris?"` prints the tool steps and the answer.

Without a message it is an interactive chat. `--help` lists every flag.
"""
from __future__ import annotations

import logging
import sys
import warnings
from dataclasses import dataclass, field

from fc.agent import Final, ModelTurn, TextDelta, ToolFinished, ToolStarted, run_agent
from fc.cli import ArgumentParser
from fc.prompt import dumps
from fc.settings import GenerationSettings


@dataclass
class ChatOptions:
    """The command line's model and loop options (with `GenerationSettings` it makes the CLI)."""

    base_model: str = field(default="embedded", metadata={"help": "'embedded', a Hugging Face id or a local folder."})
    adapter: str = field(default="default", metadata={"help": "'default' (shipped), 'none' or a PEFT adapter folder."})
    threads: int | None = field(default=None, metadata={"help": "CPU threads for torch."})
    max_rounds: int = field(default=4, metadata={"help": "Most tool rounds per message."})
    image_model: str | None = field(default=None, metadata={"help": "diffusers model id/folder, or 'tiny-random'."})
    verbose: bool = field(default=False, metadata={"help": "Show library warnings and progress bars."})


def parse_args(argv: list[str] | None = None) -> tuple[ChatOptions, GenerationSettings, list[str]]:
    parser = ArgumentParser((ChatOptions, GenerationSettings), prog="python -m fc.chat", description=__doc__.split("\n")[0])
    parser.add_argument("prompt", nargs="*", help="the user's message (omit for an interactive chat)")
    options, settings, rest = parser.parse_args_into_dataclasses(argv)
    return options, settings, rest.prompt


def quiet_libraries() -> None:
    """Keep library warnings, info logs and progress bars off the user's screen."""
    from transformers.utils import logging as hf_logging

    warnings.filterwarnings("ignore")
    logging.getLogger().setLevel(logging.ERROR)
    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()


def main(argv: list[str] | None = None) -> int:
    options, settings, prompt = parse_args(argv)
    if not options.verbose:
        quiet_libraries()
    from fc.builtins import images
    from fc.model import ModelHandle
    from fc.tools import builtin_registry

    if options.image_model:
        images.settings.model = options.image_model
    handle = ModelHandle.load(options.base_model, options.adapter, threads=options.threads)
    print(f"[model] {handle.label}", file=sys.stderr)
    registry = builtin_registry()
    messages: list[dict] = []
    turns = [" ".join(prompt)] if prompt else iter(_ask, None)
    for text in turns:
        messages.append({"role": "user", "content": text})
        streamed = ""  # the reply text printed as it came
        for event in run_agent(handle, messages, registry, settings=settings, max_rounds=options.max_rounds):
            if isinstance(event, TextDelta):
                print(event.text, end="", flush=True)
                streamed += event.text
            elif isinstance(event, ModelTurn) and event.tool_calls:
                print(("\n" if streamed else "") + f"[model] {event.raw.strip()}")
                streamed = ""
            elif isinstance(event, ToolStarted):
                print(f"[tool] {event.name}({dumps(event.arguments)}) ...", flush=True)
            elif isinstance(event, ToolFinished):
                mark = "ok" if event.ok else "error"
                print(f"       {mark} in {event.seconds:.2f}s -> {dumps(event.result)}")
            elif isinstance(event, Final):
                rest = event.content[len(streamed):] if event.content.startswith(streamed) else "\n" + event.content
                print(rest if streamed else f"[answer] {event.content}")
                messages = event.messages
    return 0


def _ask() -> str | None:
    try:
        return input("\nyou> ").strip() or None
    except EOFError:
        return None


if __name__ == "__main__":
    raise SystemExit(main())
