"""Body regions: a small normalised vocabulary, kept as data.

``REGIONS`` maps each region label to the words that name it. ``regions_in``
lists the regions a text names, in the order it names them; the more specific
wording wins where two overlap ("upper back" is the thoracic spine, not the
low back). Extend the vocabulary by adding a row.
"""

from __future__ import annotations

import re

REGIONS: tuple[tuple[str, str], ...] = (
    ("Cervical spine", r"cervical|cervicothoracic|cervicalgia|neck|C[1-7]\s*-\s*(?:C?[1-7]|T1)"),
    ("Thoracic spine", r"thoracic|thoracolumbar|upper\s+back|mid[-\s]?back|T(?:[1-9]|1[0-2])\s*-\s*T?\d{1,2}"),
    (
        "Lumbar spine",
        r"lumbar|lumbosacral|lumbago|sciatica|low(?:er)?\s+back|back|L[1-5]\s*-\s*(?:L?[1-5]|S1)|sacral|coccyx",
    ),
    ("Shoulder", r"shoulders?|rotator\s+cuff|acromioclavicular|scapul\w*|subacromial|glenohumeral"),
    ("Elbow", r"elbows?|epicondyl\w*|olecranon|cubital"),
    ("Wrist/Hand", r"wrists?|hands?|fingers?|thumbs?|carpal|digits?|palm"),
    ("Hip", r"hips?|groin|pelvi[cs]|sacroiliac|SI\s+joints?"),
    ("Knee", r"knees?|patell\w*|menisc\w*"),
    ("Ankle/Foot", r"ankles?|foot|feet|toes?|heels?|plantar|achilles|calcane\w*"),
    ("Head", r"head(?:aches?)?|brain|skull|concussion|cranial|face|facial|jaw|temporomandibular|TMJ|dental|teeth"),
    ("Eye", r"eyes?|ocular|vision|visual"),
    ("Ear", r"ears?|hearing"),
    ("Chest", r"chest|ribs?|thorax"),
    ("Abdomen", r"abdomen|abdominal|hernia"),
    ("Upper extremity", r"upper\s+extremit(?:y|ies)|upper\s+limbs?|arms?|forearms?|(?-i:[RLB]UEs?)"),
    ("Lower extremity", r"lower\s+extremit(?:y|ies)|lower\s+limbs?|legs?|thighs?|calf|calves|(?-i:[RLB]LEs?)"),
)
#: Every region word starts with a letter: the scan skips other positions (and the inside of words) cheaply.
_PATTERN = re.compile(
    r"\b(?=[a-z])(?:" + "|".join(rf"(?P<r{i}>{words})" for i, (_, words) in enumerate(REGIONS)) + r")\b", re.IGNORECASE
)
_LABELS = {f"r{i}": label for i, (label, _) in enumerate(REGIONS)}
#: Lengths are no body part: "fell six feet".
_MEASURE = re.compile(
    r"\b(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty)\s*-?\s*(?:feet|foot)\b",
    re.IGNORECASE,
)


def regions_in(text: str) -> list[str]:
    """The regions ``text`` names, each once, in order of first mention."""
    seen: dict[str, None] = {}
    for match in _PATTERN.finditer(_without_measures(text)):
        seen.setdefault(_LABELS[match.lastgroup or ""], None)
    return list(seen)


def first_region(text: str) -> str | None:
    """The first region ``text`` names, or ``None``."""
    match = _PATTERN.search(_without_measures(text))
    return _LABELS[match.lastgroup or ""] if match else None


def _without_measures(text: str) -> str:
    # A measure ends in "feet" or "foot" in some case (only their own capitals match those letters when case is
    # ignored); the test is cheaper than the pattern.
    lowered = text.lower()
    return _MEASURE.sub(" ", text) if "feet" in lowered or "foot" in lowered else text
