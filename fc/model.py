"""The model handle: base model + optional PEFT adapter on the right device, with generate/stream/batch."""
from __future__ import annotations

import functools
import os
import threading
import time
from copy import deepcopy
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

import torch
from transformers import LogitsProcessor, LogitsProcessorList, StoppingCriteria, StoppingCriteriaList

from fc import ADAPTERS_DIR
from fc.embedded import EMBEDDED, base_label, embedded_model, resolve_base
from fc.grammar import ToolCallGrammar, VocabularyIndex
from fc.hub import hub_offline_reason, source_problem
from fc.prompt import CALL_OPEN, dumps, partial_marker, render
from fc.settings import GenerationSettings

DEFAULT_ADAPTER = ADAPTERS_DIR / "default"


def sampling_kwargs(settings: GenerationSettings) -> dict:
    """`generate` keyword arguments for the sampling part of `settings`."""
    if settings.greedy:
        return {"max_new_tokens": settings.max_new_tokens, "do_sample": False}
    return {"max_new_tokens": settings.max_new_tokens, "do_sample": True,
            "temperature": settings.temperature, "top_p": settings.top_p}


class CallDecision(LogitsProcessor):
    """Decide call-or-answer on a reply's first token by total probability.

    A call starts with one token (the first of `<tool_call>`), while the probability of answering in text is
    spread over the many words an answer can start with. Greedy decoding picks the call whenever its one
    token beats each of those words alone, even at 15%; this lets a reply start a call only when the model
    gives calling at least `threshold` of its probability. The default, 0.4, had the best call-detection F1
    on the validation split for the first adapter it was tuned on (`bench/call_threshold.py`; 0.3 to 0.5 were
    within 1.3 points), just under 0.5, "more likely than answering"."""

    def __init__(self, token_id: int, prompt_length: int, threshold: float):
        self.token_id, self.prompt_length, self.threshold = token_id, prompt_length, threshold

    def __call__(self, input_ids: torch.LongTensor, scores: torch.FloatTensor) -> torch.FloatTensor:
        if input_ids.shape[1] == self.prompt_length:
            unlikely = torch.softmax(scores.float(), dim=-1)[:, self.token_id] < self.threshold
            scores[unlikely, self.token_id] = torch.finfo(scores.dtype).min
        return scores


def mid_reply_call(text: str) -> int:
    """Where a reply that began in prose opens a tool call, or -1."""
    i = text.find(CALL_OPEN)
    return i if i > 0 and text[:i].strip() else -1


def answer_part(text: str) -> str:
    """A reply without the tool call it opened after prose (see `AnswerStaysAnswer`)."""
    i = mid_reply_call(text)
    return text if i < 0 else text[:i]


def settled(text: str) -> int:
    """How much of a partial reply can be shown: all but a call opened after prose, or what may begin one."""
    call = mid_reply_call(text)
    if call >= 0:
        return call
    return len(text) - partial_marker(text, CALL_OPEN)


class AnswerStaysAnswer(StoppingCriteria):
    """End a reply that began in prose where it opens a tool call.

    CallDecision settles call-or-answer at a reply's first token, and our training data never puts prose before
    a call, yet a small model can drift into one mid-answer ("I can recommend a few: <tool_call>…"; 3 of 350
    test replies of the previous adapter, all false calls). Such a reply stops once `<tool_call>` is written,
    and `answer_part` keeps the prose before it."""

    def __init__(self, tokenizer, prompt_length: int):
        self.tokenizer, self.prompt_length = tokenizer, prompt_length

    def __call__(self, input_ids: torch.LongTensor, scores: torch.FloatTensor, **kwargs) -> torch.BoolTensor:
        replies = self.tokenizer.batch_decode(input_ids[:, self.prompt_length:], skip_special_tokens=True)
        return torch.tensor([mid_reply_call(reply) >= 0 for reply in replies], device=input_ids.device)


def set_threads(threads: int | None = None) -> None:
    """CPU threads for torch, from the argument or FC_THREADS (default: torch's own choice)."""
    threads = threads or int(os.environ.get("FC_THREADS", "0"))
    if threads > 0:
        torch.set_num_threads(threads)


