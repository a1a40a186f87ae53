"""``manage.py ingest PATH [PATH ...]``: letters into the database (DESIGN.md section 8)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from tqdm import tqdm

from determinations.bulk import DEFAULT_BATCH_SIZE, bulk_ingest
from determinations.ingest import IngestSummary, ingest


class Command(BaseCommand):
    help = (
        "Ingest IMR determination letters: .txt and .pdf files, folders (recursive) and .zip archives. "
        "Idempotent: a letter already stored (same SHA-256) is left alone; a changed letter with a known "
        "case number is updated, except fields corrected by hand. Exit status 1 when any letter failed."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help="letter files, folders or .zip archives")
        parser.add_argument("--report", metavar="FILE", help="write every failure and kept correction here")
        parser.add_argument("--dry-run", action="store_true", help="parse and report without writing")
        parser.add_argument(
            "--workers",
            type=int,
            default=0,
            metavar="N",
            help="bulk mode: parse in N worker processes and write in batches (for large loads)",
        )
        parser.add_argument(
            "--batch-size", type=int, default=DEFAULT_BATCH_SIZE, metavar="N", help="letters per write in bulk mode"
        )

    def handle(self, *args, paths, report=None, dry_run=False, workers=0, batch_size=DEFAULT_BATCH_SIZE, **options):
        if workers < 0 or batch_size < 1:
            raise CommandError("--workers must be 0 or more and --batch-size 1 or more")
        if workers and dry_run:
            raise CommandError("--dry-run parses one letter at a time; leave out --workers")
        size = shutil.get_terminal_size()  # tqdm prints nothing on a terminal that reports a 0x0 size
        bar_options = {"ncols": size.columns, "nrows": size.lines, "disable": None, "file": sys.stderr}
        with tqdm(unit="file", desc="ingest", **bar_options) as bar:
            tick = lambda _name: bar.update()  # noqa: E731
            if workers:
                summary = bulk_ingest(paths, workers=workers, batch_size=batch_size, progress=tick)
            else:
                summary = ingest(paths, dry_run=dry_run, progress=tick)
        self._print_summary(summary, dry_run)
        if report:
            Path(report).write_text(format_report(summary, dry_run), encoding="utf-8")
            self.stdout.write(f"report written to {report}")
        if summary.failed:
            raise CommandError(f"{summary.failed} file(s) failed; see the reasons above", returncode=1)

    def _print_summary(self, summary: IngestSummary, dry_run: bool) -> None:
        for failure in summary.failures:
            self.stderr.write(f"FAILED {failure.source}: {failure.reason}")
        for kept in summary.kept:
            self.stdout.write(
                f"KEPT {kept.citation_id} {kept.field}: corrected by hand to {kept.kept!r}, letter says {kept.parsed!r}"
            )
        prefix = "dry run, nothing written: would be " if dry_run else ""
        self.stdout.write(
            f"{prefix}new {summary.new}, updated {summary.updated}, unchanged {summary.unchanged}, "
            f"failed {summary.failed}, skipped {len(summary.skipped)}, corrections kept {len(summary.kept)}"
        )


def format_report(summary: IngestSummary, dry_run: bool = False) -> str:
    """The ``--report`` file: counts, then one tab-separated line per failure, skip and kept correction."""
    lines = [
        f"# IMR ingest report {timezone.now().isoformat(timespec='seconds')}" + (" (dry run)" if dry_run else ""),
        f"# new {summary.new}, updated {summary.updated}, unchanged {summary.unchanged}, "
        f"failed {summary.failed}, skipped {len(summary.skipped)}, corrections kept {len(summary.kept)}",
        "# status\tsource\tdetail",
    ]
    lines += [f"FAILED\t{f.source}\t{f.reason}" for f in summary.failures]
    lines += [f"SKIPPED\t{f.source}\t{f.reason}" for f in summary.skipped]
    lines += [
        f"KEPT\t{k.source}\t{k.citation_id} {k.field}: kept hand correction {k.kept!r}; the letter says {k.parsed!r}"
        for k in summary.kept
    ]
    return "\n".join(lines) + "\n"
