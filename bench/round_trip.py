"""The weather round trip of the chat (message -> get_weather call -> tool result -> answer), median of runs.

    python bench/round_trip.py [--base-model smollm2-135m] [--runs 5] [--threads 2] [--plain]

Runs `fc.agent.run_agent` with the built-in tools as the Chat tab does, with the model as the app loads it
(`--plain`: today's path before the speed work, the unmerged PEFT model in fp32 without prefix reuse). The
first run, which also prefills the tools' prefix, is reported apart; the median is over the others.
"""
from __future__ import annotations

import argparse
import time

import common

from fc.agent import Final, ToolFinished, run_agent
from fc.embedded import EMBEDDED_MODELS
from fc.tools import builtin_registry

QUESTIONS = ["What's the weather in Paris?", "How's the weather in Buenos Aires today?",
             "Weather in Singapore please", "Is it raining in Manila?", "What's the weather like in Oslo?",
             "Tell me the weather in Nairobi.", "weather in lima?"]


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--base-model", default="smollm2-135m", choices=list(EMBEDDED_MODELS))
    p.add_argument("--adapter", default="default")
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--plain", action="store_true")
    args = p.parse_args(argv)
    from fc.model import ModelHandle

    started = time.perf_counter()
    if args.plain:
        handle = ModelHandle.load(args.base_model, args.adapter, dtype="float32", merge=False, threads=args.threads)
        handle.prefixes = None
    else:
        handle = ModelHandle.load(args.base_model, args.adapter, threads=args.threads)
    load_s = time.perf_counter() - started
    registry = builtin_registry()
    seconds, calls = [], []
    for question in QUESTIONS[:args.runs + 1]:
        start = time.perf_counter()
        events = list(run_agent(handle, [{"role": "user", "content": question}], registry))
        seconds.append(time.perf_counter() - start)
        calls.append([e.name for e in events if isinstance(e, ToolFinished)])
        answer = next(e.content for e in events if isinstance(e, Final))
        print(f"{seconds[-1]:5.2f}s  {question!r} -> {calls[-1]} -> {answer[:80]!r}")
    steady = common.median(seconds[1:])
    print(f"\n{handle.label} ({handle.model.dtype}{', plain' if args.plain else ''}): load {load_s:.1f} s, "
          f"first round trip {seconds[0]:.2f} s, median of the next {len(seconds) - 1}: {steady:.2f} s")
    common.report("round_trip", model=handle.label, plain=args.plain, dtype=str(handle.model.dtype),
                  load_s=round(load_s, 1), first_s=round(seconds[0], 2), median_s=round(steady, 2),
                  weather_calls=sum(c == ["get_weather"] for c in calls), runs=len(seconds))


if __name__ == "__main__":
    main()
