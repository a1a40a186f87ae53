"""The relational model of DESIGN.md section 6.

One ``Determination`` per letter; each has one de-identified ``Patient``, an
anonymous ``Reviewer`` shared across letters, and ordered ``DisputedItem`` rows,
each with exactly one ``Decision`` citing any number of ``Guideline`` rows.
Nothing here holds a direct identifier: ingest de-identifies text first
(``determinations.deid``).
"""

from __future__ import annotations

import re

from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from .parsing.letter import GUIDELINE_FAMILIES


class Format(models.TextChoices):
    A = "A", "A (2013–2017 letter)"
    B = "B", "B (MAXIMUS letterhead)"
    C = "C", "C (medical professional review)"


class Priority(models.TextChoices):
    STANDARD = "standard", "Standard"
    EXPEDITED = "expedited", "Expedited"


class Sex(models.TextChoices):
    MALE = "male", "Male"
    FEMALE = "female", "Female"


class Outcome(models.TextChoices):
    UPHELD = "upheld", "Upheld"
    OVERTURNED = "overturned", "Overturned"


class Family(models.TextChoices):
    MTUS = "MTUS", "MTUS"
    ACOEM = "ACOEM", "ACOEM"
    ODG = "ODG", "ODG"
    OTHER = "OTHER", "Other"


assert tuple(Family.values) == GUIDELINE_FAMILIES


def normalise_label(value: str) -> str:
    """Fold spelling variants (case, spacing, ``&``/``and``) into one key."""
    text = value.casefold().replace("&", " and ")
    text = re.sub(r"\s*,\s*", ", ", text)
    return re.sub(r"\s+", " ", text).strip()


class Correctable(models.Model):
    """A row staff may correct by hand; corrected fields are never overwritten by re-ingest."""

    corrected_fields = models.JSONField(
        default=list,
        blank=True,
        editable=False,
        help_text="Fields corrected by hand; ingest leaves them alone.",
    )

    class Meta:
        abstract = True


class Reviewer(models.Model):
    """An anonymous expert reviewer profile, shared by every letter it signed."""

    specialty = models.CharField(max_length=200, blank=True)
    subspecialty = models.CharField(max_length=300, blank=True)
    license_state = models.CharField("license state(s)", max_length=300, blank=True)
    key = models.CharField(max_length=900, unique=True, editable=False)
    history = HistoricalRecords(no_db_index=["key"])

    class Meta:
        ordering = ["specialty", "subspecialty", "license_state"]

    def __str__(self) -> str:
        parts = [self.specialty or "Unknown specialty"]
        if self.subspecialty:
            parts.append(f"({self.subspecialty})")
        if self.license_state:
            parts.append(f"– {self.license_state}")
        return " ".join(parts)

    def save(self, *args, **kwargs):
        self.key = self.make_key(self.specialty, self.subspecialty, self.license_state)
        super().save(*args, **kwargs)

    @staticmethod
    def make_key(specialty: str, subspecialty: str, license_state: str) -> str:
        """The uniqueness key: the three fields with spelling variants folded."""
        return " | ".join(normalise_label(v or "") for v in (specialty, subspecialty, license_state))


class Patient(Correctable):
    """The injured worker, de-identified: no name, no exact date."""

    age = models.PositiveSmallIntegerField(null=True, blank=True, help_text="Years; 90 and over stored as 90.")
    sex = models.CharField(max_length=6, choices=Sex.choices, blank=True)
    injury_year = models.PositiveSmallIntegerField(null=True, blank=True)
    mechanism = models.CharField("mechanism of injury", max_length=200, blank=True)
    diagnoses = models.TextField(blank=True)
    body_regions = models.CharField(max_length=300, blank=True)
    history = HistoricalRecords()

    def __str__(self) -> str:
        age = f"{self.age}-year-old" if self.age is not None else "age unknown"
        return f"{age} {self.sex or 'patient'}"


