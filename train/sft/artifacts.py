"""What a finished run leaves in its adapter folder: the PEFT adapter, `training_info.json` and a model card
with the command that reproduces it; and base + adapter merged into one model."""
from __future__ import annotations

import dataclasses
import json
import time
from collections import Counter
from pathlib import Path

from fc.embedded import base_label, embedded_model
from fc.files import atomic_folder
from train.distributed import world_size
from train.sft.config import SFTJobConfig, format_seconds, project_path
from train.sft.data import TokenizedRows


def save_adapter(peft_model, folder: Path, dtype: str, base_model: str, state_dict: dict | None = None) -> None:
    """`save_pretrained` with the LoRA weights rounded to `dtype`, in the model too, so that what is evaluated
    afterwards is what was saved; an embedded base is named by its Hub id, not this machine's cache path.
    `state_dict`: the whole model's, where its parameters are sharded over processes."""
    import torch
    from safetensors.torch import load_file, save_file

    peft_model.save_pretrained(folder, state_dict=state_dict)
    embedded = embedded_model(base_model)
    if embedded:
        path = folder / "adapter_config.json"
        adapter_config = json.loads(path.read_text(encoding="utf-8"))
        adapter_config["base_model_name_or_path"] = embedded.hub_id
        path.write_text(json.dumps(adapter_config, indent=2) + "\n", encoding="utf-8")
    if dtype == "float32":
        return
    dtype = getattr(torch, dtype)
    weights = folder / "adapter_model.safetensors"
    save_file({name: t.to(dtype) for name, t in load_file(weights).items()}, weights, metadata={"format": "pt"})
    with torch.no_grad():
        for param in peft_model.parameters():
            if param.requires_grad:
                param.copy_(param.to(dtype))


def training_info(config: SFTJobConfig, targets: list[str] | str, output_dir: Path, rows: list[dict],
                  tokenized: TokenizedRows, trainer, output, losses: list[float], metrics: tuple, eval_rows: int,
                  started: float) -> dict:
    """What `training_info.json` holds: the run's settings, data, timing, loss and before/after metrics
    (`metrics`); `output` is what `trainer.train()` returned, `started` the run's `time.monotonic()`."""
    state = trainer.state
    seconds = output.metrics.get("train_runtime", time.monotonic() - started)
    metrics_before, metrics_after = metrics
    hyperparameters = {**dataclasses.asdict(config), "target_modules": targets}
    return {
        "adapter_dir": str(output_dir), "base_model": config.base_model,
        "hyperparameters": hyperparameters,
        "data": {"path": config.data, "conversations": len(rows), "rows": len(tokenized.input_ids),
                 "truncated": tokenized.truncated, "dropped": tokenized.dropped,
                 "categories": dict(Counter(r.get("category", "") for r in rows)),
                 "median_tokens": tokenized.median_length},
        "steps": state.global_step, "epochs": state.epoch or 0.0, "seconds": round(seconds, 1),
        "total_seconds": round(time.monotonic() - started, 1),  # with loading and evaluation
        "processes": world_size(), "effective_batch_size": config.batch_size * config.grad_accum * world_size(),
        "tokens_seen": state.num_input_tokens_seen, "tokens_per_s": state.num_input_tokens_seen / max(seconds, 1e-9),
        "final_loss": losses[-1] if losses else None, "mean_loss": output.training_loss, "loss_history": losses,
        "bf16": trainer.args.bf16, "device": str(trainer.args.device), "eval_rows": eval_rows,
        "effective": effective_settings(trainer), "command": reproduce_command(hyperparameters),
        "metrics_before": metrics_before, "metrics_after": metrics_after,
        "versions": _versions(), "finished_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    }


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


def save_training_info(folder: Path, info: dict) -> None:
    """`training_info.json` and the model card (`README.md`) into the adapter `folder`."""
    (folder / "training_info.json").write_text(json.dumps(info, indent=2, ensure_ascii=False) + "\n",
                                               encoding="utf-8")
    (folder / "README.md").write_text(model_card(info), encoding="utf-8")


def _versions() -> dict:
    import peft
    import torch
    import transformers
    import trl

    return {"torch": torch.__version__, "transformers": transformers.__version__, "trl": trl.__version__,
            "peft": peft.__version__}


def _number(value: float | None) -> str:
    return "–" if value is None else f"{value:.4f}"


def reproduce_command(hyperparameters: dict) -> str:
    """The `python -m train.sft` command line that reproduces a run (flags that differ from the defaults).
    A switch whose default is off is given alone (`--resume`); other booleans take true/false."""
    flags = []
    for f in dataclasses.fields(SFTJobConfig):
        value = hyperparameters.get(f.name, f.default)
        default = f.default_factory() if f.default_factory is not dataclasses.MISSING else f.default
        if value == default or value == "all-linear":
            continue
        flag = "--" + f.name.replace("_", "-")
        if isinstance(value, bool):
            flags.append(flag if value and default is False else f"{flag} {str(value).lower()}")
        elif isinstance(value, list):
            flags.append(f"{flag} " + " ".join(map(str, value)))
        else:
            flags.append(f"{flag} {value}")
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
        f"x{hp['grad_accum']}" + (f"x{info['processes']} processes" if info.get("processes", 1) > 1 else "") +
        f", max_length={hp['max_length']}, seed={hp['seed']}, bf16={info['bf16']}, "
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
    dtype = torch.bfloat16 if torch.cuda.is_available() and torch.cuda.is_bf16_supported() else torch.float32
    model = PeftModel.from_pretrained(AutoModelForCausalLM.from_pretrained(path, dtype=dtype), str(adapter_dir))
    merged = model.merge_and_unload()
    out_dir = project_path(out_dir)
    with atomic_folder(out_dir) as tmp:
        merged.save_pretrained(tmp)
        AutoTokenizer.from_pretrained(path).save_pretrained(tmp)
    return out_dir
