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
    assert result["error"].startswith(f"No image model: there is no folder {tmp_path / 'no-such-model'}.")
    assert "'tiny-random'" in result["error"] and "--image-model" in result["error"]


def test_a_hub_model_offline_is_refused_without_trying_to_download(image_settings, monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    image_settings(model="someone/not-downloaded-image-model")
    assert images.generate_image("a cat")["error"].startswith(
        "No image model: someone/not-downloaded-image-model is not downloaded and the Hub cannot be reached "
        "(HF_HUB_OFFLINE is set).")
    assert images.model_problem(images.TINY_RANDOM) is None


def test_images_are_made_one_at_a_time_whoever_asks(image_settings):
    """The chat's tool and the MCP endpoint (`generate_image`) share one lock."""
    import threading

    image_settings(model=images.TINY_RANDOM, width=32, height=32)
    results = []
    with images._generating:
        worker = threading.Thread(target=lambda: results.append(images.generate_image("a cat")))
        worker.start()
        worker.join(timeout=0.5)
        assert worker.is_alive() and not results  # waits for the image being made
    worker.join(timeout=60)
    assert "image" in results[0]


def test_empty_prompt_is_an_error():
    assert "error" in images.generate_image("  ")