class Determination(Correctable):
    """One IMR final determination letter."""

    case_number = models.CharField(
        max_length=20,
        unique=True,
        null=True,
        blank=True,
        validators=[
            RegexValidator(
                r"\A[A-Za-z0-9][A-Za-z0-9._~-]*\Z",
                "A case number starts with a letter or digit and holds only letters, digits, '-', '.', '_' and '~' (it is part of the letter's URL).",
            )
        ],
    )
    format = models.CharField(max_length=1, choices=Format.choices)
    decision_date = models.DateField(null=True, blank=True, db_index=True)
    date_assigned = models.DateField(null=True, blank=True)
    ur_denial_date = models.DateField("UR denial date", null=True, blank=True)
    application_received = models.DateField(null=True, blank=True)
    priority = models.CharField(max_length=9, choices=Priority.choices, blank=True)
    reviewer = models.ForeignKey(Reviewer, on_delete=models.PROTECT, related_name="determinations")
    patient = models.OneToOneField(Patient, on_delete=models.PROTECT, related_name="determination")

    summary = models.TextField("clinical case summary", blank=True)
    sections = models.JSONField(default=list, blank=True, help_text="[title, text] pairs in letter order.")
    full_text = models.TextField("letter text (de-identified)", blank=True)

    source_name = models.CharField(max_length=500)
    sha256 = models.CharField("SHA-256", max_length=64, unique=True)
    warnings = models.JSONField(default=list, blank=True)
    needs_review = models.BooleanField(default=False, db_index=True)
    synthetic = models.BooleanField(default=False, help_text="Generated test data, not a published letter.")
    ingested_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(
        excluded_fields=["full_text", "sections"],
        no_db_index=["case_number", "decision_date", "reviewer", "patient", "sha256", "needs_review"],
    )

    class Meta:
        ordering = ["-decision_date", "case_number"]

    def __str__(self) -> str:
        return self.citation

    def get_absolute_url(self) -> str:
        return reverse("determinations:letter", args=[self.citation_id])

    @property
    def citation_id(self) -> str:
        """The letter's URL key: its case number, else ``sha-`` and 12 hex digits."""
        return self.case_number or f"sha-{self.sha256[:12]}"

    @property
    def citation(self) -> str:
        """Case-law style citation line: ``IMR CM14-0004521 (Cal. DWC Mar. 11, 2014)``."""
        name = f"IMR {self.case_number}" if self.case_number else f"IMR letter {self.citation_id}"
        if not self.decision_date:
            return f"{name} (Cal. DWC)"
        month = self.decision_date.strftime("%b")
        month = month if month == "May" else f"{month}."
        return f"{name} (Cal. DWC {month} {self.decision_date.day}, {self.decision_date.year})"


class LetterNeedingReview(Determination):
    """The review queue: the same letters, listed apart in the admin while ``needs_review`` is set."""

    class Meta:
        proxy = True
        verbose_name = "letter needing review"
        verbose_name_plural = "letters needing review"


