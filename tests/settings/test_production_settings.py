"""Production settings come from the environment, refuse to start incomplete, and pass ``check --deploy``."""

from __future__ import annotations

import pytest

from tests.settings.production import environment, manage, production, settings_values

SECURITY = (
    "DEBUG",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_PROXY_SSL_HEADER",
    "SECURE_REFERRER_POLICY",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "X_FRAME_OPTIONS",
    "CSRF_TRUSTED_ORIGINS",
    "ALLOWED_HOSTS",
    "STORAGES",
)


@pytest.mark.parametrize("missing", ["DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS"])
def test_production_refuses_to_start_without_a_key_or_hosts(tmp_path, missing):
    env = production(tmp_path)
    del env[missing]
    result = manage(env, "check")
    assert result.returncode != 0
    assert "DJANGO_DEBUG=0 needs DJANGO_SECRET_KEY (a long random string) and DJANGO_ALLOWED_HOSTS" in result.stderr


def test_check_deploy_reports_no_issue(tmp_path):
    result = manage(production(tmp_path), "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_check_deploy_notices_a_weak_production_setup(tmp_path):
    env = production(tmp_path, DJANGO_SECRET_KEY="short", DJANGO_SECURE_SSL_REDIRECT="0")
    result = manage(env, "check", "--deploy")
    assert "security.W009" in result.stderr and "security.W008" in result.stderr


def test_production_is_https_only_with_strict_headers(tmp_path):
    values = settings_values(production(tmp_path), *SECURITY)
    assert values["DEBUG"] is False
    assert values["SESSION_COOKIE_SECURE"] is values["CSRF_COOKIE_SECURE"] is True
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SECURE_HSTS_SECONDS"] >= 31_536_000
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is values["SECURE_HSTS_PRELOAD"] is True
    assert values["SECURE_PROXY_SSL_HEADER"] is None
    assert values["SECURE_REFERRER_POLICY"] == "same-origin"
    assert values["SECURE_CONTENT_TYPE_NOSNIFF"] is True
    assert values["X_FRAME_OPTIONS"] == "DENY"
    assert values["ALLOWED_HOSTS"] == ["example.org"]
    assert "CompressedManifestStaticFilesStorage" in values["STORAGES"]["staticfiles"]["BACKEND"]


def test_reverse_proxy_and_origins_come_from_the_environment(tmp_path):
    env = production(
        tmp_path,
        DJANGO_ALLOWED_HOSTS="imr.example.org, www.example.org",
        DJANGO_SECURE_PROXY_SSL_HEADER="X-Forwarded-Proto: https",
        DJANGO_CSRF_TRUSTED_ORIGINS="https://imr.example.org,https://www.example.org",
        DJANGO_SECURE_HSTS_SECONDS="3600",
        DJANGO_SECURE_SSL_REDIRECT="0",
    )
    values = settings_values(env, *SECURITY)
    assert values["ALLOWED_HOSTS"] == ["imr.example.org", "www.example.org"]
    assert values["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert values["CSRF_TRUSTED_ORIGINS"] == ["https://imr.example.org", "https://www.example.org"]
    assert values["SECURE_HSTS_SECONDS"] == 3600
    assert values["SECURE_SSL_REDIRECT"] is False


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("DJANGO_SECURE_PROXY_SSL_HEADER", "X-Forwarded-Proto", "must look like 'X-Forwarded-Proto: https'"),
        ("DJANGO_SECURE_HSTS_SECONDS", "a year", "DJANGO_SECURE_HSTS_SECONDS must be a whole number"),
    ],
)
def test_malformed_values_stop_startup_with_a_clear_message(tmp_path, variable, value, message):
    result = manage(production(tmp_path, **{variable: value}), "check")
    assert result.returncode != 0
    assert message in result.stderr


def test_local_defaults_still_work_without_any_variable(tmp_path):
    values = settings_values(environment(tmp_path), *SECURITY)
    assert values["DEBUG"] is True
    assert values["SESSION_COOKIE_SECURE"] is values["SECURE_SSL_REDIRECT"] is False
    assert values["SECURE_HSTS_SECONDS"] == 0
    assert "localhost" in values["ALLOWED_HOSTS"]
    assert values["X_FRAME_OPTIONS"] == "DENY"
    assert (tmp_path / "var").is_dir(), "the embedded SQLite database lives under IMR_VAR_DIR"


def test_debug_flag_accepts_the_usual_spellings(tmp_path):
    for value, debug in [("1", True), ("true", True), ("on", True), ("0", False), ("false", False), ("no", False)]:
        assert settings_values(production(tmp_path, DJANGO_DEBUG=value), "DEBUG")["DEBUG"] is debug, value
