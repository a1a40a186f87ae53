"""The staff admin for corrections (DESIGN.md section 7, "Admin site").

Every model has a changelist with filters and search and a change page with its
full history (django-simple-history: who, when, old value -> new value).

Corrections are locked: a field staff change here is added to the row's
``corrected_fields``, and ingest never overwrites such a field (it reports it
instead). Locks are shown on each page and released either per field (the
"Release hand corrections" checkboxes) or per letter (the changelist action).
Every save or delete refreshes the search index of the letters it touched.

A letter's disputed items are edited inline on the letter, each together with
its decision (outcome, citations, guidelines, rationale): the item and its
decision are one thing to a reader of the letter, and the corrections staff
make most (an outcome, a category) then take one page and one save.

Letters flagged ``needs_review`` also appear in their own queue, "Letters
needing review", counted on the admin index.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import AutocompleteSelectMultiple
from django.db import models
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator
from simple_history.admin import SimpleHistoryAdmin

from .history import record_baseline
from .models import (
    Decision,
    Determination,
    DisputedItem,
    Guideline,
    LetterNeedingReview,
    Outcome,
    Patient,
    Reviewer,
)
from .search import drop_determinations, index_determinations
from .taxonomy import CATEGORIES, SUBCATEGORIES

RELEASED_REASON = "Released hand corrections"
REVIEWED_REASON = "Marked reviewed"
DECISION_FIELDS = ("outcome", "guidelines", "reviewer_citation", "claims_administrator_citation", "rationale")
ITEM_FIELDS = ("position", "request", "category", "subcategory", "quantity", "body_region")


# --- hand corrections ----------------------------------------------------------------------------------------


def correctable_names(model: type[models.Model]) -> frozenset[str]:
    """The field names of ``model`` that can be locked: its concrete and many-to-many fields."""
    return frozenset(
        field.name
        for field in model._meta.get_fields()
        if (field.concrete or field.many_to_many) and not field.auto_created and field.name != "corrected_fields"
    )


def lock(row: models.Model, changed: Iterable[str] = (), released: Iterable[str] = ()) -> None:
    """Add ``changed`` to ``row.corrected_fields`` and drop ``released`` from it (not saved)."""
    locked = (set(row.corrected_fields) - set(released)) | set(changed)
    row.corrected_fields = sorted(locked)


def describe_locks(rows: Iterable[tuple[str, models.Model | None]]) -> str:
    """``"letter: needs_review; item 1: category"``: each row's locked fields after its label, or ``"none"``."""
    parts = [
        f"{label}: {', '.join(row.corrected_fields)}" if label else ", ".join(row.corrected_fields)
        for label, row in rows
        if row is not None and row.corrected_fields
    ]
    return "; ".join(parts) or "none"


def set_quietly(row: models.Model, name: str, values: Iterable[models.Model]) -> None:
    """Set a many-to-many field of a saved row without history of its own: the row's next save records it.

    simple-history records every add and remove as a version; a correction
    should be one version holding all of its changes.
    """
    row.skip_history_when_saving = True
    try:
        getattr(row, name).set(values)
    finally:
        del row.skip_history_when_saving


class PlainTextField(forms.CharField):
    """A text field whose line endings are normalised, so an untouched textarea is never a change.

    Browsers submit textarea line breaks as CRLF; stored text uses LF. Without
    this, merely saving a page would mark every multi-line field as corrected.
    """

    def to_python(self, value):
        value = super().to_python(value)
        return value.replace("\r\n", "\n").replace("\r", "\n") if isinstance(value, str) else value

    def has_changed(self, initial, data) -> bool:
        if self.disabled:
            return False
        return self.to_python(initial or "") != self.to_python(data or "")


TEXT_OVERRIDES = {models.TextField: {"form_class": PlainTextField}, models.CharField: {"form_class": PlainTextField}}


