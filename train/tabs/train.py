"""The Train tab: fine-tune a LoRA adapter in the background, watch it learn, compare before/after, use it in Chat.

One training runs at a time per server (`JOB`); every open page sees its progress.
"""
from __future__ import annotations

import re
import shutil
import threading
import time
import traceback
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

import gradio as gr
import pandas as pd

from fc import ADAPTERS_DIR, ROOT
from fc.embedded import EMBEDDED
from fc.tabs.chat import ChatTab, adapter_choices
from train.dataset import load_jsonl
from train.tabs.upload import check_upload
from train.sft import ADAPTER_DTYPES, Progress, SFTJobConfig, TrainResult, format_seconds, reproduce_command, train

BUILT_IN = "Built-in generated data (data/train.jsonl)"
UPLOAD = "Upload a JSONL file"
UPLOADS_DIR = ROOT / "runs" / "uploads"
ADAPTER_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
MAX_LOG_LINES = 400
# The tab starts from the shipped adapter's recipe (adapters/default/README.md) on fewer conversations, so that
# it trains in minutes on a CPU (bench/BENCHMARKS.md), plus the before/after evaluation.
TAB_DEFAULTS = dict(max_rows=600, chain=6, r=64, alpha=128, decision_weight=5.0, dropout=0.0, lr=5e-4, grad_accum=1,
                    max_length=2048, eval_rows=32, adapter_dtype="float16")


@dataclass
class TrainingJob:
    """The server's one training run: its config, progress, log and result, read by every page."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    status: str = "idle"  # idle | running | stopping | finished | stopped | failed
    owner: str | None = None  # session that started it (may stop it)
    config: SFTJobConfig | None = None
    started_at: float | None = None
    progress: list[Progress] = field(default_factory=list)
    log: list[str] = field(default_factory=list)
    result: TrainResult | None = None
    error: str | None = None
    version: int = 0  # bumped on every change, so pages redraw only when something changed
    stop_event: threading.Event = field(default_factory=threading.Event)
    thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        return self.status in ("running", "stopping")

    def start(self, config: SFTJobConfig, owner: str | None = None) -> None:
        """Start `config` in a background thread; RuntimeError while another training runs, and on ZeroGPU."""
        from fc.model import zero_gpu

        if zero_gpu():  # its GPU comes per call in a worker process, which this job's progress and Stop cannot reach
            raise RuntimeError("Training needs a GPU for the whole run, and ZeroGPU lends one per request for a few "
                               "minutes: train on a Space with GPU hardware, or with python -m train.sft on a GPU "
                               "machine, and load the adapter here.")
        with self.lock:
            if self.running:
                raise RuntimeError("A training is already running on this server; wait for it or stop it.")
            self.status, self.owner, self.config, self.started_at = "running", owner, config, time.time()
            self.progress, self.log, self.result, self.error = [], [], None, None
            self.stop_event = threading.Event()
            self.version += 1
            self.thread = threading.Thread(target=self._run, name="sft", daemon=True)
            self.thread.start()

    def stop(self) -> bool:
        with self.lock:
            if self.status != "running":
                return False
            self.status = "stopping"
            self.stop_event.set()
            self.version += 1
        self._log("stop requested: finishing the current step, then saving a checkpoint")
        return True

    def _log(self, line: str) -> None:
        with self.lock:
            self.log = [*self.log[-MAX_LOG_LINES + 1:], f"{time.strftime('%H:%M:%S')} {line}"]
            self.version += 1

    def _progress(self, report: Progress) -> None:
        with self.lock:
            self.progress = [*self.progress, report]
            self.version += 1
        self._log(report.line())

    def _run(self) -> None:
        try:
            result = train(self.config, on_progress=self._progress, log=self._log, stop_event=self.stop_event)
            status, error = result.status, None
        except Exception as e:  # shown in the tab; the traceback goes to the server log
            traceback.print_exc()
            result, status, error = None, "failed", f"{type(e).__name__}: {e}"
        with self.lock:
            self.result, self.status, self.error = result, status, error
            self.version += 1
        self._log({"finished": "training finished", "stopped": "training stopped",
                   "failed": f"training failed: {error}"}[status])


JOB = TrainingJob()


def adapter_value(adapter_dir: str | Path) -> str:
    """How the Chat tab's adapter dropdown names an adapter folder."""
    path = Path(adapter_dir)
    return "default" if path == ADAPTERS_DIR / "default" else str(path)


