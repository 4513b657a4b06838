"""A real browser (headless Chromium via Selenium, without an emoji font) uses the app as people do: asks about the
weather and sees the tool step and answer, sees something at once while a slow model thinks, gets a plain refusal
for an image offline, sees a call to a left-out built-in tool declined, retries, undoes and edits a turn, compares
two models side by side and flags which was right, watches an evaluation advance, and sees a finished training in
every adapter list and in the Chat tab.

Needs Debian's `chromium` and `chromium-driver` (installed by .ci/run); skipped without them. One app and one
browser serve the whole module. Screenshots go to test-artifacts/ (see SCREENSHOTS).
"""
import os
import re
import shutil
import socket
import time
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = shutil.which("chromedriver")
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
SCREENSHOTS = ["chat.png", "pending.png", "image-settings-offline.png", "image-offline.png", "declined.png",
               "declined-partial.png", "retry.png", "undo.png", "edit.png", "compare.png", "evaluate-progress.png",
               "train-finished.png", "use-in-chat.png", "sampling.png", "train.png", "train-hyperparameters.png",
               "evaluate.png"]
# characters that only an emoji font draws (emoji presentation by default, or forced by U+FE0F)
EMOJI = re.compile("[\U0001F000-\U0001FAFF\u231A\u231B\u23E9-\u23F3\u23F8-\u23FA\u2614\u2615\u2648-\u2653\u267F"
                   "\u2693\u26A1\u26AA\u26AB\u26BD\u26BE\u26C4\u26C5\u26CE\u26D4\u26EA\u26F2\u26F3\u26F5\u26FA"
                   "\u26FD\u2705\u270A\u270B\u2728\u274C\u274E\u2753-\u2755\u2757\u2795-\u2797\u27B0\u27BF\u2B1B"
                   "\u2B1C\u2B50\u2B55\uFE0F]")