def resolve_adapter(adapter: str | Path | None, base: str | None = EMBEDDED) -> Path | None:
    """"default" -> the shipped adapter of an embedded base (other bases have none); "none"/None -> no adapter;
    anything else -> an adapter folder."""
    if adapter in (None, "", "none"):
        return None
    if adapter == "default":
        model = embedded_model(base)
        shipped = ADAPTERS_DIR / model.adapter if model and model.adapter else None
        return shipped if shipped and (shipped / "adapter_config.json").exists() else None
    path = Path(adapter)
    if not (path / "adapter_config.json").exists():
        raise FileNotFoundError(f"no PEFT adapter at {path} (adapter_config.json missing)")
    return path


def cpu_has_bf16() -> bool:
    """Whether this CPU computes bf16 natively (AVX512-BF16 or AMX); elsewhere bf16 is emulated and slow."""
    cpu = getattr(torch, "cpu", None)
    return bool(cpu and (getattr(cpu, "_is_avx512_bf16_supported", lambda: False)()
                         or getattr(cpu, "_is_amx_tile_supported", lambda: False)()))


def zero_gpu() -> bool:
    """Whether this runs on a ZeroGPU Space, where a GPU is attached only while a function wrapped in `spaces.GPU`
    runs, in a worker process, for minutes at most (the `spaces` package reads the same variable; elsewhere its
    `spaces.GPU` returns the function unchanged)."""
    return os.environ.get("SPACES_ZERO_GPU", "").lower() in ("1", "t", "true")


def pick_device_dtype(device: str | None = None, dtype: str | None = None) -> tuple[str, torch.dtype]:
    """The device (CUDA when there is one) and the inference dtype: `dtype`, else FC_DTYPE, else bf16 where the
    hardware computes it natively (a CUDA GPU with bf16, or a CPU with AVX512-BF16/AMX), fp16 on other GPUs,
    fp32 on other CPUs."""
    device = device or ("cuda" if torch.cuda.is_available() else "cpu")
    dtype = dtype or os.environ.get("FC_DTYPE")
    if dtype:
        return device, getattr(torch, dtype)
    if device.startswith("cuda"):
        return device, torch.bfloat16 if torch.cuda.is_bf16_supported() else torch.float16
    return device, torch.bfloat16 if cpu_has_bf16() else torch.float32


def common_prefix(a: str, b: str) -> str:
    n = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    return a[:n]


class PrefixCache:
    """The KV cache of prompt prefixes, computed once and reused by every generation that starts with one.

    A chat's prompts all start with the same system prompt and tool declarations (the larger part of a prompt),
    so that part is prefilled once per (system prompt, tools) instead of once per reply. Entries are keyed by
    the prefix's token ids; the last `size` prefixes are kept."""

    def __init__(self, size: int = 8):
        self.size = size
        self._entries: dict[tuple[int, ...], object] = {}

    def get(self, model, prefix_ids: list[int], batch: int):
        """A fresh copy of the KV cache of `prefix_ids` for a batch of `batch` rows (computed on first use)."""
        key = tuple(prefix_ids)
        cache = self._entries.pop(key, None)
        if cache is None:
            with torch.no_grad():  # not inference_mode: its tensors cannot be copied
                cache = model(input_ids=torch.tensor([prefix_ids], device=model.device), use_cache=True).past_key_values
        self._entries[key] = cache  # most recent last
        while len(self._entries) > self.size:
            self._entries.pop(next(iter(self._entries)))
        copy = deepcopy(cache)
        if batch > 1:
            copy.batch_repeat_interleave(batch)
        return copy


def four_bit_config(compute_dtype: torch.dtype):
    """The QLoRA quantisation of a base model: 4-bit NF4 weights with double quantisation, computing in
    `compute_dtype` and stored in it too (which FSDP needs to shard them with the other weights)."""
    from transformers import BitsAndBytesConfig

    return BitsAndBytesConfig(load_in_4bit=True, bnb_4bit_quant_type="nf4", bnb_4bit_use_double_quant=True,
                              bnb_4bit_compute_dtype=compute_dtype, bnb_4bit_quant_storage=compute_dtype)


@dataclass
class ModelStats:
    """How long the model took to load, and how long its last streamed reply took."""
    load_seconds: float | None = None
    reply_tokens: int = 0
    reply_seconds: float = 0.0

    @property
    def tokens_per_s(self) -> float | None:
        return self.reply_tokens / self.reply_seconds if self.reply_seconds > 0 else None


