"""Model handle: tiny random Llama for the mechanics, the real embedded model for integration."""
import pytest

from fc.model import ModelHandle, resolve_adapter
from fc.settings import GenerationSettings

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


def test_a_base_model_that_cannot_load_here_fails_before_any_download(tmp_path, monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with pytest.raises(FileNotFoundError, match=r"^someone/not-downloaded is not downloaded and the Hub cannot be "
                                                r"reached \(HF_HUB_OFFLINE is set\)$"):
        ModelHandle.load("someone/not-downloaded", adapter="default")
    with pytest.raises(FileNotFoundError, match=f"^there is no folder {tmp_path}/nope$"):
        ModelHandle.load(str(tmp_path / "nope"), adapter="default")


def test_the_hardware_line_says_where_the_model_runs_and_how_fast_it_replied(tiny_handle):
    from fc.tabs.hardware import hardware_line

    tiny_handle.stats.load_seconds = 1.25
    "".join(tiny_handle.stream(tiny_handle.render([{"role": "user", "content": "hi"}], []), SHORT))
    assert tiny_handle.stats.reply_tokens == SHORT.max_new_tokens and tiny_handle.stats.tokens_per_s > 0
    line = hardware_line(tiny_handle)
    assert line.startswith("cpu · float32 · ") and " threads · " in line and " GiB in use · " in line
    assert "loaded in 1.2 s" in line and f"last reply {SHORT.max_new_tokens} tokens at " in line


def test_embedded_model_loads_offline_and_generates(embedded_dir):
    assert (embedded_dir / "model.safetensors").exists()
    handle = ModelHandle.load("embedded", adapter="none", threads=2)
    assert handle.stats.load_seconds > 0
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


def test_call_decision_lets_a_reply_start_a_call_only_when_calling_is_more_likely_than_not():
    import torch

    from fc.model import CallDecision

    call = 0
    # row 0: the call token is the single most likely token (30%) but answering has 70% spread over words;
    # row 1: calling has 60%.
    probs = torch.tensor([[0.30, 0.10, 0.10, 0.10, 0.10, 0.10, 0.10, 0.10],
                          [0.60, 0.10, 0.10, 0.05, 0.05, 0.05, 0.05, 0.00]])
    decide = CallDecision(call, prompt_length=5, threshold=0.5)
    first = decide(torch.zeros(2, 5, dtype=torch.long), probs.clamp_min(1e-9).log())
    assert first.argmax(-1).tolist()[1] == call and first.argmax(-1).tolist()[0] != call
    assert first[0, call] < -1e30 and first[0, 1:].tolist() == probs[0, 1:].log().tolist()
    later = decide(torch.zeros(2, 6, dtype=torch.long), probs.clamp_min(1e-9).log())
    assert later.argmax(-1).tolist() == [call, call]  # only a reply's first token is decided


def test_generation_settings_decide_the_first_token_of_a_reply(tiny_handle):
    import torch

    h = tiny_handle
    prompt = h.render([{"role": "user", "content": "hi"}], [])
    token = h.call_token_id
    assert h.tokenizer.decode([token]) == "<"
    with torch.no_grad():  # give the call token 80% of the first step's probability
        logits = h.model(**h._encode([prompt])).logits[0, -1].float()
        others = torch.cat([logits[:token], logits[token + 1:]]).logsumexp(0)
        head = torch.nn.Linear(h.model.lm_head.in_features, h.model.lm_head.out_features, bias=True)
        head.weight = h.model.lm_head.weight
        head.bias.zero_()
        head.bias[token] = others + torch.log(torch.tensor(4.0)) - logits[token]
        h.model.lm_head = head

    def first(threshold):
        return h.generate(prompt, GenerationSettings(max_new_tokens=1, call_threshold=threshold))

    assert first(0) == first(0.5) == "<"
    assert first(0.9) not in ("", "<")


def test_answer_part_drops_a_call_opened_after_prose():
    from fc.model import answer_part, mid_reply_call, settled

    call = '<tool_call>\n{"name": "get_time", "arguments": {}}\n</tool_call>'
    assert mid_reply_call("A few ideas: " + call) == len("A few ideas: ")
    assert answer_part("A few ideas: " + call) == "A few ideas: "
    assert answer_part(call) == call and answer_part(" \n" + call) == " \n" + call  # a call reply stays whole
    assert answer_part("Plain answer.") == "Plain answer."
    assert [settled(t) for t in ("ok <", "ok <tool_c", "ok <tool_call>\n{", "a < b", call)] == [3, 3, 3, 5, len(call)]


class Scripted:
    """A logits processor that makes any model write `ids`, then end its turn; counts the steps it ran."""

    def __init__(self, ids: list[int], eos: int, prompt_length: int):
        self.ids, self.eos, self.prompt_length, self.steps = ids, eos, prompt_length, 0

    def __call__(self, input_ids, scores):
        step = input_ids.shape[1] - self.prompt_length
        self.steps = max(self.steps, step + 1)
        scores[:] = float("-inf")
        scores[:, self.ids[step] if step < len(self.ids) else self.eos] = 0.0
        return scores


@pytest.mark.parametrize("stream", [False, True])
def test_a_reply_that_begins_in_prose_ends_where_it_opens_a_call(tiny_handle, monkeypatch, stream):
    h = tiny_handle
    prompt = h.render([{"role": "user", "content": "Any ideas for dinner?"}], [])
    prose, call = "A few ideas: ", '<tool_call>\n{"name": "get_time", "arguments": {}}\n</tool_call>'
    gen_kwargs = h._gen_kwargs

    def run(text: str, threshold: float) -> tuple[str, int]:
        ids = h.tokenizer(text, add_special_tokens=False)["input_ids"]
        script = Scripted(ids, h.tokenizer.eos_token_id, h._encode([prompt])["input_ids"].shape[1])

        def scripted_kwargs(settings, prompt_length, tools, sources=None):
            kwargs = gen_kwargs(settings, prompt_length, tools, sources)
            return {**kwargs, "logits_processor": [script, *kwargs.get("logits_processor", [])]}

        monkeypatch.setattr(h, "_gen_kwargs", scripted_kwargs)
        settings = GenerationSettings(max_new_tokens=64, call_threshold=threshold, guided_calls=False)
        out = "".join(h.stream(prompt, settings)) if stream else h.generate(prompt, settings)
        return out, script.steps

    full = len(h.tokenizer(prose + call, add_special_tokens=False)["input_ids"])
    text, steps = run(prose + call, 0.4)
    assert text == prose and steps < full - 5  # stopped just after `<tool_call>`, which is never shown
    assert run(prose + call, 0)[0] == prose + call  # plain decoding leaves the reply alone
    assert run(call, 0.4)[0] == call  # a reply that starts with the call is a call
