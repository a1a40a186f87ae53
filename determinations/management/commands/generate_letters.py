"""``manage.py generate_letters --count N --seed S --out DIR``: synthetic IMR letters for benchmarks and tests.

A thin wrapper around ``determinations.generator`` (see its docstrings for
the distributions, formats and noise). Files go to ``DIR/0000/CMyy-NNNNNNN.txt``
(10,000 per folder); the same ``--count``/``--seed`` always give
byte-identical files, whatever ``--workers``. Every letter ends with the
synthetic marker line. No database is used.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from determinations.generator.output import write_letters


class Command(BaseCommand):
    help = (
        "Write N synthetic IMR determination letters (formats A, B and C, realistic distributions and "
        "extraction noise) under DIR, 10,000 per sub-folder. Deterministic for a given --seed."
    )
    requires_system_checks: list[str] = []

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, required=True, help="number of letters to write")
        parser.add_argument("--seed", default="0", help="the set to generate (any string; default 0)")
        parser.add_argument("--out", required=True, metavar="DIR", help="folder to write into (created if needed)")
        parser.add_argument(
            "--workers", type=int, default=1, help=f"worker processes (default 1; this machine has {os.cpu_count()})"
        )
        parser.add_argument(
            "--start", type=int, default=0, help="index of the first letter (to resume or split a run; default 0)"
        )
        parser.add_argument(
            "--with-json", action="store_true", help="also write each letter's intended parse as <name>.json"
        )

    def handle(self, *args, count, seed, out, workers, start, with_json, **options):
        if count < 0 or start < 0 or workers < 1:
            raise CommandError("--count and --start must be 0 or more, --workers 1 or more")
        began = time.perf_counter()
        with tqdm(total=count, unit="letter", desc="generate", disable=None, file=sys.stderr) as bar:
            written = write_letters(
                Path(out), str(seed), count, start=start, workers=workers, with_json=with_json, progress=bar.update
            )
        elapsed = time.perf_counter() - began
        rate = written / elapsed if elapsed else 0.0
        self.stdout.write(
            f"wrote {written} letters (indexes {start}-{start + written - 1}, seed {seed!r}) to {out} "
            f"in {elapsed:.1f} s ({rate:,.0f} letters/s, {workers} worker(s))"
        )
