"""LoRA / QLoRA fine-tuning on our JSONL conversations with TRL's SFTTrainer + PEFT.

    python -m train.sft --output_dir adapters/mine --max_rows 800 --epochs 1
    python -m train.sft --help                  # every flag, generated from `SFTJobConfig`

The training text is rendered by the one prompt renderer (`fc.prompt.render`) and tokenised turn by turn, so
the ids the model is trained on are exactly the inference prompt ids followed by the reply ids; only assistant
replies (tool calls, answers, and their end-of-turn token) carry loss. Checkpoints go to `<output_dir>.work/`
(resume with `--resume`); the finished adapter is written next to `output_dir` and swapped in atomically, so an
interrupted or stopped run never touches a good adapter already there.
"""
from __future__ import annotations

import dataclasses
import functools
import importlib.util
import json
import math
import random
import shutil
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from fc import ROOT
from fc.embedded import EMBEDDED, base_label, embedded_model
from fc.prompt import CALL_CLOSE, CALL_OPEN, render
from train.dataset import load_jsonl, row_tools, validate_row

END_OF_TURN_TOKENS = ("<|im_end|>", "<|eot_id|>", "<|end|>", "<end_of_turn>")
EVAL_MAX_NEW_TOKENS = 128  # our replies are at most ~80 tokens; a longer output is wrong anyway
ADAPTER_DTYPES = ("float32", "float16", "bfloat16")
EVAL_LOSS_EVERY = 0.2  # with validation rows: their loss is measured after every fifth of the steps
PAD_CANDIDATES = ("<|endoftext|>", "<pad>", "<|pad|>", "<|finetune_right_pad_id|>", "<unk>")


def option(default, help: str):
    """A config field with its --help text."""
    if isinstance(default, list):
        return field(default_factory=lambda: list(default), metadata={"help": help})
    return field(default=default, metadata={"help": help})


@dataclass
class SFTJobConfig:
    """Everything one fine-tuning run needs; the CLI flags and the Train tab both fill this.
    Relative paths are relative to the project folder."""

    base_model: str = option(EMBEDDED, "'embedded' (the default embedded model), an embedded model's name, a Hub id "
                                           "or a folder.")
    data: str = option("data/train.jsonl", "Training rows (JSONL in our format).")
    val_data: str = option("data/val.jsonl", "Validation rows for the before/after evaluation.")
    output_dir: str = option("adapters/my-adapter", "Where the finished PEFT adapter goes.")
    max_rows: int = option(0, "Use at most this many rows, stratified by category (0 = all).")
    chain: int = option(1, "Join up to this many conversations with the same tools into one multi-turn chat, so "
                           "the tool declarations are paid once for several replies (1 = off).")
    include_corrections: bool = option(False, "Add the rows saved from corrections (corrections/corrections.jsonl).")
    r: int = option(16, "LoRA rank.")
    alpha: int = option(32, "LoRA alpha.")
    dropout: float = option(0.05, "LoRA dropout (0 trains about a fifth faster on CPU).")
    target_modules: list[str] = option(["all-linear"], "'all-linear' or module names, e.g. q_proj v_proj.")
    decision_weight: float = option(1.0, "Loss weight of each assistant turn's first token, where the model decides "
                                          "between calling a tool and answering (1 = plain cross-entropy).")
    call_weight: float = option(1.0, "Loss weight of the tokens of tool calls, from <tool_call> through the token "
                                      "after </tool_call> (whether another call follows), where the model copies "
                                      "arguments from the request; a reply's first token keeps decision_weight "
                                      "(1 = plain cross-entropy).")
    lr: float = option(2e-4, "Peak learning rate (cosine schedule after a warm-up over the first 1/20 of the steps).")
    epochs: float = option(1.0, "Passes over the data (ignored when max_steps > 0).")
    max_steps: int = option(0, "Optimizer steps (0 = use epochs).")
    batch_size: int = option(2, "Rows per forward pass (2 is fastest per token on CPU, and needs ~4 GiB).")
    grad_accum: int = option(4, "Forward passes per optimizer step.")
    max_length: int = option(1024, "Longer rows are cut (and counted in the report).")
    seed: int = option(42, "Seed for sampling, LoRA init and data order.")
    threads: int = option(0, "CPU threads (0 = FC_THREADS or torch's default).")
    bf16: bool | None = option(None, "bf16 mixed precision (default: on for CUDA with bf16 and for CPUs with "
                                     "AVX512-BF16/AMX; emulated elsewhere, and then ~30x slower).")
    load_in_4bit: bool = option(False, "QLoRA: 4-bit NF4 base with double quant (CUDA + bitsandbytes only).")
    gradient_checkpointing: bool = option(False, "Trade compute for memory (large models).")
    eval_rows: int = option(0, "Validation rows to evaluate before and after training (0 = skip).")
    save_steps: int = option(20, "Checkpoint every this many steps (for --resume).")
    resume: bool = option(False, "Continue from the last checkpoint in <output_dir>.work/.")
    merge_to: str | None = option(None, "Also save base + adapter merged into this folder.")
    adapter_dtype: str = option("float32", "Precision of the saved adapter weights: float32, float16 (half the "
                                           "file; the after-training evaluation runs on the rounded weights) "
                                           "or bfloat16.")


