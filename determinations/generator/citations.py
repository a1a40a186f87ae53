"""Guideline citations as letters print them, for a given set of guideline families.

``reviewer_citation`` and ``claims_citation`` write the citation of one item
so that it names exactly the families asked for (the contract's
``guideline_sources``): ``MTUS`` (an MTUS document), ``ACOEM`` (named, alone
or as ``MTUS/ACOEM``), ``ODG`` and ``OTHER`` (another source); no family is
"did not cite any medical evidence". The wording follows the era and format:

- ``A-early`` (format A, 2013-2015): "Decision based on MTUS Chronic Pain
  Medical Treatment Guidelines, Opioids, pages 76-80, and the Official
  Disability Guidelines (ODG), Pain Chapter, ...";
- ``A-late`` (format A, 2016-2017): one "Decision based on ..." sentence per
  source, "MTUS Chronic Pain Medical Treatment 2016, Section(s): ...", "Non-MTUS
  Citation Official Disability Guidelines (ODG) Pain, ...", after "... based
  their decision on recommendation(s) outside of the MTUS Guidelines." when no
  MTUS document is cited;
- ``B`` (formats B and C): "the MTUS Chronic Pain Medical Treatment
  Guidelines, ..., and the Official Disability Guidelines (ODG), ...".
"""

from __future__ import annotations

import random

from .regions import Region
from .topics import INITIAL_CARE, MTUS_DOCUMENTS, SPECIAL_STUDIES, SURGERY, MtusRef, Topic

_SECTION_PAGES = {INITIAL_CARE: "initial_care", SPECIAL_STUDIES: "special_studies", SURGERY: "surgery"}
_C_REASONS = (
    "because they specifically address the indications, frequency and duration of this treatment",
    "because these sections directly address the requested treatment",
    "because this is the most current evidence-based guidance on this treatment for this condition",
    "because they address the clinical situation documented in the records",
)


def _pages(pages: str, rng: random.Random) -> str:
    plural = "-" in pages or "," in pages
    label = rng.choice(("pages", "page(s)", "Page(s):", "pages")) if plural else rng.choice(("page", "page"))
    return f"{label} {pages}"


def _mtus(ref: MtusRef, region: Region, style: str, rng: random.Random) -> str:
    if ref.document == "chapter":
        chapter = region.chapter
        if style == "A-late":
            return f"MTUS {chapter.title} 2004, Section(s): {ref.section}"
        pages = getattr(chapter, _SECTION_PAGES.get(ref.section, "initial_care"))
        return f"MTUS {chapter.title}, Chapter {chapter.number}, {ref.section}, {_pages(pages, rng)}"
    title, title_2016 = MTUS_DOCUMENTS[ref.document]
    if style == "A-late":
        return f"MTUS {title_2016}, Section(s): {ref.section_2016 or ref.section}"
    pages = f", {_pages(ref.pages, rng)}" if ref.pages else ""
    return f"MTUS {title}, {ref.section}{pages}"


def _mtus_acoem(ref: MtusRef, region: Region, rng: random.Random) -> str | None:
    """The same reference written as an MTUS/ACOEM chapter (both families), when it is one."""
    if ref.document == "chapter":
        chapter = region.chapter
        pages = getattr(chapter, _SECTION_PAGES.get(ref.section, "initial_care"))
        return (
            f"MTUS/ACOEM Practice Guidelines, 2nd Edition (2004), Chapter {chapter.number}, {chapter.title}, "
            f"{_pages(pages, rng)}"
        )
    if ref.document == "general":
        return f"MTUS/ACOEM Practice Guidelines, 2nd Edition (2004), {ref.section}, {_pages(ref.pages, rng)}"
    return None


def _acoem(topic: Topic, region: Region, rng: random.Random) -> str:
    text = rng.choice(topic.acoem).format(acoem=region.acoem_chapter)
    if text.startswith("Chapter"):
        return f"ACOEM Practice Guidelines, 2nd Edition (2004), {text}"
    edition = rng.choice(
        ("ACOEM Practice Guidelines, 3rd Edition (2011)", "ACOEM Occupational Medicine Practice Guidelines, 3rd ed.")
    )
    return f"{edition}, {text}"


