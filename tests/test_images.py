from dataclasses import replace

import pytest
from PIL import Image

from fc.builtins import images


@pytest.fixture
def image_settings(tmp_path, monkeypatch):
    def use(**kw):
        monkeypatch.setattr(images, "settings", replace(images.settings, output_dir=tmp_path, **kw))
    return use


def test_tiny_random_pipeline_writes_a_png_of_the_requested_size(image_settings):
    image_settings(model=images.TINY_RANDOM, width=64, height=48, steps=2, seed=1)
    result = images.generate_image("a red fox in the snow, watercolor")
    assert "error" not in result, result
    with Image.open(result["image"]) as img:
        assert img.format == "PNG" and img.size == (64, 48)
    assert result["prompt"] == "a red fox in the snow, watercolor" and "noise" in result["note"]


def test_unloadable_model_returns_how_to_fix_it(image_settings, tmp_path):
    image_settings(model=str(tmp_path / "no-such-model"))
    result = images.generate_image("a cat")
    assert "Could not load the image model" in result["error"] and "FC_IMAGE_MODEL" in result["error"]


def test_empty_prompt_is_an_error():
    assert "error" in images.generate_image("  ")