@dataclass
class Progress:
    """One progress report, sent after every optimizer step."""

    step: int
    max_steps: int
    loss: float | None
    learning_rate: float | None
    epoch: float
    elapsed_s: float
    eta_s: float | None
    tokens_seen: int  # real (non-padding) tokens
    eval_loss: float | None = None  # set (and `loss` None) in the report of a validation-loss measurement

    def line(self) -> str:
        if self.eval_loss is not None:
            return f"step {self.step}/{self.max_steps} validation loss {self.eval_loss:.4f}"
        loss = f"loss {self.loss:.4f}" if self.loss is not None else "loss -"
        lr = f"lr {self.learning_rate:.2e}" if self.learning_rate is not None else ""
        tps = self.tokens_seen / self.elapsed_s if self.elapsed_s > 0 else 0
        return (f"step {self.step}/{self.max_steps} {loss} {lr} epoch {self.epoch:.2f} "
                f"{tps:.0f} tok/s elapsed {format_seconds(self.elapsed_s)} ETA {format_seconds(self.eta_s)}")


@dataclass
class TrainResult:
    status: str  # "finished" or "stopped"
    adapter_dir: str | None  # the installed adapter (None when stopped)
    checkpoint_dir: str | None  # where `--resume` continues from (a stopped run)
    steps: int
    final_loss: float | None
    seconds: float
    info: dict = field(default_factory=dict)  # what training_info.json holds

    @property
    def stopped(self) -> bool:
        return self.status == "stopped"


def format_seconds(seconds: float | None) -> str:
    if seconds is None or not math.isfinite(seconds):
        return "?"
    seconds = int(round(seconds))
    if seconds >= 3600:
        return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m"
    return f"{seconds // 60}m{seconds % 60:02d}s"


def project_path(path: str | Path) -> Path:
    path = Path(path).expanduser()
    return path if path.is_absolute() else ROOT / path


# ---------------------------------------------------------------- data

def stratified_sample(rows: list[dict], n: int, seed: int) -> list[dict]:
    """`n` rows keeping each `category`'s share (largest remainders), reproducibly; all rows when n <= 0."""
    if n <= 0 or n >= len(rows):
        return list(rows)
    groups: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        groups[str(row.get("category", ""))].append(row)
    shares = {c: n * len(g) / len(rows) for c, g in sorted(groups.items())}
    counts = {c: int(s) for c, s in shares.items()}
    for c in sorted(shares, key=lambda c: counts[c] - shares[c])[: n - sum(counts.values())]:
        counts[c] += 1
    rng = random.Random(seed)
    picked = [row for c in sorted(groups) for row in rng.sample(groups[c], counts[c])]
    rng.shuffle(picked)
    return picked


def chain_conversations(rows: list[dict], per_chat: int, seed: int) -> list[dict]:
    """Join up to `per_chat` conversations that declare the same tools into one multi-turn chat.

    The tool declarations are most of a row's tokens; chained, they are paid once, so the same compute
    teaches several times more call / no-call decisions, each made after unrelated earlier turns as in a real
    chat. Rows with their own system message stay alone. Reproducible for a seed."""
    if per_chat <= 1:
        return list(rows)
    groups: dict[str, list[dict]] = defaultdict(list)
    chats: list[dict] = []
    for row in rows:
        if row["messages"][0]["role"] == "user":
            groups[json.dumps(row.get("tools"), sort_keys=True)].append(row)
        else:
            chats.append(row)
    for key in sorted(groups):
        group = groups[key]
        for i in range(0, len(group), per_chat):
            part = group[i:i + per_chat]
            chats.append(part[0] if len(part) == 1 else {
                "id": "+".join(str(r.get("id", "")) for r in part), "category": "chain", "tools": part[0].get("tools"),
                "messages": [m for r in part for m in r["messages"]]})
    random.Random(seed).shuffle(chats)
    return chats


def load_training_rows(config: SFTJobConfig, log: Callable[[str], None] = print) -> list[dict]:
    rows = load_jsonl(project_path(config.data))
    if config.include_corrections:
        from train.corrections import load_corrections

        corrections = load_corrections()
        valid = [row for row in corrections if not validate_row(row)]
        if len(valid) < len(corrections):
            log(f"skipped {len(corrections) - len(valid)} invalid correction row(s)")
        rows += valid
        log(f"added {len(valid)} correction row(s)")
    return stratified_sample(rows, config.max_rows, config.seed)


def _tokens(tokenizer, text: str) -> list[int]:
    return tokenizer(text, add_special_tokens=False)["input_ids"]