class CorrectionForm(forms.ModelForm):
    """A form for a ``Correctable`` row: each field staff change becomes a hand correction.

    ``release_corrections`` offers the row's current locks; a ticked one is
    unlocked on save, so the next ingest may overwrite it again.
    """

    release_corrections = forms.MultipleChoiceField(
        label="Release hand corrections",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Tick a field to let the next ingest overwrite it again.",
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["release_corrections"].choices = [(name, name) for name in self.locked_names()]

    def locked_names(self) -> list[str]:
        """The field names currently locked on the row(s) this form edits."""
        return list(self.instance.corrected_fields)

    def changed_names(self, model: type[models.Model]) -> list[str]:
        """The fields of ``model`` this submission changed."""
        names = correctable_names(model)
        return [name for name in self.changed_data if name in names]

    def released_names(self) -> list[str]:
        return list(self.cleaned_data.get("release_corrections") or [])

    def save(self, commit: bool = True):
        changed = self.changed_names(type(self.instance))
        if changed or self.released_names():
            record_baseline(self.instance)
        lock(self.instance, changed, self.released_names())
        if self.instance.pk is not None:
            for field in self.instance._meta.many_to_many:
                if field.name in changed:
                    set_quietly(self.instance, field.name, self.cleaned_data[field.name])
        return super().save(commit)


class DisputedItemForm(CorrectionForm):
    """A disputed item and its decision in one form: what a reader of the letter sees as one entry."""

    category = forms.ChoiceField()
    subcategory = forms.ChoiceField(required=False)
    outcome = forms.ChoiceField(choices=[("", "---------"), *Outcome.choices])
    guidelines = forms.ModelMultipleChoiceField(
        queryset=Guideline.objects.all(),
        required=False,
        widget=AutocompleteSelectMultiple(Decision._meta.get_field("guidelines"), admin.site),
        help_text="The guidelines the reviewer cited for this item.",
    )
    reviewer_citation = PlainTextField(
        label="Reviewer citation", required=False, widget=forms.Textarea(attrs={"rows": 2, "cols": 90})
    )
    claims_administrator_citation = PlainTextField(
        label="Claims administrator citation", required=False, widget=forms.Textarea(attrs={"rows": 2, "cols": 90})
    )
    rationale = PlainTextField(required=False, widget=forms.Textarea(attrs={"rows": 6, "cols": 90}))

    class Meta:
        model = DisputedItem
        fields = ITEM_FIELDS

    def __init__(self, *args, **kwargs) -> None:
        instance = kwargs.get("instance")
        self.decision = getattr(instance, "decision", None) if instance is not None and instance.pk else None
        if self.decision is not None:
            initial = forms.model_to_dict(self.decision, fields=DECISION_FIELDS)
            kwargs["initial"] = {**initial, **(kwargs.get("initial") or {})}
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = _with_current(_category_choices(), self.instance.category)
        self.fields["subcategory"].choices = _with_current(_subcategory_choices(), self.instance.subcategory)

    def locked_names(self) -> list[str]:
        return [*self.instance.corrected_fields, *(self.decision.corrected_fields if self.decision else [])]

    def clean(self) -> dict:
        data = super().clean()
        category, subcategory = data.get("category"), data.get("subcategory")
        changed = {"category", "subcategory"} & set(self.changed_data)
        if changed and category and subcategory and subcategory not in SUBCATEGORIES.get(category, ()):
            known = ", ".join(SUBCATEGORIES.get(category, ())) or "none"
            self.add_error(
                "subcategory", f"{subcategory!r} is not a subcategory of {category}; choose one of: {known}."
            )
        return data

    def save(self, commit: bool = True) -> DisputedItem:
        """Save the item, then its decision (at ``save_m2m`` time when ``commit`` is false, as the admin does)."""
        item = super().save(commit=False)
        save_item_m2m = self.save_m2m

        def save_m2m() -> None:
            save_item_m2m()
            self._save_decision()

        self.save_m2m = save_m2m
        if commit:
            item.save()
            self.save_m2m()
        return item

    def _save_decision(self) -> None:
        decision = self.decision or Decision(item=self.instance)
        created = decision.pk is None
        changed = self.changed_names(Decision)
        if not created and (changed or self.released_names()):
            record_baseline(decision)
        for name in DECISION_FIELDS:
            if name != "guidelines" and (name in changed or created):
                setattr(decision, name, self.cleaned_data[name])
        lock(decision, changed, self.released_names())
        if "guidelines" in changed and not created:
            set_quietly(decision, "guidelines", self.cleaned_data["guidelines"])
        decision.save()
        if created:
            decision.guidelines.set(self.cleaned_data["guidelines"])
        self.decision = decision


def _category_choices() -> list[tuple[str, str]]:
    return [("", "---------")] + [(category, category) for category in CATEGORIES]


def _subcategory_choices() -> list:
    return [("", "---------")] + [
        (category, [(name, name) for name in names]) for category, names in SUBCATEGORIES.items()
    ]


def _with_current(choices: list, current: str) -> list:
    """``choices`` plus the stored value when the taxonomy no longer lists it, so editing never loses it."""
    known = {value for value, label in choices if not isinstance(label, list | tuple)}
    known |= {value for _, group in choices if isinstance(group, list | tuple) for value, _label in group}
    return choices if not current or current in known else [*choices, (current, f"{current} (not in taxonomy)")]


class ReviewerForm(forms.ModelForm):
    """A reviewer profile; two profiles may not fold to the same spelling-insensitive key."""

    class Meta:
        model = Reviewer
        fields = ("specialty", "subspecialty", "license_state")

    def clean(self) -> dict:
        data = super().clean()
        key = Reviewer.make_key(data.get("specialty", ""), data.get("subspecialty", ""), data.get("license_state", ""))
        twin = Reviewer.objects.filter(key=key).exclude(pk=self.instance.pk).first()
        if twin is not None:
            raise forms.ValidationError(
                f"Reviewer #{twin.pk} ({twin}) already has this specialty, subspecialty and license state "
                "(ignoring case, spacing and &/and). Change the letters' reviewer to that profile instead."
            )
        return data


# --- list filters --------------------------------------------------------------------------------------------


class CorrectedFilter(admin.SimpleListFilter):
    """Rows with or without fields corrected by hand."""

    title = "corrected by hand"
    parameter_name = "corrected"

    def lookups(self, request, model_admin):
        return [("yes", "Yes"), ("no", "No")]

    def queryset(self, request, queryset):
        corrected = self.corrected()
        if self.value() == "yes":
            return queryset.filter(corrected)
        if self.value() == "no":
            return queryset.exclude(corrected)
        return queryset

    def corrected(self) -> Q:
        """The condition "has a hand correction"."""
        return ~Q(corrected_fields=[])


class CategoryFilter(admin.SimpleListFilter):
    """The taxonomy's categories as fixed choices (no scan of millions of rows for distinct values)."""

    title = "category"
    parameter_name = "category"

    def lookups(self, request, model_admin):
        return [(category, category) for category in CATEGORIES]

    def queryset(self, request, queryset):
        return queryset.filter(category=self.value()) if self.value() else queryset


class ItemCategoryFilter(CategoryFilter):
    """Letters with at least one item in the chosen category."""

    title = "item category"

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        return queryset.filter(pk__in=DisputedItem.objects.filter(category=self.value()).values("determination_id"))


class LetterCorrectedFilter(CorrectedFilter):
    """Letters with a hand correction anywhere: the letter, its patient, an item or a decision."""

    def corrected(self) -> Q:
        return (
            ~Q(corrected_fields=[])
            | Q(patient__in=Patient.objects.exclude(corrected_fields=[]).values("pk"))
            | Q(pk__in=DisputedItem.objects.exclude(corrected_fields=[]).values("determination_id"))
            | Q(pk__in=Decision.objects.exclude(corrected_fields=[]).values("item__determination_id"))
        )


# --- shared admin behaviour ----------------------------------------------------------------------------------


class HistoryAdmin(SimpleHistoryAdmin):
    """History with visible diffs (locks included), read-only old versions, search index kept fresh.

    Subclasses say which letters a row belongs to (``letter_ids``); every save
    and delete through the admin re-indexes those letters.
    """

    object_history_list_template = "admin/determinations/history_list.html"
    formfield_overrides = TEXT_OVERRIDES
    show_full_result_count = False
    #: The fields whose values the search index copies; ``None``: all of them. A save that changes
    #: none of them skips re-indexing (a reviewer or a guideline may be shared by very many letters).
    indexed_fields: frozenset[str] | None = None

    def letter_ids(self, objs: Iterable[models.Model]) -> list[int]:
        """The ids of the letters whose search rows depend on ``objs``."""
        raise NotImplementedError

    def save_model(self, request, obj, form, change) -> None:
        if change and form.has_changed():
            record_baseline(obj)
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change) -> None:
        super().save_related(request, form, formsets, change)
        if self.indexed_fields is None or not change or self.indexed_fields & set(form.changed_data):
            index_determinations(self.letter_ids([form.instance]))

    def delete_model(self, request, obj) -> None:
        ids = self.letter_ids([obj])
        drop_determinations(ids)
        super().delete_model(request, obj)
        index_determinations(ids)

    def delete_queryset(self, request, queryset) -> None:
        ids = self.letter_ids(queryset)
        drop_determinations(ids)
        super().delete_queryset(request, queryset)
        index_determinations(ids)

    def history_form_view(self, request, object_id, version_id, extra_context=None) -> HttpResponse:
        """An old version, to read; corrections are made forward on the change page, where they lock."""
        if request.method != "GET":
            return HttpResponseNotAllowed(["GET"])
        return super().history_form_view(request, object_id, version_id, extra_context)

    def set_history_delta_changes(self, request, historical_records, foreign_keys_are_objs=True) -> None:
        """simple-history's old -> new changes per version, plus the hand-correction locks."""
        super().set_history_delta_changes(request, historical_records, foreign_keys_are_objs)
        records = list(historical_records)
        for newer, older in pairwise(records):
            locks = (getattr(older, "corrected_fields", None), getattr(newer, "corrected_fields", None))
            if locks[0] != locks[1]:
                newer.history_delta_changes = [
                    *getattr(newer, "history_delta_changes", []),
                    {
                        "field": "Corrected by hand",
                        "old": ", ".join(locks[0]) or "none",
                        "new": ", ".join(locks[1]) or "none",
                    },
                ]


