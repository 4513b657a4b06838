"""The app: builds offline, and holds multi-turn tool-calling conversations through gradio_client (fake model),
alone or side by side with a second model."""
import json
import socket
from pathlib import Path

import pytest

gr = pytest.importorskip("gradio")
gradio_client = pytest.importorskip("gradio_client")

import app  # noqa: E402
from fc.agent import CallWriting, Final, ImageProduced, ModelTurn, TextDelta, ToolFinished, ToolStarted  # noqa: E402
from fc.builtins import images  # noqa: E402
from fc.parse import parse  # noqa: E402
from fc.tabs.chat import EXAMPLES, Conversation, adapter_choices  # noqa: E402
from fc.tabs.transcript import Transcript, fenced, settle  # noqa: E402
from scripted_model import ScriptedModel  # noqa: E402

OTHER = "/models/other-adapter"  # the adapter that gets the second fake model


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """The app with a scripted fake model and the tiny random image pipeline, on a free local port."""
    out = tmp_path_factory.mktemp("outputs")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(images.settings, "model", images.TINY_RANDOM)
        mp.setattr(images.settings, "output_dir", out)
        mp.setenv("FC_FLAG_DIR", str(tmp_path_factory.mktemp("flags")))
        fake = ScriptedModel()
        other = ScriptedModel(reply=lambda messages, tools, settings: "I would rather not say.", label="other fake")
        demo = app.build_app(lambda base, adapter: other if adapter == OTHER else fake)
        demo.queue(default_concurrency_limit=1)
        port = free_port()
        demo.launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, quiet=True)
        app.serve_api(demo, lambda: fake, "test-model")
        try:
            yield f"http://127.0.0.1:{port}/", fake
        finally:
            demo.close()


def summarize(chat: list[dict]) -> list[tuple[str, str]]:
    """(kind, text) per message: user / reply / step (title + status) / file (path)."""
    rows = []
    for m in chat:
        part = m["content"][0]
        if part["type"] == "file":
            rows.append(("file", part["file"] if isinstance(part["file"], str) else part["file"]["path"]))
        elif m.get("metadata") and m["metadata"].get("title"):
            rows.append(("step", f"{m['metadata']['title']} [{m['metadata'].get('status')}] {part['text']}"))
        else:
            rows.append((m["role"] if m["role"] == "user" else "reply", part["text"]))
    return rows


def send(c, text: str, **kwargs):
    """Send `text` (in the Chat tab, through its API); the textbox, the chat, and each streamed chat."""
    job = c.submit(text, api_name="/chat", **kwargs)
    textbox, chat = job.result()[:2]
    return textbox, chat, [summarize(o[1]) for o in job.outputs() if isinstance(o[1], list)]