def tokenize_conversation(tokenizer, messages: list[dict], tools: list[dict] | None) -> tuple[list[int], list[int]]:
    """(input_ids, assistant_masks) for one conversation: every assistant reply, with its end-of-turn token,
    has mask 1; everything else (system, user, tool results, role headers) has mask 0. The ids up to each
    reply are exactly what inference feeds the model (`render(..., add_generation_prompt=True)`)."""
    ids: list[int] = []
    mask: list[int] = []
    done = ""  # text covered so far
    for i, message in enumerate(messages):
        if message["role"] != "assistant":
            continue
        prompt = render(tokenizer, messages[:i], tools, add_generation_prompt=True)
        full = render(tokenizer, messages[: i + 1], tools)
        if not prompt.startswith(done) or not full.startswith(prompt):
            raise ValueError(
                "the chat template does not render conversations incrementally (a prompt is not a prefix of "
                f"the conversation that continues it, at message {i}); this base model's template cannot be "
                "trained with assistant-only loss here")
        for chunk, bit in ((prompt[len(done):], 0), (full[len(prompt):], 1)):
            chunk_ids = _tokens(tokenizer, chunk)
            ids += chunk_ids
            mask += [bit] * len(chunk_ids)
        done = full
    return ids, mask


@dataclass
class TokenizedRows:
    input_ids: list[list[int]]
    assistant_masks: list[list[int]]
    truncated: int  # rows cut to max_length (kept: they still have reply tokens)
    dropped: int  # rows with no reply token left after the cut
    lengths: list[int]  # lengths before truncation


def tokenize_rows(rows: list[dict], tokenizer, max_length: int) -> TokenizedRows:
    out = TokenizedRows([], [], 0, 0, [])
    for row in rows:
        ids, mask = tokenize_conversation(tokenizer, row["messages"], row_tools(row))
        out.lengths.append(len(ids))
        if max_length and len(ids) > max_length:
            ids, mask = ids[:max_length], mask[:max_length]
            if not any(mask):
                out.dropped += 1
                continue
            out.truncated += 1
        out.input_ids.append(ids)
        out.assistant_masks.append(mask)
    return out


# ---------------------------------------------------------------- model

def cuda_available() -> bool:
    import torch

    return torch.cuda.is_available()


def auto_bf16() -> bool:
    """bf16 where the hardware does it natively: CUDA with bf16, or CPUs with AVX512-BF16 / AMX."""
    import torch

    if torch.cuda.is_available():
        return torch.cuda.is_bf16_supported()
    cpu = getattr(torch, "cpu", None)
    return bool(cpu and (getattr(cpu, "_is_avx512_bf16_supported", lambda: False)()
                         or getattr(cpu, "_is_amx_tile_supported", lambda: False)()))


def ensure_pad_token(tokenizer) -> None:
    """Pad with a token that is neither EOS nor end-of-turn, so padding can never mask the stop token."""
    reserved = {tokenizer.eos_token, *END_OF_TURN_TOKENS}
    if tokenizer.pad_token is not None and tokenizer.pad_token not in reserved:
        return
    vocab = tokenizer.get_vocab()
    for token in (*PAD_CANDIDATES, tokenizer.unk_token):
        if token and token in vocab and token not in reserved:
            tokenizer.pad_token = token
            return
    tokenizer.add_special_tokens({"pad_token": "<|pad|>"})


def load_base_model(config: SFTJobConfig, bf16: bool):
    """(model, tokenizer) for training: fp32 on CPU (bf16 via autocast), bf16 or 4-bit NF4 on CUDA."""
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    from fc.embedded import resolve_base

    cuda = torch.cuda.is_available()
    if config.load_in_4bit and not cuda:
        raise ValueError("load_in_4bit (QLoRA) needs a CUDA GPU with bitsandbytes; on CPU train plain LoRA "
                         "(leave load_in_4bit off; bf16 is used where the CPU supports it)")
    if config.load_in_4bit and importlib.util.find_spec("bitsandbytes") is None:
        raise ValueError("load_in_4bit (QLoRA) needs bitsandbytes on this GPU machine: pip install bitsandbytes")
    path = resolve_base(config.base_model)
    tokenizer = AutoTokenizer.from_pretrained(path)
    ensure_pad_token(tokenizer)
    kwargs: dict = {"dtype": torch.bfloat16 if cuda and bf16 else torch.float32}
    if config.load_in_4bit:
        from transformers import BitsAndBytesConfig

        kwargs["quantization_config"] = BitsAndBytesConfig(
            load_in_4bit=True, bnb_4bit_quant_type="nf4", bnb_4bit_use_double_quant=True,
            bnb_4bit_compute_dtype=torch.bfloat16 if bf16 else torch.float16)
        kwargs["device_map"] = {"": torch.cuda.current_device()}
    model = AutoModelForCausalLM.from_pretrained(path, **kwargs)
    if len(tokenizer) > model.get_input_embeddings().num_embeddings:
        model.resize_token_embeddings(len(tokenizer))
    if not config.load_in_4bit:
        model.to("cuda" if cuda else "cpu")
    model.config.pad_token_id = model.generation_config.pad_token_id = tokenizer.pad_token_id
    return model, tokenizer