class CorrectableAdmin(HistoryAdmin):
    """An admin for a ``Correctable`` model: shows its locks and can release them."""

    actions = ["release_corrections"]

    def correctable_rows(self, obj) -> list[tuple[str, models.Model | None]]:
        """``(label, row)`` for every correctable row that belongs to ``obj`` (itself first)."""
        return [("", obj)]

    @admin.display(description="Corrected by hand")
    def hand_corrections(self, obj) -> str:
        if obj is None or obj.pk is None:
            return "none"
        return describe_locks(self.correctable_rows(obj))

    @admin.action(description="Release hand corrections (let the next ingest overwrite)", permissions=["change"])
    def release_corrections(self, request: HttpRequest, queryset: QuerySet) -> None:
        released = 0
        for obj in queryset:
            for _label, row in self.correctable_rows(obj):
                if row is not None and row.corrected_fields:
                    record_baseline(row)
                    row._change_reason = f"{RELEASED_REASON}: {', '.join(row.corrected_fields)}"[:100]
                    row.corrected_fields = []
                    row.save()
                    released += 1
            self.log_change(request, obj, RELEASED_REASON)
        self.message_user(request, f"Released the hand corrections of {released} row(s).", messages.SUCCESS)


def _letter_link(letter: Determination | None) -> str:
    if letter is None:
        return "–"
    url = reverse("admin:determinations_determination_change", args=[letter.pk])
    return format_html('<a href="{}">{}</a>', url, letter.citation_id)


