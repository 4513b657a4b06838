"""A real browser (headless Chromium via Selenium) asks the app about the weather and sees the tool step and answer,
sees a call to a left-out built-in tool declined (alone, and beside a declared call that runs), and opens the
settings and the Train and Evaluate tabs.

Needs Debian's `chromium` and `chromium-driver` (installed by .ci/run); skipped without them. Saves
screenshots to test-artifacts/ (chat.png, declined.png, declined-partial.png, sampling.png, train.png,
train-hyperparameters.png, evaluate.png).
"""
import shutil
import socket
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = shutil.which("chromedriver")
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists() or CHROMEDRIVER is None,
    reason="headless browser test needs /usr/bin/chromium and chromedriver (apt-get install chromium chromium-driver)")
webdriver = pytest.importorskip("selenium.webdriver", reason="needs selenium (pip install selenium)")

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

import app  # noqa: E402
from scripted_model import ScriptedModel  # noqa: E402


@pytest.fixture(scope="module")
def url():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    demo = app.build_app(lambda base, adapter: ScriptedModel())
    demo.queue(default_concurrency_limit=1)
    demo.launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, quiet=True)
    yield f"http://127.0.0.1:{port}/"
    demo.close()


@pytest.fixture
def browser(tmp_path, monkeypatch):
    monkeypatch.setenv("SE_OFFLINE", "true")  # never let Selenium Manager go looking for drivers online
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1100", f"--user-data-dir={tmp_path / 'profile'}"):
        options.add_argument(arg)
    driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path=CHROMEDRIVER))
    yield driver
    driver.quit()


def test_weather_question_shows_the_tool_step_and_the_answer(url, browser):
    browser.get(url)
    wait = WebDriverWait(browser, 60)
    box = wait.until(lambda d: d.find_element(By.CSS_SELECTOR, "#chat-input textarea"))
    box.send_keys("What's the weather in Paris?")
    browser.find_element(By.ID, "chat-send").click()

    transcript = browser.find_element(By.ID, "chat-transcript")
    wait.until(lambda d: "degrees and" in transcript.text)
    step = wait.until(lambda d: next((t for t in d.find_elements(By.CSS_SELECTOR, "#chat-transcript [role=button]")
                                      if "get_weather" in t.text), None))
    step.click()  # open the step to show its arguments and result
    wait.until(lambda d: "Result" in transcript.text)
    browser.execute_script("const log = document.querySelector('#chat-transcript [role=log]');"
                           "log.scrollTop = log.scrollHeight;")  # show the result's end and the answer
    ARTIFACTS.mkdir(exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / "chat.png"))

    text = transcript.text
    assert "What's the weather in Paris?" in text
    assert text.index("get_weather") < text.index("In Paris it is")
    assert '"city": "Paris"' in text
    assert "Traceback" not in browser.page_source
    wait.until(lambda d: "Loaded scripted fake model" in d.find_element(By.TAG_NAME, "body").text)


def ask_with_tools(browser, url: str, tools_json: str, question: str, answer: str, detail: str,
                   screenshot: str) -> str:
    """Put `tools_json` in the tools editor, ask `question`, wait for `answer`, open the 🚫 step until it shows
    `detail`, save `screenshot`; the transcript's text."""
    browser.get(url)
    wait = WebDriverWait(browser, 60)
    wait.until(lambda d: next((b for b in d.find_elements(By.CSS_SELECTOR, "button, [role=button]")
                               if b.text.strip().startswith("Tools (JSON)")), None)).click()
    editor = wait.until(lambda d: d.find_element(By.CSS_SELECTOR, ".cm-content"))
    editor.click()
    editor.send_keys(Keys.CONTROL, "a")
    editor.send_keys(Keys.DELETE, tools_json)
    wait.until(lambda d: "built-in tools left out" in d.find_element(By.TAG_NAME, "body").text)
    browser.find_element(By.CSS_SELECTOR, "#chat-input textarea").send_keys(question)
    browser.find_element(By.ID, "chat-send").click()
    transcript = browser.find_element(By.ID, "chat-transcript")
    wait.until(lambda d: answer in transcript.text)
    next(t for t in browser.find_elements(By.CSS_SELECTOR, "#chat-transcript [role=button]")
         if "not in this chat's tools" in t.text).click()
    wait.until(lambda d: detail in transcript.text)
    ARTIFACTS.mkdir(exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / screenshot))
    return transcript.text


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


@pytest.mark.parametrize("tab, control", [("Train", "train-start"), ("Evaluate", "eval-run")])
def test_train_and_evaluate_tabs_render_their_controls(url, browser, tab, control):
    browser.get(url)
    wait = WebDriverWait(browser, 60)
    button = wait.until(lambda d: next((b for b in d.find_elements(By.CSS_SELECTOR, "[role=tab]") if b.text == tab),
                                       None))
    button.click()
    wait.until(lambda d: d.find_element(By.ID, control).is_displayed())
    ARTIFACTS.mkdir(exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / f"{tab.lower()}.png"))
    assert "Error" not in browser.find_element(By.TAG_NAME, "body").text


def test_sampling_settings_show_the_call_threshold_guided_calls_and_decoys(url, browser):
    browser.get(url)
    wait = WebDriverWait(browser, 60)
    sampling = wait.until(lambda d: next((b for b in d.find_elements(By.CSS_SELECTOR, "button, [role=button]")
                                         if b.text.strip().startswith("Sampling")), None))
    sampling.click()
    wait.until(lambda d: "Call threshold" in d.find_element(By.TAG_NAME, "body").text)
    slider = next(s for s in browser.find_elements(By.CSS_SELECTOR, "input[type=number]")
                  if s.get_attribute("aria-label") and "Call threshold" in s.get_attribute("aria-label"))
    assert float(slider.get_attribute("value")) == 0.4
    guided = browser.find_element(By.XPATH, "//label[contains(., 'Guided tool calls')]//input[@type='checkbox']")
    decoys = browser.find_element(By.XPATH,
                                  "//label[contains(., 'Decline missing built-in tools')]//input[@type='checkbox']")
    assert guided.is_selected() and decoys.is_selected()
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'});", decoys)
    ARTIFACTS.mkdir(exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / "sampling.png"))


def test_train_tab_hyperparameters_start_from_the_shipped_recipe(url, browser):
    browser.get(url)
    wait = WebDriverWait(browser, 60)
    wait.until(lambda d: next((b for b in d.find_elements(By.CSS_SELECTOR, "[role=tab]") if b.text == "Train"),
                              None)).click()
    wait.until(lambda d: next((b for b in d.find_elements(By.CSS_SELECTOR, "button, [role=button]")
                               if b.text.strip().startswith("Hyperparameters")), None)).click()
    wait.until(lambda d: "Saved adapter weights" in d.find_element(By.TAG_NAME, "body").text)
    rank = browser.find_element(By.XPATH, "//label[contains(., 'LoRA r')]//input[@type='number']")
    float16 = browser.find_element(By.CSS_SELECTOR, "input[type=radio][value=float16]")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'});", float16)
    ARTIFACTS.mkdir(exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / "train-hyperparameters.png"))
    assert rank.get_attribute("value") == "64" and float16.is_selected()