# the hyperparameter inputs of the tab, in order
HYPER_FIELDS = ["max_rows", "chain", "r", "alpha", "dropout", "target_modules", "decision_weight", "lr", "epochs",
                "max_steps", "batch_size", "grad_accum", "max_length", "seed", "threads", "bf16", "load_in_4bit",
                "eval_rows", "resume", "adapter_dtype"]


def job_config(base_model: str, dataset: str, upload: str | None, include_corrections: bool, name: str,
               values: dict, keep_upload: bool = True) -> SFTJobConfig:
    """The tab's inputs (`values`: the HYPER_FIELDS) as an `SFTJobConfig`; ValueError with what to fix.
    With `keep_upload`, an uploaded file is copied to runs/uploads/ for the run (else named as it is)."""
    name = (name or "").strip()
    if not ADAPTER_NAME.match(name):
        raise ValueError("Name the adapter with letters, digits, '.', '_' or '-' (at most 64 characters).")
    if name == "default":
        raise ValueError("'default' is the shipped adapter (trained with `python -m train.sft`); pick another name.")
    if dataset == UPLOAD:
        if not upload:
            raise ValueError("Upload a JSONL file first, or choose the built-in data.")
        load_jsonl(upload)  # DatasetError lists the bad lines
        data = Path(upload)
        if keep_upload:
            UPLOADS_DIR.mkdir(parents=True, exist_ok=True)
            data = UPLOADS_DIR / f"{time.strftime('%Y%m%d-%H%M%S')}-{Path(upload).name}"
            shutil.copyfile(upload, data)  # Gradio's upload cache may be cleaned while training runs
    else:
        data = ROOT / SFTJobConfig.data
        if not data.exists():
            raise ValueError(f"{data} is missing: generate it with `python -m train.data.generate`, or upload a file.")
    defaults = SFTJobConfig()
    numbers = {}
    for key in ("max_rows", "chain", "r", "alpha", "dropout", "decision_weight", "lr", "epochs", "max_steps",
                "batch_size", "grad_accum", "max_length", "seed", "threads", "eval_rows"):
        if values[key] is None:
            raise ValueError(f"Fill in the hyperparameter {key}.")
        numbers[key] = type(getattr(defaults, key))(values[key])
    return replace(defaults, base_model=(base_model or "").strip() or EMBEDDED, data=str(data),
                   output_dir=str(ADAPTERS_DIR / name), include_corrections=bool(include_corrections),
                   target_modules=[t.strip() for t in str(values["target_modules"]).split(",") if t.strip()],
                   bf16={"auto": None, "on": True, "off": False}[values["bf16"]],
                   load_in_4bit=bool(values["load_in_4bit"]), resume=bool(values["resume"]),
                   adapter_dtype=values["adapter_dtype"], **numbers)


def shown_path(path: str | Path) -> str:
    """A path as the page shows it: relative to the project when inside it."""
    path = Path(path)
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def command_line(config: SFTJobConfig) -> str:
    """The `python -m train.sft` command that runs `config` (project paths relative, an upload by its name)."""
    data = shown_path(config.data) if Path(config.data).is_relative_to(ROOT) else Path(config.data).name
    return reproduce_command({**asdict(config), "data": data, "output_dir": shown_path(config.output_dir)})


def worse_than_base(info: dict) -> str | None:
    """A warning when the trained adapter got fewer validation rows right than the base model."""
    before, after = info.get("metrics_before"), info.get("metrics_after")
    if not (before and after) or after["accuracy"] >= before["accuracy"]:
        return None
    return (f"{Path(info['adapter_dir']).name} got {after['accuracy']:.0%} of the {info['eval_rows']} validation "
            f"rows right and the base model {before['accuracy']:.0%}: it is worse than the base model there.")


