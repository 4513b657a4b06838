"""One fine-tuning run: load the base model, train LoRA with TRL's `SFTTrainer` on the tokenised rows, install
the adapter; and the `python -m train.sft` command line."""
from __future__ import annotations

import importlib.util
import shutil
import sys
import threading
import time
from pathlib import Path
from typing import Callable

from fc.files import atomic_folder, restore_folder
from train.dataset import load_jsonl
from train.sft.artifacts import merge_adapter, save_adapter, save_training_info, training_info
from train.sft.config import ADAPTER_DTYPES, Progress, SFTJobConfig, TrainResult, format_seconds, project_path
from train.sft.data import (TokenizedRows, chain_conversations, ensure_pad_token, load_training_rows,
                            stratified_sample, tokenize_rows)
from train.sft.loss import TokenLoss, supervised_head_trainer
from train.distributed import (four_bit_device_map, full_state_dict, is_main_process, sharded, training_device,
                               world_size)

EVAL_LOSS_EVERY = 0.2  # with validation rows: their loss is measured after every fifth of the steps
EVAL_MAX_NEW_TOKENS = 128  # room for every reply of our val and test splits (bench/BENCHMARKS.md)
SWITCHES = ("A switch (--resume, --load-in-4bit, --include-corrections, --gradient-checkpointing) is given alone "
            "to turn it on, or as --resume true / --resume false; --bf16 takes true or false (left out: auto).")


def auto_bf16() -> bool:
    """bf16 where the hardware does it natively: CUDA with bf16, or CPUs with AVX512-BF16 / AMX."""
    import torch

    from fc.model import cpu_has_bf16

    return torch.cuda.is_bf16_supported() if torch.cuda.is_available() else cpu_has_bf16()


def load_base_model(config: SFTJobConfig, bf16: bool):
    """(model, tokenizer) for training: fp32 on CPU (bf16 via autocast), bf16 or 4-bit NF4 on CUDA."""
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    from fc.embedded import resolve_base
    from fc.model import four_bit_config

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
        kwargs["quantization_config"] = four_bit_config(torch.bfloat16 if bf16 else torch.float16)
        kwargs["device_map"] = four_bit_device_map()
    model = AutoModelForCausalLM.from_pretrained(path, **kwargs)
    if len(tokenizer) > model.get_input_embeddings().num_embeddings:
        model.resize_token_embeddings(len(tokenizer))
    if not config.load_in_4bit and training_device(cuda):
        model.to(training_device(cuda))
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


