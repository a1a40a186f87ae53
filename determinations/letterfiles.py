"""Finding letter files and reading their text: ``.txt``, ``.pdf``, folders, ``.zip``.

Pure Python (no Django) so worker processes can use it. ``iter_sources`` walks the
paths a user gives and yields one ``LetterFile`` per candidate letter, in a stable
order; ``letter_text`` turns one file's bytes into text or raises
``UnreadableLetter`` with a reason a user can act on.
"""

from __future__ import annotations

import io
import zipfile
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .parsing.letter import ParseError

LETTER_SUFFIXES = {".txt", ".text", ".pdf"}
ARCHIVE_SUFFIXES = {".zip"}
MAX_MEMBER_BYTES = 50 * 1024 * 1024
#: Files of a folder read ahead of the one being handed on, and the threads reading them (``_walk``).
READ_AHEAD = 64
READERS = 4


class UnreadableLetter(ParseError):
    """A file that holds no readable letter text; the message says why."""


@dataclass(frozen=True)
class LetterFile:
    """One candidate letter: where it came from and its raw bytes."""

    name: str
    data: bytes

    @property
    def kind(self) -> str:
        """``pdf`` or ``text``, by content first and file name second."""
        if self.data.lstrip()[:5] == b"%PDF-" or Path(self.name).suffix.lower() == ".pdf":
            return "pdf"
        return "text"


@dataclass(frozen=True)
class SkippedFile:
    """A file found while walking folders that is not a letter file."""

    name: str
    reason: str


@dataclass(frozen=True)
class UnreadableFile:
    """A path or archive member that could not be read at all."""

    name: str
    reason: str


Found = LetterFile | SkippedFile | UnreadableFile


def iter_sources(paths: Iterable[str | Path]) -> Iterator[Found]:
    """Every letter file under ``paths``: files, folders (recursive) and ``.zip`` archives."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path)
        elif path.is_file():
            yield from _open_file(path, explicit=True)
        else:
            yield UnreadableFile(str(raw), "no such file or folder; check the path")


def _walk(folder: Path) -> Iterator[Found]:
    """The files of a folder in name order, up to ``READ_AHEAD`` of them read ahead on ``READERS`` threads.

    A disk answers several small reads at once faster than one after another, and the reader (ingest's main
    process, which also writes to the database) need not wait on each. An archive's members are read as they
    are yielded, so a large one is never held whole.
    """
    paths = (
        path
        for path in sorted(folder.rglob("*"))
        if not any(part.startswith(".") for part in path.relative_to(folder).parts) and path.is_file()
    )
    with ThreadPoolExecutor(max_workers=READERS, thread_name_prefix="imr-read-file") as pool:
        ahead: deque[Future[list[Found]]] = deque()
        for path in paths:
            if path.suffix.lower() in ARCHIVE_SUFFIXES:
                while ahead:
                    yield from ahead.popleft().result()
                yield from _open_zip(path)
                continue
            ahead.append(pool.submit(_read_file, path))
            if len(ahead) >= READ_AHEAD:
                yield from ahead.popleft().result()
        while ahead:
            yield from ahead.popleft().result()


def _read_file(path: Path) -> list[Found]:
    return list(_open_file(path, explicit=False))


def _open_file(path: Path, explicit: bool) -> Iterator[Found]:
    suffix = path.suffix.lower()
    if suffix in ARCHIVE_SUFFIXES:
        yield from _open_zip(path)
        return
    if not explicit and suffix not in LETTER_SUFFIXES and suffix != "":
        yield SkippedFile(str(path), f"not a letter file ({suffix}); ingest reads .txt, .pdf and .zip")
        return
    try:
        yield LetterFile(str(path), path.read_bytes())
    except OSError as exc:
        yield UnreadableFile(str(path), f"cannot read file: {exc.strerror or exc}")


def _open_zip(path: Path) -> Iterator[Found]:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        yield UnreadableFile(str(path), f"not a readable .zip archive ({exc}); re-create the archive")
        return
    with archive:
        for info in sorted(archive.infolist(), key=lambda i: i.filename):
            name = f"{path}/{info.filename}"
            member = Path(info.filename)
            if info.is_dir() or any(p.startswith(".") or p == "__MACOSX" for p in member.parts):
                continue
            if member.suffix.lower() not in LETTER_SUFFIXES:
                yield SkippedFile(name, f"not a letter file ({member.suffix or 'no suffix'}) inside the archive")
                continue
            if info.file_size > MAX_MEMBER_BYTES:
                yield UnreadableFile(name, f"archive member larger than {MAX_MEMBER_BYTES // 2**20} MB")
                continue
            try:
                yield LetterFile(name, archive.read(info))
            except (zipfile.BadZipFile, OSError, RuntimeError) as exc:
                yield UnreadableFile(name, f"cannot extract from archive: {exc}")


def read_letter(path: str | Path) -> str:
    """The text of the letter file at ``path``; raises ``UnreadableLetter`` with the reason."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise UnreadableLetter(f"cannot read file: {exc.strerror or exc}") from exc
    return letter_text(LetterFile(str(path), data))


def letter_text(letter: LetterFile) -> str:
    """The text of one letter file; raises ``UnreadableLetter`` with the reason."""
    if not letter.data.strip():
        raise UnreadableLetter("empty file")
    if letter.kind == "pdf":
        return pdf_text(letter.data)
    return decode_text(letter.data)


def decode_text(data: bytes) -> str:
    """Bytes of a text file as ``str`` (UTF-8, else Windows-1252, else Latin-1); binary data is refused."""
    if b"\x00" in data[:4096]:
        raise UnreadableLetter("binary data, not text (a PDF or an image with the wrong name?)")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def pdf_text(data: bytes) -> str:
    """The text layer of a PDF, decrypting DWC's empty-password AES encryption."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise UnreadableLetter("PDF is encrypted with a password; save an unencrypted copy and retry")
        text = "\n".join(page.extract_text() or "" for page in reader.pages)
    except UnreadableLetter:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, IndexError, AttributeError, OSError) as exc:
        raise UnreadableLetter(f"corrupt or unreadable PDF ({type(exc).__name__}: {exc})") from exc
    if not text.strip():
        raise UnreadableLetter("PDF has no text layer (scanned image?); run OCR first (e.g. ocrmypdf), then retry")
    return text