def linear_module_names(model) -> list[str]:
    """The distinct last names of the model's linear layers (what LoRA can target)."""
    import torch

    return sorted({name.rsplit(".", 1)[-1] for name, module in model.named_modules()
                   if name and isinstance(module, torch.nn.Linear)})


def check_target_modules(model, targets: list[str] | str) -> list[str] | str:
    """The LoRA targets, after checking that each named module exists in this model."""
    if isinstance(targets, str):
        targets = [t.strip() for t in targets.split(",") if t.strip()]
    if not targets:
        raise ValueError("no LoRA target modules given")
    if targets == ["all-linear"]:
        return "all-linear"
    names = [name for name, _ in model.named_modules()]
    missing = [t for t in targets if not any(n == t or n.endswith("." + t) for n in names)]
    if missing:
        raise ValueError(f"LoRA target module(s) {', '.join(missing)} not found in {type(model).__name__}; "
                         f"its linear modules are: {', '.join(linear_module_names(model))} (or use all-linear)")
    return targets


# ---------------------------------------------------------------- evaluation

def evaluate_handle(handle, rows: list[dict], log: Callable[[str], None]) -> dict:
    """`train.evaluate` metrics of `handle` on `rows`."""
    from fc.settings import GenerationSettings
    from train.evaluate import EvalConfig, evaluate

    def progress(done: int, total: int) -> None:
        log(f"  evaluated {done}/{total} rows")

    config = EvalConfig(base_model=handle.base, adapter=str(handle.adapter or "none"),
                        generation=GenerationSettings(max_new_tokens=EVAL_MAX_NEW_TOKENS))
    return evaluate(rows, handle, config, progress).metrics


# ---------------------------------------------------------------- output

def install_folder(new: Path, target: Path) -> None:
    """Replace `target` by the complete folder `new` (same parent): old aside, new in, old deleted."""
    old = None
    if target.exists():
        old = target.with_name(f".{target.name}.old-{time.time_ns()}")
        target.rename(old)
    new.rename(target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def restore_folder(target: Path) -> None:
    """Undo an `install_folder` cut short between its two renames: put the old folder back."""
    if not target.exists():
        aside = sorted(target.parent.glob(f".{target.name}.old-*")) if target.parent.is_dir() else []
        if aside:
            aside[-1].rename(target)


def _number(value: float | None) -> str:
    return "–" if value is None else f"{value:.4f}"


def reproduce_command(hyperparameters: dict) -> str:
    """The `python -m train.sft` command line that reproduces a run (flags that differ from the defaults)."""
    flags = []
    for f in dataclasses.fields(SFTJobConfig):
        value = hyperparameters.get(f.name, f.default)
        default = f.default_factory() if f.default_factory is not dataclasses.MISSING else f.default
        if value == default or value == "all-linear":
            continue
        if isinstance(value, bool):
            flags.append(f"--{f.name} {str(value).lower()}")
        elif isinstance(value, list):
            flags.append(f"--{f.name} " + " ".join(map(str, value)))
        else:
            flags.append(f"--{f.name} {value}")
    return " ".join(["python -m train.sft", *flags])


def model_card(info: dict) -> str:
    hp = info["hyperparameters"]
    lines = [
        f"# {Path(info['adapter_dir']).name}", "",
        f"LoRA adapter for **{base_label(info['base_model'])}**, "
        "fine-tuned by FunctionCall Studio (`python -m train.sft`) "
        "for Hermes-style function calling.", "",
        "| | |", "|---|---|",
        f"| data | `{hp['data']}` ({info['data'].get('conversations', info['data']['rows'])} conversations in "
        f"{info['data']['rows']} sequences, {info['data']['truncated']} truncated, "
        f"{info['data']['dropped']} dropped) |",
        f"| LoRA | r={hp['r']}, alpha={hp['alpha']}, dropout={hp['dropout']}, targets={hp['target_modules']}, "
        f"weights saved as {hp.get('adapter_dtype', 'float32')} |",
        f"| training | lr={hp['lr']}, steps={info['steps']}, epochs={info['epochs']:.2f}, batch={hp['batch_size']}"
        f"x{hp['grad_accum']}, max_length={hp['max_length']}, seed={hp['seed']}, bf16={info['bf16']}, "
        f"4-bit={hp['load_in_4bit']} |",
        f"| time | {format_seconds(info['seconds'])} on {info['device']} ({info['tokens_per_s']:.0f} tokens/s) |",
        f"| final loss | {_number(info['final_loss'])} (mean over the run {_number(info['mean_loss'])}) |",
        "", "Reproduce it (same data, seed and library versions as in `training_info.json`):", "",
        f"```bash\n{reproduce_command(hp)}\n```",
    ]
    before, after = info.get("metrics_before"), info.get("metrics_after")
    if before and after:
        from train.evaluate import metric_rows

        lines += ["", f"## Evaluation on {info['eval_rows']} validation rows", "", "| metric | before | after | n |",
                  "|---|---|---|---|"]
        lines += [f"| {name} | {b} | {a} | {n} |"
                  for (name, b, _), (_, a, n) in zip(metric_rows(before), metric_rows(after))]
    lines += ["", "Load it with `peft.PeftModel.from_pretrained(base_model, this_folder)` or "
              "`fc.model.ModelHandle.load(base, adapter=this_folder)`. Details: `training_info.json`.", ""]
    return "\n".join(lines)


def merge_adapter(base_model: str, adapter_dir: str | Path, out_dir: str | Path) -> Path:
    """Save base + adapter merged into plain weights at `out_dir` (atomically), with the tokenizer."""
    import torch
    from peft import PeftModel
    from transformers import AutoModelForCausalLM, AutoTokenizer

    from fc.embedded import resolve_base

    path = resolve_base(base_model)
    dtype = torch.bfloat16 if cuda_available() and auto_bf16() else torch.float32
    model = PeftModel.from_pretrained(AutoModelForCausalLM.from_pretrained(path, dtype=dtype), str(adapter_dir))
    merged = model.merge_and_unload()
    out_dir = project_path(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=out_dir.parent, prefix=f".{out_dir.name}.tmp-"))
    tmp.chmod(0o755)
    try:
        merged.save_pretrained(tmp)
        AutoTokenizer.from_pretrained(path).save_pretrained(tmp)
        install_folder(tmp, out_dir)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return out_dir