def test_two_turns_with_tools_images_and_history(served, tmp_path):
    url, fake = served
    c = gradio_client.Client(url, verbose=False, download_files=str(tmp_path))

    textbox, chat, stream = send(c, "What's the weather in Paris?")
    rows = summarize(chat)
    assert textbox == ""
    assert [k for k, _ in rows] == ["user", "reply", "step", "reply"]
    assert rows[1][1] == "Let me check."
    assert rows[2][1].startswith("⚙ get_weather · simulated [done]") and '"city": "Paris"' in rows[2][1]
    weather = json.loads(rows[2][1].split("**Result**\n```json\n")[1].split("\n```")[0])
    assert rows[3][1] == f"In Paris it is {weather['temperature']} degrees and {weather['condition']}."
    assert any(r[-1][0] == "step" and r[-1][1].startswith("⚙ get_weather [pending]") for r in stream), \
        "the step is shown while it runs"
    pending = [r[-1][1] for r in stream if r[-1][0] == "step" and "[pending]" in r[-1][1]]
    assert pending[0].startswith("Thinking… [pending]"), "something shows at once, before the model writes"
    assert any(p.startswith("Calling get_weather… [pending]") for p in pending), "and once it begins a call"
    partial = [r[-1][1] for r in stream if r[-1][0] == "reply" and r[-1][1] != rows[3][1]]
    assert any(rows[3][1].startswith(p) for p in partial), "the final reply streams in pieces"

    textbox, chat, stream = send(c, "Draw a cat on the moon", image_steps=1, image_width=64, image_height=64,
                                 image_seed=3)
    rows = summarize(chat)
    assert [k for k, _ in rows] == ["user", "reply", "step", "reply", "user", "step", "file", "reply"]
    assert rows[4] == ("user", "Draw a cat on the moon")
    assert rows[5][1].startswith("⚙ generate_image [done]")
    assert any("Generating image…" in r[-1][1] for r in stream if r[-1][0] == "step")
    assert rows[6][1].endswith(".png") and Path(rows[6][1]).is_file()
    assert rows[7] == ("reply", "Here is your image.")
    assert '"width": 64' in rows[5][1]  # the image settings from the side panel were used

    second_prompt = fake.asked[-2].messages  # turn 2, first round: the whole history in our dataset format
    assert [m["role"] for m in second_prompt] == ["user", "assistant", "tool", "assistant", "user"]
    assert second_prompt[1]["tool_calls"][0]["function"] == {"name": "get_weather", "arguments": {"city": "Paris"}}
    assert json.loads(second_prompt[2]["content"])["city"] == "Paris"


def test_two_clients_do_not_share_history(served):
    url, _ = served
    alice, bob = gradio_client.Client(url, verbose=False), gradio_client.Client(url, verbose=False)
    send(alice, "What's the weather in Oslo?")
    _, chat, _ = send(bob, "Hello")
    assert summarize(chat) == [("user", "Hello"), ("reply", "I can only talk about the weather.")]
    _, chat, _ = send(alice, "And the weather in Rome?")
    assert [text for kind, text in summarize(chat) if kind == "user"] == [
        "What's the weather in Oslo?", "And the weather in Rome?"]


def test_invalid_tools_json_keeps_the_message_and_sends_nothing(served):
    url, fake = served
    c = gradio_client.Client(url, verbose=False)
    asked = len(fake.asked)
    textbox, chat, _ = send(c, "What's the weather in Paris?", tools_json='[{"type": "function"')
    assert textbox == "What's the weather in Paris?"
    assert chat == {"__type__": "update"}  # left as it was
    assert len(fake.asked) == asked


def ask_with_one_tool(served, text: str, tool: str, **kwargs) -> list[tuple[str, str]]:
    """Ask `text` with only the built-in `tool` in the tools JSON, named alone; the summarized chat."""
    c = gradio_client.Client(served[0], verbose=False)
    _, chat, _ = send(c, text, tools_json=json.dumps([tool]), **kwargs)
    return summarize(chat)


def test_a_call_to_a_builtin_tool_left_out_of_the_tools_is_declined_in_a_step(served):
    rows = ask_with_one_tool(served, "What's the weather in Paris?", "get_time")
    assert rows[1][1].startswith("⊘ get_weather: not in this chat's tools [done]") and '"Paris"' in rows[1][1]
    assert rows[2:] == [("reply", "I can't do that with the tools of this chat.")]


def test_a_declined_call_beside_a_declared_one_lets_that_one_run(served):
    rows = ask_with_one_tool(served, "What's the weather and time in Paris?", "get_weather")
    assert rows[1] == ("reply", "Let me check.")
    assert rows[2][1].startswith("⊘ get_time: not in this chat's tools [done]")
    assert "only get_weather runs" in rows[2][1]
    assert rows[3][1].startswith("⚙ get_weather · simulated [done]")
    kind, reply = rows[4]  # the fake answers from both results: the weather, and the declined call's error
    assert kind == "reply" and reply.startswith("In Paris it is ")
    assert reply.endswith("Sorry, that failed: get_time is not one of this chat's tools")


