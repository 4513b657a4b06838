"""generate_image: text-to-image with diffusers, loaded lazily once.

The model comes from FC_IMAGE_MODEL (default `stabilityai/sd-turbo`, or any local diffusers folder);
`tiny-random` builds a tiny random-weight pipeline from configs: noise, but the real code path, offline.
A model that cannot be loaded from here (the Hub unreachable and the model not downloaded) is refused at once
with the reason and what to pick instead; images are generated one at a time (`generate`), whoever asks.
"""
from __future__ import annotations

import hashlib
import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from fc import ROOT
from fc.hub import hub_offline_reason, source_problem

DEFAULT_IMAGE_MODEL = "stabilityai/sd-turbo"
TINY_RANDOM = "tiny-random"


@dataclass
class ImageSettings:
    model: str = field(default_factory=lambda: os.environ.get("FC_IMAGE_MODEL", DEFAULT_IMAGE_MODEL))
    steps: int = 1
    width: int = 512
    height: int = 512
    seed: int | None = None
    guidance_scale: float = 0.0  # sd-turbo is trained without classifier-free guidance
    output_dir: Path = field(default_factory=lambda: Path(os.environ.get("FC_OUTPUT_DIR", ROOT / "outputs")) / "images")


settings = ImageSettings()
_pipelines: dict[str, object] = {}
_lock = threading.Lock()  # loading pipelines
_generating = threading.Lock()  # one image at a time: the chat's and the MCP endpoint's requests alike


def _tiny_random_pipeline():
    """A Stable Diffusion pipeline with tiny random weights, built from configs only."""
    import torch
    from diffusers import AutoencoderKL, EulerDiscreteScheduler, StableDiffusionPipeline, UNet2DConditionModel
    from transformers import CLIPTextConfig, CLIPTextModel, CLIPTokenizer
    from transformers.convert_slow_tokenizer import bytes_to_unicode

    torch.manual_seed(0)
    chars = list(bytes_to_unicode().values())
    vocab = {t: i for i, t in enumerate(chars + [c + "</w>" for c in chars] + ["<|startoftext|>", "<|endoftext|>"])}
    tokenizer = CLIPTokenizer(vocab=vocab, merges=[], model_max_length=77)
    text_encoder = CLIPTextModel(CLIPTextConfig(
        vocab_size=len(vocab), hidden_size=32, intermediate_size=37, num_attention_heads=4,
        num_hidden_layers=2, max_position_embeddings=77, bos_token_id=vocab["<|startoftext|>"],
        eos_token_id=vocab["<|endoftext|>"], pad_token_id=vocab["<|endoftext|>"]))
    unet = UNet2DConditionModel(
        block_out_channels=(32, 64), layers_per_block=1, sample_size=32, in_channels=4, out_channels=4,
        down_block_types=("DownBlock2D", "CrossAttnDownBlock2D"),
        up_block_types=("CrossAttnUpBlock2D", "UpBlock2D"), cross_attention_dim=32, norm_num_groups=32)
    vae = AutoencoderKL(
        block_out_channels=(32, 64), in_channels=3, out_channels=3, latent_channels=4, norm_num_groups=32,
        down_block_types=("DownEncoderBlock2D", "DownEncoderBlock2D"),
        up_block_types=("UpDecoderBlock2D", "UpDecoderBlock2D"))
    return StableDiffusionPipeline(
        vae=vae, text_encoder=text_encoder, tokenizer=tokenizer, unet=unet,
        scheduler=EulerDiscreteScheduler(steps_offset=1, timestep_spacing="trailing"), safety_checker=None, feature_extractor=None,
        requires_safety_checker=False)


def model_problem(model: str) -> str | None:
    """None when `model` can be loaded here; else a one-line reason and what to choose instead."""
    if model == TINY_RANDOM or model in _pipelines:
        return None
    problem = source_problem(model, "model_index.json")
    if problem:
        return (f"No image model: {problem}. Pick {TINY_RANDOM!r} (draws noise, works offline) or a local "
                "diffusers folder as the image model (the Chat tab's image settings, or --image-model).")
    return None


def load_pipeline(model: str):
    """The pipeline for `model`, loaded once; on GPU in fp16 when there is one."""
    with _lock:
        if model not in _pipelines:
            import torch

            if model == TINY_RANDOM:
                pipe = _tiny_random_pipeline()
            else:
                from diffusers import AutoPipelineForText2Image

                cuda = torch.cuda.is_available()
                pipe = AutoPipelineForText2Image.from_pretrained(
                    model, torch_dtype=torch.float16 if cuda else torch.float32,
                    local_files_only=hub_offline_reason() is not None)  # offline: from the cache, no retries
            pipe.set_progress_bar_config(disable=True)
            _pipelines[model] = pipe.to("cuda" if torch.cuda.is_available() else "cpu")
        return _pipelines[model]


def generate_image(prompt: str) -> dict:
    """Generate an image from a text description.

    Args:
        prompt: What the image should show, including subject and style.
    """
    return generate(prompt, settings)


def generate(prompt: str, s: ImageSettings) -> dict:
    """`generate_image` with the settings `s`: the result (or `{"error": ...}`), one image at a time."""
    import torch

    if not isinstance(prompt, str) or not prompt.strip():
        return {"error": "prompt must be a non-empty description of the image"}
    problem = model_problem(s.model)
    if problem:
        return {"error": problem}
    with _generating:
        try:
            pipe = load_pipeline(s.model)
        except Exception as e:
            return {"error": (
                f"Could not load the image model {s.model!r} ({type(e).__name__}: {str(e)[:200]}). "
                "Fix: connect to the internet so it can be downloaded from the Hugging Face Hub, "
                "set FC_IMAGE_MODEL (or --image-model) to a local diffusers folder, "
                f"or use {TINY_RANDOM!r} for an offline pipeline that draws noise.")}
        generator = torch.Generator("cpu").manual_seed(s.seed) if s.seed is not None else None
        image = pipe(prompt, num_inference_steps=s.steps, guidance_scale=s.guidance_scale,
                     width=s.width, height=s.height, generator=generator).images[0]
    s.output_dir.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha1(f"{prompt}|{time.time_ns()}".encode()).hexdigest()[:12]
    path = s.output_dir / f"{digest}.png"
    image.save(path)
    result = {"image": str(path), "prompt": prompt, "width": image.width, "height": image.height}
    if s.model == TINY_RANDOM:
        result["note"] = "tiny random-weight pipeline: the image is noise"
    return result