# ---------------------------------------------------------------- training

LOGIT_TRANSFORMS = ("final_logit_softcapping", "logit_scale", "output_multiplier", "lm_head_multiplier",
                    "logits_scaling")


def call_spans(labels, open_ids: list[int], close_ids: list[int]):
    """Where in `labels` (batch x length token ids) tool calls are: from the first token of `<tool_call>`
    through the token after `</tool_call>` (a newline before another call, or the end of the turn)."""
    import torch

    def starts(ids: list[int]):
        if labels.shape[1] < len(ids):
            return torch.zeros_like(labels)
        hits = (labels.unfold(1, len(ids), 1) == torch.tensor(ids, device=labels.device)).all(-1)
        return torch.nn.functional.pad(hits.long(), (0, len(ids) - 1))

    def last(marks):  # at each position, where the latest mark at or before it is (-1: none)
        return torch.where(marks.bool(), torch.arange(marks.shape[1], device=marks.device), -1).cummax(1).values

    after = len(close_ids) + 1  # a block ends before the position after the token after its closing tag
    ends = torch.nn.functional.pad(starts(close_ids), (after, 0))[:, :labels.shape[1]]
    opened = last(starts(open_ids))
    return (opened >= 0) & (opened >= last(ends))  # another call may open right where one ends


@functools.lru_cache(maxsize=1)
def supervised_head_trainer():
    """SFTTrainer that, off CUDA/XPU, runs the LM head only where there is a label.

    TRL does that on CUDA/XPU only; elsewhere its fused head scores every position, and ~90% of our tokens
    (tool schemas, user turns, tool results) carry no loss, so on CPU this saves about a third of each step
    (2 CPU cores, SmolLM2-135M: 99 -> 127 tokens/s). The loss is the same mean token cross-entropy, except
    that with `decision_weight` != 1 (on any device) each assistant turn's first token, the call-or-answer
    decision, counts that many times. Models whose logits are scaled or soft-capped, and anything but a plain
    padded batch, use TRL's own loss. `call_weight` != 1 likewise weights the tokens of tool calls
    (`call_spans`)."""
    import torch
    from trl import SFTTrainer

    class SupervisedHeadSFTTrainer(SFTTrainer):
        def compute_loss(self, model, inputs, return_outputs=False, num_items_in_batch=None):
            base = model.get_base_model() if hasattr(model, "get_base_model") else model
            config = base.config.get_text_config()
            decision_weight = getattr(self, "decision_weight", 1.0)
            call_weight = getattr(self, "call_weight", 1.0)
            plain = decision_weight == call_weight == 1.0
            if (return_outputs or (base.device.type in ("cuda", "xpu") and plain)
                    or "attention_mask" not in inputs
                    or self.aux_loss_enabled or any(getattr(config, k, None) not in (None, 1, 1.0)
                                                    for k in LOGIT_TRANSFORMS)):
                return super().compute_loss(model, inputs, return_outputs, num_items_in_batch)
            labels = inputs["labels"][:, 1:]
            mask = labels != -100
            with self.accelerator.autocast():  # what the prepared model's forward would apply (bf16)
                hidden = base.base_model(input_ids=inputs["input_ids"], attention_mask=inputs["attention_mask"],
                                         use_cache=False).last_hidden_state[:, :-1][mask]
                logits = base.get_output_embeddings()(hidden).float()
            targets = labels[mask]
            count = mask.sum() if num_items_in_batch is None else num_items_in_batch
            losses = torch.nn.functional.cross_entropy(logits, targets, reduction="none")
            if not plain:
                weights = torch.ones_like(losses)
                if call_weight != 1.0:
                    weights[call_spans(labels, *self.call_marks)[mask]] = call_weight
                if decision_weight != 1.0:  # the first labelled token of each assistant turn
                    first = mask & ~torch.nn.functional.pad(mask[:, :-1], (1, 0), value=False)
                    weights[first[mask]] = decision_weight
                losses = losses * weights
            loss = losses.sum() / torch.as_tensor(count).clamp(min=1)
            if targets.numel():
                accuracy = (logits.detach().argmax(-1) == targets).float().mean().item()
                self._metrics["train" if model.training else "eval"]["mean_token_accuracy"].append(accuracy)
            return loss

    return SupervisedHeadSFTTrainer