class ModelHandle:
    """One loaded model (base + adapter) and its tokenizer, with streaming and batched generation.

    Loaded with `load`, the adapter is merged into a copy of the base (inference needs no separate LoRA
    matrices) and the weights are in the inference dtype of `pick_device_dtype`. A handle made from a model
    (training's PEFT model, a test's tiny model) uses it as it is."""

    def __init__(self, model, tokenizer, base: str = "", adapter: Path | None = None, *, prefix_cache: bool = True):
        self.model, self.tokenizer = model.eval(), tokenizer
        self.base, self.adapter = base, adapter
        if tokenizer.pad_token is None:
            tokenizer.pad_token = tokenizer.eos_token
        self._lock = threading.Lock()  # one generation at a time per handle
        self.prefixes = PrefixCache() if prefix_cache else None
        self._prefix_texts: dict[tuple, str] = {}
        self.stats = ModelStats()

    @property
    def label(self) -> str:
        base = base_label(self.base)
        return f"{base} + {self.adapter.name}" if self.adapter else base

    @property
    def device(self) -> torch.device:
        return self.model.device

    @classmethod
    def load(cls, base: str | None = EMBEDDED, adapter: str | Path | None = "default", *,
             device: str | None = None, dtype: str | None = None, load_in_4bit: bool = False,
             threads: int | None = None, merge: bool = True) -> "ModelHandle":
        """Load a base model and adapter for inference (see the class docstring); `merge=False` keeps the
        adapter as PEFT layers."""
        from transformers import AutoModelForCausalLM, AutoTokenizer

        started = time.perf_counter()
        set_threads(threads)
        path = resolve_base(base)
        problem = source_problem(path, "config.json")
        if problem:  # before any download is tried: offline, that fails only after retries
            raise FileNotFoundError(problem)
        local = hub_offline_reason() is not None  # from the cache without asking the Hub first
        adapter_path = resolve_adapter(adapter, base)
        device, torch_dtype = pick_device_dtype(device, dtype)
        kwargs: dict = {"dtype": torch_dtype}
        if load_in_4bit:
            kwargs["quantization_config"] = four_bit_config(torch_dtype)
            kwargs["device_map"] = {"": device}
        elif adapter_path and merge:
            kwargs["dtype"] = torch.float32  # merged in full precision, then cast
        tokenizer = AutoTokenizer.from_pretrained(path, local_files_only=local)
        model = AutoModelForCausalLM.from_pretrained(path, local_files_only=local, **kwargs)
        if adapter_path:
            from peft import PeftModel

            model = PeftModel.from_pretrained(model, adapter_path)
            if merge and not load_in_4bit:
                model = model.merge_and_unload()
        if not load_in_4bit:
            model.to(device=device, dtype=torch_dtype)
        handle = cls(model, tokenizer, base or EMBEDDED, adapter_path)
        handle.stats.load_seconds = time.perf_counter() - started
        return handle

    def render(self, messages: list[dict], tools: list[dict] | None, system: str | None = None) -> str:
        return render(self.tokenizer, messages, tools, add_generation_prompt=True, system=system)

    def prefix_text(self, tools: list[dict] | None, system: str | None = None) -> str:
        """The text every prompt with these tools and system prompt starts with (its system part): what two
        renders that differ only in the user's message share."""
        key = (system, dumps(tools or []))
        if key not in self._prefix_texts:
            one, two = ([{"role": "user", "content": text}] for text in ("a", "b"))
            self._prefix_texts[key] = common_prefix(self.render(one, tools, system), self.render(two, tools, system))
        return self._prefix_texts[key]

    def count_tokens(self, text: str) -> int:
        return len(self.tokenizer(text, add_special_tokens=False)["input_ids"])

    @property
    def context_length(self) -> int:
        """The most tokens prompt and reply together may have."""
        return getattr(self.model.config, "max_position_embeddings", None) or self.tokenizer.model_max_length

    def _encode(self, prompts: list[str]) -> dict:
        return self.tokenizer(prompts, return_tensors="pt", padding=True, add_special_tokens=False).to(self.device)

    def _inputs(self, prompts: list[str], prefix: str | None) -> tuple[dict, object | None]:
        """Model inputs for a batch of prompts (left-padded), and the cached KV of their shared `prefix` when
        every prompt starts with its tokens: then the padding sits between the prefix and each prompt's rest."""
        ids = self.tokenizer(prompts, add_special_tokens=False)["input_ids"]
        prefix_ids = self.tokenizer(prefix, add_special_tokens=False)["input_ids"] if prefix else []
        n = len(prefix_ids)
        if not (self.prefixes is not None and n and all(len(x) > n and x[:n] == prefix_ids for x in ids)):
            prefix_ids, n = [], 0
        width = max(len(x) for x in ids) - n
        pad = self.tokenizer.pad_token_id
        input_ids = [prefix_ids + [pad] * (width + n - len(x)) + x[n:] for x in ids]
        mask = [[1] * n + [0] * (width + n - len(x)) + [1] * (len(x) - n) for x in ids]
        enc = {"input_ids": torch.tensor(input_ids, device=self.device),
               "attention_mask": torch.tensor(mask, device=self.device)}
        cache = self.prefixes.get(self.model, prefix_ids, len(ids)) if n else None
        return enc, cache

    @property
    def call_token_id(self) -> int:
        """The first token of a tool call (`<tool_call>`) in this tokenizer."""
        return self.tokenizer(CALL_OPEN, add_special_tokens=False)["input_ids"][0]

    @functools.cached_property
    def vocabulary(self) -> VocabularyIndex:
        return VocabularyIndex(self.tokenizer)

    def _gen_kwargs(self, settings: GenerationSettings | None, prompt_length: int,
                    tools: list[list[dict]] | None, sources: list[str] | None = None) -> dict:
        """`generate` arguments: sampling, the call decision and the tool-call grammar (`sources`: each row's
        conversation text, which string arguments may copy from)."""
        settings = settings or GenerationSettings()
        kwargs = {**sampling_kwargs(settings), "pad_token_id": self.tokenizer.pad_token_id}
        processors = LogitsProcessorList()
        if settings.call_threshold > 0:
            processors.append(CallDecision(self.call_token_id, prompt_length, settings.call_threshold))
            kwargs["stopping_criteria"] = StoppingCriteriaList([AnswerStaysAnswer(self.tokenizer, prompt_length)])
        if settings.guided_calls and tools and any(tools):
            processors.append(ToolCallGrammar(self.vocabulary, tools, prompt_length, sources, settings.copy_bias))
        if processors:
            kwargs["logits_processor"] = processors
        return kwargs

    def _generate(self, prompts: list[str], settings: GenerationSettings | None, tools: list[list[dict]] | None,
                  prefix: str | None = None, streamer=None, start: str = "") -> list[str]:
        """One batch: the new text of each prompt, beginning with `start` (caller holds the lock)."""
        enc, cache = self._inputs(prompts, prefix)
        length = enc["input_ids"].shape[1]
        if start:  # tokenised on its own, as training tokenises a reply apart from its prompt
            ids = self.tokenizer([start] * len(prompts), add_special_tokens=False, return_tensors="pt")["input_ids"]
            enc = {"input_ids": torch.cat([enc["input_ids"], ids.to(self.device)], 1),
                   "attention_mask": torch.cat([enc["attention_mask"], torch.ones_like(ids).to(self.device)], 1)}
        sources = [p[len(prefix):] if prefix and p.startswith(prefix) else p for p in prompts]  # not the tools
        with torch.inference_mode():
            kwargs = self._gen_kwargs(settings, length, tools, sources)
            if cache is not None:
                kwargs["past_key_values"] = cache
            started = time.perf_counter()
            out = self.model.generate(**enc, **kwargs, streamer=streamer)
        self.stats.reply_tokens, self.stats.reply_seconds = out.shape[1] - length, time.perf_counter() - started
        return self.tokenizer.batch_decode(out[:, length:], skip_special_tokens=True)

    def generate_many(self, prompts: list[str], settings: GenerationSettings | None = None,
                      batch_size: int = 8, tools: list[list[dict]] | None = None,
                      prefix: str | None = None) -> list[str]:
        """Batched generation; returns only the new text of each prompt. `tools[i]` are the tools declared in
        `prompts[i]` (for guided calls); `prefix`, a text all the prompts start with, is prefilled once."""
        settings = settings or GenerationSettings()
        outputs: list[str] = []
        with self._lock:
            for i in range(0, len(prompts), batch_size):
                outputs += self._generate(prompts[i:i + batch_size], settings,
                                          tools[i:i + batch_size] if tools else None, prefix)
        return [answer_part(text) for text in outputs] if settings.call_threshold > 0 else outputs

    def generate_chats(self, chats: list[tuple[list[dict], list[dict]]], settings: GenerationSettings | None = None,
                       batch_size: int = 8, progress: Callable[[int, int], None] | None = None) -> list[str]:
        """Replies to many conversations, each `(messages, tools)`, in input order: generated in batches that
        share their system part (prefilled once, see `PrefixCache`) and have similar lengths (longest first);
        `progress(done, total)` after each batch."""
        prompts = [self.render(messages, tools) for messages, tools in chats]
        prefixes = [self.prefix_text(tools) for _, tools in chats]
        lengths = [len(ids) for ids in self.tokenizer(prompts, add_special_tokens=False)["input_ids"]] if prompts else []
        order = sorted(range(len(prompts)), key=lambda i: (prefixes[i], -lengths[i]))
        batches, batch = [], []
        for i in order:
            if batch and (len(batch) == batch_size or prefixes[batch[0]] != prefixes[i]):
                batches.append(batch)
                batch = []
            batch.append(i)
        batches += [batch] if batch else []
        outputs, done = [""] * len(prompts), 0
        for batch in sorted(batches, key=lambda b: -lengths[b[0]]):
            texts = self.generate_many([prompts[i] for i in batch], settings, batch_size, [chats[i][1] for i in batch],
                                       prefixes[batch[0]])
            for i, text in zip(batch, texts):
                outputs[i] = text
            done += len(batch)
            if progress:
                progress(done, len(prompts))
        return outputs

    def generate(self, prompt: str, settings: GenerationSettings | None = None,
                 tools: list[dict] | None = None, prefix: str | None = None) -> str:
        return self.generate_many([prompt], settings, batch_size=1, tools=[tools or []], prefix=prefix)[0]

    def stream(self, prompt: str, settings: GenerationSettings | None = None,
               tools: list[dict] | None = None, prefix: str | None = None, start: str = "") -> Iterator[str]:
        """Yield text pieces as they are decoded (`tools`: the ones a guided call may name, normally those
        declared in the prompt). With the call decision on, what may open a call after prose is held back until
        it is known. `start` is text the reply is made to begin with (e.g. `<tool_call>` to force a call): it is
        the reply's first piece, the model writes on from it, and the call decision is then already taken."""
        from transformers import TextIteratorStreamer

        settings = settings or GenerationSettings()
        decided = settings.call_threshold > 0
        streamer = TextIteratorStreamer(self.tokenizer, skip_prompt=True, skip_special_tokens=True)
        errors: list[BaseException] = []

        def work():
            try:
                with self._lock:
                    self._generate([prompt], settings, [tools or []], prefix, streamer, start)
            except BaseException as e:  # surface generation errors in the caller's thread
                errors.append(e)
                streamer.end()

        thread = threading.Thread(target=work, daemon=True)
        thread.start()
        text, sent = start, 0
        for piece in streamer:
            text += piece
            safe = settled(text) if decided else len(text)
            if safe > sent:
                yield text[sent:safe]
                sent = safe
        thread.join()
        if errors:
            raise errors[0]
        text = answer_part(text) if decided else text
        if len(text) > sent:
            yield text[sent:]

    def stream_chat(self, messages: list[dict], tools: list[dict] | None, system: str | None = None,
                    settings: GenerationSettings | None = None) -> Iterator[str]:
        """The agent's entry point: render the conversation, stream the reply."""
        return self.stream(self.render(messages, tools, system), settings, tools, self.prefix_text(tools, system))


_loaded: dict[tuple, ModelHandle] = {}
_loaded_lock = threading.Lock()


def get_model(base: str | None = EMBEDDED, adapter: str | Path | None = "default", *,
              keep: int = 2, **load_kwargs) -> ModelHandle:
    """A server-wide cache of loaded models (the last `keep` ones), shared by all users and tabs."""
    key = (base or EMBEDDED, str(resolve_adapter(adapter, base)), tuple(sorted(load_kwargs.items())))
    with _loaded_lock:
        if key not in _loaded:
            while len(_loaded) >= keep:
                _loaded.pop(next(iter(_loaded)))
            _loaded[key] = ModelHandle.load(base, adapter, **load_kwargs)
        return _loaded[key]
