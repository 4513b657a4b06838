"""The Evaluate tab: run `train.evaluate` on a split, an upload or BFCL; browse the failures; correct them.

Failures (and chat turns flagged in the Chat tab) can be corrected in a JSON editor and appended to the
corrections file (`train.corrections`) that the Train tab can include. Everything here calls plain
functions that also work from the command line; per-user results live in `gr.State`.
"""
from __future__ import annotations

import concurrent.futures
import json
import queue
import time

import gradio as gr
import spaces
import pandas as pd

from fc import DATA_DIR
from fc.backends import connect
from fc.embedded import EMBEDDED, base_label
from fc.settings import GenerationSettings
from fc.tabs.chat import ModelFactory, adapter_picker, default_model_factory, endpoint_fields, load_error
from fc.tabs.transcript import ERROR, fenced
from train.corrections import append_correction, correction_row, parse_turn, turn_of_prediction
from train.evaluate import (EvalConfig, confusion_figure, evaluate, expected_text, format_message, load_rows,
                            predicted_text, summary_markdown)
from train.dataset import row_tools
from train.metrics import FAILURE_KINDS, split_row, turn_calls
from train.sft import format_seconds
from train.tabs.upload import check_upload

SOURCES = {"validation split": DATA_DIR / "val.jsonl", "test split": DATA_DIR / "test.jsonl",
           "hand-written": DATA_DIR / "handwritten.jsonl", "upload JSONL": None, "BFCL": None}
ALL = "all"
FAILURE_COLUMNS = ["#", "kind", "category", "id", "last user message", "reason"]
FLAG_COLUMNS = ["#", "time", "model", "note", "last user message"]
EVAL_GPU_SECONDS = 180  # the most GPU time one evaluation holds on ZeroGPU (fc.model.zero_gpu)
# Row fields that describe a prediction, not the conversation: never copied into a correction.
NOT_COPIED = {"messages", "tools", "prediction", "raw_output", "failure", "failure_reason", "bfcl_answer"}
_runner = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="evaluate")


# ------------------------------------------------------------------------------------ plain functions
def rows_for(source: str, upload: str | None, bfcl: list[str] | None, max_rows: int | None) -> list[dict]:
    """Rows of the chosen dataset; ValueError (DatasetError: every bad line numbered) when unusable."""
    limit = int(max_rows) if max_rows else None
    if source == "BFCL":
        if not bfcl:
            raise ValueError("pick at least one BFCL category")
        return load_rows(bfcl=",".join(bfcl), limit=limit)
    path = upload if source == "upload JSONL" else SOURCES.get(source)
    if not path:
        raise ValueError("upload a JSONL file first" if source == "upload JSONL" else f"unknown source {source!r}")
    if not str(path).endswith(".jsonl") and source == "upload JSONL":
        raise ValueError("the upload must be a .jsonl file (one conversation per line)")
    try:
        rows = load_rows(data=path, limit=limit)
    except FileNotFoundError:
        raise ValueError(f"{path} does not exist yet (generate the splits with `python -m train.generate`)") from None
    if not rows:
        raise ValueError(f"{path} has no rows")
    return rows


def last_user_text(messages: list[dict], limit: int = 80) -> str:
    text = next((m.get("content") or "" for m in reversed(messages) if m.get("role") == "user"), "")
    return text if len(text) <= limit else text[:limit] + "…"


def failure_table(predictions: list[dict], kind: str = ALL, category: str = ALL) -> pd.DataFrame:
    """The failed rows (optionally of one kind / category); `#` is the row's index in `predictions`."""
    rows = [[i, r["failure"], r.get("category") or "", r.get("id") or "", last_user_text(split_row(r)[0]),
             r.get("failure_reason") or ""]
            for i, r in enumerate(predictions)
            if r.get("failure") and kind in (ALL, r["failure"]) and category in (ALL, r.get("category") or "")]
    return pd.DataFrame(rows, columns=FAILURE_COLUMNS)


def as_code(text: str) -> str:
    """Text shown verbatim in Markdown (model output may contain `<tool_call>`-like tags)."""
    return fenced(text, "text")


def conversation_markdown(messages: list[dict]) -> str:
    lines = [f"{i}. {format_message(m, 1000)}" for i, m in enumerate(messages)]
    return "**Conversation**\n\n" + as_code("\n".join(lines) or "(empty)")


def bfcl_turn(answer: list | None) -> dict:
    """A BFCL answer as an assistant turn (first acceptable value of each parameter; optional ones left out)."""
    calls = []
    for expected in answer or []:
        (name, params), = expected.items()
        args = {p: next(v for v in values if v != "") for p, values in params.items() if any(v != "" for v in values)}
        calls.append({"type": "function", "function": {"name": name, "arguments": args}})
    return {"role": "assistant", "content": "", **({"tool_calls": calls} if calls else {})}


def failure_target(row: dict) -> dict:
    """What the correction editor works on for an evaluated row: context, tools, extras, starting turn."""
    context, expected = split_row(row)
    if expected is None:  # BFCL: start from the acceptable answer (or the prediction for relevance rows)
        expected = bfcl_turn(row["bfcl_answer"]) if row["bfcl_answer"] is not None \
            else turn_of_prediction(row["prediction"])
    extras = {k: v for k, v in row.items() if k not in NOT_COPIED}
    return {"context": context, "tools": row_tools(row), "extras": {**extras, "source": "eval"}, "turn": expected}


def flag_table(flags: list[dict]) -> pd.DataFrame:
    return pd.DataFrame([[i, f.get("time", ""), f.get("model", ""), f.get("note", ""),
                          last_user_text(f["messages"])] for i, f in enumerate(flags)], columns=FLAG_COLUMNS)


def assistant_indices(messages: list[dict]) -> list[int]:
    return [i for i, m in enumerate(messages) if m.get("role") == "assistant"]


def flag_target(flag: dict, index: int | None = None) -> dict:
    """The editor's target for a flagged conversation: assistant message `index` (default: the last)."""
    messages = list(flag["messages"])
    candidates = assistant_indices(messages)
    if not candidates:
        raise ValueError("this flagged conversation has no assistant turn to correct")
    index = candidates[-1] if index is None else index
    if index not in candidates:
        raise ValueError(f"message {index} is not an assistant turn")
    context = messages[:index]
    if flag.get("system") and not (context and context[0].get("role") == "system"):
        context = [{"role": "system", "content": flag["system"]}, *context]
    extras = {"id": flag.get("id"), "source": "chat-flag", "note": flag.get("note", ""), "model": flag.get("model", "")}
    return {"context": context, "tools": flag.get("tools") or None, "extras": extras, "turn": messages[index]}


def editable_turn(turn: dict) -> str:
    keep = {"role": "assistant", "content": turn.get("content") or ""}
    if turn.get("tool_calls"):
        keep["tool_calls"] = [{"type": "function", "function": c} for c in turn_calls(turn)]
    return json.dumps(keep, ensure_ascii=False, indent=2)


def save_correction(target: dict | None, text: str) -> str:
    """Validate the edited turn against the target's context and tools; append it. Returns a message."""
    if not target:
        raise ValueError("select a failure or a flagged turn first")
    row = correction_row(target["context"], parse_turn(text), target["tools"], **target["extras"])
    append_correction(row)
    return f"✓ Appended to corrections ({row.get('id') or 'row'}, {len(row['messages'])} messages)."


