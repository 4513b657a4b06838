"""Decode speed and time to first token of one chat reply: ours vs plain transformers vs llama.cpp, side by side.

    python bench/decode.py [--base-model smollm2-135m] [--threads 1,2] [--tokens 128] [--runs 3]
                           [--no-llama-cpp]

The prompt declares the three built-in tools and holds one user turn; every engine writes exactly --tokens
tokens greedily (end of turn suppressed). "ours" is `fc.model.ModelHandle` as the app loads it (adapter merged,
inference dtype, the tools' prefix prefilled once and reused, call decision and guided calls on); "plain" is
today's path before those changes: the unmerged PEFT model in fp32, `generate` with no prefix reuse; "llama.cpp"
is llama-cpp-python on the embedded model's own GGUF (no adapter: the speed is the same), built from source in
bench/.llama-venv/ on first use (10-15 minutes on 2 cores; not a dependency of the app).
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

import common

from fc.embedded import EMBEDDED_MODELS, cache_dir
from fc.settings import GenerationSettings
from fc.tools import load_tool_schemas

VENV = Path(__file__).resolve().parent / ".llama-venv"
MESSAGES = [{"role": "user", "content": "Tell me about Paris: its history, its food and what to see there."}]
LLAMA_CPP = """
import json, sys, time
from llama_cpp import Llama
path, prompt, threads, tokens, runs = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
llm = Llama(model_path=path, n_threads=threads, n_ctx=2048, verbose=False)
ids = llm.tokenize(prompt.encode(), add_bos=False, special=True)
out = []
for _ in range(runs):
    llm.reset()
    start = time.perf_counter(); first = None
    for i, _token in enumerate(llm.generate(ids, temp=0.0, reset=True)):
        first = first or time.perf_counter()
        if i + 1 == tokens:
            break
    end = time.perf_counter()
    out.append({"ttft_s": first - start, "tok_s": (tokens - 1) / (end - first)})
print(json.dumps(out))
"""


class Clock:
    """A streamer that notes when the prompt was read and when each new token came."""

    def __init__(self):
        self.times: list[float] = []

    def put(self, value):
        self.times.append(time.perf_counter())

    def end(self):
        pass


def timed(run) -> dict:
    clock, start = Clock(), time.perf_counter()
    run(clock)
    first, last, n = clock.times[1], clock.times[-1], len(clock.times) - 1  # times[0]: the prompt
    return {"ttft_s": first - start, "tok_s": (n - 1) / (last - first)}


def ours(handle, prompt: str, prefix: str, tools: list[dict], tokens: int, clock) -> None:
    gen_kwargs = handle._gen_kwargs
    handle._gen_kwargs = lambda *a: {**gen_kwargs(*a), "max_new_tokens": tokens, "min_new_tokens": tokens}
    try:
        with handle._lock:
            handle._generate([prompt], GenerationSettings(tokens), [tools], prefix, clock)
    finally:
        handle._gen_kwargs = gen_kwargs


def plain(handle, prompt: str, tokens: int, clock) -> None:
    import torch

    enc = handle._encode([prompt])
    with torch.inference_mode():
        handle.model.generate(**enc, max_new_tokens=tokens, min_new_tokens=tokens, do_sample=False,
                              pad_token_id=handle.tokenizer.pad_token_id, streamer=clock)


def llama_python() -> Path:
    python = VENV / "bin" / "python"
    if not python.exists():
        print(f"building llama-cpp-python in {VENV} (10-15 minutes) ...", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", "llama-cpp-python"], check=True,
                       env={"CMAKE_ARGS": "-DGGML_NATIVE=ON", "PATH": "/usr/bin:/bin"})
    return python


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--base-model", default="smollm2-135m", choices=list(EMBEDDED_MODELS))
    p.add_argument("--threads", default="1,2")
    p.add_argument("--tokens", type=int, default=128)
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--no-llama-cpp", action="store_true")
    args = p.parse_args(argv)
    import torch

    from fc.model import ModelHandle

    model = EMBEDDED_MODELS[args.base_model]
    tools = load_tool_schemas()
    fast = ModelHandle.load(args.base_model, "default")
    slow = ModelHandle.load(args.base_model, "default", dtype="float32", merge=False)
    slow.prefixes = None
    prompt, prefix = fast.render(MESSAGES, tools), fast.prefix_text(tools)
    gguf = None if args.no_llama_cpp else model.find_gguf(model, cache_dir())
    rows = []
    for threads in [int(t) for t in args.threads.split(",")]:
        torch.set_num_threads(threads)
        engines = {"ours": lambda c: ours(fast, prompt, prefix, tools, args.tokens, c),
                   "plain transformers": lambda c: plain(slow, prompt, args.tokens, c)}
        results = {name: [timed(run) for _ in range(args.runs)] for name, run in engines.items()}
        if gguf:
            out = subprocess.run([str(llama_python()), "-c", LLAMA_CPP, str(gguf), prompt, str(threads),
                                  str(args.tokens), str(args.runs)], capture_output=True, text=True, check=True)
            results["llama.cpp"] = json.loads(out.stdout)
        for name, runs in results.items():
            rows.append({"engine": name, "threads": threads, "tok_s": round(common.median(r["tok_s"] for r in runs), 1),
                         "ttft_s": round(common.median(r["ttft_s"] for r in runs), 3)})
    print(f"{fast.label}: {fast.model.dtype}, {args.tokens} greedy tokens, median of {args.runs} runs "
          f"(ours: prefix cached after the first run)")
    print("\n| engine | threads | tokens/s | time to first token (s) | vs llama.cpp |\n|---|---|---|---|---|")
    for row in rows:
        ref = next((r["tok_s"] for r in rows if r["engine"] == "llama.cpp" and r["threads"] == row["threads"]), None)
        ratio = f"{row['tok_s'] / ref:.2f}×" if ref else "–"
        print(f"| {row['engine']} | {row['threads']} | {row['tok_s']} | {row['ttft_s']} | {ratio} |")
    common.report("decode", model=fast.label, dtype=str(fast.model.dtype), tokens=args.tokens, rows=rows)


if __name__ == "__main__":
    main()