NO_EMOJI_FONT = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <selectfont><rejectfont><glob>*Emoji*</glob></rejectfont></selectfont>
</fontconfig>
"""

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists() or CHROMEDRIVER is None,
    reason="headless browser test needs /usr/bin/chromium and chromedriver (apt-get install chromium chromium-driver)")
webdriver = pytest.importorskip("selenium.webdriver", reason="needs selenium (pip install selenium)")

from selenium.common.exceptions import StaleElementReferenceException  # noqa: E402
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

import app  # noqa: E402
import fc.tabs.chat  # noqa: E402
import train.tabs.train  # noqa: E402
from fc.builtins import images  # noqa: E402
from fc.flags import load_flags  # noqa: E402
from scripted_model import ScriptedModel  # noqa: E402
from train.sft import Progress, TrainResult  # noqa: E402

DEFAULT = ScriptedModel()
BY_BASE = {  # the base model named in a test picks its fake
    "slow": ScriptedModel(delay=2.0, label="slow fake model"),
    "steady": ScriptedModel(delay=0.15, label="steady fake model"),
    "other": ScriptedModel(reply=lambda messages, tools, settings: "I would rather not say.", label="other fake"),
}


def factory(base: str, adapter: str):
    if base in BY_BASE:
        return BY_BASE[base]
    return DEFAULT if adapter == "default" else ScriptedModel(label=f"scripted fake model + {Path(adapter).name}")


def fake_training(config, on_progress=None, log=print, stop_event=None) -> TrainResult:
    """What `train.sft.train` reports and leaves behind, in a second: progress, an adapter folder, metrics that
    say the adapter is worse than the base model."""
    from train.evaluate import evaluate, load_rows

    log(f"loading {config.base_model} ...")
    for step in (1, 2, 3):
        time.sleep(0.2)
        on_progress(Progress(step, 3, 2.0 / step, 5e-4 * step / 3, step / 3, 0.2 * step, 0.2 * (3 - step), 100))
        if step > 1:
            on_progress(Progress(step, 3, None, None, step / 3, 0.2 * step, None, 0, eval_loss=1.5 - 0.3 * step))
    folder = Path(config.output_dir)
    folder.mkdir(parents=True)
    (folder / "adapter_config.json").write_text("{}")
    metrics = evaluate(load_rows(data=train.tabs.train.ROOT / "data" / "val.jsonl", limit=4), DEFAULT).metrics
    info = {"adapter_dir": str(folder), "eval_rows": 4, "metrics_before": {**metrics, "accuracy": 0.5},
            "metrics_after": {**metrics, "accuracy": 0.25}}
    return TrainResult("finished", str(folder), None, 3, 0.67, 0.8, info)


@pytest.fixture(scope="module")
def url(tmp_path_factory):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    adapters = tmp_path_factory.mktemp("adapters")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(images.settings, "model", images.DEFAULT_IMAGE_MODEL)  # not downloaded, and the Hub is offline
        mp.setenv("HF_HUB_OFFLINE", "1")
        mp.setenv("FC_FLAG_DIR", str(tmp_path_factory.mktemp("flags")))
        mp.setattr(fc.tabs.chat, "ADAPTERS_DIR", adapters)
        mp.setattr(train.tabs.train, "ADAPTERS_DIR", adapters)
        mp.setattr(train.tabs.train, "train", fake_training)
        demo = app.build_app(factory)
        demo.queue(default_concurrency_limit=1)
        demo.launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, quiet=True)
        yield f"http://127.0.0.1:{port}/"
        demo.close()


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    profile = tmp_path_factory.mktemp("browser")
    fonts = profile / "fonts.conf"
    fonts.write_text(NO_EMOJI_FONT)  # the page must read well where no emoji font is installed
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1100", f"--user-data-dir={profile / 'profile'}"):
        options.add_argument(arg)
    env = {**os.environ, "SE_OFFLINE": "true", "FONTCONFIG_FILE": str(fonts)}  # SE_OFFLINE: no driver downloads
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SE_OFFLINE", "true")
        driver = webdriver.Chrome(options=options,
                                  service=webdriver.ChromeService(executable_path=CHROMEDRIVER, env=env))
    yield driver
    driver.quit()


def page(browser, url: str) -> WebDriverWait:
    """A fresh page of the app (a new session); its waiter."""
    browser.get(url)
    wait = WebDriverWait(browser, 30, poll_frequency=0.05, ignored_exceptions=[StaleElementReferenceException])
    wait.until(lambda d: d.find_element(By.CSS_SELECTOR, "#chat-input textarea"))
    return wait


def body(browser) -> str:
    return browser.find_element(By.TAG_NAME, "body").text


def text(browser, elem_id: str) -> str:
    """The text of element `elem_id` now (Gradio replaces elements as it updates them)."""
    return browser.find_element(By.ID, elem_id).get_attribute("innerText")


def shot(browser, name: str) -> None:
    """Save a screenshot; the page must not need an emoji font."""
    assert name in SCREENSHOTS
    ARTIFACTS.mkdir(exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / name))
    assert not EMOJI.findall(body(browser)), "only an emoji font draws these"


def type_into(browser, selector: str, text: str) -> None:
    box = browser.find_element(By.CSS_SELECTOR, selector)
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys(Keys.DELETE, text)


def ask(browser, text: str) -> float:
    """Type `text` and press Send; when it was pressed."""
    type_into(browser, "#chat-input textarea", text)
    browser.find_element(By.ID, "chat-send").click()
    return time.monotonic()


def open_section(browser, wait, title: str) -> None:
    """Open the accordion whose button starts with `title`."""
    wait.until(lambda d: next((b for b in d.find_elements(By.CSS_SELECTOR, "button, [role=button]")
                               if b.text.strip().startswith(title) and b.is_displayed()), None)).click()


def open_tab(browser, wait, name: str) -> None:
    wait.until(lambda d: next((b for b in d.find_elements(By.CSS_SELECTOR, "[role=tab]") if b.text == name),
                              None)).click()


def transcript(browser, which: str = "chat-transcript") -> str:
    return browser.find_element(By.ID, which).text


def scroll_to_end(browser, which: str = "chat-transcript") -> None:
    browser.execute_script(f"const log = document.querySelector('#{which} [role=log]');"
                           "if (log) log.scrollTop = log.scrollHeight;")


def test_weather_question_shows_the_tool_step_and_the_answer(url, browser):
    wait = page(browser, url)
    ask(browser, "What's the weather in Paris?")
    wait.until(lambda d: "degrees and" in transcript(d))
    step = wait.until(lambda d: next((t for t in d.find_elements(By.CSS_SELECTOR, "#chat-transcript [role=button]")
                                      if "get_weather" in t.text), None))
    assert "simulated" in step.text
    step.click()  # open the step to show its arguments and result
    wait.until(lambda d: "Result" in transcript(d))
    scroll_to_end(browser)  # show the result's end and the answer
    wait.until(lambda d: "Loaded scripted fake model" in body(d))
    shot(browser, "chat.png")
    shown = transcript(browser)
    assert "What's the weather in Paris?" in shown
    assert shown.index("get_weather") < shown.index("In Paris it is")
    assert '"city": "Paris"' in shown
    assert "Traceback" not in browser.page_source
    assert " threads · " in text(browser, "chat-hardware")


def test_a_slow_model_shows_a_pending_message_at_once(url, browser):
    wait = page(browser, url)
    type_into(browser, "#chat-base textarea", "slow")
    sent = ask(browser, "What's the weather in Paris?")
    wait.until(lambda d: "Thinking…" in transcript(d))
    shown_after = time.monotonic() - sent
    shot(browser, "pending.png")
    assert shown_after < 1.0, f"the pending message took {shown_after:.2f} s"
    wait.until(lambda d: "In Paris it is" in transcript(d))
    assert "Thinking…" not in transcript(browser)


def test_an_image_request_offline_is_refused_at_once_and_the_settings_say_why(url, browser):
    wait = page(browser, url)
    open_section(browser, wait, "Image generation")
    note = wait.until(lambda d: d.find_element(By.ID, "chat-image-note"))
    wait.until(lambda d: "No image model" in note.text)
    assert "HF_HUB_OFFLINE is set" in note.text and "tiny-random" in note.text
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'});", note)
    shot(browser, "image-settings-offline.png")
    sent = ask(browser, "Draw a cat on the moon")
    wait.until(lambda d: "No image model" in transcript(d))
    refused_after = time.monotonic() - sent
    wait.until(lambda d: "--image-model" in transcript(d))  # the fake's whole answer
    browser.execute_script("window.scrollTo(0, 0);")
    shot(browser, "image-offline.png")
    assert refused_after < 2.0, f"the refusal took {refused_after:.2f} s"
    assert "generate_image: No image model: stabilityai/sd-turbo is not downloaded" in transcript(browser)


def ask_with_tools(browser, url: str, tools_json: str, question: str, answer: str, detail: str,
                   screenshot: str) -> str:
    """Put `tools_json` in the tools editor, ask `question`, wait for `answer`, open the declined step until it
    shows `detail`, save `screenshot`; the transcript's text."""
    wait = page(browser, url)
    open_section(browser, wait, "Tools (JSON)")
    editor = wait.until(lambda d: d.find_element(By.CSS_SELECTOR, ".cm-content"))
    editor.click()
    editor.send_keys(Keys.CONTROL, "a")
    editor.send_keys(Keys.DELETE, tools_json)
    wait.until(lambda d: "built-in tools left out" in body(d))
    ask(browser, question)
    wait.until(lambda d: answer in transcript(d))
    next(t for t in browser.find_elements(By.CSS_SELECTOR, "#chat-transcript [role=button]")
         if "not in this chat's tools" in t.text).click()
    wait.until(lambda d: detail in transcript(d))
    shot(browser, screenshot)
    return transcript(browser)


