"""Command-line chat: `python -m fc.chat "What's the weather in Paris?"` prints tool steps and the answer."""
from __future__ import annotations

import argparse
import sys

from fc.agent import Final, ModelTurn, TextDelta, ToolFinished, ToolStarted, run_agent
from fc.builtins import images
from fc.model import GenerationSettings, ModelHandle
from fc.prompt import dumps
from fc.tools import builtin_registry


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("prompt", nargs="*", help="the user's message (omit for an interactive chat)")
    p.add_argument("--base-model", default="embedded", help="embedded, a Hugging Face id or a local folder")
    p.add_argument("--adapter", default="default", help="'default' (shipped), 'none' or a PEFT adapter folder")
    p.add_argument("--threads", type=int, default=None, help="CPU threads for torch")
    p.add_argument("--max-new-tokens", type=int, default=256)
    p.add_argument("--temperature", type=float, default=0.0)
    p.add_argument("--call-threshold", type=float, default=GenerationSettings.call_threshold,
                   help="least probability of a tool call for a reply to start one; a reply that starts in "
                        "prose ends where it would open a call (0 = plain decoding)")
    p.add_argument("--free-calls", action="store_true",
                   help="do not hold tool calls to the declared tools' schemas (see fc.grammar)")
    p.add_argument("--max-rounds", type=int, default=4)
    p.add_argument("--image-model", default=None, help="diffusers model id/folder, or 'tiny-random'")
    args = p.parse_args(argv)
    if args.image_model:
        images.settings.model = args.image_model
    handle = ModelHandle.load(args.base_model, args.adapter, threads=args.threads)
    print(f"[model] {handle.label}", file=sys.stderr)
    registry = builtin_registry()
    settings = GenerationSettings(args.max_new_tokens, args.temperature, call_threshold=args.call_threshold,
                                  guided_calls=not args.free_calls)
    messages: list[dict] = []
    turns = [" ".join(args.prompt)] if args.prompt else iter(_ask, None)
    for text in turns:
        messages.append({"role": "user", "content": text})
        for event in run_agent(handle, messages, registry, settings=settings, max_rounds=args.max_rounds):
            if isinstance(event, TextDelta):
                print(event.text, end="", flush=True)
            elif isinstance(event, ModelTurn) and event.tool_calls:
                print(f"\n[model] {event.raw.strip()}")
            elif isinstance(event, ToolStarted):
                print(f"🛠️  {event.name}({dumps(event.arguments)}) ...", flush=True)
            elif isinstance(event, ToolFinished):
                mark = "✓" if event.ok else "✗"
                print(f"   {mark} {event.seconds:.2f}s -> {dumps(event.result)}")
            elif isinstance(event, Final):
                print(f"\n[answer] {event.content}")
                messages = event.messages
    return 0


def _ask() -> str | None:
    try:
        return input("\nyou> ").strip() or None
    except EOFError:
        return None


if __name__ == "__main__":
    raise SystemExit(main())
