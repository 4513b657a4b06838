"""Export an adapter for serving engines: `python -m train.export --adapter adapters/X --out DIR [--base-model …]`.

Writes DIR with the base model and the adapter merged into plain safetensors weights, the tokenizer, and a chat
template that carries our tool format (`fc.prompt.chat_template_with_tools`: `tools`, assistant `tool_calls` and
`tool` messages render exactly as our renderer renders them), also as DIR/chat_template.jinja. vLLM and SGLang then
serve DIR with their Hermes tool parser, which reads our `<tool_call>{json}</tool_call>` blocks back as `tool_calls`;
the printed commands serve the merged folder and, unmerged, the base model with the adapter as a LoRA module.
"""
from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from fc.embedded import embedded_model, resolve_base
from fc.prompt import chat_template_with_tools

TEMPLATE_FILE = "chat_template.jinja"


def _option(default, help: str):
    return field(default=default, metadata={"help": help})


@dataclass
class ExportOptions:
    adapter: str = _option(None, "The PEFT adapter folder to export (required).")
    out: str = _option(None, "The folder to write the merged model to (required).")
    base_model: str | None = _option(None, "The adapter's base model (default: the one it was trained on, from its "
                                           "training_info.json or adapter_config.json).")
    name: str | None = _option(None, "The model name in the printed serve commands (default: the adapter's folder).")


def adapter_base(adapter: Path) -> str:
    """The base model an adapter was trained on: our name for it (training_info.json), else PEFT's record."""
    info = adapter / "training_info.json"
    if info.exists():
        return json.loads(info.read_text(encoding="utf-8"))["base_model"]
    return json.loads((adapter / "adapter_config.json").read_text(encoding="utf-8"))["base_model_name_or_path"]


def lora_problem(adapter: Path) -> str | None:
    """Why a serving engine cannot load `adapter` as a LoRA module, or None (vLLM rejects `modules_to_save`)."""
    config = json.loads((adapter / "adapter_config.json").read_text(encoding="utf-8"))
    if config.get("peft_type") != "LORA":
        return f"it is a {config.get('peft_type')} adapter, not LoRA"
    if config.get("modules_to_save"):
        return f"it trains whole modules besides LoRA (modules_to_save: {config['modules_to_save']})"
    return None


def export(adapter: str | Path, out: str | Path, base_model: str | None = None) -> Path:
    """Merge `adapter` into its base and write the serving folder `out` (module docstring); returns it."""
    from transformers import AutoTokenizer

    from train.sft.artifacts import merge_adapter

    adapter = Path(adapter)
    if not (adapter / "adapter_config.json").exists():
        raise FileNotFoundError(f"no PEFT adapter at {adapter} (adapter_config.json missing)")
    out = merge_adapter(base_model or adapter_base(adapter), adapter, out)
    tokenizer = AutoTokenizer.from_pretrained(out)
    tokenizer.chat_template = chat_template_with_tools(tokenizer.chat_template)
    tokenizer.save_pretrained(out)  # the template goes to chat_template.jinja, where vLLM and SGLang read it
    return out


def serve_commands(out: Path, adapter: Path, base_model: str, name: str) -> list[str]:
    """Shell commands that serve the export (vLLM and SGLang; merged, then the adapter unmerged)."""
    model = embedded_model(base_model)
    base = model.hub_id if model else base_model  # where a GPU machine gets the base model
    template = out / TEMPLATE_FILE
    rank = json.loads((adapter / "adapter_config.json").read_text(encoding="utf-8"))["r"]
    commands = [
        f"vllm serve {out} --served-model-name {name} --enable-auto-tool-choice --tool-call-parser hermes",
        f"python -m sglang.launch_server --model-path {out} --served-model-name {name} --tool-call-parser hermes",
    ]
    if lora_problem(adapter) is None:
        commands += [
            f"vllm serve {base} --chat-template {template} --enable-auto-tool-choice --tool-call-parser hermes "
            f"--enable-lora --max-lora-rank {rank} --lora-modules {name}={adapter}",
            f"python -m sglang.launch_server --model-path {base} --chat-template {template} --tool-call-parser hermes "
            f"--enable-lora --lora-paths {name}={adapter}  # requests ask for model {base}:{name}",
        ]
    return commands


def main(argv: list[str] | None = None) -> int:
    from fc.cli import ArgumentParser

    parser = ArgumentParser(ExportOptions, prog="python -m train.export", description=__doc__.split("\n\n")[0])
    (options,) = parser.parse_args_into_dataclasses(argv)
    if not options.adapter or not options.out:
        parser.error("give --adapter and --out")
    adapter = Path(options.adapter)
    try:
        base = options.base_model or adapter_base(adapter)
        resolve_base(base)  # an embedded base is converted here if it was not yet
        out = export(adapter, options.out, base)
    except (OSError, ValueError, KeyError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    name = options.name or adapter.resolve().name
    print(f"wrote {out} (merged weights, tokenizer, {TEMPLATE_FILE} with our tool format)")
    print("\nServe it (each gives an OpenAI-compatible API at http://127.0.0.1:8000/v1):")
    for command in serve_commands(out, adapter.resolve(), base, name):
        print(f"  {command}")
    problem = lora_problem(adapter)
    if problem:
        print(f"\n{adapter} cannot be served unmerged: {problem}.")
    print(f"\nPoint the app at it: python -m train.evaluate --api-base http://127.0.0.1:8000/v1 --api-model {name} ..."
          "\n(or the Chat/Evaluate tab's 'OpenAI-compatible endpoint')")
    return 0


if __name__ == "__main__":
    sys.exit(main())
