"""train.sft: one renderer for training and inference, assistant-only loss, a tiny model trained end to end,
clear errors, Stop and resume."""
import json
import threading
from collections import Counter

import pytest

from conftest import tiny_llama
from fc.prompt import render, to_template_messages
from train.dataset import DatasetError, save_jsonl
from train.sft import (SFTJobConfig, chain_conversations, check_target_modules, make_trainer, parse_args,
                       reproduce_command, stratified_sample, tokenize_conversation, tokenize_rows, train)

TOOLS = [{"type": "function", "function": {
    "name": "get_weather", "description": "Weather in a city",
    "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}}}]


def weather_call(city):
    return {"type": "function", "function": {"name": "get_weather", "arguments": {"city": city}}}


CONVERSATION = [
    {"role": "system", "content": "You are terse."},
    {"role": "user", "content": "Weather in Paris and 東京?"},
    {"role": "assistant", "tool_calls": [weather_call("Paris"), weather_call("東京")]},
    {"role": "tool", "name": "get_weather", "content": json.dumps({"temp_c": 21})},
    {"role": "tool", "name": "get_weather", "content": json.dumps({"temp_c": 18})},
    {"role": "assistant", "content": "Paris 21 °C, 東京 18 °C."},
    {"role": "user", "content": "Thanks!"},
    {"role": "assistant", "content": "You're welcome."},
]


def rows(n=8):
    out = []
    for i in range(n):
        city = f"City{i}"
        out.append({"id": f"r{i}", "category": "call_weather" if i % 2 else "no_call_chitchat", "tools": TOOLS,
                    "messages": [{"role": "user", "content": f"Weather in {city}?"},
                                 {"role": "assistant", "tool_calls": [weather_call(city)]},
                                 {"role": "tool", "name": "get_weather", "content": json.dumps({"temp_c": i})},
                                 {"role": "assistant", "content": f"{city}: {i} °C."}]})
    return out


def masked_runs(ids, mask):
    """The contiguous runs of ids with mask 1."""
    runs, current = [], []
    for token, bit in zip(ids, mask):
        if bit:
            current.append(token)
        elif current:
            runs.append(current)
            current = []
    return runs + ([current] if current else [])


def test_loss_mask_covers_exactly_the_assistant_turns_with_end_of_turn(tokenizer):
    ids, mask = tokenize_conversation(tokenizer, CONVERSATION, TOOLS)
    trained = [tokenizer.decode(run) for run in masked_runs(ids, mask)]
    replies = [m["content"] for m in to_template_messages(CONVERSATION, TOOLS) if m["role"] == "assistant"]
    assert trained == [f"{reply}<|im_end|>\n" for reply in replies]
    assert '<tool_call>\n{"name": "get_weather", "arguments": {"city": "東京"}}\n</tool_call>' in trained[0]
    untrained = tokenizer.decode([t for t, bit in zip(ids, mask) if not bit])
    for text in ("You are terse.", "Weather in Paris", "<tool_response>", "Thanks!", "<tools>"):
        assert text in untrained
    assert tokenizer.pad_token_id not in ids and tokenizer.pad_token != tokenizer.eos_token


def test_inference_prompt_ids_are_a_prefix_of_training_ids(tokenizer):
    ids, _ = tokenize_conversation(tokenizer, CONVERSATION, TOOLS)
    assert ids == tokenizer(render(tokenizer, CONVERSATION, TOOLS), add_special_tokens=False)["input_ids"]
    for i, message in enumerate(CONVERSATION):
        if message["role"] == "assistant":
            prompt = render(tokenizer, CONVERSATION[:i], TOOLS, add_generation_prompt=True)
            prompt_ids = tokenizer(prompt, add_special_tokens=False)["input_ids"]
            assert ids[:len(prompt_ids)] == prompt_ids


def test_truncation_and_drops_are_counted(tokenizer):
    ids, mask = tokenize_conversation(tokenizer, rows(1)[0]["messages"], TOOLS)
    first_reply = mask.index(1)
    assert tokenize_rows(rows(2), tokenizer, first_reply).dropped == 2  # nothing to learn left
    cut = tokenize_rows(rows(2), tokenizer, first_reply + 3)
    assert (cut.truncated, cut.dropped, [len(x) for x in cut.input_ids]) == (2, 0, [first_reply + 3] * 2)


def test_stratified_sample_keeps_category_shares_and_is_seeded():
    data = [{"category": "a", "i": i} for i in range(60)] + [{"category": "b", "i": i} for i in range(30)] \
        + [{"category": "c", "i": i} for i in range(10)]
    picked = stratified_sample(data, 20, seed=1)
    assert Counter(r["category"] for r in picked) == {"a": 12, "b": 6, "c": 2}
    assert picked == stratified_sample(data, 20, seed=1) != stratified_sample(data, 20, seed=2)
    assert len(stratified_sample(data, 0, seed=1)) == 100


def test_chaining_joins_conversations_with_the_same_tools_and_loses_nothing(tokenizer):
    other_tools = TOOLS + [{"type": "function", "function": {"name": "get_time", "parameters": {"type": "object"}}}]
    data = rows(7) + [{**rows(1)[0], "id": "t", "tools": other_tools},
                      {"id": "s", "tools": TOOLS, "messages": CONVERSATION}]
    chats = chain_conversations(data, per_chat=3, seed=0)
    assert chats == chain_conversations(data, per_chat=3, seed=0)
    assert sorted(len(c["messages"]) for c in chats) == [4, 4, 8, 12, 12]  # 7 same-tools rows: 3 + 3 + 1
    assert {c["id"] for c in chats} >= {"t", "s"}  # other tools, and an own system message, stay alone
    joined = [m for c in chats for m in c["messages"]]
    assert sorted(map(json.dumps, joined)) == sorted(json.dumps(m) for r in data for m in r["messages"])
    for chat in chats:
        assert all(r["tools"] == chat["tools"] for r in data if r["id"] in chat["id"].split("+"))
    chained = next(c for c in chats if len(c["messages"]) == 12)
    ids, mask = tokenize_conversation(tokenizer, chained["messages"], chained["tools"])
    assert len(masked_runs(ids, mask)) == 6  # every reply of every joined conversation is learned
    assert chain_conversations(data, per_chat=1, seed=0) == data


@pytest.fixture(scope="module")
def tiny_base(tmp_path_factory, tokenizer):
    folder = tmp_path_factory.mktemp("tiny-base")
    tiny_llama(tokenizer).save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return folder


@pytest.fixture
def data_file(tmp_path):
    path = tmp_path / "train.jsonl"
    save_jsonl(rows(8), path)
    return path


def tiny_config(tiny_base, data_file, tmp_path, **overrides):
    settings = dict(base_model=str(tiny_base), data=str(data_file), output_dir=str(tmp_path / "adapters" / "tiny"),
                    max_steps=3, batch_size=2, grad_accum=1, max_length=512, threads=2, save_steps=1)
    return SFTJobConfig(**{**settings, **overrides})


def test_tiny_model_trains_and_its_adapter_loads_and_generates(tiny_base, data_file, tmp_path):
    import torch
    from peft import PeftModel
    from safetensors.torch import load_file
    from transformers import AutoModelForCausalLM, AutoTokenizer

    reports = []
    config = tiny_config(tiny_base, data_file, tmp_path, adapter_dtype="float16")
    result = train(config, on_progress=reports.append, log=lambda _: None)
    assert result.status == "finished" and result.steps == 3
    assert [p.step for p in reports] == [1, 2, 3] and all(p.max_steps == 3 and p.loss > 0 for p in reports)
    assert reports[-1].eta_s == 0 and reports[-1].tokens_seen > 0
    adapter = tmp_path / "adapters" / "tiny"
    assert result.adapter_dir == str(adapter)
    assert {"adapter_config.json", "adapter_model.safetensors", "training_info.json", "README.md"} <= {
        p.name for p in adapter.iterdir()}
    assert sorted(p.name for p in adapter.parent.iterdir()) == ["tiny"]  # no temp or checkpoint folders left
    info = json.loads((adapter / "training_info.json").read_text())
    assert info["steps"] == 3 and info["data"]["rows"] == 8 and info["hyperparameters"]["r"] == 16
    assert info["final_loss"] == result.final_loss and info["seconds"] > 0
    command = reproduce_command(info["hyperparameters"])
    assert command in (adapter / "README.md").read_text()
    assert parse_args(command.split()[3:]) == config and "--adapter-dtype float16" in command
    weights = load_file(adapter / "adapter_model.safetensors")
    assert weights and all(t.dtype == torch.float16 for t in weights.values())  # half the file of float32

    tokenizer = AutoTokenizer.from_pretrained(tiny_base)
    model = PeftModel.from_pretrained(AutoModelForCausalLM.from_pretrained(tiny_base), adapter)
    prompt = tokenizer(render(tokenizer, [{"role": "user", "content": "hi"}], TOOLS, add_generation_prompt=True),
                       return_tensors="pt", add_special_tokens=False)
    out = model.generate(**prompt, max_new_tokens=4, do_sample=False)
    assert out.shape[1] == prompt["input_ids"].shape[1] + 4


def test_validation_rows_give_a_validation_loss_and_the_effective_settings_are_saved(tiny_base, data_file,
                                                                                     tmp_path):
    reports = []
    config = tiny_config(tiny_base, data_file, tmp_path, val_data=str(data_file), eval_rows=2)
    result = train(config, on_progress=reports.append, log=lambda _: None)
    validation = [p for p in reports if p.eval_loss is not None]
    assert [p.step for p in reports if p.loss is not None] == [1, 2, 3] and validation
    assert all(p.loss is None and p.eval_loss > 0 for p in validation)
    assert validation[0].line().startswith(f"step {validation[0].step}/3 validation loss ")
    info = result.info
    assert info["effective"]["max_steps"] == 3 and info["effective"]["lr_scheduler"] == "cosine"
    assert info["effective"]["sequences_per_step"] == 2 and info["effective"]["eval_steps"] >= 1
    assert info["command"] == reproduce_command(info["hyperparameters"])


def cuda_and_bitsandbytes() -> bool:
    import importlib.util

    import torch

    return torch.cuda.is_available() and importlib.util.find_spec("bitsandbytes") is not None


@pytest.mark.skipif(not cuda_and_bitsandbytes(), reason="QLoRA needs a CUDA GPU and bitsandbytes")
def test_qlora_trains_on_a_4bit_base_and_its_adapter_loads_in_4bit(tiny_base, data_file, tmp_path):
    from fc.model import ModelHandle
    from fc.settings import GenerationSettings

    result = train(tiny_config(tiny_base, data_file, tmp_path, load_in_4bit=True), log=lambda _: None)
    assert result.status == "finished" and result.steps == 3 and result.final_loss > 0
    assert result.info["hyperparameters"]["load_in_4bit"] and result.info["device"].startswith("cuda")
    handle = ModelHandle.load(str(tiny_base), result.adapter_dir, load_in_4bit=True)
    assert any(type(m).__name__ == "Linear4bit" for m in handle.model.modules())
    prompt = handle.render([{"role": "user", "content": "Weather in Paris?"}], TOOLS)
    assert isinstance(handle.generate(prompt, GenerationSettings(max_new_tokens=4)), str)


def collate(trainer, n: int) -> dict:
    """The trainer's first `n` rows as one batch, on the trainer's device (as its training loop does)."""
    batch = trainer.data_collator([trainer.train_dataset[i] for i in range(n)])
    return {key: value.to(trainer.args.device) for key, value in batch.items()}


def test_qlora_without_cuda_or_bitsandbytes_is_a_clear_error(tiny_base, data_file, tmp_path, monkeypatch):
    import importlib.util

    import torch

    from train.sft import load_base_model

    config = tiny_config(tiny_base, data_file, tmp_path, load_in_4bit=True)
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    with pytest.raises(ValueError, match="needs a CUDA GPU"):
        load_base_model(config, bf16=False)
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    find_spec = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *args: None if name == "bitsandbytes" else find_spec(name, *args))
    with pytest.raises(ValueError, match="pip install bitsandbytes"):
        load_base_model(config, bf16=False)


@pytest.mark.parametrize("num_items_in_batch, bf16", [(None, False), (50, False), (None, True)])
def test_supervised_positions_head_computes_trls_loss(tokenizer, tmp_path, num_items_in_batch, bf16):
    import torch
    from trl import SFTTrainer

    tokenized = tokenize_rows(rows(3), tokenizer, 512)
    trainer = make_trainer(SFTJobConfig(dropout=0.0), tiny_llama(tokenizer), tokenizer, tokenized, "all-linear",
                           tmp_path / "work", bf16=bf16)
    batch = collate(trainer, 3)
    assert (batch["labels"] != -100).sum() < batch["attention_mask"].sum() / 4  # most tokens carry no loss
    fp32 = SFTTrainer.compute_loss(trainer, trainer.model, dict(batch), num_items_in_batch=num_items_in_batch)
    model = trainer.accelerator.prepare(trainer.model)  # as in training: bf16 autocast around the forward
    ours = trainer.compute_loss(model, dict(batch), num_items_in_batch=num_items_in_batch)
    trls = SFTTrainer.compute_loss(trainer, model, dict(batch), num_items_in_batch=num_items_in_batch)
    assert torch.allclose(ours, trls, rtol=1e-2 if bf16 else 1e-5), (ours, trls)
    assert torch.allclose(ours, fp32, rtol=1e-6) != bf16  # bf16 really computed in bf16
    ours.backward()
    assert any(p.grad is not None and p.grad.abs().sum() > 0 for n, p in trainer.model.named_parameters()
               if "lora_B" in n)


def losses_with(tokenizer, tmp_path, config, **weights):
    """A two-row batch's loss under `config`, then under `config` with `weights` (the same model and LoRA
    init); with the plain per-token cross-entropy and the (shifted) labels."""
    from dataclasses import replace

    import torch

    tokenized = tokenize_rows(rows(2), tokenizer, 512)
    losses = []
    for settings in (config, replace(config, **weights)):
        trainer = make_trainer(settings, tiny_llama(tokenizer), tokenizer, tokenized, "all-linear",
                               tmp_path / "work", bf16=False)
        batch = collate(trainer, 2)
        losses.append(trainer.compute_loss(trainer.model, dict(batch)))
    with torch.no_grad():
        logits = trainer.model(input_ids=batch["input_ids"], attention_mask=batch["attention_mask"]).logits[:, :-1]
    labels = batch["labels"][:, 1:]
    ce = torch.nn.functional.cross_entropy(logits.transpose(1, 2), labels, reduction="none", ignore_index=-100)
    return *losses, ce, labels


def test_decision_weight_counts_each_replys_first_token_that_many_times(tokenizer, tmp_path):
    import torch

    plain, weighted, ce, labels = losses_with(tokenizer, tmp_path, SFTJobConfig(dropout=0.0), decision_weight=4.0)
    starts = [(row, col) for row, col in (labels != -100).nonzero().tolist()
              if col == 0 or labels[row, col - 1] == -100]
    assert len(starts) == 4  # two replies (the call, the answer) in each of the two rows
    extra = sum(ce[row, col] for row, col in starts) * 3 / (labels != -100).sum()
    assert torch.allclose(weighted, plain + extra, rtol=1e-5)


def test_unknown_target_module_is_a_clear_error(tokenizer, tiny_base, data_file, tmp_path):
    with pytest.raises(ValueError, match=r"nope_proj not found.*q_proj.*all-linear"):
        check_target_modules(tiny_llama(tokenizer), ["q_proj", "nope_proj"])
    assert check_target_modules(tiny_llama(tokenizer), "q_proj, v_proj") == ["q_proj", "v_proj"]
    with pytest.raises(ValueError, match="nope_proj"):
        train(tiny_config(tiny_base, data_file, tmp_path, target_modules=["nope_proj"]), log=lambda _: None)
    assert not (tmp_path / "adapters").exists()


def test_bad_data_is_rejected_with_line_numbers(tiny_base, tmp_path):
    pytest.importorskip("gradio")
    from train.tabs.train import check_upload

    good = json.dumps(rows(1)[0])
    bad = tmp_path / "bad.jsonl"
    bad.write_text("\n".join([good, "{not json", good, json.dumps({"messages": []})]) + "\n")
    with pytest.raises(DatasetError) as error:
        train(tiny_config(tiny_base, bad, tmp_path), log=lambda _: None)
    assert [n for n, _ in error.value.problems] == [2, 4]
    message = check_upload(str(bad))
    assert "line 2" in message and "line 4" in message and "line 1:" not in message
    save_jsonl(rows(1), tmp_path / "one.jsonl")
    assert "1 row" in check_upload(str(tmp_path / "one.jsonl"))


def test_cli_reports_errors_without_a_traceback(tmp_path, capsys):
    from train.sft import main

    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n")
    assert main(["--data", str(bad), "--output-dir", str(tmp_path / "out")]) == 2
    assert "line 1: bad JSON" in capsys.readouterr().err
    assert main(["--adapter-dtype", "int8", "--output-dir", str(tmp_path / "out")]) == 2
    assert "adapter_dtype must be one of float32, float16, bfloat16" in capsys.readouterr().err
    with pytest.raises(SystemExit) as done:
        main(["--help"])
    shown = capsys.readouterr().out
    assert done.value.code == 0 and "--grad-accum" in shown and "--grad_accum" not in shown


def test_cli_flags_are_dashed_and_the_reproduce_command_parses_back():
    assert parse_args(["--output-dir", "a", "--max-rows", "5"]) == SFTJobConfig(output_dir="a", max_rows=5)
    with pytest.raises(SystemExit) as rejected:  # one style: the underscore spelling is a usage error
        parse_args(["--output_dir", "a"])
    assert rejected.value.code == 2
    assert parse_args(["--resume"]).resume and parse_args(["--resume", "true"]).resume
    assert not parse_args(["--resume", "false"]).resume and parse_args([]).bf16 is None
    config = SFTJobConfig(output_dir="adapters/x", resume=True, bf16=False, target_modules=["q_proj", "v_proj"],
                          decision_weight=5.0)
    command = reproduce_command(vars(config))
    assert command == ("python -m train.sft --output-dir adapters/x --target-modules q_proj v_proj "
                       "--decision-weight 5.0 --bf16 false --resume")
    assert parse_args(command.split()[3:]) == config


def test_stop_keeps_the_previous_adapter_and_resume_finishes(tiny_base, data_file, tmp_path):
    adapter = tmp_path / "adapters" / "tiny"
    adapter.mkdir(parents=True)
    (adapter / "adapter_config.json").write_text('{"previous": true}')
    before = {p.name: p.read_bytes() for p in adapter.iterdir()}
    stop = threading.Event()

    result = train(tiny_config(tiny_base, data_file, tmp_path, save_steps=50), on_progress=lambda p: stop.set(),
                   stop_event=stop, log=lambda _: None)
    assert result.status == "stopped" and result.adapter_dir is None and result.steps == 1
    assert {p.name: p.read_bytes() for p in adapter.iterdir()} == before
    assert result.checkpoint_dir and (tmp_path / "adapters" / "tiny.work" / "checkpoint-1").is_dir()

    reports, lines = [], []
    resumed = train(tiny_config(tiny_base, data_file, tmp_path, resume=True), on_progress=reports.append,
                    log=lines.append)
    assert resumed.status == "finished" and resumed.steps == 3
    assert [p.step for p in reports] == [2, 3] and any("resuming from" in line for line in lines)
    assert json.loads((adapter / "training_info.json").read_text())["steps"] == 3
    assert not (tmp_path / "adapters" / "tiny.work").exists()


def test_train_tab_runs_one_job_at_a_time_and_stops_cleanly(tiny_base, data_file, tmp_path):
    gr = pytest.importorskip("gradio")
    from train.tabs.train import TrainingJob, build_train_tab

    with gr.Blocks():
        build_train_tab()
    job = TrainingJob()
    stopped = threading.Event()
    config = tiny_config(tiny_base, data_file, tmp_path, max_steps=50, save_steps=100)
    job.start(config, owner="me")
    with pytest.raises(RuntimeError, match="already running"):
        job.start(config, owner="someone else")
    while not job.progress and job.thread.is_alive():
        stopped.wait(0.05)
    assert job.stop()
    job.thread.join(timeout=60)
    assert job.status == "stopped" and job.result.stopped and job.error is None
    assert not (tmp_path / "adapters" / "tiny").exists()
    assert any("stop requested" in line for line in job.log) and job.log[-1].endswith("training stopped")


def test_train_tab_inputs_become_the_job_config():
    pytest.importorskip("gradio")
    from dataclasses import replace

    from train.tabs.train import BUILT_IN, HYPER_FIELDS, TAB_DEFAULTS, job_config

    shown = replace(SFTJobConfig(), **TAB_DEFAULTS)
    values = {key: getattr(shown, key) for key in HYPER_FIELDS if key not in ("target_modules", "bf16")}
    values |= {"target_modules": "q_proj, v_proj", "bf16": "off", "adapter_dtype": "float16", "r": 8}
    config = job_config(" ", BUILT_IN, None, False, "mine", values)
    assert config == replace(shown, base_model="embedded", output_dir=config.output_dir, data=config.data,
                             target_modules=["q_proj", "v_proj"], bf16=False, adapter_dtype="float16", r=8)
    assert config.output_dir.endswith("adapters/mine") and config.data.endswith("data/train.jsonl")
    with pytest.raises(ValueError, match="shipped adapter"):
        job_config("", BUILT_IN, None, False, "default", values)


def test_train_tab_shows_the_command_the_status_and_a_worse_adapter(tmp_path, monkeypatch):
    pytest.importorskip("gradio")
    import train.tabs.train as tab
    from train.sft import Progress

    config = replace_config(tab, output_dir=str(tab.ADAPTERS_DIR / "mine"), r=8)
    assert tab.command_line(config) == "python -m train.sft --output-dir adapters/mine --r 8"
    uploaded = replace_config(tab, data=str(tmp_path / "mine.jsonl"), output_dir=str(tab.ADAPTERS_DIR / "mine"))
    assert tab.command_line(uploaded) == "python -m train.sft --data mine.jsonl --output-dir adapters/mine"
    job = tab.TrainingJob(status="running", owner="someone", config=replace_config(tab, eval_rows=0),
                          log=["12:00:00 loading x ..."])
    monkeypatch.setattr(tab, "JOB", job)
    assert tab.status_markdown(None).endswith("(started by another user) · preparing: loading x ...")
    job.progress = [Progress(1, 10, 2.5, 1e-4, 0.1, 3.0, 27.0, 100),
                    Progress(1, 10, None, None, 0.1, 4.0, None, 0, eval_loss=2.75)]
    assert "step 1/10 · loss 2.5000 · validation loss 2.7500 · lr 1.00e-04 · " in tab.status_markdown(None)
    assert tab.loss_frame().values.tolist() == [[1, 2.5, "training (weighted)"], [1, 2.75, "validation"]]
    info = {"adapter_dir": "adapters/mine", "eval_rows": 20, "metrics_before": {"accuracy": 0.5},
            "metrics_after": {"accuracy": 0.4}}
    assert tab.worse_than_base(info).startswith("mine got 40% of the 20 validation rows right and the base model 50%")
    assert tab.worse_than_base({**info, "metrics_after": {"accuracy": 0.5}}) is None


def replace_config(tab, **changes):
    """An SFTJobConfig as the Train tab makes them (absolute paths)."""
    return SFTJobConfig(**{"data": str(tab.ROOT / "data" / "train.jsonl"), **changes})


def test_training_and_evaluation_read_a_rows_tools_alike(tokenizer):
    from fc.tools import load_tool_schemas
    from train.evaluate import prompt_for

    class Handle:
        def render(self, messages, tools, system=None):
            return render(tokenizer, messages, tools, add_generation_prompt=True)

    chat = [{"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hello!"}]
    for row, declared in (({"messages": chat}, True), ({"messages": chat, "tools": []}, False)):
        trained = tokenize_rows([row], tokenizer, 4096).input_ids[0]
        prompt = tokenizer(prompt_for(row, Handle()), add_special_tokens=False)["input_ids"]
        assert trained[:len(prompt)] == prompt  # no `tools`: the built-ins in both; []: no tools in both
        assert ("<tools>" in tokenizer.decode(trained)) == declared
        assert (load_tool_schemas()[0]["function"]["name"] in tokenizer.decode(prompt)) == declared
