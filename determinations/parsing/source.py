"""Reading a letter file's text: ``.txt`` (UTF-8, else Windows-1252/Latin-1) or ``.pdf`` (its text layer).

DWC's PDFs are AES-encrypted with an empty user password; pypdf (with its
``crypto`` extra) opens them with ``decrypt("")``. Anything that yields no
usable text raises ``ParseError`` with the reason, never another exception.
"""

from __future__ import annotations

import io
from pathlib import Path

from .letter import ParseError

_SAMPLE = 4096


def read_letter_text(path: str | Path) -> str:
    """The text of the letter file at ``path``; ``ParseError`` says why when there is none."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ParseError(f"cannot read file: {exc.strerror or exc}") from exc
    if not data.strip():
        raise ParseError("empty file")
    if data.lstrip()[:5] == b"%PDF-" or path.suffix.casefold() == ".pdf":
        return pdf_text(data)
    return decode_text(data)


def decode_text(data: bytes) -> str:
    """``data`` decoded as UTF-8, else Windows-1252, else Latin-1; binary data raises ``ParseError``."""
    if b"\x00" in data[:_SAMPLE]:
        raise ParseError("binary data, not text (a PDF or an image with the wrong name?)")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def pdf_text(data: bytes) -> str:
    """The text layer of a PDF, one page after another."""
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ParseError("PDF is encrypted with a password; save an unencrypted copy and retry")
        text = "\n".join(page.extract_text() or "" for page in reader.pages)
    except ParseError:
        raise
    except Exception as exc:  # pypdf raises many kinds of error on damaged files
        raise ParseError(f"unreadable PDF ({type(exc).__name__}: {exc})") from exc
    if not text.strip():
        raise ParseError("PDF has no text layer (scanned image?); run OCR first (e.g. ocrmypdf) and parse the result")
    return text
