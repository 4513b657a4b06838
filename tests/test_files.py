"""fc.files: folders and files replace their targets whole or not at all."""
import pytest

from fc.files import atomic_file, atomic_folder, install_folder, restore_folder


def test_install_folder_swaps_whole_folders_and_restores_a_cut_short_swap(tmp_path):
    target, new = tmp_path / "adapter", tmp_path / ".adapter.tmp"
    for folder, text in ((target, "old"), (new, "new")):
        folder.mkdir()
        (folder / "weights").write_text(text)
    install_folder(new, target)
    assert (target / "weights").read_text() == "new" and [p.name for p in tmp_path.iterdir()] == ["adapter"]
    target.rename(tmp_path / ".adapter.old-1")  # as if killed between moving the old folder aside and the new in
    restore_folder(target)
    assert (target / "weights").read_text() == "new" and [p.name for p in tmp_path.iterdir()] == ["adapter"]


def test_atomic_folder_installs_on_success_and_leaves_the_old_one_on_failure(tmp_path):
    target = tmp_path / "out" / "adapter"
    with atomic_folder(target) as tmp:
        (tmp / "weights").write_text("first")
        assert not target.exists()
    with pytest.raises(RuntimeError), atomic_folder(target) as tmp:
        (tmp / "weights").write_text("half")
        raise RuntimeError("interrupted")
    assert (target / "weights").read_text() == "first" and [p.name for p in target.parent.iterdir()] == ["adapter"]
    assert target.stat().st_mode & 0o755 == 0o755  # as readable as any folder, not mkdtemp's private one
    with atomic_folder(target, replace=False) as tmp:  # another writer got there first: keep its folder
        (tmp / "weights").write_text("second")
    assert (target / "weights").read_text() == "first" and [p.name for p in target.parent.iterdir()] == ["adapter"]
    with atomic_folder(target) as tmp:
        (tmp / "weights").write_text("second")
    assert (target / "weights").read_text() == "second" and [p.name for p in target.parent.iterdir()] == ["adapter"]


def test_atomic_file_replaces_the_file_whole_or_not_at_all(tmp_path):
    path = tmp_path / "data" / "rows.jsonl"
    with atomic_file(path) as f:
        f.write("東京\n")
    with pytest.raises(RuntimeError), atomic_file(path) as f:
        f.write("half")
        raise RuntimeError("interrupted")
    assert path.read_text(encoding="utf-8") == "東京\n" and [p.name for p in path.parent.iterdir()] == ["rows.jsonl"]
    assert path.stat().st_mode & 0o644 == 0o644