def _progress_callback(stop_event, on_progress, losses: list):
    from transformers import TrainerCallback

    class ProgressAndStop(TrainerCallback):
        """Reports each logged step and turns a set `stop_event` into a clean stop with a checkpoint."""

        def on_train_begin(self, args, state, control, **kwargs):
            self.start = time.monotonic()
            self.first_step, self.first_tokens = state.global_step, state.num_input_tokens_seen  # > 0 on resume

        def on_step_end(self, args, state, control, **kwargs):
            self._stop_if_asked(control)

        def on_log(self, args, state, control, logs=None, **kwargs):
            logs = logs or {}
            if "loss" in logs:
                self._report(state, logs)
            if "eval_loss" in logs and on_progress:
                on_progress(Progress(state.global_step, state.max_steps, None, None, state.epoch or 0.0,
                                     time.monotonic() - self.start, None, 0, eval_loss=logs["eval_loss"]))
            self._stop_if_asked(control)  # the progress report may have asked to stop: do it at this step

        @staticmethod
        def _stop_if_asked(control):
            if stop_event is not None and stop_event.is_set():
                control.should_training_stop = True
                control.should_save = True  # a checkpoint to resume from

        def _report(self, state, logs):
            losses.append(logs["loss"])
            elapsed = time.monotonic() - self.start
            done = state.global_step - self.first_step
            eta = elapsed / done * (state.max_steps - state.global_step) if done else None
            report = Progress(state.global_step, state.max_steps, logs["loss"], logs.get("learning_rate"),
                              state.epoch or 0.0, elapsed, eta, state.num_input_tokens_seen - self.first_tokens)
            if on_progress:
                on_progress(report)

    return ProgressAndStop()


def make_trainer(config: SFTJobConfig, model, tokenizer, tokenized: TokenizedRows, targets: list[str] | str,
                 work_dir: Path, bf16: bool, callbacks: list | None = None, validation: TokenizedRows | None = None):
    """The SFTTrainer for `config`: LoRA on `targets`, our pre-tokenised rows (TRL's collator turns the
    assistant masks into labels), checkpoints in `work_dir`, progress through `callbacks` only; with
    `validation` rows, their loss (plain cross-entropy) every `EVAL_LOSS_EVERY` of the run."""
    import torch
    from datasets import Dataset
    from peft import LoraConfig
    from transformers import PrinterCallback
    from trl import SFTConfig

    args = SFTConfig(
        output_dir=str(work_dir), per_device_train_batch_size=config.batch_size,
        gradient_accumulation_steps=config.grad_accum, learning_rate=config.lr, num_train_epochs=config.epochs,
        max_steps=config.max_steps if config.max_steps > 0 else -1, lr_scheduler_type="cosine", warmup_steps=0.05,
        logging_steps=1, save_strategy="steps", save_steps=config.save_steps, save_total_limit=1,
        seed=config.seed, bf16=bf16, use_cpu=not torch.cuda.is_available(),
        activation_checkpointing=config.gradient_checkpointing, max_length=config.max_length,
        train_sampling_strategy="group_by_length", include_num_input_tokens_seen="non_padding",
        report_to="none", disable_tqdm=True, dataloader_pin_memory=False,
        **(dict(eval_strategy="steps", eval_steps=EVAL_LOSS_EVERY, per_device_eval_batch_size=config.batch_size,
                prediction_loss_only=True) if validation else {}))
    peft_config = LoraConfig(r=config.r, lora_alpha=config.alpha, lora_dropout=config.dropout,
                             target_modules=targets, task_type="CAUSAL_LM")

    def dataset(rows: TokenizedRows):
        return Dataset.from_dict({"input_ids": rows.input_ids, "assistant_masks": rows.assistant_masks})

    trainer = supervised_head_trainer()(model=model, args=args, train_dataset=dataset(tokenized),
                                        eval_dataset=dataset(validation) if validation else None,
                                        processing_class=tokenizer, peft_config=peft_config, callbacks=callbacks)
    trainer.remove_callback(PrinterCallback)
    trainer.decision_weight, trainer.call_weight = config.decision_weight, config.call_weight
    trainer.call_marks = [tokenizer(m, add_special_tokens=False)["input_ids"] for m in (CALL_OPEN, CALL_CLOSE)]
    return trainer


