"""Run under `accelerate launch` by tests/test_distributed.py: each process writes the batches (ids and labels) that
the trainer's dataloader gives it, then the same process trains through `python -m train.sft`'s entry point.

    accelerate launch --multi_gpu --num_processes 2 tests/distributed_sft.py OUT -- <train.sft flags>
"""
import json
import sys
from pathlib import Path

from train.distributed import is_main_process
from train.sft import load_base_model, main, make_trainer, parse_args, tokenize_rows
from train.sft.data import load_training_rows


def write_batches(config, out: Path) -> None:
    import os

    model, tokenizer = load_base_model(config, bf16=False)
    tokenized = tokenize_rows(load_training_rows(config, log=lambda line: None), tokenizer, config.max_length)
    trainer = make_trainer(config, model, tokenizer, tokenized, "all-linear", out / "work", bf16=False)
    batches = [{"input_ids": batch["input_ids"].tolist(), "labels": batch["labels"].tolist()}
               for batch in trainer.get_train_dataloader()]
    (out / f"rank{os.environ.get('RANK', '0')}.json").write_text(json.dumps(batches))


if __name__ == "__main__":
    out, flags = Path(sys.argv[1]), sys.argv[sys.argv.index("--") + 1:]
    write_batches(parse_args(flags), out)
    code = main(flags)
    if is_main_process():
        print(f"exit {code}")
    sys.exit(code)