class DisputedItem(Correctable):
    """One treatment in dispute, in the order the letter lists it."""

    determination = models.ForeignKey(Determination, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveSmallIntegerField()
    request = models.TextField()
    category = models.CharField(max_length=40, db_index=True)
    subcategory = models.CharField(max_length=80, blank=True, db_index=True)
    quantity = models.PositiveIntegerField(null=True, blank=True)
    body_region = models.CharField(max_length=40, blank=True, db_index=True)
    history = HistoricalRecords(no_db_index=["determination", "category", "subcategory", "body_region"])

    class Meta:
        ordering = ["determination", "position"]
        constraints = [
            models.UniqueConstraint(fields=["determination", "position"], name="item_position_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.position}. {self.request}"

    @property
    def anchor(self) -> str:
        """The fragment id of this item on its letter page."""
        return f"item-{self.position}"


class Guideline(models.Model):
    """A cited guideline: family, document, topic or section, pages."""

    family = models.CharField(max_length=5, choices=Family.choices, db_index=True)
    document = models.CharField(max_length=300, blank=True)
    topic = models.CharField("topic or section", max_length=300, blank=True)
    pages = models.CharField(max_length=60, blank=True)
    history = HistoricalRecords(no_db_index=["family"])

    class Meta:
        ordering = ["family", "document", "topic", "pages"]
        constraints = [
            models.UniqueConstraint(fields=["family", "document", "topic", "pages"], name="guideline_unique"),
        ]

    def __str__(self) -> str:
        parts = [p for p in (self.document or self.family, self.topic, self.pages and f"p. {self.pages}") if p]
        return ", ".join(parts)


class Decision(Correctable):
    """The reviewer's decision on one disputed item: outcome, citations, rationale."""

    item = models.OneToOneField(DisputedItem, on_delete=models.CASCADE, related_name="decision")
    outcome = models.CharField(max_length=10, choices=Outcome.choices, db_index=True)
    rationale = models.TextField(blank=True)
    claims_administrator_citation = models.TextField(blank=True)
    reviewer_citation = models.TextField(blank=True)
    guidelines = models.ManyToManyField(Guideline, related_name="decisions", blank=True)
    history = HistoricalRecords(m2m_fields=[guidelines], no_db_index=["item", "outcome"])

    def __str__(self) -> str:
        return f"{self.item.request}: {self.get_outcome_display()}"


class AgeBand(models.TextChoices):
    UNDER_30 = "under-30", "Under 30"
    THIRTIES = "30-39", "30–39"
    FORTIES = "40-49", "40–49"
    FIFTIES = "50-59", "50–59"
    SIXTIES = "60-69", "60–69"
    SEVENTY_PLUS = "70-plus", "70 and over"

    @classmethod
    def of(cls, age: int | None) -> str:
        """The band an age falls in ("" when unknown)."""
        if age is None:
            return ""
        if age < 30:
            return cls.UNDER_30
        if age >= 70:
            return cls.SEVENTY_PLUS
        return f"{age // 10 * 10}-{age // 10 * 10 + 9}"


class SearchEntry(models.Model):
    """One row per decision with every facet column, so search never joins five tables.

    Derived data, rebuilt from the normalised rows by ``determinations.search``
    whenever a letter is ingested or corrected; never edited directly. The
    full-text storage beside it (a ``tsvector`` column on PostgreSQL, FTS5
    tables on SQLite) is created by migration and known only to ``search``.
    """

    decision = models.OneToOneField(Decision, on_delete=models.CASCADE, primary_key=True, related_name="search_entry")
    determination = models.ForeignKey(Determination, on_delete=models.CASCADE, related_name="search_entries")
    case_number = models.CharField(max_length=20, blank=True, db_index=True)
    fallback_citation_id = models.CharField(
        max_length=16,
        blank=True,
        help_text="The letter's citation id where it has no case number to serve as one (sha- and 12 hex digits).",
    )
    decision_date = models.DateField(null=True, blank=True)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    outcome = models.CharField(max_length=10, choices=Outcome.choices)
    category = models.CharField(max_length=40)
    subcategory = models.CharField(max_length=80, blank=True)
    specialty = models.CharField(max_length=200, blank=True)
    cites_mtus = models.BooleanField(default=False)
    cites_acoem = models.BooleanField(default=False)
    cites_odg = models.BooleanField(default=False)
    cites_other = models.BooleanField(default=False)
    sex = models.CharField(max_length=6, choices=Sex.choices, blank=True)
    age_band = models.CharField(max_length=8, choices=AgeBand.choices, blank=True)
    priority = models.CharField(max_length=9, choices=Priority.choices, blank=True)
    region = models.CharField(max_length=40, blank=True)
    needs_review = models.BooleanField(default=False)
    synthetic = models.BooleanField(default=False)
    sample = models.PositiveSmallIntegerField(
        default=0, help_text="A hash of the decision id in [0, 1000): counting a sample of a huge result reads only it."
    )

    class Meta:
        verbose_name_plural = "search entries"
        indexes = [
            models.Index(fields=["decision_date", "decision"], name="searchentry_date_idx"),
            # On PostgreSQL each filter column also leads an index with the sample (migration 0012).
            models.Index(fields=["sample"], name="searchentry_sample_idx"),
        ]

    def __str__(self) -> str:
        return f"search entry for decision {self.decision_id}"


class PhrasePairs(models.Model):
    """PostgreSQL only: a decision's phrase pairs again, in a narrow table of their own walked newest first.

    ``SearchEntry.pairs`` (added by migration 0007, GIN-indexed) finds a
    phrase's decisions; but its row keeps them in TOAST, so a walk of the
    search rows in date order pays four buffer reads a decision just to test
    them. This table holds the same pairs in the row (migration 0014), with a
    signature of them (``phrases.signature``) and an index in "newest first"
    order: a phrase search whose page is walked tests each decision's
    signature and pairs here and reads its search row only where they are
    all present. Derived data, written and deleted with the search row by
    ``determinations.search``; empty on SQLite, which finds phrases with FTS5.
    """

    entry = models.OneToOneField(
        SearchEntry, on_delete=models.CASCADE, primary_key=True, related_name="+", db_column="decision_id"
    )
    decision_date = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name_plural = "phrase pairs"

    def __str__(self) -> str:
        return f"phrase pairs of decision {self.entry_id}"


class DeferredIndex(models.Model):
    """PostgreSQL bookkeeping: a secondary index a bulk load dropped, and the statement that builds it again.

    Recorded in the transaction that drops the index, so a load that dies
    leaves the statement here for the next load to run
    (``determinations.deferred_indexes``). Empty between loads, and always on
    SQLite.
    """

    name = models.CharField(max_length=63, primary_key=True)
    definition = models.TextField()

    class Meta:
        verbose_name_plural = "deferred indexes"

    def __str__(self) -> str:
        return self.name
