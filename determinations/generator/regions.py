"""Body regions of synthetic patients, as data: names, complaints, findings, imaging, diagnoses, guideline chapters.

Each ``Region`` carries the clinical vocabulary the case summary and the
rationales draw on, and the guideline chapters that cover it: the MTUS (ACOEM
2nd edition) complaints chapter with its page ranges, and the ODG chapter.
Lateral regions (``lateral=True``) get a side ("right", "left") per patient.
Placeholders: ``{side}`` the side, ``{level}`` a spinal level, ``{date}`` a
service date, ``{mm}`` a size in millimetres, ``{deg}`` a small angle (30 to
70 degrees), ``{flex}`` a joint's flexion (90 to 150 degrees).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Chapter:
    """An MTUS complaints chapter (ACOEM 2nd edition, 2004) and the pages of its sections."""

    title: str
    number: int
    initial_care: str
    special_studies: str
    surgery: str


@dataclass(frozen=True)
class Region:
    """One body region and the clinical vocabulary about it."""

    key: str
    name: str
    adjective: str
    lateral: bool
    limbs: str
    chapter: Chapter
    odg_chapter: str
    acoem_chapter: str
    complaints: tuple[str, ...]
    findings: tuple[str, ...]
    imaging: tuple[str, ...]
    diagnoses: tuple[str, ...]
    levels: tuple[str, ...] = ()


LOW_BACK = Chapter("Low Back Complaints", 12, "298-301", "303-305", "305-307")
NECK = Chapter("Neck and Upper Back Complaints", 8, "173-175", "177-179", "180-183")
SHOULDER = Chapter("Shoulder Complaints", 9, "204-207", "207-209", "209-211")
ELBOW = Chapter("Elbow Complaints", 10, "235-237", "238-240", "240-242")
HAND = Chapter("Forearm, Wrist, and Hand Complaints", 11, "263-265", "268-269", "270-271")
KNEE = Chapter("Knee Complaints", 13, "337-339", "341-343", "344-345")
ANKLE = Chapter("Ankle and Foot Complaints", 14, "369-371", "372-374", "374-375")

# fmt: off
REGIONS: tuple[Region, ...] = (
    Region(
        "lumbar", "lumbar spine", "lumbar", False, "bilateral lower extremities", LOW_BACK, "Low Back", "Low Back Disorders",
        complaints=(
            "low back pain radiating to the {side} lower extremity",
            "constant low back pain with intermittent numbness and tingling in the {side} leg",
            "chronic low back pain that worsens with prolonged sitting, bending and lifting",
            "low back pain with radiation into the {side} buttock and posterior thigh",
        ),
        findings=(
            "tenderness to palpation of the lumbar paraspinal musculature with muscle spasm",
            "lumbar flexion limited to {deg} degrees with pain at the end range",
            "a positive straight leg raise on the {side} at {deg} degrees",
            "decreased sensation to light touch in the {side} L5 dermatome",
            "a diminished {side} Achilles reflex",
            "pain with lumbar extension and rotation consistent with facet loading",
        ),
        imaging=(
            "An MRI of the lumbar spine dated {date} revealed a {mm} mm disc protrusion at {level} with mild {side} "
            "neural foraminal narrowing.",
            "An MRI of the lumbar spine dated {date} showed multilevel degenerative disc disease with disc desiccation "
            "at {level} and mild bilateral facet hypertrophy.",
            "Lumbar spine radiographs dated {date} demonstrated mild degenerative changes without instability on "
            "flexion and extension views.",
        ),
        diagnoses=(
            "lumbar radiculopathy", "lumbar disc displacement", "lumbar sprain/strain",
            "lumbar degenerative disc disease", "lumbar facet arthropathy", "chronic low back pain",
            "lumbar spinal stenosis",
        ),
        levels=("L4-5", "L5-S1", "L3-4", "L4-L5", "L5-S1"),
    ),
    Region(
        "cervical", "cervical spine", "cervical", False, "bilateral upper extremities", NECK, "Neck and Upper Back", "Cervical and Thoracic Spine Disorders",
        complaints=(
            "neck pain radiating to the {side} upper extremity",
            "constant neck pain with occipital headaches",
            "neck pain with numbness and tingling into the {side} hand",
            "chronic neck and upper back pain aggravated by looking down and by overhead activity",
        ),
        findings=(
            "tenderness and muscle spasm of the cervical paraspinal and upper trapezius muscles",
            "cervical rotation limited to {deg} degrees bilaterally",
            "a positive Spurling's test on the {side}",
            "decreased sensation in the {side} C6 dermatome",
            "4/5 strength of the {side} biceps and wrist extensors",
        ),
        imaging=(
            "An MRI of the cervical spine dated {date} revealed a {mm} mm disc osteophyte complex at {level} with "
            "moderate {side} foraminal stenosis.",
            "An MRI of the cervical spine dated {date} showed mild multilevel degenerative disc disease without canal "
            "stenosis.",
        ),
        diagnoses=(
            "cervical radiculopathy", "cervical sprain/strain", "cervical disc displacement",
            "cervical degenerative disc disease", "cervicalgia", "cervical myofascial pain",
        ),
        levels=("C5-6", "C6-7", "C4-5", "C5-C6", "C6-C7"),
    ),
    Region(
        "thoracic", "thoracic spine", "thoracic", False, "bilateral lower extremities", NECK, "Low Back", "Cervical and Thoracic Spine Disorders",
        complaints=(
            "mid back pain between the shoulder blades",
            "thoracic pain that increases with twisting and deep breathing",
        ),
        findings=(
            "tenderness to palpation over the thoracic paraspinal muscles",
            "restricted thoracic rotation with muscle guarding",
            "pain with thoracic extension and deep inspiration",
        ),
        imaging=(
            "Thoracic spine radiographs dated {date} showed mild spondylosis without compression deformity.",
        ),
        diagnoses=("thoracic sprain/strain", "thoracic myofascial pain", "thoracic spondylosis"),
        levels=("T7-8", "T8-9"),
    ),
    Region(
        "shoulder", "{side} shoulder", "shoulder", True, "{side} upper extremity", SHOULDER, "Shoulder", "Shoulder Disorders",
        complaints=(
            "{side} shoulder pain with weakness when reaching overhead",
            "{side} shoulder pain that wakes {him} at night",
            "{side} shoulder pain and stiffness with difficulty reaching behind the back",
        ),
        findings=(
            "{side} shoulder forward flexion to {flex} degrees and abduction to 90 degrees",
            "positive Neer and Hawkins impingement signs on the {side}",
            "tenderness over the {side} acromioclavicular joint",
            "4/5 strength of the {side} supraspinatus",
        ),
        imaging=(
            "An MRI of the {side} shoulder dated {date} revealed a partial-thickness tear of the supraspinatus tendon "
            "with subacromial bursitis.",
            "An MRI of the {side} shoulder dated {date} showed a full-thickness supraspinatus tear measuring "
            "{mm} mm with mild retraction.",
            "Radiographs of the {side} shoulder dated {date} showed a type II acromion without fracture.",
        ),
        diagnoses=(
            "{side} shoulder impingement syndrome", "{side} rotator cuff tear", "{side} shoulder tendinitis",
            "{side} shoulder sprain/strain", "adhesive capsulitis of the {side} shoulder",
        ),
    ),
    Region(
        "knee", "{side} knee", "knee", True, "{side} lower extremity", KNEE, "Knee & Leg", "Knee Disorders",
        complaints=(
            "{side} knee pain with swelling and episodes of giving way",
            "{side} knee pain that worsens with stairs, squatting and kneeling",
            "medial {side} knee pain with clicking and catching",
        ),
        findings=(
            "tenderness along the medial joint line of the {side} knee",
            "a positive McMurray test on the {side}",
            "a small effusion of the {side} knee",
            "{side} knee flexion limited to {flex} degrees",
            "crepitus with range of motion of the {side} knee",
        ),
        imaging=(
            "An MRI of the {side} knee dated {date} revealed a tear of the posterior horn of the medial meniscus.",
            "Radiographs of the {side} knee dated {date} demonstrated moderate medial compartment joint space "
            "narrowing with osteophytes.",
            "An MRI of the {side} knee dated {date} showed chondromalacia of the patella and a small joint effusion.",
        ),
        diagnoses=(
            "{side} knee medial meniscus tear", "{side} knee osteoarthritis", "{side} knee sprain/strain",
            "{side} patellofemoral syndrome", "{side} knee internal derangement",
        ),
    ),
    Region(
        "wrist", "{side} wrist", "wrist", True, "{side} upper extremity", HAND, "Forearm, Wrist, & Hand", "Hand, Wrist, and Forearm Disorders",
        complaints=(
            "{side} wrist and hand pain with numbness in the thumb, index and middle fingers",
            "{side} wrist pain with weakness of grip",
            "nocturnal numbness of the {side} hand",
        ),
        findings=(
            "a positive Phalen's test and Tinel's sign at the {side} wrist",
            "decreased grip strength on the {side}",
            "tenderness over the {side} first dorsal compartment",
            "decreased two-point discrimination in the {side} median nerve distribution",
        ),
        imaging=(
            "Electrodiagnostic studies dated {date} were consistent with moderate {side} carpal tunnel syndrome.",
            "Radiographs of the {side} wrist dated {date} were unremarkable.",
        ),
        diagnoses=(
            "{side} carpal tunnel syndrome", "{side} wrist sprain/strain", "{side} de Quervain's tenosynovitis",
            "{side} wrist tendinitis",
        ),
    ),
    Region(
        "elbow", "{side} elbow", "elbow", True, "{side} upper extremity", ELBOW, "Elbow", "Elbow Disorders",
        complaints=(
            "lateral {side} elbow pain with gripping and lifting",
            "{side} elbow pain with numbness into the ring and small fingers",
        ),
        findings=(
            "tenderness over the {side} lateral epicondyle",
            "pain with resisted wrist extension on the {side}",
            "a positive Tinel's sign at the {side} cubital tunnel",
        ),
        imaging=(
            "An MRI of the {side} elbow dated {date} showed tendinosis of the common extensor origin.",
        ),
        diagnoses=("{side} lateral epicondylitis", "{side} cubital tunnel syndrome", "{side} elbow sprain/strain"),
    ),
    Region(
        "ankle", "{side} ankle", "ankle", True, "{side} lower extremity", ANKLE, "Ankle & Foot", "Ankle and Foot Disorders",
        complaints=(
            "{side} ankle pain and swelling with prolonged standing and walking",
            "{side} heel and ankle pain that is worst with the first steps in the morning",
        ),
        findings=(
            "tenderness over the {side} anterior talofibular ligament",
            "swelling of the {side} lateral ankle",
            "tenderness at the {side} plantar fascia insertion",
        ),
        imaging=(
            "An MRI of the {side} ankle dated {date} revealed a partial tear of the anterior talofibular ligament.",
            "Radiographs of the {side} ankle dated {date} showed no fracture or malalignment.",
        ),
        diagnoses=("{side} ankle sprain/strain", "{side} plantar fasciitis", "{side} ankle instability"),
    ),
    Region(
        "hip", "{side} hip", "hip", True, "{side} lower extremity", LOW_BACK, "Hip & Pelvis", "Hip and Groin Disorders",
        complaints=(
            "{side} hip and groin pain with walking",
            "lateral {side} hip pain when lying on that side",
        ),
        findings=(
            "tenderness over the {side} greater trochanter",
            "pain with internal rotation of the {side} hip",
            "a positive FABER test on the {side}",
        ),
        imaging=(
            "Radiographs of the {side} hip dated {date} demonstrated mild joint space narrowing.",
            "An MRI of the {side} hip dated {date} showed a tear of the anterosuperior labrum.",
        ),
        diagnoses=("{side} hip bursitis", "{side} hip labral tear", "{side} hip osteoarthritis"),
    ),
)
# fmt: on

REGION_BY_KEY: dict[str, Region] = {region.key: region for region in REGIONS}

#: How often each region is a patient's primary injury (weights).
PRIMARY_REGION_WEIGHTS: dict[str, float] = {
    "lumbar": 36,
    "cervical": 16,
    "shoulder": 15,
    "knee": 11,
    "wrist": 8,
    "elbow": 3,
    "ankle": 4,
    "hip": 3,
    "thoracic": 2,
}

#: Groups of region keys a treatment may apply to.
ANY_REGION = ("lumbar", "cervical", "thoracic", "shoulder", "knee", "wrist", "elbow", "ankle", "hip")
SPINE = ("lumbar", "cervical")
LIMB_NERVES = ("lumbar", "cervical", "wrist", "elbow")