def evaluate_handle(handle, rows: list[dict], log: Callable[[str], None]) -> dict:
    """`train.evaluate` metrics of `handle` on `rows`."""
    from fc.settings import GenerationSettings
    from train.evaluate import EvalConfig, evaluate

    def progress(done: int, total: int) -> None:
        log(f"  evaluated {done}/{total} rows")

    config = EvalConfig(base_model=handle.base, adapter=str(handle.adapter or "none"),
                        generation=GenerationSettings(max_new_tokens=EVAL_MAX_NEW_TOKENS))
    return evaluate(rows, handle, config, progress).metrics


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
    assistant masks into labels), `config.decision_weight` in the loss, checkpoints in `work_dir`, progress
    through `callbacks` only."""
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
        report_to="none", disable_tqdm=True, dataloader_pin_memory=False, ddp_find_unused_parameters=False,
        **(dict(eval_strategy="steps", eval_steps=EVAL_LOSS_EVERY, per_device_eval_batch_size=config.batch_size,
                prediction_loss_only=True) if validation else {}))
    peft_config = LoraConfig(r=config.r, lora_alpha=config.alpha, lora_dropout=config.dropout,
                             target_modules=targets, task_type="CAUSAL_LM")

    def dataset(rows: TokenizedRows):
        return Dataset.from_dict({"input_ids": rows.input_ids, "assistant_masks": rows.assistant_masks})

    trainer = supervised_head_trainer()(model=model, args=args, train_dataset=dataset(tokenized),
                                        eval_dataset=dataset(validation) if validation else None,
                                        processing_class=tokenizer, peft_config=peft_config, callbacks=callbacks,
                                        loss=TokenLoss(config.decision_weight))
    trainer.remove_callback(PrinterCallback)
    return trainer


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
    if config.eval_rows > 0 and sharded():
        raise ValueError("eval_rows needs the whole model in one process, which FSDP and DeepSpeed ZeRO-3 shard: "
                         "train with --eval-rows 0 and evaluate the adapter with python -m train.evaluate")
    if not is_main_process():  # one process reports
        log, on_progress = (lambda line: None), None
    set_threads(config.threads)
    output_dir = project_path(config.output_dir)
    work_dir = output_dir.with_name(output_dir.name + ".work")
    if is_main_process():
        restore_folder(output_dir)
    bf16 = auto_bf16() if config.bf16 is None else config.bf16

    rows = load_training_rows(config, log)
    val_rows = []
    if config.eval_rows > 0 and is_main_process():  # the others wait for it at the first step
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
    log(f"{len(tokenized.input_ids)} rows, median {tokenized.median_length} tokens, "
        f"longest {max(tokenized.lengths)}; "
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
    log(f"effective batch size {config.batch_size * config.grad_accum * world_size()} (batch {config.batch_size} x "
        f"grad_accum {config.grad_accum} x {world_size()} process(es))")

    output = trainer.train(resume_from_checkpoint=checkpoint)
    state = trainer.state
    final_loss = losses[-1] if losses else None
    seconds = time.monotonic() - started
    if stop_event is not None and stop_event.is_set():
        checkpoint = get_last_checkpoint(str(work_dir)) if work_dir.is_dir() else None
        log(f"stopped at step {state.global_step}; checkpoint {checkpoint} (continue with resume); "
            f"{output_dir} left as it was")
        return TrainResult("stopped", None, checkpoint, state.global_step, final_loss, seconds)
    state_dict = full_state_dict(trainer)  # every process takes part in gathering a sharded model
    if not is_main_process():
        return TrainResult("finished", None, None, state.global_step, final_loss, seconds)

    with atomic_folder(output_dir) as tmp:
        save_adapter(trainer.model, tmp, config.adapter_dtype, config.base_model, state_dict)
        metrics_after = None
        if val_rows:
            log(f"evaluating the fine-tuned model on {len(val_rows)} validation rows ...")
            metrics_after = evaluate_handle(ModelHandle(trainer.model, tokenizer, config.base_model, output_dir),
                                            val_rows, log)
        info = training_info(config, targets, output_dir, rows, tokenized, trainer, output, losses,
                             (metrics_before, metrics_after), len(val_rows), started)
        save_training_info(tmp, info)
    shutil.rmtree(work_dir, ignore_errors=True)
    log(f"adapter saved to {output_dir} (final loss {final_loss})")
    if config.merge_to:
        log(f"merged model saved to {merge_adapter(config.base_model, output_dir, config.merge_to)}")
    return TrainResult("finished", str(output_dir), None, state.global_step, final_loss,
                       time.monotonic() - started, info)


def parse_args(argv: list[str] | None = None) -> SFTJobConfig:
    from fc.cli import ArgumentParser

    parser = ArgumentParser(SFTJobConfig, prog="python -m train.sft",
                            description=sys.modules[__package__].__doc__.split("\n\n")[0], epilog=SWITCHES)
    config, unknown = parser.parse_args_into_dataclasses(argv, return_remaining_strings=True)
    if unknown:  # e.g. an underscore spelling (--output_dir) from an older command
        parser.error(f"unrecognized arguments: {' '.join(unknown)}")
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
    if not is_main_process():
        return 0
    print(f"{result.status}: {result.adapter_dir or result.checkpoint_dir} ({result.steps} steps, final loss "
          f"{result.final_loss}, {format_seconds(result.seconds)})")
    before, after = result.info.get("metrics_before"), result.info.get("metrics_after")
    if before and after:
        from train.evaluate import metric_rows

        print(f"{'validation metric':55} {'before':>8} {'after':>8}")
        for (name, b, _), (_, a, n) in zip(metric_rows(before), metric_rows(after)):
            print(f"{name:55} {b:>8} {a:>8}  (n={n})")
    return 0