def test_without_decoys_a_call_the_tools_do_not_allow_is_shown_as_an_error_step(served):
    rows = ask_with_one_tool(served, "What's the weather in Paris?", "get_time", decoys=False)
    assert rows[2][1].startswith("✗ get_weather: unknown tool 'get_weather' (available: get_time) [done]")
    assert rows[3][1].startswith("Sorry, that failed: unknown tool 'get_weather'")


def test_the_system_prompt_reaches_the_model(served):
    url, fake = served
    send(gradio_client.Client(url, verbose=False), "Hello", system="  Answer like a pirate.  ")
    assert fake.asked[-1].system == "Answer like a pirate."


def test_an_image_model_that_cannot_load_here_is_refused_at_once_with_what_to_pick(served):
    rows = ask_with_one_tool(served, "Draw a cat on the moon", "generate_image",
                             image_model=images.DEFAULT_IMAGE_MODEL)  # HF_HUB_OFFLINE is set in the tests
    step = rows[1][1]
    assert step.startswith(f"✗ generate_image: No image model: {images.DEFAULT_IMAGE_MODEL} is not downloaded and "
                           "the Hub cannot be reached (HF_HUB_OFFLINE is set) [done]")
    assert "tiny-random" in step and rows[2][0] == "reply"


def test_compare_sends_the_message_to_both_models_and_streams_both(served):
    c = gradio_client.Client(served[0], verbose=False)
    job = c.submit("What's the weather in Oslo?", compare=True, base_b="embedded", adapter_b=OTHER, api_name="/chat")
    textbox, chat_a, chat_b, header_a, header_b = job.result()
    a, b = summarize(chat_a), summarize(chat_b)
    assert [k for k, _ in a] == ["user", "reply", "step", "reply"] and a[3][1].startswith("In Oslo it is")
    assert b == [("user", "What's the weather in Oslo?"), ("reply", "I would rather not say.")]
    assert header_a.startswith("**A** · scripted fake model · ") and header_a.endswith(" s · 1 tool call")
    assert header_b.startswith("**B** · other fake · ") and header_b.endswith(" s · 0 tool calls")
    # Each side streams on its own: which one moves first depends on timing, so check each side's own updates.
    side_a = [summarize(o[1]) for o in job.outputs() if isinstance(o[1], list)]
    side_b = [summarize(o[2]) for o in job.outputs() if isinstance(o[2], list)]
    assert any(len(x) == 2 and x[-1][1].startswith("Thinking…") for x in side_a), "A shows a pending reply"
    assert any(len(x) == 2 and x[-1][1].startswith("Thinking…") for x in side_b), "B shows a pending reply"
    assert {2, 4} <= {len(x) for x in side_a}, "A's transcript grows as its model works"


def test_a_model_that_fails_to_load_gives_a_message_not_a_traceback(tmp_path):
    def broken(base, adapter):
        raise OSError(f"{base} is not a model folder")

    demo = app.build_app(broken)
    demo.queue()
    port = free_port()
    demo.launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, quiet=True)
    try:
        _, chat, _ = send(gradio_client.Client(f"http://127.0.0.1:{port}/", verbose=False), "Hi",
                          base="/nowhere")
    finally:
        demo.close()
    rows = summarize(chat)
    assert rows[0] == ("user", "Hi")
    assert rows[1][1].startswith("✗ model not loaded [done] Could not load /nowhere")
    assert "OSError: /nowhere is not a model folder" in rows[1][1] and "Traceback" not in rows[1][1]


