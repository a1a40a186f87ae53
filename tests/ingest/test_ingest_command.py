"""``manage.py ingest``: files, folders, archives, idempotence, failures, reports, dry runs."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from determinations.models import Decision, Determination, DisputedItem, Guideline, Patient, Reviewer
from tests.database import snapshot
from tests.pdfmaker import encrypt_with_empty_password, image_only_pdf, text_pdf

pytestmark = pytest.mark.django_db

PROJECT_DIR = Path(__file__).resolve().parents[2]
FIXTURE_LETTERS = PROJECT_DIR / "fixtures" / "letters"


def run_ingest(*args: str) -> tuple[str, str]:
    """Run the command in-process; return (stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    call_command("ingest", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def fixture_letters() -> list[Path]:
    return sorted(FIXTURE_LETTERS.glob("*.txt"))


def bad_folder(tmp_path: Path) -> Path:
    """A folder of files that are not letters, each for a different reason."""
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "corrupt.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage without end")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "not-a-letter.txt").write_text(
        "Minutes of the garden club.\nWe discussed tomatoes, compost and the spring plant sale.\n"
    )
    (folder / "scanned.pdf").write_bytes(image_only_pdf())
    return folder


class TestFolders:
    def test_fixture_letters_all_ingest(self):
        out, _ = run_ingest(str(FIXTURE_LETTERS))
        letters = fixture_letters()
        assert len(letters) >= 12
        assert Determination.objects.count() == len(letters)
        assert f"new {len(letters)}, updated 0, unchanged 0, failed 0" in out
        assert DisputedItem.objects.count() == Decision.objects.count() > len(letters)

    def test_ingesting_twice_changes_no_row(self):
        run_ingest(str(FIXTURE_LETTERS))
        before = snapshot()
        out, _ = run_ingest(str(FIXTURE_LETTERS))
        assert snapshot() == before
        assert f"new 0, updated 0, unchanged {len(fixture_letters())}, failed 0" in out

    def test_bad_files_are_reported_and_good_letters_still_ingest(self, tmp_path):
        report = tmp_path / "report.tsv"
        with pytest.raises(CommandError) as failed:
            run_ingest(str(bad_folder(tmp_path)), str(FIXTURE_LETTERS), "--report", str(report))
        assert failed.value.returncode == 1
        assert Determination.objects.count() == len(fixture_letters())
        lines = {line.split("\t")[1]: line for line in report.read_text().splitlines() if line.startswith("FAILED")}
        reasons = {Path(source).name: line.split("\t")[2] for source, line in lines.items()}
        assert "corrupt or unreadable PDF" in reasons["corrupt.pdf"]
        assert reasons["empty.txt"] == "empty file"
        assert "binary data" in reasons["binary.txt"]
        assert "letter" in reasons["not-a-letter.txt"].lower()
        assert "no text layer" in reasons["scanned.pdf"]
        assert len(reasons) == 5

    def test_non_letter_files_in_folders_are_skipped_and_listed(self, tmp_path):
        folder = tmp_path / "mixed"
        folder.mkdir()
        (folder / "notes.json").write_text("{}")
        (folder / ".hidden.txt").write_text("ignored entirely")
        (folder / "letter.txt").write_bytes(fixture_letters()[0].read_bytes())
        report = tmp_path / "report.tsv"
        out, _ = run_ingest(str(folder), "--report", str(report))
        assert "new 1, updated 0, unchanged 0, failed 0, skipped 1" in out
        assert "SKIPPED\t" in report.read_text() and "notes.json" in report.read_text()
        assert ".hidden" not in report.read_text()

    def test_missing_path_fails_with_reason(self, tmp_path):
        with pytest.raises(CommandError):
            run_ingest(str(tmp_path / "nowhere"))

    def test_dry_run_writes_nothing(self, tmp_path):
        report = tmp_path / "dry.tsv"
        with pytest.raises(CommandError):
            run_ingest("--dry-run", "--report", str(report), str(FIXTURE_LETTERS), str(bad_folder(tmp_path)))
        assert Determination.objects.count() == 0
        assert Reviewer.objects.count() == Patient.objects.count() == Guideline.objects.count() == 0
        header = report.read_text().splitlines()
        assert header[0].endswith("(dry run)")
        assert (
            header[1]
            == f"# new {len(fixture_letters())}, updated 0, unchanged 0, failed 5, skipped 0, corrections kept 0"
        )


