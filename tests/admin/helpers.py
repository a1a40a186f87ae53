"""Driving the admin like a staff user: open a change page, change a few fields, save."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from tests.admin.browser import form_data


def change_url(model_name: str, pk: int) -> str:
    return reverse(f"admin:determinations_{model_name}_change", args=[pk])


def open_form(client: Client, model_name: str, pk: int) -> dict[str, list[str]]:
    """GET an object's change page and return its form as a browser would submit it."""
    response = client.get(change_url(model_name, pk))
    assert response.status_code == 200, response.status_code
    return form_data(response.content.decode(), f"{model_name}_form")


def save(client: Client, model_name: str, pk: int, data: dict[str, list[str]]):
    """POST the change form with "Save"; fail with the form's errors unless it saved."""
    response = client.post(change_url(model_name, pk), {**data, "_save": "Save"})
    if response.status_code != 302:
        errors = response.context["errors"] if response.context else response.content[:500]
        raise AssertionError(f"the form did not save ({response.status_code}): {errors!r}")
    return response


def correct(client: Client, model_name: str, pk: int, changes: dict[str, str | list[str]]) -> None:
    """Open the change page, set ``changes`` (field name -> value), keep everything else, save."""
    data = open_form(client, model_name, pk)
    for name, value in changes.items():
        data[name] = value if isinstance(value, list) else [value]
    save(client, model_name, pk, data)


def run_action(client: Client, model_name: str, action: str, pks: list[int]):
    """Run a changelist action on the given rows, as the action dropdown does."""
    url = reverse(f"admin:determinations_{model_name}_changelist")
    response = client.post(url, {"action": action, "_selected_action": [str(pk) for pk in pks], "index": "0"})
    assert response.status_code == 302, response.status_code
    return response