def test_a_call_to_a_builtin_tool_left_out_of_the_tools_json_is_declined(url, browser):
    # the other two built-ins become decoys
    text = ask_with_tools(browser, url, '[{"name": "get_time"}]', "What's the weather in Paris?",
                          "I can't do that with the tools of this chat.", '"city": "Paris"', "declined.png")
    assert text.index("get_weather: not in this chat's tools") < text.index("I can't do that")
    assert "Result" not in text  # nothing was run


def test_a_declined_call_beside_a_declared_one_lets_that_one_run(url, browser):
    text = ask_with_tools(browser, url, '["get_weather"]', "What's the weather and time in Paris?",
                          "get_time is not one of this chat's tools", "only get_weather runs", "declined-partial.png")
    assert text.index("get_time: not in this chat's tools") < text.index("In Paris it is")


def answered(browser, city: str) -> bool:
    """Whether the fake's whole answer about the weather in `city` is shown (not a part of it streamed so far)."""
    return re.search(rf"In {city} it is -?\d+ degrees and [a-z ]+\.", transcript(browser)) is not None


def click_chat_button(wait, label: str) -> None:
    """Click the Chatbot's button labelled `label` (Retry, Undo, Edit, Submit) once it is there and enabled."""
    def click(d):
        button = next((b for b in d.find_elements(By.CSS_SELECTOR, "#chat-transcript button")
                       if b.get_attribute("aria-label") == label and b.is_enabled()), None)
        return button is not None and (button.click() or True)

    wait.until(click)


