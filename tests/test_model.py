"""Model handle: tiny random Llama for the mechanics, the real embedded model for integration."""
import pytest

from fc.model import GenerationSettings, ModelHandle, resolve_adapter

SHORT = GenerationSettings(max_new_tokens=8)


def test_stream_and_generate_agree(tiny_handle):
    prompt = tiny_handle.render([{"role": "user", "content": "hi"}], [])
    assert "".join(tiny_handle.stream(prompt, SHORT)) == tiny_handle.generate(prompt, SHORT)


def test_batched_generation_equals_one_by_one(tiny_handle):
    prompts = [tiny_handle.render([{"role": "user", "content": t}], [])
               for t in ["hi", "What's the weather in Paris today, please?", "東京は何時？"]]
    assert tiny_handle.generate_many(prompts, SHORT, batch_size=3) == [tiny_handle.generate(p, SHORT) for p in prompts]


def test_missing_adapter_folder_is_a_clear_error(tmp_path):
    assert resolve_adapter("none") is None
    assert resolve_adapter("default", base=str(tmp_path)) is None  # the shipped adapter fits the embedded base only
    with pytest.raises(FileNotFoundError, match="adapter_config.json"):
        resolve_adapter(tmp_path)


def test_embedded_model_loads_offline_and_generates(embedded_dir):
    assert (embedded_dir / "model.safetensors").exists()
    handle = ModelHandle.load("embedded", adapter="none", threads=2)
    assert handle.tokenizer.pad_token != handle.tokenizer.eos_token
    assert type(handle.model).__name__ == "LlamaForCausalLM"
    reply = handle.generate(handle.render([{"role": "user", "content": "Say hello."}], []),
                            GenerationSettings(max_new_tokens=12))
    assert reply.strip()


def test_shipped_adapter_makes_the_embedded_model_call_the_weather_tool(embedded_dir):
    from fc.model import DEFAULT_ADAPTER
    from fc.parse import parse
    from fc.tools import builtin_registry

    handle = ModelHandle.load("embedded", adapter="default", threads=2)
    assert handle.adapter == DEFAULT_ADAPTER
    registry = builtin_registry()
    reply = handle.generate(handle.render([{"role": "user", "content": "What's the weather in Paris?"}],
                                          registry.schemas), GenerationSettings(max_new_tokens=40))
    calls = parse(reply).tool_calls
    assert [(c.name, c.arguments.get("city")) for c in calls] == [("get_weather", "Paris")], reply