def test_transcript_maps_events_to_messages():
    display = [{"role": "user", "content": "Weather in Paris and Tokyo?"}]
    t = Transcript(display, turn_no=1)
    t.wait()
    assert display[-1]["metadata"]["title"] == "Thinking…" and display[-1]["metadata"]["status"] == "pending"
    t.add(TextDelta("Checking"))
    assert display[1:] == [{"role": "assistant", "content": "Checking"}], "the first text replaces the placeholder"
    t.add(CallWriting("get_weather"))
    t.add(CallWriting("generate_image"))
    assert len(display) == 3 and display[-1]["metadata"]["title"] == "Calling get_weather, generate_image…"
    t.add(ModelTurn("", [], '<tool_call>{"name": "get_weather"}</tool_call>'))
    assert len(display) == 1, "a bubble left empty by a pure call is dropped, and the placeholder with it"
    t.add(ToolStarted("call_0_0", "get_weather", {"city": "Paris"}))
    t.add(ToolStarted("call_0_1", "generate_image", {"prompt": "a fox"}))
    assert display[1]["metadata"] == {"title": "⚙ get_weather", "status": "pending", "id": "turn1-call_0_0"}
    assert "Generating image…" in display[2]["content"]
    t.add(ToolFinished("call_0_1", "generate_image", {"prompt": "a fox"}, {"image": "/tmp/x.png"}, 1.234))
    assert display[-1]["metadata"]["title"] == "Thinking…", "while a call runs or the model reads, it says so"
    t.add(ImageProduced("call_0_1", "/tmp/x.png"))
    t.add(ToolFinished("call_0_0", "get_weather", {"city": "Paris"}, {"error": "boom. Try again later."}, 0.5))
    assert display[1]["metadata"]["title"] == "✗ get_weather: boom"
    assert display[1]["metadata"]["status"] == "done" and display[1]["metadata"]["duration"] == 0.5
    assert display[2]["metadata"] == {"title": "⚙ generate_image", "status": "done", "id": "turn1-call_0_1",
                                      "duration": 1.234}
    assert display[3] == {"role": "assistant", "content": {"path": "/tmp/x.png", "alt_text": "a fox"}}
    t.add(ModelTurn("Partial.", [], "Partial."))
    t.add(Final("Partial.\n(Stopped after 1 tool rounds without a final answer.)", []))
    assert display[-1]["content"].endswith("(Stopped after 1 tool rounds without a final answer.)")
    assert len(display) == 5


def test_a_stopped_turn_is_settled_before_the_next():
    display = [{"role": "user", "content": "Hi"}]
    t = Transcript(display, turn_no=1)
    t.add(ToolStarted("call_0_0", "get_weather", {"city": "Paris"}))
    t.wait()
    assert [m["metadata"]["status"] for m in display[1:]] == ["pending", "pending"]
    settled = settle(display)
    assert len(settled) == 2 and settled[1]["metadata"]["title"] == "⚙ get_weather (stopped)"
    assert settled[1]["metadata"]["status"] == "done"


def test_malformed_calls_and_empty_replies_are_visible():
    display = []
    t = Transcript(display, turn_no=1)
    raw = '<tool_call>{"name": "get_weather", "arguments": {</tool_call>'
    t.add(ModelTurn("", [], raw, parse(raw).errors))
    assert display[0]["metadata"]["title"] == "✗ invalid tool call"
    t.add(Final("", []))
    assert display[-1]["content"] == "*(the model gave no reply)*"


def test_model_text_with_backticks_stays_inside_its_code_block():
    raw = "```json\n{}\n``` and then ````` five"
    block = fenced(raw, "text")
    assert block.startswith("``````text\n") and block.endswith("\n``````")
    display = []
    Transcript(display, turn_no=1).add(ModelTurn("", [], raw, ["bad call"]))
    assert "``````text\n" + raw + "\n``````" in display[0]["content"]


def test_rewinding_a_conversation_forgets_that_turn_and_the_later_ones():
    c = Conversation()
    for n in (1, 2, 3):
        c.begin(f"question {n}")
        c.display.append({"role": "assistant", "content": f"answer {n}"})
        c.messages += [{"role": "user", "content": f"question {n}"}, {"role": "assistant", "content": f"answer {n}"}]
    c.begin("question 4")  # failed before the model answered: in the display only
    assert c.turn_at(5) == 2 and c.turn_at(4) == 2 and c.turn_at(6) == 3
    assert c.rewind(3) == "question 4" and len(c.messages) == 6
    assert c.rewind(c.turn_at(3)) == "question 2"
    assert [m["content"] for m in c.display] == ["question 1", "answer 1"] and len(c.messages) == 2
    assert c.rewind(5) is None and len(c.starts) == 1


