"""Running the project in a fresh process under a chosen environment (``DJANGO_DEBUG=0`` and friends)."""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[2]
#: Variables the settings read; a test starts from none of them set.
SETTINGS_VARIABLES = ("DATABASE_URL", "IMR_VAR_DIR")


def environment(tmp_path: Path, **variables: str) -> dict[str, str]:
    """The current environment without any project setting, a throwaway SQLite database, plus ``variables``."""
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith("DJANGO_") and name not in SETTINGS_VARIABLES
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "imrcases.settings",
            "IMR_VAR_DIR": str(tmp_path / "var"),
            "DATABASE_URL": f"sqlite:///{tmp_path / 'var' / 'db.sqlite3'}",
            "DJANGO_STATIC_ROOT": str(tmp_path / "static"),
        }
    )
    env.update(variables)
    return env


def production(tmp_path: Path, **variables: str) -> dict[str, str]:
    """A complete production environment: debug off, a 50+ character random key, a host name."""
    defaults = {
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(60),
        "DJANGO_ALLOWED_HOSTS": "example.org",
    }
    return environment(tmp_path, **{**defaults, **variables})


def manage(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    """Run ``manage.py ARGS`` in a new process."""
    return subprocess.run(
        [sys.executable, str(PROJECT_DIR / "manage.py"), *args],
        env=env,
        cwd=PROJECT_DIR,
        capture_output=True,
        text=True,
        timeout=300,
    )


def python(env: dict[str, str], code: str) -> subprocess.CompletedProcess:
    """Run ``code`` with Django set up, in a new process."""
    return subprocess.run(
        [sys.executable, "-c", f"import django\ndjango.setup()\n{code}"],
        env=env,
        cwd=PROJECT_DIR,
        capture_output=True,
        text=True,
        timeout=300,
    )


def settings_values(env: dict[str, str], *names: str) -> dict:
    """The values of settings ``names`` under ``env`` (JSON-compatible)."""
    result = python(
        env,
        "import json\nfrom django.conf import settings\n"
        f"print(json.dumps({{name: getattr(settings, name) for name in {list(names)!r}}}, default=str))",
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])