def effective_settings(trainer) -> dict:
    """What the run used where the config leaves it to the libraries (for training_info.json)."""
    import torch

    args, state = trainer.args, trainer.state
    scheduler = getattr(args.lr_scheduler_type, "value", args.lr_scheduler_type)
    return {"max_steps": state.max_steps, "warmup_steps": args.get_warmup_steps(state.max_steps),
            "lr_scheduler": str(scheduler), "threads": torch.get_num_threads(), "device": str(args.device),
            "bf16": args.bf16, "eval_steps": state.eval_steps if args.eval_strategy != "no" else None,
            "sequences_per_step": args.per_device_train_batch_size * args.gradient_accumulation_steps
                                  * args.world_size}


def save_adapter(peft_model, folder: Path, dtype: str) -> None:
    """`save_pretrained` with the LoRA weights rounded to `dtype`, in the model too, so that what is evaluated
    afterwards is what was saved."""
    import torch
    from safetensors.torch import load_file, save_file

    peft_model.save_pretrained(folder)
    if dtype == "float32":
        return
    dtype = getattr(torch, dtype)
    weights = folder / "adapter_model.safetensors"
    save_file({name: t.to(dtype) for name, t in load_file(weights).items()}, weights, metadata={"format": "pt"})
    with torch.no_grad():
        for param in peft_model.parameters():
            if param.requires_grad:
                param.copy_(param.to(dtype))


