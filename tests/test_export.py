"""train.export: a merged folder that plain transformers loads, whose chat template renders our prompts."""
import pytest

from conftest import tiny_llama
from fc.prompt import render
from fc.tools import load_tool_schemas
from train.export import lora_problem, main

TOOLS = load_tool_schemas()
SENT = [  # as an OpenAI client sends it to vLLM
    {"role": "user", "content": "Weather in Lyon?"},
    {"role": "assistant", "content": None, "tool_calls": [
        {"id": "call_1", "type": "function", "function": {"name": "get_weather", "arguments": '{"city": "Lyon"}'}}]},
    {"role": "tool", "tool_call_id": "call_1", "content": '{"city": "Lyon", "temperature": 16}'},
    {"role": "assistant", "content": "16 degrees in Lyon."},
]
OURS = [SENT[0], {"role": "assistant", "content": "", "tool_calls": [
    {"type": "function", "function": {"name": "get_weather", "arguments": {"city": "Lyon"}}}]},
    {"role": "tool", "name": "get_weather", "content": SENT[2]["content"]}, SENT[3]]


def make_adapter(folder, tokenizer, **lora):
    """A tiny random base model folder and a LoRA adapter for it (non-zero, so merging changes the weights)."""
    from peft import LoraConfig, get_peft_model

    tiny_llama(tokenizer).save_pretrained(folder / "base")
    tokenizer.save_pretrained(folder / "base")
    model = get_peft_model(tiny_llama(tokenizer), LoraConfig(r=4, target_modules=["q_proj", "v_proj"],
                                                             init_lora_weights=False, **lora))
    model.save_pretrained(folder / "mine")
    return folder / "base", folder / "mine"


@pytest.fixture
def adapter(tmp_path, tokenizer):
    return make_adapter(tmp_path, tokenizer)


def test_the_export_is_a_plain_model_whose_template_renders_our_prompt(adapter, tmp_path, tokenizer, capsys):
    import torch
    from peft import PeftModel
    from transformers import AutoModelForCausalLM, AutoTokenizer

    base, mine = adapter
    out = tmp_path / "export"
    assert main(["--adapter", str(mine), "--out", str(out), "--base-model", str(base)]) == 0
    printed = capsys.readouterr().out
    assert (out / "model.safetensors").exists() and (out / "chat_template.jinja").exists()
    assert f"vllm serve {out} --served-model-name mine --enable-auto-tool-choice --tool-call-parser hermes" in printed
    assert f"--enable-lora --max-lora-rank 4 --lora-modules mine={mine}" in printed and "sglang" in printed

    merged, exported = AutoModelForCausalLM.from_pretrained(out), AutoTokenizer.from_pretrained(out)
    unmerged = PeftModel.from_pretrained(AutoModelForCausalLM.from_pretrained(base), mine)
    ids = torch.tensor([tokenizer("What's the weather in Lyon?")["input_ids"]])
    with torch.no_grad():
        assert torch.allclose(merged(ids).logits, unmerged(ids).logits, atol=1e-5)
    for end in (1, 3, 4):
        for generation in (True, False):
            assert exported.apply_chat_template(SENT[:end], tools=TOOLS, tokenize=False,
                                                add_generation_prompt=generation) == \
                render(tokenizer, OURS[:end], TOOLS, add_generation_prompt=generation)


def test_an_adapter_with_modules_to_save_is_exported_merged_only(tmp_path, tokenizer, capsys):
    base, mine = make_adapter(tmp_path, tokenizer, modules_to_save=["down_proj"])
    assert "modules_to_save" in lora_problem(mine)
    assert main(["--adapter", str(mine), "--out", str(tmp_path / "export"), "--base-model", str(base)]) == 0
    printed = capsys.readouterr().out
    assert "--enable-lora" not in printed and "cannot be served unmerged" in printed
    assert main(["--adapter", str(tmp_path / "nothing"), "--out", str(tmp_path / "x"), "--base-model", str(base)]) == 2


def test_the_shipped_adapter_can_be_served_unmerged():
    from fc.model import DEFAULT_ADAPTER

    assert lora_problem(DEFAULT_ADAPTER) is None
