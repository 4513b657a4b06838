"""Data-parallel training on the CPU: two processes (gloo) under `accelerate launch` train a tiny model, write one
adapter, and mask the loss exactly as one process does."""
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import tiny_llama
from train.dataset import load_jsonl, save_jsonl

ROOT = Path(__file__).resolve().parents[1]


def unpadded(batches: list[dict], pad: int) -> list[tuple]:
    """(ids, labels) of each row of the batches, padding dropped."""
    rows = []
    for batch in batches:
        for ids, labels in zip(batch["input_ids"], batch["labels"]):
            keep = [i for i, token in enumerate(ids) if token != pad]
            rows.append((tuple(ids[i] for i in keep), tuple(labels[i] for i in keep)))
    return rows


@pytest.mark.skipif(shutil.which("accelerate") is None, reason="the accelerate launcher is not on PATH")
def test_two_processes_train_one_adapter_with_one_processs_loss_masking(tmp_path, tokenizer):
    from train.sft import SFTJobConfig, load_base_model, make_trainer, tokenize_rows
    from train.sft.data import load_training_rows

    base = tmp_path / "base"
    tiny_llama(tokenizer).save_pretrained(base)
    tokenizer.save_pretrained(base)
    save_jsonl(load_jsonl(ROOT / "data" / "train.jsonl")[:4], tmp_path / "train.jsonl")
    flags = ["--base-model", str(base), "--data", str(tmp_path / "train.jsonl"), "--output-dir",
             str(tmp_path / "adapters" / "tiny"), "--max-steps", "2", "--batch-size", "1", "--grad-accum", "1",
             "--max-length", "2048", "--threads", "1", "--save-steps", "100", "--r", "4"]
    # `--multi_gpu` is accelerate's torchrun launcher; without a GPU the Trainer's processes use the CPU and gloo.
    # (`--cpu --num_processes 2` takes accelerate's MPI launcher, which needs mpirun.)
    command = ["accelerate", "launch", "--multi_gpu", "--num_processes", "2", "--num_machines", "1",
               "--mixed_precision", "no", "--dynamo_backend", "no", str(ROOT / "tests" / "distributed_sft.py"),
               str(tmp_path), "--", *flags]
    env = {**os.environ, "PYTHONPATH": f"{ROOT}{os.pathsep}{os.environ.get('PYTHONPATH', '')}", "OMP_NUM_THREADS": "1",
           "CUDA_VISIBLE_DEVICES": ""}
    run = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=240)
    if run.returncode and ("Address already in use" in run.stderr or "RendezvousError" in run.stderr):
        pytest.skip(f"torch.distributed could not start two processes here: {run.stderr[-300:]}")
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-3000:]

    assert sorted(p.name for p in (tmp_path / "adapters").iterdir()) == ["tiny"]  # one adapter, nothing else
    info = json.loads((tmp_path / "adapters" / "tiny" / "training_info.json").read_text())
    assert info["processes"] == 2 and info["effective_batch_size"] == 2 and info["steps"] == 2
    assert "x2 processes" in (tmp_path / "adapters" / "tiny" / "README.md").read_text()
    assert run.stdout.count("finished:") == 1 and run.stdout.count("exit 0") == 1  # one process reports

    # each process got its own rows, and every row its labels as one process masks them
    ranks = [unpadded(json.loads((tmp_path / f"rank{r}.json").read_text()), tokenizer.pad_token_id) for r in (0, 1)]
    config = SFTJobConfig(base_model=str(base), data=str(tmp_path / "train.jsonl"), max_length=2048, batch_size=1, r=4)
    model, _ = load_base_model(config, bf16=False)
    tokenized = tokenize_rows(load_training_rows(config, log=lambda line: None), tokenizer, config.max_length)
    alone = make_trainer(config, model, tokenizer, tokenized, "all-linear", tmp_path / "alone", bf16=False)
    one = unpadded([{k: v.tolist() for k, v in batch.items() if k in ("input_ids", "labels")}
                    for batch in alone.get_train_dataloader()], tokenizer.pad_token_id)
    assert len(one) == 4 and all(len(rank) == 2 for rank in ranks)
    assert sorted(ranks[0] + ranks[1]) == sorted(one) and not set(ranks[0]) & set(ranks[1])
    assert all(any(label != -100 for label in labels) for _, labels in one)
