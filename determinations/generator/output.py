"""Writing a set of synthetic letters to disk, in parallel.

Letter ``i`` goes to ``OUT/<i // 10000, 4 digits>/<case number>.txt``, so no
folder holds more than ``FILES_PER_FOLDER`` letters; with ``with_json`` its
intended parse goes beside it as ``<case number>.json`` (the layout of the
shared corpus). Letters are generated in chunks by ``workers`` processes;
since a letter depends only on ``(seed, index)``, the files are identical
whatever the number of workers, and an interrupted run can be resumed with
``start``.
"""

from __future__ import annotations

import json
import multiprocessing
from collections.abc import Callable, Iterator
from pathlib import Path

from . import generate

FILES_PER_FOLDER = 10_000
CHUNK = 500


def folder_of(index: int) -> str:
    """The sub-folder letter ``index`` is written to."""
    return f"{index // FILES_PER_FOLDER:04d}"


def write_chunk(out: str, seed: str, start: int, stop: int, with_json: bool) -> int:
    """Write letters ``start`` to ``stop - 1``; return how many were written."""
    folder = None
    for index in range(start, stop):
        if folder != folder_of(index):
            folder = folder_of(index)
            (Path(out) / folder).mkdir(parents=True, exist_ok=True)
        letter = generate(seed, index)
        path = Path(out, folder, letter.name)
        path.write_text(letter.text, encoding="utf-8", newline="")
        if with_json:
            path.with_suffix(".json").write_text(json.dumps(letter.intended, indent=2) + "\n", encoding="utf-8")
    return stop - start


def _chunks(start: int, count: int) -> Iterator[tuple[int, int]]:
    """Ranges of at most ``CHUNK`` letters that never straddle two folders."""
    index, stop = start, start + count
    while index < stop:
        end = min(stop, index + CHUNK, (index // FILES_PER_FOLDER + 1) * FILES_PER_FOLDER)
        yield index, end
        index = end


def _write_chunk(job: tuple[str, str, int, int, bool]) -> int:
    return write_chunk(*job)


def write_letters(
    out: Path,
    seed: str,
    count: int,
    *,
    start: int = 0,
    workers: int = 1,
    with_json: bool = False,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Write letters ``start`` to ``start + count - 1`` of set ``seed`` under ``out``; return the number written."""
    out.mkdir(parents=True, exist_ok=True)
    jobs = [(str(out), seed, low, high, with_json) for low, high in _chunks(start, count)]
    if workers <= 1:
        return _collect(map(_write_chunk, jobs), progress)
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        return _collect(pool.imap_unordered(_write_chunk, jobs), progress)


def _collect(results: Iterator[int], progress: Callable[[int], None] | None) -> int:
    written = 0
    for done in results:
        written += done
        if progress:
            progress(done)
    return written