# --------------------------------------------------------------------------------------------- the tab
def build_evaluate_tab(model_factory: ModelFactory | None = None, *, threads: int | None = None) -> gr.Dropdown:
    """Build the Evaluate tab inside the current Blocks/Tab and wire its events; returns its adapter picker.
    `model_factory` maps (base, adapter) to a `fc.model.ModelHandle` (default: the server-wide model cache)."""
    factory = model_factory or default_model_factory(threads)
    from train.bfcl import bfcl_categories

    try:
        bfcl_choices = bfcl_categories()
    except RuntimeError:  # bfcl-eval not installed
        bfcl_choices = []

    results = gr.State([])
    target = gr.State(None)
    flags = gr.State([])

    with gr.Row():
        base = gr.Textbox(EMBEDDED, label="Base model", info="'embedded', a Hub id or a local folder",
                          elem_id="eval-base")
        with gr.Column():
            adapter = adapter_picker("default", "Adapter", "eval-adapter")
    with gr.Accordion("OpenAI-compatible endpoint", open=False):
        with gr.Row():
            api_base, api_model = endpoint_fields("Evaluate")
    with gr.Row():
        source = gr.Radio(list(SOURCES), value="validation split", label="Dataset")
        upload = gr.File(label="JSONL (our format; the last message is the expected turn)", file_types=[".jsonl"],
                         visible=False)
        bfcl = gr.Dropdown(bfcl_choices, value=bfcl_choices[:1], multiselect=True, label="BFCL categories",
                           visible=False)
        max_rows = gr.Number(50, precision=0, minimum=1, label="Max rows (per BFCL category)", elem_id="eval-max-rows")
    with gr.Accordion("Generation", open=False):
        with gr.Row():
            batch_size = gr.Slider(1, 64, EvalConfig.batch_size, step=1, label="Batch size")
            max_new_tokens = gr.Slider(16, 1024, GenerationSettings.max_new_tokens, step=16, label="Max new tokens")
            call_threshold = gr.Slider(0, 1, GenerationSettings.call_threshold, step=0.05, label="Call threshold",
                                       info="least probability of calling for a reply to start a call; "
                                            "prose replies end where they would open one (0 = greedy)")
            guided_calls = gr.Checkbox(GenerationSettings.guided_calls, label="Guided tool calls",
                                       info="tool calls can only name the row's tools and fit their schemas")
            decoys = gr.Checkbox(EvalConfig.decoys, label="Decline missing built-in tools",
                                 info="built-in tools left out of a row that keeps some are offered too; a "
                                      "call to one is declined and the reply generated again, as in the chat")
    run = gr.Button("Run evaluation", variant="primary", elem_id="eval-run")
    status = gr.Markdown(elem_id="eval-status")
    with gr.Row():
        summary = gr.Markdown()
        plot = gr.Plot(label="Call detection")
    gr.Markdown("### Failures")
    with gr.Row():
        kind = gr.Dropdown([ALL, *FAILURE_KINDS], value=ALL, label="Kind")
        category = gr.Dropdown([ALL], value=ALL, label="Category")
    table = gr.Dataframe(pd.DataFrame(columns=FAILURE_COLUMNS), interactive=False, wrap=True, max_height=360,
                         elem_id="eval-failures")
    with gr.Row():
        context_view = gr.Markdown(elem_id="eval-context")
        expected_view = gr.Markdown(elem_id="eval-expected")
        with gr.Column():
            predicted_view = gr.Markdown(elem_id="eval-predicted")
            raw_view = gr.Textbox(label="Raw output", lines=2, max_lines=10, interactive=False)
    with gr.Accordion("Flagged chat turns", open=False):
        load_flags = gr.Button("Load flagged turns")
        flag_view = gr.Dataframe(pd.DataFrame(columns=FLAG_COLUMNS), interactive=False, wrap=True, max_height=300)
        flag_message = gr.Dropdown([], label="Assistant message to correct", interactive=True)
        flag_context = gr.Markdown()
    gr.Markdown("### Correct this")
    editing = gr.Markdown("Select a failure or a flagged turn.")
    editor = gr.Code("", language="json", label="Corrected assistant turn (our message format)", interactive=True,
                     elem_id="eval-editor")
    append = gr.Button("Append to corrections", elem_id="eval-append")
    append_status = gr.Markdown(elem_id="eval-append-status")

    source.change(lambda s: (gr.update(visible=s == "upload JSONL"), gr.update(visible=s == "BFCL")),
                  source, [upload, bfcl])
    upload.upload(check_upload, upload, status)

    def on_run(base_value, adapter_value, source_value, upload_value, bfcl_value, rows_value, batch, tokens,
               threshold, guided, use_decoys, api_base_value, api_model_value):
        """Run the evaluation in a worker thread; the status says what happens (loading, rows done, ETA)."""
        empty, later = pd.DataFrame(columns=FAILURE_COLUMNS), (gr.skip(),) * 6
        base_value, adapter_value = (base_value or "").strip() or EMBEDDED, adapter_value or "default"
        api_base_value, api_model_value = (api_base_value or "").strip(), (api_model_value or "").strip()
        try:
            rows = rows_for(source_value, upload_value, bfcl_value, rows_value)
        except ValueError as e:  # DatasetError included: show every numbered line
            yield (f"{ERROR} {e}".replace("\n", "  \n"), "", None, empty, [], gr.skip(), gr.skip())
            return
        what = api_base_value or f"{base_label(base_value)}, adapter {adapter_value}"
        yield (f"Loading the model ({what})…", *later)
        try:
            handle = (connect(api_base_value, api_model_value or None) if api_base_value
                      else factory(base_value, adapter_value))
        except Exception as e:
            problem = f"could not connect to {api_base_value}: {type(e).__name__}: {e}" if api_base_value \
                else load_error(base_value, adapter_value, e)
            yield (f"{ERROR} {problem}", "", None, empty, [], gr.skip(), gr.skip())
            return
        config = EvalConfig(base_model=base_value, adapter=adapter_value, batch_size=int(batch),
                            decoys=bool(use_decoys), api_base=api_base_value or None, api_model=api_model_value or None,
                            generation=GenerationSettings(int(tokens), call_threshold=float(threshold),
                                                          guided_calls=bool(guided)))
        reports: queue.Queue = queue.Queue()
        started = time.perf_counter()
        work = _runner.submit(evaluate, rows, handle, config, lambda done, total: reports.put((done, total)))
        yield (f"Generating replies for {len(rows)} rows with {handle.label}…", *later)
        while not work.done():
            try:
                done, total = reports.get(timeout=0.25)
            except queue.Empty:
                continue
            elapsed = time.perf_counter() - started
            yield (f"Generating: **{done}/{total} rows** done · {format_seconds(elapsed)} · ETA "
                   f"{format_seconds(elapsed / done * (total - done))}", *later)
        try:
            result = work.result()
        except Exception as e:
            yield (f"{ERROR} evaluation failed: {type(e).__name__}: {e}", "", None, empty, [], gr.skip(), gr.skip())
            return
        m = result.metrics
        categories = sorted({r.get("category") or "" for r in result.predictions} - {""})
        message = (f"✓ {handle.label}: {m['rows']} rows in {m['generation_seconds']:.1f} s "
                   f"({m['examples_per_s']:.2f} rows/s), {len(result.failures)} failures")
        yield (message, summary_markdown(m), confusion_figure(m), failure_table(result.predictions),
               result.predictions, gr.update(value=ALL), gr.update(choices=[ALL, *categories], value=ALL))

    run.click(spaces.GPU(on_run, duration=EVAL_GPU_SECONDS),
              [base, adapter, source, upload, bfcl, max_rows, batch_size, max_new_tokens, call_threshold, guided_calls,
               decoys, api_base, api_model],
              [status, summary, plot, table, results, kind, category], show_progress="minimal")
    kind.change(failure_table, [results, kind, category], table)
    category.change(failure_table, [results, kind, category], table)

    def on_failure(predictions: list[dict], evt: gr.SelectData):
        if not evt.row_value or evt.row_value[0] in (None, "") or int(evt.row_value[0]) >= len(predictions):
            return (gr.update(),) * 8
        row = predictions[int(evt.row_value[0])]
        chosen = failure_target(row)
        return (conversation_markdown(chosen["context"]),
                f"**Expected**\n\n{as_code(expected_text(row))}",
                f"**Predicted** (`{row['failure']}`: {row.get('failure_reason') or ''})\n\n"
                f"{as_code(predicted_text(row))}",
                row["raw_output"],
                chosen, f"Correcting failure #{evt.row_value[0]} ({row.get('id') or 'no id'}).",
                editable_turn(chosen["turn"]), "")

    table.select(on_failure, results,
                 [context_view, expected_view, predicted_view, raw_view, target, editing, editor, append_status])

    def on_load_flags():
        from fc.flags import flags_path, load_flags as read_flags

        try:
            found = read_flags()
        except ValueError as e:
            return [], pd.DataFrame(columns=FLAG_COLUMNS), f"{ERROR} {e}"
        note = (f"{len(found)} flagged turn(s) in {flags_path()}" if found
                else "Nothing flagged yet (flag a turn in the Chat tab).")
        return found, flag_table(found), note

    load_flags.click(on_load_flags, None, [flags, flag_view, editing])

    def show_flag(flag: dict, index: int | None):
        chosen = flag_target(flag, index)
        return (conversation_markdown(flag["messages"]), chosen,
                f"Correcting flagged turn {flag.get('id', '')} · message {index if index is not None else 'last'}"
                f"{' · note: ' + flag['note'] if flag.get('note') else ''}", editable_turn(chosen["turn"]), "")

    def on_flag(found: list[dict], evt: gr.SelectData):
        if not evt.row_value or evt.row_value[0] in (None, "") or int(evt.row_value[0]) >= len(found):
            return (gr.update(),) * 7
        number = int(evt.row_value[0])
        flag = found[number]
        choices = [(f"{i}: {format_message(flag['messages'][i], 60)}", i) for i in assistant_indices(flag["messages"])]
        try:
            shown = show_flag(flag, None)
        except ValueError as e:
            return (number, gr.update(choices=[], value=None), "", None, f"{ERROR} {e}", "", "")
        return (number, gr.update(choices=choices, value=choices[-1][1]), *shown)

    selected_flag = gr.State(None)
    flag_view.select(on_flag, flags,
                     [selected_flag, flag_message, flag_context, target, editing, editor, append_status])

    def on_flag_message(found: list[dict], number: int | None, index: int | None):
        if number is None or index is None:
            return gr.update(), gr.update(), gr.update(), gr.update(), gr.update()
        return show_flag(found[number], int(index))

    flag_message.input(on_flag_message, [flags, selected_flag, flag_message],
                       [flag_context, target, editing, editor, append_status])

    def on_append(chosen: dict | None, text: str) -> str:
        try:
            return save_correction(chosen, text)
        except ValueError as e:
            return f"{ERROR} Not appended: {e}"

    append.click(on_append, [target, editor], append_status)
    return adapter