def test_the_last_turn_can_be_retried_undone_and_a_message_edited(url, browser):
    wait = page(browser, url)
    ask(browser, "What's the weather in Rome?")
    wait.until(lambda d: answered(d, "Rome"))
    asked = len(DEFAULT.asked)
    click_chat_button(wait, "Retry")
    wait.until(lambda d: len(DEFAULT.asked) == asked + 2 and answered(d, "Rome"))
    assert transcript(browser).count("What's the weather in Rome?") == 1  # replaced, not repeated
    shot(browser, "retry.png")

    click_chat_button(wait, "Undo")
    wait.until(lambda d: "Rome" not in transcript(d))
    textbox = browser.find_element(By.CSS_SELECTOR, "#chat-input textarea")
    assert textbox.get_attribute("value") == "What's the weather in Rome?"  # back in the box, to change and resend
    shot(browser, "undo.png")

    browser.find_element(By.ID, "chat-send").click()
    wait.until(lambda d: answered(d, "Rome"))
    message = next(m for m in browser.find_elements(By.CSS_SELECTOR, "#chat-transcript .message")
                   if "What's the weather in Rome?" in m.text)
    ActionChains(browser).move_to_element(message).perform()
    click_chat_button(wait, "Edit")
    editor = wait.until(lambda d: d.find_element(By.CSS_SELECTOR, "#chat-transcript textarea"))
    editor.send_keys(Keys.CONTROL, "a")
    editor.send_keys(Keys.DELETE, "What's the weather in Oslo?")
    click_chat_button(wait, "Submit")
    wait.until(lambda d: answered(d, "Oslo"))
    assert "Rome" not in transcript(browser)
    shot(browser, "edit.png")


def test_compare_two_models_side_by_side_and_flag_which_was_right(url, browser):
    wait = page(browser, url)
    browser.find_element(By.CSS_SELECTOR, "#chat-compare input").click()
    wait.until(lambda d: d.find_element(By.ID, "chat-transcript-b").is_displayed())
    type_into(browser, "#chat-base-b textarea", "other")
    ask(browser, "What's the weather in Paris?")
    wait.until(lambda d: answered(d, "Paris") and "I would rather not say." in transcript(d, "chat-transcript-b"))
    header_a, header_b = (text(browser, f"chat-header-{side}") for side in "ab")
    assert re.fullmatch(r"A · scripted fake model · \d+\.\d s · 1 tool call", header_a), header_a
    assert re.fullmatch(r"B · other fake · \d+\.\d s · 0 tool calls", header_b), header_b
    browser.find_element(By.XPATH, "//*[@id='chat-verdict']//label[contains(., 'A was right')]").click()
    browser.find_element(By.ID, "chat-flag").click()
    wait.until(lambda d: "Flagged both conversations" in text(d, "chat-flag-status"))
    assert "/" not in text(browser, "chat-flag-status")  # no server path
    browser.execute_script("window.scrollTo(0, 0);")
    shot(browser, "compare.png")
    flagged = load_flags()[-2:]
    assert [(f["model"], f["compare"]["side"], f["compare"]["verdict"]) for f in flagged] == [
        ("scripted fake model", "A", "A"), ("other fake", "B", "A")]
    assert flagged[0]["compare"]["pair"] == flagged[1]["compare"]["pair"]


def test_evaluate_progress_advances_before_the_run_ends(url, browser):
    wait = page(browser, url)
    open_tab(browser, wait, "Evaluate")
    type_into(browser, "#eval-base textarea", "steady")
    type_into(browser, "#eval-max-rows input", "16")
    browser.find_element(By.ID, "eval-run").click()
    wait.until(lambda d: "8/16 rows" in text(d, "eval-status"))
    assert "ETA" in text(browser, "eval-status") and "✓" not in text(browser, "eval-status")
    shot(browser, "evaluate-progress.png")
    wait.until(lambda d: text(d, "eval-status").startswith("✓ steady fake model: 16 rows"))