class TestArchivesAndPdfs:
    def test_zip_archive_members_are_ingested(self, tmp_path):
        archive = tmp_path / "letters.zip"
        with zipfile.ZipFile(archive, "w") as bundle:
            for path in fixture_letters()[:3]:
                bundle.write(path, f"inner/{path.name}")
            bundle.writestr("inner/empty.txt", "")
            bundle.writestr("__MACOSX/inner/._junk.txt", "resource fork")
        report = tmp_path / "report.tsv"
        with pytest.raises(CommandError):
            run_ingest(str(archive), "--report", str(report))
        assert Determination.objects.count() == 3
        assert "letters.zip/inner/empty.txt\tempty file" in report.read_text()

    def test_corrupt_zip_is_a_failure(self, tmp_path):
        archive = tmp_path / "broken.zip"
        archive.write_bytes(b"PK\x03\x04 not really")
        with pytest.raises(CommandError):
            run_ingest(str(archive))

    def test_pdf_parses_exactly_like_its_text(self, tmp_path, corpus_dir):
        source = corpus_dir / "constructed" / "dev-08.txt"
        pdf = tmp_path / "dev-08.pdf"
        pdf.write_bytes(encrypt_with_empty_password(text_pdf(source.read_text(encoding="utf-8"))))
        out = io.StringIO()
        call_command("parse", str(source), str(pdf), stdout=out)
        from_text, from_pdf = (json.loads(line) for line in out.getvalue().splitlines())
        assert from_pdf.pop("source") == str(pdf)
        assert from_text.pop("source") == str(source)
        assert from_pdf == from_text
        run_ingest(str(pdf))
        stored = Determination.objects.get()
        assert stored.case_number == from_text["case_number"]
        assert stored.items.count() == len(from_text["items"])


class TestUpdates:
    def test_changed_letter_with_known_case_number_is_updated_in_place(self, tmp_path):
        original = next(p for p in fixture_letters() if "Case Number" in p.read_text())
        run_ingest(str(original))
        determination = Determination.objects.get()
        changed = tmp_path / original.name
        text = original.read_text()
        changed.write_text(text.replace("Decision rationale:", "Decision rationale: Amended letter.", 1))
        out, _ = run_ingest(str(changed))
        assert "new 0, updated 1" in out
        updated = Determination.objects.get()
        assert updated.pk == determination.pk
        assert updated.sha256 != determination.sha256
        assert "Amended letter." in updated.items.order_by("position").first().decision.rationale

    def test_each_letter_is_one_transaction(self, tmp_path, monkeypatch):
        """A failure while storing one letter leaves none of its rows behind, and the batch goes on."""
        from determinations import ingest as ingest_module

        letters = fixture_letters()[:3]
        real_guideline = ingest_module._guideline
        calls = {"n": 0}

        def flaky_guideline(citation):
            calls["n"] += 1
            if calls["n"] == 2:
                raise RuntimeError("disk full")
            return real_guideline(citation)

        monkeypatch.setattr(ingest_module, "_guideline", flaky_guideline)
        with pytest.raises(CommandError):
            run_ingest(*map(str, letters))
        assert Determination.objects.count() == 2
        assert DisputedItem.objects.filter(determination__isnull=True).count() == 0
        assert Patient.objects.count() == 2
        stored = set(Determination.objects.values_list("source_name", flat=True))
        assert len(stored) == 2


def _subprocess_env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return env


@pytest.mark.slow
class TestCommandLine:
    """The real command in a real process: exit status, summary and progress bar."""

    def test_exit_status_and_summary(self, tmp_path):
        env = _subprocess_env(tmp_path)
        manage = [sys.executable, str(PROJECT_DIR / "manage.py")]
        subprocess.run([*manage, "migrate", "-v0"], env=env, check=True, cwd=PROJECT_DIR)
        good = subprocess.run(
            [*manage, "ingest", str(FIXTURE_LETTERS)], env=env, cwd=PROJECT_DIR, capture_output=True, text=True
        )
        assert good.returncode == 0, good.stderr
        assert "failed 0" in good.stdout
        bad = subprocess.run(
            [*manage, "ingest", str(bad_folder(tmp_path)), str(FIXTURE_LETTERS)],
            env=env,
            cwd=PROJECT_DIR,
            capture_output=True,
            text=True,
        )
        assert bad.returncode == 1
        assert f"unchanged {len(fixture_letters())}, failed 5" in bad.stdout
        assert "FAILED" in bad.stderr and "empty.txt: empty file" in bad.stderr

    def test_progress_bar_on_a_terminal(self, tmp_path):
        import pty

        env = _subprocess_env(tmp_path)
        manage = [sys.executable, str(PROJECT_DIR / "manage.py")]
        subprocess.run([*manage, "migrate", "-v0"], env=env, check=True, cwd=PROJECT_DIR)
        primary, secondary = pty.openpty()
        process = subprocess.Popen(
            [*manage, "ingest", str(FIXTURE_LETTERS)], env=env, cwd=PROJECT_DIR, stdout=secondary, stderr=secondary
        )
        os.close(secondary)
        chunks = []
        while True:
            try:
                chunk = os.read(primary, 4096)
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
        assert process.wait() == 0
        output = b"".join(chunks).decode(errors="replace")
        assert "ingest:" in output and "file" in output
