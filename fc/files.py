"""Atomic writes: a file or folder is there complete, or not changed at all.

Each is written beside its target under a temporary name and renamed into place only once it is whole, so
an interrupted writer never leaves a half-written adapter, model folder or dataset where a reader looks.
"""
from __future__ import annotations

import os
import shutil
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, TextIO


@contextmanager
def atomic_folder(target: str | Path, *, replace: bool = True) -> Iterator[Path]:
    """Yield a new empty folder beside `target`; when the block ends without an error the folder becomes
    `target` (`install_folder`), otherwise it is removed and `target` stays as it was.

    With `replace=False` a `target` that exists by then (another process wrote it first) is kept and the
    new folder dropped."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    restore_folder(target)
    tmp = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.tmp-"))
    tmp.chmod(0o755)  # mkdtemp makes the folder private; what it becomes is meant to be shared
    try:
        yield tmp
        if replace or not target.exists():
            install_folder(tmp, target)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def install_folder(new: Path, target: Path) -> None:
    """Replace `target` by the complete folder `new` (same parent): old aside, new in, old deleted."""
    old = None
    if target.exists():
        old = target.with_name(f".{target.name}.old-{time.time_ns()}")
        target.rename(old)
    new.rename(target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def restore_folder(target: Path) -> None:
    """Undo an `install_folder` cut short between its two renames: put the old folder back."""
    if not target.exists():
        aside = sorted(target.parent.glob(f".{target.name}.old-*")) if target.parent.is_dir() else []
        if aside:
            aside[-1].rename(target)


@contextmanager
def atomic_file(path: str | Path) -> Iterator[TextIO]:
    """Yield a UTF-8 text file beside `path`; when the block ends without an error it replaces `path`
    (readable by everyone), otherwise it is deleted and `path` stays as it was."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            yield f
        os.chmod(tmp, 0o644)  # mkstemp makes the file private
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise
