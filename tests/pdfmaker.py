"""Build small real PDFs inside tests: a text layer from lines of text, or none.

Writes the PDF objects by hand (Helvetica, WinAnsi text, one ``Tj`` per line,
55 lines a page) so tests need no PDF-writing dependency; pypdf then reads the
text back exactly as it reads DWC's letters.
"""

from __future__ import annotations

import io

from pypdf import PdfReader, PdfWriter

LINES_PER_PAGE = 55


def _escape(line: str) -> bytes:
    raw = line.encode("cp1252", errors="replace")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _page_stream(lines: list[str]) -> bytes:
    body = [b"BT /F1 10 Tf 12 TL 50 780 Td"]
    for line in lines:
        body.append(b"(" + _escape(line) + b") Tj T*")
    body.append(b"ET")
    return b"\n".join(body)


def _assemble(streams: list[bytes], with_font: bool = True) -> bytes:
    objects: list[bytes] = []
    page_ids = [3 + 2 * i for i in range(len(streams))]
    font_id = 3 + 2 * len(streams)
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = b" ".join(b"%d 0 R" % pid for pid in page_ids)
    objects.append(b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % len(streams))
    for pid, stream in zip(page_ids, streams, strict=True):
        resources = b"/Resources << /Font << /F1 %d 0 R >> >>" % font_id if with_font else b"/Resources << >>"
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 842] /Contents %d 0 R " % (pid + 1) + resources + b" >>"
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def text_pdf(text: str) -> bytes:
    """A PDF whose text layer holds ``text``, line by line, over as many pages as needed."""
    lines = text.splitlines() or [""]
    pages = [lines[i : i + LINES_PER_PAGE] for i in range(0, len(lines), LINES_PER_PAGE)]
    return _assemble([_page_stream(page) for page in pages])


def image_only_pdf() -> bytes:
    """A one-page PDF with drawing but no text layer, like a scan."""
    return _assemble([b"0.5 g 50 50 500 700 re f"], with_font=False)


def encrypt_with_empty_password(pdf: bytes) -> bytes:
    """``pdf`` AES-encrypted with an empty user password, as DWC publishes its letters."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.encrypt(user_password="", owner_password="owner-secret", algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
