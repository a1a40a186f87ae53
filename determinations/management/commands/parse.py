"""``manage.py parse FILE [FILE ...]``: print each letter's parse as one JSON line (DESIGN.md section 3).

A file that cannot be parsed prints ``{"source": ..., "error": ...}``; after all
files are printed the command exits with status 1 if any failed. No database
is used. ``source`` is the path as given on the command line.
"""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError

from determinations.letterfiles import read_letter
from determinations.parsing import ParseError, parse_letter
from determinations.parsing.letter import error_contract, to_contract


class Command(BaseCommand):
    help = "Parse IMR letters (.txt or .pdf) and print one JSON object per file (JSON Lines)."
    requires_system_checks: list[str] = []

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE", help="letter files (.txt or .pdf)")

    def handle(self, *args, **options):
        failed = 0
        for source in options["files"]:
            try:
                record = to_contract(parse_letter(read_letter(source)), source)
            except ParseError as exc:
                failed += 1
                record = error_contract(source, str(exc))
            self.stdout.write(json.dumps(record, ensure_ascii=False))
        if failed:
            raise CommandError(f"{failed} of {len(options['files'])} file(s) could not be parsed", returncode=1)
