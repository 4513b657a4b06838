"""Training on several processes: `accelerate launch --num_processes N -m train.sft …` (one process per GPU).

The Trainer, through accelerate, gives each process its share of every step's batches and averages the gradients;
the configs in train/accelerate/ choose plain data parallelism (DDP), DeepSpeed ZeRO-2/3 or FSDP. What a run
writes (the adapter, its model card, training_info.json, the merged model) is written by the main process alone.

These helpers read the launcher's environment (RANK, WORLD_SIZE, LOCAL_RANK, and accelerate's ACCELERATE_USE_FSDP
and ACCELERATE_DEEPSPEED_ZERO_STAGE), so they answer before the process group exists and in a plain
`python -m train.sft` (one process) alike.
"""
from __future__ import annotations

import os


def world_size() -> int:
    return int(os.environ.get("WORLD_SIZE", "1"))


def is_main_process() -> bool:
    return int(os.environ.get("RANK", "0")) == 0


def local_rank() -> int:
    """This process's GPU on its machine."""
    return int(os.environ.get("LOCAL_RANK", "0"))


def uses_fsdp() -> bool:
    return os.environ.get("ACCELERATE_USE_FSDP", "false").lower() in ("1", "true")


def sharded() -> bool:
    """Whether no process holds the whole model (FSDP, DeepSpeed ZeRO-3)."""
    return uses_fsdp() or os.environ.get("ACCELERATE_DEEPSPEED_ZERO_STAGE") == "3"


def training_device(cuda: bool) -> str | None:
    """Where a loaded base model goes: this process's GPU, or the CPU; None under FSDP, which places the shards."""
    if uses_fsdp():
        return None
    return f"cuda:{local_rank()}" if cuda else "cpu"


def four_bit_device_map() -> dict | None:
    """`device_map` of a 4-bit base: this process's GPU; none under FSDP (bitsandbytes' FSDP-QLoRA loads it
    without one and FSDP shards it)."""
    return None if uses_fsdp() else {"": local_rank()}


def full_state_dict(trainer) -> dict | None:
    """The whole model's state dict gathered from the processes where parameters are sharded (every process must
    call this then), else None: each process has the whole model."""
    return trainer.accelerator.get_state_dict(trainer.model_wrapped) if sharded() else None