def status_markdown(session: str | None) -> str:
    job = JOB
    if job.status == "idle":
        return "No training has run since the server started."
    who = "you" if job.owner == session else "another user"
    steps = [p for p in job.progress if p.loss is not None]
    validation = [p for p in job.progress if p.eval_loss is not None]
    if steps:
        latest = steps[-1]
        where = " · ".join([
            f"step {latest.step}/{latest.max_steps}", f"loss {latest.loss:.4f}",
            *([f"validation loss {validation[-1].eval_loss:.4f}"] if validation else []),
            *([f"lr {latest.learning_rate:.2e}"] if latest.learning_rate is not None else []),
            f"elapsed {format_seconds(latest.elapsed_s)}", f"ETA {format_seconds(latest.eta_s)}"])
    else:  # loading data and model, maybe evaluating the base model: say which, from the log
        where = "preparing: " + (job.log[-1].split(" ", 1)[-1] if job.log else "starting…")
    target = Path(job.config.output_dir).name
    if job.status == "running":
        return f"**Training `{target}`** (started by {who}) · {where}"
    if job.status == "stopping":
        return f"■ **Stopping `{target}`** · {where}"
    if job.status == "failed":
        return f"✗ **Training `{target}` failed:** {job.error}"
    if job.status == "stopped":
        checkpoint = job.result.checkpoint_dir if job.result else None
        return (f"■ **Stopped `{target}`** after {job.result.steps if job.result else 0} steps; the previous "
                "adapter (if any) is unchanged"
                + (f"; tick *Resume* and Start to continue from `{Path(checkpoint).name}`." if checkpoint else "."))
    result = job.result
    loss = f"{result.final_loss:.4f}" if result.final_loss is not None else "?"
    worse = worse_than_base(result.info)
    return (f"✓ **Trained `{target}`** in {format_seconds(result.seconds)}: {result.steps} steps, final loss "
            f"{loss}; saved to `{shown_path(result.adapter_dir)}`." + (f"  \n⚠ {worse}" if worse else ""))


def loss_frame() -> pd.DataFrame:
    """The loss plot's points: the training loss of every step and each validation-loss measurement."""
    rows = [(p.step, p.loss, "training (weighted)") for p in JOB.progress if p.loss is not None]
    rows += [(p.step, p.eval_loss, "validation") for p in JOB.progress if p.eval_loss is not None]
    return pd.DataFrame(rows, columns=["step", "loss", "series"]).astype({"step": int, "loss": float})


def loss_plot(**kwargs) -> gr.LinePlot:
    """The loss plot, its x axis in whole steps over the whole run. Without points it starts from None: a plot
    that starts from an empty frame never draws the points it gets later (Gradio 6.31)."""
    total = JOB.progress[-1].max_steps if JOB.progress else 0
    frame = loss_frame()
    return gr.LinePlot(frame if len(frame) else None, x_lim=[0, max(total, 10)], **kwargs)


def metrics_frame() -> pd.DataFrame:
    """Before/after metrics on the validation rows (empty until a run with evaluation finishes)."""
    from train.evaluate import metric_rows

    info = JOB.result.info if JOB.result else {}
    before, after = info.get("metrics_before"), info.get("metrics_after")
    if not after:
        return pd.DataFrame(columns=["metric", "before", "after", "n"])
    rows = [(name, b, a, n) for (name, b, _), (_, a, n) in zip(metric_rows(before), metric_rows(after))]
    return pd.DataFrame(rows, columns=["metric", "before", "after", "n"])