# --- letters -------------------------------------------------------------------------------------------------


class DisputedItemInline(admin.StackedInline):
    """The letter's items, each with its decision, editable in place."""

    model = DisputedItem
    form = DisputedItemForm
    extra = 0
    show_change_link = True
    formfield_overrides = TEXT_OVERRIDES
    readonly_fields = ("hand_corrections", "history_links")
    fieldsets = [
        (None, {"fields": [("position", "quantity"), "request", ("category", "subcategory"), "body_region"]}),
        (
            "Decision",
            {"fields": ["outcome", "guidelines", "reviewer_citation", "claims_administrator_citation", "rationale"]},
        ),
        ("Corrections", {"fields": ["hand_corrections", "release_corrections", "history_links"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("decision")

    @admin.display(description="Corrected by hand")
    def hand_corrections(self, item: DisputedItem) -> str:
        return describe_locks([("item", item), ("decision", getattr(item, "decision", None))]) if item.pk else "none"

    @admin.display(description="History")
    def history_links(self, item: DisputedItem) -> str:
        return _history_links(item)


def _history_links(item: DisputedItem) -> str:
    """Links to the change history of an item and of its decision."""
    if item.pk is None:
        return "–"
    links = [("item history", reverse("admin:determinations_disputeditem_history", args=[item.pk]))]
    decision = getattr(item, "decision", None)
    if decision is not None:
        links.append(("decision history", reverse("admin:determinations_decision_history", args=[decision.pk])))
    return format_html_join(" · ", '<a href="{1}">{0}</a>', links)


class ReviewActions:
    """The "Mark reviewed" action, shared by the letters list and the review queue."""

    @admin.action(description="Mark reviewed (clear the flag; re-ingest will not set it again)", permissions=["change"])
    def mark_reviewed(self, request: HttpRequest, queryset: QuerySet) -> None:
        letters = list(Determination.objects.filter(pk__in=queryset.values("pk"), needs_review=True))
        for letter in letters:
            record_baseline(letter)
            letter.needs_review = False
            lock(letter, ["needs_review"])
            letter._change_reason = REVIEWED_REASON
            letter.save()
            self.log_change(request, letter, REVIEWED_REASON)
        index_determinations(letter.pk for letter in letters)
        self.message_user(request, f"Marked {len(letters)} letter(s) reviewed.", messages.SUCCESS)


@admin.register(Determination)
class DeterminationAdmin(ReviewActions, CorrectableAdmin):
    form = CorrectionForm
    inlines = [DisputedItemInline]
    list_display = (
        "letter",
        "decision_date",
        "format",
        "priority",
        "reviewer",
        "patient",
        "needs_review",
        "updated_at",
    )
    list_filter = (
        "needs_review",
        LetterCorrectedFilter,
        "format",
        "priority",
        ItemCategoryFilter,
        "items__decision__outcome",
        "synthetic",
    )
    list_select_related = ("reviewer", "patient")
    search_fields = ("case_number", "^sha256", "source_name")
    date_hierarchy = "decision_date"
    autocomplete_fields = ("reviewer",)
    actions = ["mark_reviewed", "release_corrections"]
    readonly_fields = (
        "patient_link",
        "warnings_list",
        "hand_corrections",
        "format",
        "source_name",
        "sha256",
        "synthetic",
        "ingested_at",
        "updated_at",
        "full_text",
    )
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "case_number",
                    ("decision_date", "date_assigned"),
                    ("ur_denial_date", "application_received"),
                    "priority",
                    "reviewer",
                    "patient_link",
                ]
            },
        ),
        ("Review", {"fields": ["needs_review", "warnings_list", "hand_corrections", "release_corrections"]}),
        ("Clinical case summary", {"fields": ["summary"]}),
        (
            "Ingest",
            {
                "classes": ["collapse"],
                "fields": ["format", "source_name", "sha256", "synthetic", "ingested_at", "updated_at"],
            },
        ),
        ("Letter text (de-identified)", {"classes": ["collapse"], "fields": ["full_text"]}),
    ]

    def has_add_permission(self, request) -> bool:
        """Letters come from ``manage.py ingest``, never from a blank form."""
        return False

    def letter_ids(self, objs):
        return [obj.pk for obj in objs]

    def correctable_rows(self, letter: Determination):
        items = list(letter.items.select_related("decision"))
        rows = [("letter", letter), ("patient", letter.patient)]
        for item in items:
            rows += [
                (f"item {item.position}", item),
                (f"item {item.position} decision", getattr(item, "decision", None)),
            ]
        return rows

    def delete_model(self, request, obj) -> None:
        """Delete the letter, then its patient (a patient belongs to exactly one letter)."""
        patient = obj.patient
        super().delete_model(request, obj)
        patient.delete()

    def delete_queryset(self, request, queryset) -> None:
        patient_ids = list(queryset.values_list("patient_id", flat=True))
        super().delete_queryset(request, queryset)
        for patient in Patient.objects.filter(pk__in=patient_ids):
            patient.delete()

    @admin.display(description="Letter", ordering="case_number")
    def letter(self, letter: Determination) -> str:
        return letter.citation_id

    @admin.display(description="Patient")
    def patient_link(self, letter: Determination) -> str:
        url = reverse("admin:determinations_patient_change", args=[letter.patient_id])
        return format_html('<a href="{}">{}</a>', url, letter.patient)

    @admin.display(description="Parse warnings")
    def warnings_list(self, letter: Determination) -> str:
        if not letter.warnings:
            return "none"
        return format_html("<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((w,) for w in letter.warnings)))


@admin.register(LetterNeedingReview)
class LetterNeedingReviewAdmin(ReviewActions, admin.ModelAdmin):
    """The review queue: flagged letters with their warnings. Opening one goes to the letter's page."""

    list_display = ("letter", "decision_date", "format", "warnings_text", "updated_at")
    list_display_links = None
    search_fields = ("case_number", "^sha256", "source_name")
    date_hierarchy = "decision_date"
    list_filter = ("format",)
    actions = ["mark_reviewed"]
    show_full_result_count = False

    def get_queryset(self, request):
        return super().get_queryset(request).filter(needs_review=True)

    def has_view_permission(self, request, obj=None) -> bool:
        return request.user.has_perm("determinations.view_determination") or self.has_change_permission(request, obj)

    def has_change_permission(self, request, obj=None) -> bool:
        return request.user.has_perm("determinations.change_determination")

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def change_view(self, request, object_id, form_url="", extra_context=None) -> HttpResponse:
        return HttpResponseRedirect(reverse("admin:determinations_determination_change", args=[object_id]))

    def history_view(self, request, object_id, extra_context=None) -> HttpResponse:
        return HttpResponseRedirect(reverse("admin:determinations_determination_history", args=[object_id]))

    @admin.display(description="Letter", ordering="case_number")
    def letter(self, letter: Determination) -> str:
        return _letter_link(letter)

    @admin.display(description="Warnings")
    def warnings_text(self, letter: Determination) -> str:
        return "; ".join(letter.warnings) or "(flagged without a warning)"


# --- the other models ----------------------------------------------------------------------------------------


@admin.register(Patient)
class PatientAdmin(CorrectableAdmin):
    form = CorrectionForm
    list_display = ("__str__", "age", "sex", "injury_year", "body_regions", "letter")
    list_filter = ("sex", CorrectedFilter)
    list_select_related = ("determination",)
    search_fields = ("=determination__case_number", "mechanism", "diagnoses")
    readonly_fields = ("letter", "hand_corrections")
    fields = (
        "letter",
        ("age", "sex", "injury_year"),
        "mechanism",
        "diagnoses",
        "body_regions",
        "hand_corrections",
        "release_corrections",
    )

    def has_add_permission(self, request) -> bool:
        """A patient is created with its letter, by ingest."""
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        """A patient goes with its letter: delete the letter instead."""
        return False

    def letter_ids(self, objs):
        return list(Determination.objects.filter(patient__in=[obj.pk for obj in objs]).values_list("pk", flat=True))

    @admin.display(description="Letter", ordering="determination__case_number")
    def letter(self, patient: Patient) -> str:
        return _letter_link(getattr(patient, "determination", None))


@admin.register(DisputedItem)
class DisputedItemAdmin(CorrectableAdmin):
    form = DisputedItemForm
    list_display = ("__str__", "letter", "category", "subcategory", "outcome", "body_region", "quantity")
    list_filter = (CategoryFilter, "decision__outcome", CorrectedFilter)
    list_select_related = ("determination", "decision")
    search_fields = ("=determination__case_number", "request")
    readonly_fields = ("letter", "hand_corrections", "history_links")
    fieldsets = [
        (None, {"fields": ["letter", ("position", "quantity"), "request", ("category", "subcategory"), "body_region"]}),
        (
            "Decision",
            {"fields": ["outcome", "guidelines", "reviewer_citation", "claims_administrator_citation", "rationale"]},
        ),
        ("Corrections", {"fields": ["hand_corrections", "release_corrections", "history_links"]}),
    ]

    def has_add_permission(self, request) -> bool:
        """Items are added on their letter's page."""
        return False

    def letter_ids(self, objs):
        return sorted({obj.determination_id for obj in objs})

    def correctable_rows(self, item: DisputedItem):
        return [("item", item), ("decision", getattr(item, "decision", None))]

    @admin.display(description="Letter", ordering="determination__case_number")
    def letter(self, item: DisputedItem) -> str:
        return _letter_link(item.determination)

    @admin.display(description="Outcome", ordering="decision__outcome")
    def outcome(self, item: DisputedItem) -> str:
        decision = getattr(item, "decision", None)
        return decision.get_outcome_display() if decision else "–"

    @admin.display(description="History")
    def history_links(self, item: DisputedItem) -> str:
        return _history_links(item)


@admin.register(Decision)
class DecisionAdmin(CorrectableAdmin):
    form = CorrectionForm
    list_display = ("request", "outcome", "letter", "families")
    list_filter = ("outcome", "guidelines__family", CorrectedFilter)
    list_select_related = ("item__determination",)
    search_fields = ("=item__determination__case_number", "item__request")
    autocomplete_fields = ("guidelines",)
    readonly_fields = ("item_link", "letter", "hand_corrections")
    fields = (
        "letter",
        "item_link",
        "outcome",
        "guidelines",
        "reviewer_citation",
        "claims_administrator_citation",
        "rationale",
        "hand_corrections",
        "release_corrections",
    )

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("guidelines")

    def has_add_permission(self, request) -> bool:
        """A decision is created with its item, on the letter's page."""
        return False

    def letter_ids(self, objs):
        return sorted({obj.item.determination_id for obj in objs})

    @admin.display(description="Request", ordering="item__request")
    def request(self, decision: Decision) -> str:
        return Truncator(decision.item.request).chars(80)

    @admin.display(description="Disputed item")
    def item_link(self, decision: Decision) -> str:
        url = reverse("admin:determinations_disputeditem_change", args=[decision.item_id])
        return format_html('<a href="{}">{}</a>', url, decision.item)

    @admin.display(description="Letter", ordering="item__determination__case_number")
    def letter(self, decision: Decision) -> str:
        return _letter_link(decision.item.determination)

    @admin.display(description="Guideline families")
    def families(self, decision: Decision) -> str:
        return ", ".join(sorted({g.family for g in decision.guidelines.all()})) or "–"


@admin.register(Reviewer)
class ReviewerAdmin(HistoryAdmin):
    form = ReviewerForm
    list_display = ("specialty", "subspecialty", "license_state", "letters")
    search_fields = ("specialty", "subspecialty", "license_state")
    fields = ("specialty", "subspecialty", "license_state", "letters")
    readonly_fields = ("letters",)
    indexed_fields = frozenset({"specialty"})

    def letter_ids(self, objs):
        return list(Determination.objects.filter(reviewer__in=[obj.pk for obj in objs]).values_list("pk", flat=True))

    @admin.display(description="Letters")
    def letters(self, reviewer: Reviewer) -> str:
        if reviewer.pk is None:
            return "–"
        url = reverse("admin:determinations_determination_changelist")
        return format_html('<a href="{}?reviewer__id__exact={}">letters signed</a>', url, reviewer.pk)


@admin.register(Guideline)
class GuidelineAdmin(HistoryAdmin):
    list_display = ("__str__", "family", "document", "topic", "pages", "citing_decisions")
    list_filter = ("family",)
    search_fields = ("document", "topic", "pages")
    indexed_fields = frozenset({"family"})

    def get_deleted_objects(self, objs, request):
        """A guideline still cited is protected: correct the citing decisions first, each with its history."""
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        cited = Guideline.objects.filter(pk__in=[obj.pk for obj in objs], decisions__isnull=False).distinct()
        protected = [*protected, *(f"{guideline} (still cited by a decision)" for guideline in cited)]
        return deleted, counts, perms_needed, protected

    def letter_ids(self, objs):
        cited = Decision.objects.filter(guidelines__in=[obj.pk for obj in objs])
        return sorted(set(cited.values_list("item__determination_id", flat=True)))

    @admin.display(description="Cited by")
    def citing_decisions(self, guideline: Guideline) -> str:
        url = reverse("admin:determinations_decision_changelist")
        return format_html('<a href="{}?guidelines__id__exact={}">decisions citing it</a>', url, guideline.pk)
