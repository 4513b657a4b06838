"""FunctionCall Studio, the web app: `python app.py --help`. Composes the tabs; their code lives in their modules."""
from __future__ import annotations

import spaces  # noqa: F401  before torch: on ZeroGPU it must patch torch before CUDA starts (elsewhere a no-op)

import argparse
import importlib.util
import inspect
from typing import Callable

import gradio as gr

from fc.builtins import images
from fc.embedded import EMBEDDED
from fc.tabs.chat import TOOLTIP_JS, ModelFactory, build_chat_tab, refresh_adapters
from fc.tools import builtin_implementations
from train.tabs.evaluate import build_evaluate_tab
from train.tabs.train import build_train_tab

TITLE = "FunctionCall Studio"
DESCRIPTION = "FunctionCall Studio: chat with a tool-calling model, fine-tune it, and evaluate it."


def build_app(model_factory: ModelFactory | None = None, *, base_model: str = EMBEDDED, adapter: str = "default",
              threads: int | None = None, mcp_tools: bool = False) -> gr.Blocks:
    """The app's Blocks (not launched). `model_factory` maps (base, adapter) to the model of the Chat and Evaluate
    tabs (anything with `.stream_chat`, `.generate_chats` and `.label`; default: the server-wide model cache);
    tests pass a scripted fake. Training loads real models."""
    with gr.Blocks(title=TITLE) as demo:
        gr.Markdown(f"# {TITLE}\nWatch a small model call tools, fine-tune it, and measure it.")
        with gr.Tabs() as tabs:
            with gr.Tab("Chat", id="chat"):
                chat = build_chat_tab(model_factory, base_model=base_model, adapter=adapter, threads=threads)
            with gr.Tab("Train", id="train"):
                trained = build_train_tab(chat, tabs)
            with gr.Tab("Evaluate", id="evaluate"):
                evaluate_adapter = build_evaluate_tab(model_factory, threads=threads)
        pickers = [*chat.adapter_pickers, evaluate_adapter]  # every adapter list, read again after a training
        trained.change(lambda *current: [refresh_adapters(value) for value in current], pickers, pickers,
                       queue=False, api_visibility="private")
        demo.load(None, js=TOOLTIP_JS, api_visibility="private")
        if mcp_tools:  # the built-in tools as API endpoints, which Gradio's MCP server exposes as MCP tools;
            for name, fn in builtin_implementations().items():  # images are made one at a time, as in the chat
                gr.api(fn, api_name=name)
    return demo


def serve_api(demo: gr.Blocks, load: Callable, name: str) -> None:
    """Mount `fc.serve`'s OpenAI-compatible API (at /v1) on the launched app's server: Gradio builds its FastAPI
    app in `launch`, so this comes after it. `load` returns the served model, `name` is its model id."""
    from fc.serve import API_PATH, create_api

    demo.server_app.mount(API_PATH, create_api(load, name))


def mcp_unsupported_reason() -> str | None:
    """None when the installed Gradio can serve MCP, else why it cannot."""
    if "mcp_server" not in inspect.signature(gr.Blocks.launch).parameters:
        return f"gradio {gr.__version__} has no MCP server (it needs gradio>=5.28)"
    if importlib.util.find_spec("mcp") is None:
        return 'Gradio\'s MCP server needs the `mcp` package: pip install "gradio[mcp]"'
    return None


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=DESCRIPTION)
    p.add_argument("--host", default=None, help="address to listen on (default: GRADIO_SERVER_NAME or 127.0.0.1)")
    p.add_argument("--port", type=int, default=None, help="port (default: GRADIO_SERVER_PORT or 7860)")
    p.add_argument("--share", action="store_true", help="create a public gradio.live link")
    p.add_argument("--base-model", default=EMBEDDED, help="'embedded', a Hugging Face id or a local folder")
    p.add_argument("--adapter", default="default", help="'default' (shipped), 'none' or a PEFT adapter folder")
    p.add_argument("--image-model", default=None,
                   help="diffusers model id or folder for generate_image, or 'tiny-random' (default: FC_IMAGE_MODEL "
                        f"or {images.DEFAULT_IMAGE_MODEL})")
    p.add_argument("--threads", type=int, default=None, help="CPU threads for torch (default: FC_THREADS)")
    p.add_argument("--concurrency", type=int, default=1,
                   help="how many chat turns / model loads may run at once (the queue's concurrency limit)")
    p.add_argument("--mcp", action="store_true", help="also serve the tools through Gradio's MCP server")
    p.add_argument("--api", action="store_true",
                   help="also serve --base-model + --adapter through an OpenAI-compatible API at /v1 (as fc.serve)")
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    if args.image_model:
        images.settings.model = args.image_model
    launch_kwargs = {}
    if args.mcp:
        reason = mcp_unsupported_reason()
        if reason:
            print(f"--mcp ignored: {reason}.")
        else:
            launch_kwargs["mcp_server"] = True
    demo = build_app(base_model=args.base_model, adapter=args.adapter, threads=args.threads,
                     mcp_tools="mcp_server" in launch_kwargs)
    demo.queue(default_concurrency_limit=args.concurrency)
    if args.api:
        from fc.serve import ServeOptions, load_served_model, served_name

        options = ServeOptions(base_model=args.base_model, adapter=args.adapter, threads=args.threads)
        name = served_name(options.base_model, options.adapter)
    demo.launch(server_name=args.host, server_port=args.port, share=args.share, prevent_thread_lock=True,
                allowed_paths=[str(images.settings.output_dir)], **launch_kwargs)
    if args.api:
        serve_api(demo, lambda: load_served_model(options), name)
        print(f"OpenAI-compatible API at {demo.local_url.rstrip('/')}/v1 (model {name!r})")
    demo.block_thread()


if __name__ == "__main__":
    main()