def train(config: SFTJobConfig, *, on_progress: Callable[[Progress], None] | None = None,
          log: Callable[[str], None] = print, stop_event: threading.Event | None = None) -> TrainResult:
    """Fine-tune `config.base_model` with LoRA on `config.data` and install the adapter at `config.output_dir`.

    `on_progress` gets a `Progress` after every optimizer step; `log` gets human-readable lines. Setting
    `stop_event` ends training after the current step: a checkpoint is kept for `resume`, nothing is
    installed, and the result's status is "stopped". Errors (bad data, bad targets, no GPU for 4-bit)
    raise ValueError/DatasetError with a clear message before any training starts."""
    from peft import prepare_model_for_kbit_training
    from transformers.trainer_utils import get_last_checkpoint

    from fc.model import ModelHandle, set_threads

    started = time.monotonic()
    if config.adapter_dtype not in ADAPTER_DTYPES:
        raise ValueError(f"adapter_dtype must be one of {', '.join(ADAPTER_DTYPES)}, not {config.adapter_dtype!r}")
    set_threads(config.threads)
    output_dir = project_path(config.output_dir)
    work_dir = output_dir.with_name(output_dir.name + ".work")
    restore_folder(output_dir)
    bf16 = auto_bf16() if config.bf16 is None else config.bf16

    rows = load_training_rows(config, log)
    val_rows = []
    if config.eval_rows > 0:
        val_rows = stratified_sample(load_jsonl(project_path(config.val_data)), config.eval_rows, config.seed)
    log(f"loading {config.base_model} ...")
    model, tokenizer = load_base_model(config, bf16)
    targets = check_target_modules(model, config.target_modules)
    chats = chain_conversations(rows, config.chain, config.seed)
    if len(chats) < len(rows):
        log(f"chained {len(rows)} conversations into {len(chats)} multi-turn chats")
    tokenized = tokenize_rows(chats, tokenizer, config.max_length)
    if not tokenized.input_ids:
        raise ValueError("no training rows left (empty data, or every row lost its replies to max_length)")
    lengths = sorted(tokenized.lengths)
    log(f"{len(tokenized.input_ids)} rows, median {lengths[len(lengths) // 2]} tokens, longest {lengths[-1]}; "
        f"{tokenized.truncated} truncated to {config.max_length}, {tokenized.dropped} dropped "
        "(nothing left to learn after the cut)")

    metrics_before = None
    if val_rows:
        log(f"evaluating the base model on {len(val_rows)} validation rows ...")
        metrics_before = evaluate_handle(ModelHandle(model, tokenizer, config.base_model), val_rows, log)
    if stop_event is not None and stop_event.is_set():
        return TrainResult("stopped", None, None, 0, None, time.monotonic() - started)

    if config.load_in_4bit:
        model = prepare_model_for_kbit_training(model, use_gradient_checkpointing=config.gradient_checkpointing)
    checkpoint = get_last_checkpoint(str(work_dir)) if config.resume and work_dir.is_dir() else None
    if config.resume and checkpoint is None:
        log(f"no checkpoint in {work_dir}; starting from the beginning")
    if checkpoint is None and work_dir.exists():
        shutil.rmtree(work_dir)
    losses: list[float] = []
    validation = tokenize_rows(val_rows, tokenizer, config.max_length) if val_rows else None
    trainer = make_trainer(config, model, tokenizer, tokenized, targets, work_dir, bf16,
                           callbacks=[_progress_callback(stop_event, on_progress, losses)],
                           validation=validation if validation and validation.input_ids else None)
    trainable, total = trainer.model.get_nb_trainable_parameters()
    log(f"LoRA r={config.r} on {targets}: {trainable:,} trainable of {total:,} parameters; "
        f"bf16={bf16}, device={trainer.args.device}"
        + (f"; resuming from {checkpoint}" if checkpoint else ""))

    output = trainer.train(resume_from_checkpoint=checkpoint)
    state = trainer.state
    final_loss = losses[-1] if losses else None
    seconds = time.monotonic() - started
    if stop_event is not None and stop_event.is_set():
        checkpoint = get_last_checkpoint(str(work_dir)) if work_dir.is_dir() else None
        log(f"stopped at step {state.global_step}; checkpoint {checkpoint} (continue with resume); "
            f"{output_dir} left as it was")
        return TrainResult("stopped", None, checkpoint, state.global_step, final_loss, seconds)

    output_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=output_dir.parent, prefix=f".{output_dir.name}.tmp-"))
    tmp.chmod(0o755)
    try:
        peft_model = trainer.model
        save_adapter(peft_model, tmp, config.adapter_dtype)
        embedded = embedded_model(config.base_model)
        if embedded:  # a portable name instead of this machine's cache path
            adapter_config = json.loads((tmp / "adapter_config.json").read_text(encoding="utf-8"))
            adapter_config["base_model_name_or_path"] = embedded.hub_id
            (tmp / "adapter_config.json").write_text(json.dumps(adapter_config, indent=2) + "\n", encoding="utf-8")
        metrics_after = None
        if val_rows:
            log(f"evaluating the fine-tuned model on {len(val_rows)} validation rows ...")
            metrics_after = evaluate_handle(ModelHandle(peft_model, tokenizer, config.base_model, output_dir),
                                            val_rows, log)
        train_seconds = output.metrics.get("train_runtime", seconds)
        hyperparameters = {**dataclasses.asdict(config), "target_modules": targets}
        info = {
            "adapter_dir": str(output_dir), "base_model": config.base_model,
            "hyperparameters": hyperparameters,
            "data": {"path": config.data, "conversations": len(rows), "rows": len(tokenized.input_ids),
                     "truncated": tokenized.truncated,
                     "dropped": tokenized.dropped, "categories": dict(Counter(r.get("category", "") for r in rows)),
                     "median_tokens": lengths[len(lengths) // 2]},
            "steps": state.global_step, "epochs": state.epoch or 0.0, "seconds": round(train_seconds, 1),
            "total_seconds": round(time.monotonic() - started, 1),  # with loading and evaluation
            "tokens_seen": state.num_input_tokens_seen,
            "tokens_per_s": state.num_input_tokens_seen / max(train_seconds, 1e-9),
            "final_loss": final_loss, "mean_loss": output.training_loss, "loss_history": losses,
            "bf16": bf16, "device": str(trainer.args.device), "eval_rows": len(val_rows),
            "effective": effective_settings(trainer), "command": reproduce_command(hyperparameters),
            "metrics_before": metrics_before, "metrics_after": metrics_after,
            "versions": _versions(), "finished_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        }
        (tmp / "training_info.json").write_text(json.dumps(info, indent=2, ensure_ascii=False) + "\n",
                                                encoding="utf-8")
        (tmp / "README.md").write_text(model_card(info), encoding="utf-8")
        install_folder(tmp, output_dir)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    shutil.rmtree(work_dir, ignore_errors=True)
    log(f"adapter saved to {output_dir} (final loss {final_loss})")
    if config.merge_to:
        log(f"merged model saved to {merge_adapter(config.base_model, output_dir, config.merge_to)}")
    return TrainResult("finished", str(output_dir), None, state.global_step, final_loss,
                       time.monotonic() - started, info)


def _versions() -> dict:
    import peft
    import torch
    import transformers
    import trl

    return {"torch": torch.__version__, "transformers": transformers.__version__, "trl": trl.__version__,
            "peft": peft.__version__}


def parse_args(argv: list[str] | None = None) -> SFTJobConfig:
    from transformers import HfArgumentParser

    parser = HfArgumentParser(SFTJobConfig, prog="python -m train.sft", description=__doc__.split("\n\n")[0])
    (config,) = parser.parse_args_into_dataclasses(argv)
    return config


def main(argv: list[str] | None = None) -> int:
    config = parse_args(argv)
    try:
        result = train(config, on_progress=lambda p: print(p.line(), flush=True))
    except (ValueError, FileNotFoundError) as e:  # DatasetError is a ValueError
        print(f"error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"interrupted; {config.output_dir} left as it was (continue with --resume)", file=sys.stderr)
        return 130
    print(f"{result.status}: {result.adapter_dir or result.checkpoint_dir} ({result.steps} steps, final loss "
          f"{result.final_loss}, {format_seconds(result.seconds)})")
    before, after = result.info.get("metrics_before"), result.info.get("metrics_after")
    if before and after:
        from train.evaluate import metric_rows

        print(f"{'validation metric':55} {'before':>8} {'after':>8}")
        for (name, b, _), (_, a, n) in zip(metric_rows(before), metric_rows(after)):
            print(f"{name:55} {b:>8} {a:>8}  (n={n})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