def dropdown_choices(browser, wait, elem_id: str) -> list[str]:
    """The choices a dropdown (on the tab shown) offers when opened."""
    field = wait.until(lambda d: d.find_element(By.CSS_SELECTOR, f"#{elem_id} input"))
    field.click()
    options = wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, f"#{elem_id} li[role=option]"))
    names = [option.get_attribute("aria-label") for option in options]
    field.send_keys(Keys.ESCAPE)
    return names


def test_a_finished_training_is_in_every_adapter_list_and_use_in_chat_loads_it(url, browser):
    wait = page(browser, url)
    assert "browser-adapter" not in dropdown_choices(browser, wait, "chat-adapter")
    open_tab(browser, wait, "Train")
    type_into(browser, "#train-name textarea", "browser-adapter")
    wait.until(lambda d: re.search(r"--output-dir \S*/browser-adapter", text(d, "train-command")))  # from a shell
    browser.find_element(By.ID, "train-start").click()
    wait.until(lambda d: "Trained browser-adapter" in text(d, "train-status"))
    assert "worse than the base model" in text(browser, "train-status")
    log = browser.find_element(By.CSS_SELECTOR, "#train-log textarea").get_attribute("value")
    assert all(f"step {n}/3 loss" in log for n in (1, 2, 3)) and "step 3/3 validation loss 0.6000" in log
    shot(browser, "train-finished.png")
    open_tab(browser, wait, "Evaluate")
    assert "browser-adapter" in dropdown_choices(browser, wait, "eval-adapter")
    assert browser.find_element(By.ID, "eval-adapter-refresh").get_attribute("title").startswith("Read adapters/")
    open_tab(browser, wait, "Chat")
    browser.find_element(By.CSS_SELECTOR, "#chat-compare input").click()  # shows model B's picker too
    for picker in ("chat-adapter", "chat-adapter-b"):
        assert "browser-adapter" in dropdown_choices(browser, wait, picker), picker
    open_tab(browser, wait, "Train")
    browser.find_element(By.ID, "train-use-in-chat").click()
    wait.until(lambda d: d.find_element(By.ID, "chat-transcript").is_displayed())  # the Chat tab is shown
    wait.until(lambda d: "Loaded scripted fake model + browser-adapter" in text(d, "chat-model-status"))
    wait.until(lambda d: "worse than the base model" in body(d))  # the warning toast
    shot(browser, "use-in-chat.png")


@pytest.mark.parametrize("tab, control", [("Train", "train-start"), ("Evaluate", "eval-run")])
def test_train_and_evaluate_tabs_render_their_controls(url, browser, tab, control):
    wait = page(browser, url)
    open_tab(browser, wait, tab)
    wait.until(lambda d: d.find_element(By.ID, control).is_displayed())
    shot(browser, f"{tab.lower()}.png")
    assert "Error" not in body(browser)


def test_sampling_settings_show_the_call_threshold_guided_calls_and_decoys(url, browser):
    wait = page(browser, url)
    open_section(browser, wait, "Sampling")
    wait.until(lambda d: "Call threshold" in body(d))
    slider = next(s for s in browser.find_elements(By.CSS_SELECTOR, "input[type=number]")
                  if s.get_attribute("aria-label") and "Call threshold" in s.get_attribute("aria-label"))
    assert float(slider.get_attribute("value")) == 0.4
    guided = browser.find_element(By.XPATH, "//label[contains(., 'Guided tool calls')]//input[@type='checkbox']")
    decoys = browser.find_element(By.XPATH,
                                  "//label[contains(., 'Decline missing built-in tools')]//input[@type='checkbox']")
    assert guided.is_selected() and decoys.is_selected()
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'});", decoys)
    shot(browser, "sampling.png")


def test_train_tab_hyperparameters_start_from_the_shipped_recipe(url, browser):
    wait = page(browser, url)
    open_tab(browser, wait, "Train")
    open_section(browser, wait, "Hyperparameters")
    wait.until(lambda d: "Saved adapter weights" in body(d))
    rank = browser.find_element(By.XPATH, "//label[contains(., 'LoRA r')]//input[@type='number']")
    float16 = browser.find_element(By.CSS_SELECTOR, "input[type=radio][value=float16]")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'});", float16)
    shot(browser, "train-hyperparameters.png")
    assert rank.get_attribute("value") == "64" and float16.is_selected()
