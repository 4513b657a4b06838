"""The model handle: base model + optional PEFT adapter on the right device, with generate/stream/batch."""
from __future__ import annotations

import functools
import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

import torch
from transformers import LogitsProcessor, LogitsProcessorList, StoppingCriteria, StoppingCriteriaList

from fc import ADAPTERS_DIR
from fc.embedded import EMBEDDED, base_label, embedded_model, resolve_base
from fc.grammar import ToolCallGrammar, VocabularyIndex
from fc.hub import hub_offline_reason, source_problem
from fc.prompt import CALL_OPEN, partial_marker, render
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


def pick_device_dtype(device: str | None = None, dtype: str | None = None) -> tuple[str, torch.dtype]:
    device = device or ("cuda" if torch.cuda.is_available() else "cpu")
    if dtype:
        return device, getattr(torch, dtype)
    if device.startswith("cuda"):
        return device, torch.bfloat16 if torch.cuda.is_bf16_supported() else torch.float16
    return device, torch.float32


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
    """One loaded model (base + adapter) and its tokenizer."""

    def __init__(self, model, tokenizer, base: str = "", adapter: Path | None = None):
        self.model, self.tokenizer = model.eval(), tokenizer
        self.base, self.adapter = base, adapter
        if tokenizer.pad_token is None:
            tokenizer.pad_token = tokenizer.eos_token
        self._lock = threading.Lock()  # one generation at a time per handle
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
             threads: int | None = None) -> "ModelHandle":
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
            from transformers import BitsAndBytesConfig

            kwargs["quantization_config"] = BitsAndBytesConfig(
                load_in_4bit=True, bnb_4bit_quant_type="nf4", bnb_4bit_use_double_quant=True,
                bnb_4bit_compute_dtype=torch_dtype)
            kwargs["device_map"] = {"": device}
        tokenizer = AutoTokenizer.from_pretrained(path, local_files_only=local)
        model = AutoModelForCausalLM.from_pretrained(path, local_files_only=local, **kwargs)
        if not load_in_4bit:
            model.to(device)
        if adapter_path:
            from peft import PeftModel

            model = PeftModel.from_pretrained(model, adapter_path)
        handle = cls(model, tokenizer, base or EMBEDDED, adapter_path)
        handle.stats.load_seconds = time.perf_counter() - started
        return handle

    def render(self, messages: list[dict], tools: list[dict] | None, system: str | None = None) -> str:
        return render(self.tokenizer, messages, tools, add_generation_prompt=True, system=system)

    def _encode(self, prompts: list[str]) -> dict:
        return self.tokenizer(prompts, return_tensors="pt", padding=True, add_special_tokens=False).to(self.device)

    @property
    def call_token_id(self) -> int:
        """The first token of a tool call (`<tool_call>`) in this tokenizer."""
        return self.tokenizer(CALL_OPEN, add_special_tokens=False)["input_ids"][0]

    @functools.cached_property
    def vocabulary(self) -> VocabularyIndex:
        return VocabularyIndex(self.tokenizer)

    def _gen_kwargs(self, settings: GenerationSettings | None, prompt_length: int,
                    tools: list[list[dict]] | None) -> dict:
        settings = settings or GenerationSettings()
        kwargs = {**sampling_kwargs(settings), "pad_token_id": self.tokenizer.pad_token_id}
        processors = LogitsProcessorList()
        if settings.call_threshold > 0:
            processors.append(CallDecision(self.call_token_id, prompt_length, settings.call_threshold))
            kwargs["stopping_criteria"] = StoppingCriteriaList([AnswerStaysAnswer(self.tokenizer, prompt_length)])
        if settings.guided_calls and tools and any(tools):
            processors.append(ToolCallGrammar(self.vocabulary, tools, prompt_length))
        if processors:
            kwargs["logits_processor"] = processors
        return kwargs

    def generate_many(self, prompts: list[str], settings: GenerationSettings | None = None,
                      batch_size: int = 8, tools: list[list[dict]] | None = None) -> list[str]:
        """Batched generation (left padding); returns only the new text of each prompt.
        `tools[i]` are the tools declared in `prompts[i]` (for guided calls)."""
        settings = settings or GenerationSettings()
        self.tokenizer.padding_side = "left"
        outputs: list[str] = []
        with self._lock, torch.inference_mode():
            for i in range(0, len(prompts), batch_size):
                enc = self._encode(prompts[i:i + batch_size])
                length = enc["input_ids"].shape[1]
                out = self.model.generate(**enc, **self._gen_kwargs(
                    settings, length, tools[i:i + batch_size] if tools else None))
                outputs += self.tokenizer.batch_decode(out[:, length:], skip_special_tokens=True)
        return [answer_part(text) for text in outputs] if settings.call_threshold > 0 else outputs

    def generate_chats(self, chats: list[tuple[list[dict], list[dict]]], settings: GenerationSettings | None = None,
                       batch_size: int = 8, progress: Callable[[int, int], None] | None = None) -> list[str]:
        """Replies to many conversations, each `(messages, tools)`, in input order: generated in batches of
        similar prompt length (longest first); `progress(done, total)` after each batch."""
        prompts = [self.render(messages, tools) for messages, tools in chats]
        lengths = [len(ids) for ids in self.tokenizer(prompts, add_special_tokens=False)["input_ids"]] if prompts else []
        order = sorted(range(len(prompts)), key=lambda i: -lengths[i])
        outputs = [""] * len(prompts)
        for start in range(0, len(order), batch_size):
            chunk = order[start:start + batch_size]
            texts = self.generate_many([prompts[i] for i in chunk], settings, batch_size, [chats[i][1] for i in chunk])
            for i, text in zip(chunk, texts):
                outputs[i] = text
            if progress:
                progress(min(start + batch_size, len(order)), len(order))
        return outputs

    def generate(self, prompt: str, settings: GenerationSettings | None = None,
                 tools: list[dict] | None = None) -> str:
        return self.generate_many([prompt], settings, batch_size=1, tools=[tools or []])[0]

    def stream(self, prompt: str, settings: GenerationSettings | None = None,
               tools: list[dict] | None = None) -> Iterator[str]:
        """Yield text pieces as they are decoded (`tools`: those declared in the prompt, for guided calls).
        With the call decision on, what may open a call after prose is held back until it is known."""
        from transformers import TextIteratorStreamer

        settings = settings or GenerationSettings()
        decided = settings.call_threshold > 0
        streamer = TextIteratorStreamer(self.tokenizer, skip_prompt=True, skip_special_tokens=True)
        enc = self._encode([prompt])
        errors: list[BaseException] = []

        def work():
            try:
                with self._lock, torch.inference_mode():
                    length = enc["input_ids"].shape[1]
                    started = time.perf_counter()
                    out = self.model.generate(**enc, **self._gen_kwargs(settings, length, [tools or []]),
                                              streamer=streamer)
                    self.stats.reply_tokens = out.shape[1] - length
                    self.stats.reply_seconds = time.perf_counter() - started
            except BaseException as e:  # surface generation errors in the caller's thread
                errors.append(e)
                streamer.end()

        thread = threading.Thread(target=work, daemon=True)
        thread.start()
        text, sent = "", 0
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
        return self.stream(self.render(messages, tools, system), settings, tools)


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