def _odg(topic: Topic, region: Region, style: str, rng: random.Random) -> str:
    chapter, subject = rng.choice(topic.odg)
    chapter = chapter or region.odg_chapter
    if style == "A-late":
        return f"Official Disability Guidelines (ODG) {chapter}, {subject}"
    suffix = "" if chapter == "Preface" else " Chapter"
    return f"Official Disability Guidelines (ODG), {chapter}{suffix}, {subject}"


def _sources(families: tuple[str, ...], topic: Topic, region: Region, style: str, rng: random.Random) -> list[str]:
    """One text per cited source, MTUS first, together naming exactly ``families``."""
    sources: list[str] = []
    if "MTUS" in families:
        ref = rng.choice(topic.mtus)
        combined = _mtus_acoem(ref, region, rng) if "ACOEM" in families and style != "A-late" else None
        if combined and rng.random() < 0.7:
            sources.append(combined)
        else:
            sources.append(_mtus(ref, region, style, rng))
            if "ACOEM" in families:
                sources.append(_acoem(topic, region, rng))
    elif "ACOEM" in families:
        sources.append(_acoem(topic, region, rng))
    if "ODG" in families:
        sources.append(_odg(topic, region, style, rng))
    if "OTHER" in families:
        sources.append(rng.choice(topic.other))
    return sources


def _decision_based_on(sources: list[str], style: str, party: str, rng: random.Random) -> str:
    """Format A: the citation after "MAXIMUS guideline:" or "Claims Administrator guideline:"."""
    if not sources:
        return f"The {party} did not cite any medical evidence for its decision."
    if style == "A-late":
        sentences = [
            f"Decision based on {'' if source.startswith('MTUS') else 'Non-MTUS Citation '}{source}."
            for source in sources
        ]
        if not sources[0].startswith("MTUS"):
            sentences.insert(
                0, f"The {party} based their decision on recommendation(s) outside of the MTUS Guidelines."
            )
        return "  ".join(sentences)
    first, *rest = sources
    if not first.startswith("MTUS") and rng.random() < 0.7:
        first = f"Non-MTUS Citation {first}"
    joiner = rng.choice((", and the ", "; and the ", ", and ", " and the "))
    return "Decision based on " + joiner.join([first, *rest]) + "."


def _based_his_her(sources: list[str], party: str, rng: random.Random) -> str:
    """Formats B and C: "The Expert Reviewer based his/her decision on the ..." (without the final period)."""
    pronoun = "its" if party == "Claims Administrator" else "his/her"
    if not sources:
        return f"The {party} did not cite any medical evidence for {pronoun} decision"
    joiner = rng.choice((", and the ", ", and on the ", " and the "))
    return f"The {party} based {pronoun} decision on the " + joiner.join(sources)


def reviewer_citation(
    families: tuple[str, ...], topic: Topic, region: Region, fmt_style: str, rng: random.Random
) -> str:
    """The reviewer's citation for one item (format A: the text after "MAXIMUS guideline:")."""
    style = "B" if fmt_style in ("B", "C") else fmt_style
    sources = _sources(families, topic, region, style, rng)
    if fmt_style == "B":
        text = _based_his_her(sources, "Expert Reviewer", rng) + "."
        if sources and "MTUS" not in families and rng.random() < 0.15:
            text += " The MTUS does not specifically address this request."
        return text
    if fmt_style == "C":
        text = _based_his_her(sources, "Professional Reviewer", rng)
        return text + (f", {rng.choice(_C_REASONS)}." if sources else ".")
    return _decision_based_on(sources, style, "Expert Reviewer", rng)


def claims_citation(families: tuple[str, ...], topic: Topic, region: Region, fmt_style: str, rng: random.Random) -> str:
    """The claims administrator's citation for one item (never counted as the reviewer's)."""
    style = "B" if fmt_style in ("B", "C") else fmt_style
    sources = _sources(families, topic, region, style, rng)
    if fmt_style in ("B", "C"):
        return _based_his_her(sources, "Claims Administrator", rng) + "."
    return _decision_based_on(sources, style, "Claims Administrator", rng)