def build_train_tab(chat: ChatTab | None = None, tabs: gr.Tabs | None = None) -> gr.Number:
    """Build the Train tab inside the current Blocks/Tab. "Use in Chat" sets and loads the model of `chat` (the
    Chat tab) and selects its tab (id "chat" in `tabs`); without `chat` that button is hidden. Returns a state
    that changes whenever a training finishes (to refresh the adapter pickers)."""
    defaults = replace(SFTJobConfig(), **TAB_DEFAULTS)
    seen = gr.State(-1)  # the JOB.version this page shows

    with gr.Row(equal_height=False):
        with gr.Column(scale=2, min_width=320):
            base_model = gr.Textbox(EMBEDDED, label="Base model", elem_id="train-base-model",
                                    info="'embedded' (SmolLM2-135M), a Hugging Face id or a local folder")
            dataset = gr.Radio([BUILT_IN, UPLOAD], value=BUILT_IN, label="Training data")
            upload = gr.File(label="JSONL file (our format)", file_types=[".jsonl"], type="filepath", visible=False)
            upload_check = gr.Markdown(visible=False)
            include_corrections = gr.Checkbox(False, label="Include corrections (corrections/corrections.jsonl)")
            name = gr.Textbox("my-adapter", label="Adapter name", info="saved to adapters/<name>/",
                              elem_id="train-name")
            with gr.Accordion("Hyperparameters", open=False):
                with gr.Row():
                    max_rows = gr.Number(defaults.max_rows, precision=0, elem_id="train-max-rows",
                                         label="Max rows (0 = all; stratified by category)")
                    eval_rows = gr.Number(defaults.eval_rows, precision=0, elem_id="train-eval-rows",
                                          label="Validation rows before/after (0 = skip)")
                    chain = gr.Number(defaults.chain, precision=0, minimum=1,
                                      label="Conversations per training chat (chaining)")
                with gr.Row():
                    r = gr.Number(defaults.r, precision=0, label="LoRA r")
                    alpha = gr.Number(defaults.alpha, precision=0, label="LoRA alpha")
                    dropout = gr.Number(defaults.dropout, label="LoRA dropout")
                with gr.Row():
                    target_modules = gr.Textbox(",".join(defaults.target_modules), label="Target modules",
                                                info="all-linear, or names such as q_proj,v_proj")
                    decision_weight = gr.Number(defaults.decision_weight, minimum=1, label="Decision-token weight",
                                                info="loss weight of each reply's first token (call or answer)")
                with gr.Row():
                    lr = gr.Number(defaults.lr, label="Learning rate")
                    epochs = gr.Number(defaults.epochs, label="Epochs")
                    max_steps = gr.Number(defaults.max_steps, precision=0, label="Max steps (0 = epochs)",
                                          elem_id="train-max-steps")
                with gr.Row():
                    batch_size = gr.Number(defaults.batch_size, precision=0, label="Batch size")
                    grad_accum = gr.Number(defaults.grad_accum, precision=0, label="Gradient accumulation")
                    max_length = gr.Number(defaults.max_length, precision=0, label="Max length (tokens)")
                with gr.Row():
                    seed = gr.Number(defaults.seed, precision=0, label="Seed")
                    threads = gr.Number(defaults.threads, precision=0, label="CPU threads (0 = default)")
                    bf16 = gr.Radio(["auto", "on", "off"], value="auto", label="bf16")
                with gr.Row():
                    load_in_4bit = gr.Checkbox(False, label="QLoRA (4-bit base, CUDA only)")
                    resume = gr.Checkbox(False, label="Resume from the last checkpoint")
                    adapter_dtype = gr.Radio(list(ADAPTER_DTYPES), value=defaults.adapter_dtype,
                                             label="Saved adapter weights", info="float16 halves the file")
            with gr.Row():
                start = gr.Button("Start training", variant="primary", elem_id="train-start")
                stop = gr.Button("Stop", variant="stop", elem_id="train-stop")
            command = gr.Code(command_line(replace(defaults, data=str(ROOT / SFTJobConfig.data),
                                                   output_dir=str(ADAPTERS_DIR / "my-adapter"))),
                              language="shell", label="The same training from the command line", wrap_lines=True,
                              lines=3, max_lines=8,
                              interactive=False, elem_id="train-command")
        with gr.Column(scale=3, min_width=400):
            status = gr.Markdown(status_markdown(None), elem_id="train-status")
            plot = loss_plot(x="step", y="loss", color="series", title="Loss", x_title="optimizer step",
                             y_title="loss (lower is better)", x_axis_format="d", y_axis_format=".2f", height=260,
                             y_lim=[0, None], elem_id="train-loss")
            gr.Markdown("The training loss weights each reply's first token by the decision-token weight; the "
                        "validation loss (with validation rows) is plain cross-entropy.")
            log = gr.Textbox("", label="Log", lines=10, max_lines=10, autoscroll=True, interactive=False,
                             elem_id="train-log")
            metrics = gr.Dataframe(metrics_frame(), label="Validation metrics, before vs after", interactive=False)
            use_in_chat = gr.Button("Use in Chat", visible=chat is not None, interactive=False,
                                    elem_id="train-use-in-chat")
    trained = gr.Number(0, visible="hidden")  # JOB.version of the last finished training this page saw
    timer = gr.Timer(1.0)
    hyper = [max_rows, chain, r, alpha, dropout, target_modules, decision_weight, lr, epochs, max_steps, batch_size,
             grad_accum, max_length, seed, threads, bf16, load_in_4bit, eval_rows, resume, adapter_dtype]

    def show_upload(choice: str):
        return gr.File(visible=choice == UPLOAD), gr.Markdown(visible=choice == UPLOAD)

    def on_upload(path: str | None):
        return gr.Markdown(check_upload(path), visible=True)

    def on_start(inputs: dict, request: gr.Request):
        try:
            config = job_config(inputs[base_model], inputs[dataset], inputs[upload], inputs[include_corrections],
                                inputs[name], {key: inputs[c] for key, c in zip(HYPER_FIELDS, hyper)})
            JOB.start(config, owner=request.session_hash if request else None)
        except (ValueError, RuntimeError, OSError) as e:
            gr.Warning(str(e))

    def on_stop(request: gr.Request):
        if JOB.owner not in (None, request.session_hash if request else None):
            gr.Warning("This training was started by another user; only they can stop it.")
        elif not JOB.stop():
            gr.Info("No training is running.")

    def preview(inputs: dict) -> str:
        try:
            return command_line(job_config(inputs[base_model], inputs[dataset], inputs[upload],
                                           inputs[include_corrections], inputs[name],
                                           {key: inputs[c] for key, c in zip(HYPER_FIELDS, hyper)},
                                           keep_upload=False))
        except (ValueError, OSError) as e:
            return f"# {e}"

    def refresh(last_seen: int, request: gr.Request):
        if JOB.version == last_seen:
            return (gr.skip(),) * 9
        session = request.session_hash if request else None
        finished = JOB.status == "finished" and JOB.result is not None
        return (JOB.version, status_markdown(session), loss_plot(), "\n".join(JOB.log), metrics_frame(),
                gr.Button(interactive=not JOB.running), gr.Button(interactive=JOB.running and JOB.owner == session),
                gr.Button(interactive=finished), JOB.version if finished else gr.skip())

    settings = {base_model, dataset, upload, include_corrections, name, *hyper}
    dataset.change(show_upload, dataset, [upload, upload_check], queue=False, api_visibility="private")
    upload.upload(on_upload, upload, upload_check, queue=False, api_visibility="private")
    upload.clear(lambda: gr.Markdown("", visible=True), None, upload_check, queue=False, api_visibility="private")
    # queued (not queue=False): gr.Warning and gr.Info reach the page only from queued events
    start.click(on_start, settings, None, api_visibility="private")
    stop.click(on_stop, None, None, api_visibility="private")
    timer.tick(refresh, seen, [seen, status, plot, log, metrics, start, stop, use_in_chat, trained], queue=False,
               api_visibility="private")
    gr.on([component.change for component in settings], preview, settings, command, queue=False,
          api_visibility="private")

    if chat is not None:
        outputs = [chat.adapter_dropdown, chat.base_model, chat.model_status] + ([tabs] if tabs is not None else [])

        def on_use_in_chat():
            result = JOB.result
            if not (result and result.adapter_dir):
                gr.Warning("No finished adapter yet.")
                return (gr.skip(),) * len(outputs)
            worse = worse_than_base(result.info)
            if worse:
                gr.Warning(worse)
            value = adapter_value(result.adapter_dir)
            return (gr.Dropdown(choices=adapter_choices(value), value=value), gr.Textbox(JOB.config.base_model),
                    f"Loading {Path(result.adapter_dir).name}…", gr.Tabs(selected="chat"))[:len(outputs)]

        use_in_chat.click(on_use_in_chat, None, outputs, api_visibility="private").then(
            chat.load_model, [chat.base_model, chat.adapter_dropdown], [chat.model_status, chat.hardware],
            concurrency_id="model", api_visibility="private")
    return trained
