"""What one fine-tuning run is given (`SFTJobConfig`), what it reports while it runs (`Progress`) and what it
returns (`TrainResult`)."""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

from fc import ROOT
from fc.embedded import EMBEDDED

ADAPTER_DTYPES = ("float32", "float16", "bfloat16")


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
    dropout: float = option(0.05, "LoRA dropout (0 leaves the dropout out, which trains faster).")
    target_modules: list[str] = option(["all-linear"], "'all-linear' or module names, e.g. q_proj v_proj.")
    decision_weight: float = option(1.0, "Loss weight of each assistant turn's first token, where the model decides "
                                          "between calling a tool and answering (1 = plain cross-entropy).")
    lr: float = option(2e-4, "Peak learning rate (cosine schedule after a warm-up over the first 1/20 of the steps).")
    epochs: float = option(1.0, "Passes over the data (ignored when --max-steps > 0).")
    max_steps: int = option(0, "Optimizer steps (0 = use epochs).")
    batch_size: int = option(2, "Rows per forward pass.")
    grad_accum: int = option(4, "Forward passes per optimizer step.")
    max_length: int = option(1024, "Longer rows are cut (and counted in the report).")
    seed: int = option(42, "Seed for sampling, LoRA init and data order.")
    threads: int = option(0, "CPU threads (0 = FC_THREADS or torch's default).")
    bf16: bool | None = option(None, "bf16 mixed precision, true or false (left out: on for CUDA with bf16 and for "
                                     "CPUs with AVX512-BF16/AMX; other CPUs only emulate bf16, slowly).")
    load_in_4bit: bool = option(False, "QLoRA: 4-bit NF4 base with double quant (CUDA + bitsandbytes only).")
    gradient_checkpointing: bool = option(False, "Trade compute for memory (large models).")
    eval_rows: int = option(0, "Validation rows to evaluate before and after training (0 = skip).")
    save_steps: int = option(20, "Checkpoint every this many steps (for --resume).")
    resume: bool = option(False, "Continue from the last checkpoint in <output-dir>.work/.")
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