def test_examples_cover_english_chinese_parallel_negative_and_follow_up():
    wanted = {"Weather in Paris and Tokyo?", "Why is the sky blue?", "什麼是吉卜力風格？", "And in Barcelona?"}
    assert wanted <= set(EXAMPLES)
    assert any("畫" in e for e in EXAMPLES) and any("幾點" in e for e in EXAMPLES)


def test_adapter_choices_list_default_none_and_trained_folders(tmp_path, monkeypatch):
    import fc.tabs.chat as chat

    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "adapter_config.json").write_text("{}")
    (tmp_path / "not-an-adapter").mkdir()
    monkeypatch.setattr(chat, "ADAPTERS_DIR", tmp_path)
    values = [value for _, value in adapter_choices("/elsewhere/adapter")]
    assert values == ["default", "none", str(tmp_path / "mine"), "/elsewhere/adapter"]


def test_help_lists_the_options(capsys):
    with pytest.raises(SystemExit):
        app.parse_args(["--help"])
    text = capsys.readouterr().out
    for option in ("--host", "--port", "--share", "--base-model", "--adapter", "--image-model", "--threads",
                   "--mcp", "--api", "--concurrency"):
        assert option in text


def test_mcp_tools_are_api_endpoints_when_asked():
    demo = app.build_app(lambda base, adapter: ScriptedModel(), mcp_tools=True)
    names = {fn.api_name for fn in demo.fns.values()}
    assert {"chat", "get_weather", "get_time", "generate_image"} <= names
    reason = app.mcp_unsupported_reason()
    assert reason is None or "mcp" in reason.lower()


def test_the_api_is_served_beside_the_app(served):
    from fc.tools import load_tool_schemas

    openai = pytest.importorskip("openai")
    url, fake = served
    client = openai.OpenAI(base_url=url + "v1", api_key="none", max_retries=0)
    assert [m.id for m in client.models.list().data] == ["test-model"]
    messages = [{"role": "user", "content": "Weather in Oslo?"}]
    reply = client.chat.completions.create(model="test-model", messages=messages, tools=load_tool_schemas()).choices[0]
    assert [(c.function.name, json.loads(c.function.arguments)) for c in reply.message.tool_calls] == [
        ("get_weather", {"city": "Oslo"})]
    assert gradio_client.Client(url, verbose=False).view_api(return_format="dict")  # the app still answers


def test_the_chat_tab_can_talk_to_an_endpoint(served):
    url, fake = served  # the endpoint is this app's own API, serving the same fake model
    c = gradio_client.Client(url, verbose=False)
    before = len(fake.asked)
    _, chat, _ = send(c, "What's the weather in Lima?", api_base=url + "v1", api_model="test-model")
    rows = summarize(chat)
    assert [k for k, _ in rows] == ["user", "reply", "step", "reply"]
    assert rows[2][1].startswith("⚙ get_weather") and rows[3][1].startswith("In Lima it is")
    assert len(fake.asked) == before + 2  # the call and the answer went through the API
    _, chat, _ = send(c, "hi", api_base="http://127.0.0.1:9/v1")
    assert "Could not connect to http://127.0.0.1:9/v1" in summarize(chat)[-1][1]


def test_training_on_zerogpu_is_refused_with_a_reason(monkeypatch):
    from train.sft import SFTJobConfig
    from train.tabs.train import TrainingJob

    monkeypatch.setenv("SPACES_ZERO_GPU", "true")
    with pytest.raises(RuntimeError, match="ZeroGPU lends one per request"):
        TrainingJob().start(SFTJobConfig())
