"""Tests for the treatment taxonomy (DESIGN.md section 4): categories, precedence, coverage.

The taxonomy is pure Python, so these tests need no database.
"""

from __future__ import annotations

import json

import pytest

from determinations.taxonomy import CATEGORIES, RULES, SUBCATEGORIES, Classification, classify
from tests.shared_corpus import CORPUS_DIR, CORPUS_FOLDERS, require_shared

# At least five realistic request strings per category, written as IMR letters write them.
EXAMPLES: dict[str, tuple[str, ...]] = {
    "Pharmaceuticals": (
        "Norco 10/325mg #90",
        "Tramadol ER 150mg #30",
        "Percocet 5/325 #60",
        "Oxycodone HCl 15mg #120",
        "Lidoderm 5% patches #30",
        "Flexeril 7.5mg #60",
        "Neurontin 600mg #90",
        "Lyrica 75mg #60",
        "Prilosec 20mg #60",
        "Celebrex 200mg #30",
        "Naproxen sodium 550mg #60",
        "Duloxetine 60mg #30",
        "Ambien 10mg #30",
        "Trazodone 50mg #30",
        "Terocin lotion 120ml",
        "Theramine #120",
        "Sentra PM #60",
        "Compound: flurbiprofen 20%/lidocaine 5% cream 180gm",
        "Voltaren gel 1% 100gm",
        "Medrol dose pack",
    ),
    "Rehabilitation": (
        "Physical therapy 2 times a week for 6 weeks for the lumbar spine",
        "Additional chiropractic treatment x 8 visits",
        "Acupuncture 6 sessions",
        "Massage therapy 6 sessions",
        "Aquatic therapy 12 sessions",
        "Work hardening program 10 sessions",
        "Occupational therapy 3x4 for the right hand",
        "Home exercise program instruction",
        "Skilled nursing facility stay 14 days",
        "Iontophoresis 6 sessions",
    ),
    "Diagnostic Testing": (
        "MRI of the cervical spine without contrast",
        "CT scan of the lumbar spine",
        "X-ray of the right wrist, 3 views",
        "EMG/NCV of the bilateral upper extremities",
        "Urine drug screen",
        "Labs: CBC, CMP, hepatic function panel",
        "Polysomnography",
        "Triple phase bone scan",
        "Diagnostic ultrasound of the left shoulder",
        "Functional capacity evaluation",
        "Cytochrome P450 genetic testing",
        "EKG",
    ),
    "DMEPOS": (
        "TENS unit purchase",
        "H-wave device 30-day home trial",
        "Interferential unit rental",
        "Lumbar back brace",
        "Custom orthotics",
        "Cold therapy unit 7-day rental",
        "Front-wheeled walker",
        "Motorized wheelchair",
        "Hospital bed",
        "Shower chair",
        "Bilateral hearing aids",
        "Ergonomic chair",
        "TENS unit supplies: electrodes and batteries",
    ),
    "Evaluation & Management": (
        "Orthopedic consultation",
        "Referral to a pain management specialist",
        "Neurology consultation for headaches",
        "Follow-up visit in 4 weeks",
        "Office visit with the primary treating physician",
        "Second opinion with a spine surgeon",
        "Pre-operative medical clearance",
        "Physical therapy evaluation",
        "Chiropractic re-evaluation",
        "Internal medicine consultation",
    ),
    "Injections & Procedures": (
        "Lumbar epidural steroid injection at L4-5",
        "Bilateral L4-5 and L5-S1 facet injections",
        "Medial branch blocks at left L3, L4 and L5",
        "Radiofrequency ablation bilateral L4-5",
        "Trigger point injections x 4",
        "Right sacroiliac joint injection under fluoroscopy",
        "Cortisone injection to the left shoulder",
        "Synvisc-One injection to the right knee",
        "Platelet-rich plasma injection to the right elbow",
        "Extracorporeal shockwave therapy for plantar fasciitis",
        "Spinal cord stimulator trial",
        "Stellate ganglion block",
        "Botox injections for migraine",
    ),
    "Surgery": (
        "Right shoulder arthroscopy with subacromial decompression",
        "L4-5 and L5-S1 posterior lumbar interbody fusion",
        "L5-S1 microdiscectomy",
        "Right carpal tunnel release",
        "Left total knee replacement",
        "Assistant surgeon",
        "Inpatient stay 3 days",
        "Removal of hardware, right ankle",
        "Anterior cervical discectomy and fusion C5-6",
        "Rotator cuff repair, left shoulder",
        "Right trigger thumb release",
    ),
    "Behavioral Health": (
        "Psychotherapy 6 sessions",
        "Cognitive behavioral therapy 10 sessions",
        "Psychological evaluation",
        "Biofeedback 6 sessions",
        "Psychiatric consultation",
        "Partial Hospitalization day treatment",
        "Comprehensive psychological testing",
        "Psychiatric medication management",
        "Group therapy for chronic pain 8 sessions",
    ),
    "Programs & Services": (
        "Functional restoration program 10 days",
        "Home health care 4 hours a day, 5 days a week",
        "Home health aide 20 hours per week",
        "Daily RN visits for 2 weeks",
        "Weight loss program",
        "Gym membership for 6 months",
        "Transportation to and from medical appointments",
        "Multidisciplinary pain program evaluation and treatment",
        "Interpreter services",
    ),
    "Other": (
        "Unknown",
        "Retrospective request",
        "Service as requested",
        "qwerty zzz",
        "1 unit",
    ),
}

# When a request names several kinds, the service actually requested decides (DESIGN.md section 4).
PRECEDENCE: tuple[tuple[str, str], ...] = (
    ("pre-operative labs for knee arthroscopy", "Diagnostic Testing"),
    ("ASSOCIATED SURGICAL SERVICE: PRE-OPERATIVE LABS (CBC AND BASIC METABOLIC PANEL)", "Diagnostic Testing"),
    ("post-operative physical therapy", "Rehabilitation"),
    ("post-operative cold therapy unit", "DMEPOS"),
    ("Lumbar epidural steroid injection with pain interventionist consult and treatment", "Injections & Procedures"),
    (
        "Acute inpatient rehabilitation physical therapy and occupational therapy 7-10 days",
        "Rehabilitation",
    ),
    (
        "Daily RN for 4 weeks for wound care and monitoring of wound healing and home safety, medication management",
        "Programs & Services",
    ),
    ("Partial Hospitalization day treatment", "Behavioral Health"),
    ("Functional capacity evaluation", "Diagnostic Testing"),
    ("Bilateral hearing aids", "DMEPOS"),
    ("Hospital bed for an unspecified rental", "DMEPOS"),
    (
        "Retrospective injection 5cc of lidocaine hcl 1percent and 1cc of dexamethasone 120mg to the right knee",
        "Injections & Procedures",
    ),
    ("Lidocaine 5% patch #1", "Pharmaceuticals"),
    ("Lidocaine ointment 5% #1", "Pharmaceuticals"),
    ("Physical therapy evaluation, cervical and thoracic spine", "Evaluation & Management"),
    ("Spine surgery evaluation for the lumbar", "Evaluation & Management"),
    ("Orthopedic surgery consultation", "Evaluation & Management"),
    ("Comprehensive psychological testing", "Behavioral Health"),
    ("Physical therapy 6 visits", "Rehabilitation"),
    ("6 visits of physical therapy", "Rehabilitation"),
    ("Follow-up MRI of the lumbar spine", "Diagnostic Testing"),
    ("12 SESSIONS OF WORK CONDITIONING FOR THE LUMBAR SPINE AND LEFT LEG", "Rehabilitation"),
    ("Physical therapy post surgery, 12 visits", "Rehabilitation"),
    ("Chiropractic evaluation and treatment, 6 visits", "Rehabilitation"),
    ("Tramadol extended release 150mg #30", "Pharmaceuticals"),
    ("Pre-operative EKG and chest x-ray", "Diagnostic Testing"),
    ("Trigger finger injection, right ring finger", "Injections & Procedures"),
    ("Home health physical therapy 8 visits", "Rehabilitation"),
    ("Follow up with the orthopedic surgeon", "Evaluation & Management"),
)

# Where the subcategory matters as much as the category.
SUBCATEGORY_CASES: tuple[tuple[str, Classification], ...] = (
    (
        "Acute inpatient rehabilitation physical therapy and occupational therapy 7-10 days",
        Classification("Rehabilitation", "Inpatient rehabilitation & skilled nursing"),
    ),
    ("Ketoprofen 20% in cream base 240g", Classification("Pharmaceuticals", "Topical & compounded")),
    ("Butrans 10mcg/hr patch #4", Classification("Pharmaceuticals", "Opioids")),
    (
        "Injection of neurolytic substance, lumbar spine",
        Classification("Injections & Procedures", "Neuroplasty & neurolysis"),
    ),
    ("MR Arthrogram of the right shoulder", Classification("Diagnostic Testing", "MRI")),
    ("Functional capacity evaluation (FCE)", Classification("Diagnostic Testing", "Functional capacity evaluation")),
    ("Myofascial release 6 sessions", Classification("Rehabilitation", "Massage")),
    ("Spinal cord stimulator trial", Classification("Injections & Procedures", "Neurostimulation")),
)

# One request per subcategory, proving every row of the table can be reached.
SUBCATEGORY_EXAMPLES: dict[tuple[str, str], str] = {
    ("Pharmaceuticals", "Opioids"): "Hydrocodone/APAP 10/325mg #120",
    ("Pharmaceuticals", "NSAIDs"): "Meloxicam 15mg #30",
    ("Pharmaceuticals", "Muscle relaxants"): "Tizanidine 4mg #60",
    ("Pharmaceuticals", "Anticonvulsants"): "Gabapentin 300mg #90",
    ("Pharmaceuticals", "Antidepressants"): "Cymbalta 30mg #30",
    ("Pharmaceuticals", "Sleep aids"): "Zolpidem 10mg #30",
    ("Pharmaceuticals", "Benzodiazepines & anxiolytics"): "Xanax 0.5mg #30",
    ("Pharmaceuticals", "Proton pump inhibitors & GI agents"): "Pantoprazole 40mg #30",
    ("Pharmaceuticals", "Medical foods"): "Theramine #90",
    ("Pharmaceuticals", "Topical & compounded"): "Terocin patches #30",
    ("Pharmaceuticals", "Other medication"): "Fioricet #30",
    ("Rehabilitation", "Physical therapy"): "Physical therapy 12 sessions",
    ("Rehabilitation", "Occupational therapy"): "Occupational therapy 8 sessions",
    ("Rehabilitation", "Chiropractic"): "Chiropractic manipulation 6 visits",
    ("Rehabilitation", "Acupuncture"): "Acupuncture 6 sessions",
    ("Rehabilitation", "Massage"): "Massage therapy 6 sessions",
    ("Rehabilitation", "Aquatic therapy"): "Aquatic therapy 12 sessions",
    ("Rehabilitation", "Work hardening & conditioning"): "Work conditioning 12 sessions",
    ("Rehabilitation", "Inpatient rehabilitation & skilled nursing"): "Skilled nursing facility 10 days",
    ("Rehabilitation", "Home exercise instruction"): "Home exercise program",
    ("Rehabilitation", "Electrical stimulation & modalities"): "Iontophoresis 6 sessions",
    ("Rehabilitation", "Other rehabilitation"): "Vestibular rehabilitation 6 sessions",
    ("Diagnostic Testing", "MRI"): "MRI of the lumbar spine",
    ("Diagnostic Testing", "CT"): "CT scan of the head",
    ("Diagnostic Testing", "X-ray"): "X-rays of the left knee",
    ("Diagnostic Testing", "Electrodiagnostic (EMG/NCV)"): "NCV of the bilateral upper extremities",
    ("Diagnostic Testing", "Laboratory"): "Complete blood count",
    ("Diagnostic Testing", "Urine drug screen"): "Urine toxicology screen",
    ("Diagnostic Testing", "Functional capacity evaluation"): "Functional capacity evaluation",
    ("Diagnostic Testing", "Sleep study"): "Sleep study",
    ("Diagnostic Testing", "Bone scan & densitometry"): "Bone scan",
    ("Diagnostic Testing", "Ultrasound"): "Ultrasound of the right shoulder",
    ("Diagnostic Testing", "Cardiopulmonary testing"): "Pulmonary function testing",
    ("Diagnostic Testing", "Other imaging"): "Lumbar discogram",
    ("Diagnostic Testing", "Other diagnostic test"): "Audiogram",
    ("DMEPOS", "Electrotherapy units (TENS, H-wave, IF)"): "H-wave unit purchase",
    ("DMEPOS", "Braces & supports"): "Right wrist splint",
    ("DMEPOS", "Orthotics & footwear"): "Custom orthotics",
    ("DMEPOS", "Cold & heat therapy"): "Cold therapy unit",
    ("DMEPOS", "Mobility aids"): "Rolling walker",
    ("DMEPOS", "Beds & bath equipment"): "Hospital bed",
    ("DMEPOS", "Hearing aids"): "Hearing aids",
    ("DMEPOS", "Ergonomic & exercise equipment"): "Home cervical traction unit",
    ("DMEPOS", "Continuous passive motion"): "CPM machine 21-day rental",
    ("DMEPOS", "Supplies"): "Electrodes",
    ("DMEPOS", "Other DME"): "Bone growth stimulator",
    ("Evaluation & Management", "Consultation & referral"): "Neurosurgical consultation",
    ("Evaluation & Management", "Evaluation & re-examination"): "Physical therapy evaluation",
    ("Evaluation & Management", "Follow-up & office visits"): "Follow-up visit",
    ("Evaluation & Management", "Second opinion"): "Second opinion",
    ("Evaluation & Management", "Pre-operative clearance"): "Pre-operative medical clearance",
    ("Evaluation & Management", "Other evaluation & management"): "Pain management",
    ("Injections & Procedures", "Epidural steroid injection"): "Cervical epidural steroid injection",
    ("Injections & Procedures", "Facet & medial branch blocks"): "Facet joint injection L4-5",
    ("Injections & Procedures", "Radiofrequency ablation"): "Radiofrequency ablation L3-4",
    ("Injections & Procedures", "Trigger point injection"): "Trigger point injections",
    ("Injections & Procedures", "Sacroiliac joint injection"): "SI joint injection",
    ("Injections & Procedures", "Joint & soft-tissue injection"): "Subacromial injection",
    ("Injections & Procedures", "Platelet-rich plasma & regenerative"): "PRP injection",
    ("Injections & Procedures", "Viscosupplementation"): "Orthovisc injections x 3",
    ("Injections & Procedures", "Nerve blocks"): "Occipital nerve block",
    ("Injections & Procedures", "Neuroplasty & neurolysis"): "Neuroplasty, lumbar spine",
    ("Injections & Procedures", "Shockwave therapy"): "ESWT 3 sessions",
    ("Injections & Procedures", "Neurostimulation"): "Spinal cord stimulator trial",
    ("Injections & Procedures", "Botulinum toxin"): "Botox 200 units",
    ("Injections & Procedures", "Other injection or procedure"): "Toradol injection",
    ("Surgery", "Arthroscopy"): "Right knee arthroscopy",
    ("Surgery", "Fusion"): "L5-S1 fusion",
    ("Surgery", "Spinal decompression & discectomy"): "L4-5 laminectomy",
    ("Surgery", "Nerve & tendon release"): "Left cubital tunnel release",
    ("Surgery", "Joint replacement"): "Right total hip arthroplasty",
    ("Surgery", "Repair & reconstruction"): "ACL reconstruction",
    ("Surgery", "Assistant surgeon"): "Assistant surgeon",
    ("Surgery", "Inpatient stay"): "Inpatient stay 2 days",
    ("Surgery", "Anesthesia & perioperative services"): "Monitored anesthesia care",
    ("Surgery", "Other surgery"): "Ganglion cyst excision",
    ("Behavioral Health", "Cognitive behavioral therapy"): "CBT 6 sessions",
    ("Behavioral Health", "Psychotherapy & counseling"): "Individual psychotherapy 6 sessions",
    ("Behavioral Health", "Psychological evaluation & testing"): "Psychological evaluation",
    ("Behavioral Health", "Biofeedback"): "Biofeedback 6 sessions",
    ("Behavioral Health", "Psychiatric care"): "Psychiatric treatment",
    ("Behavioral Health", "Partial hospitalization & intensive outpatient"): "Intensive outpatient program",
    ("Behavioral Health", "Other behavioral health"): "Stress management",
    ("Programs & Services", "Functional restoration program"): "Functional restoration program",
    ("Programs & Services", "Detoxification & addiction treatment"): "Outpatient detoxification program",
    ("Programs & Services", "Home health & nursing care"): "Home health aide",
    ("Programs & Services", "Weight loss program"): "Weight loss program",
    ("Programs & Services", "Gym & fitness"): "Gym membership",
    ("Programs & Services", "Transportation"): "Transportation",
    ("Programs & Services", "Other services"): "Interpreter services",
    ("Other", "Unclassified"): "Unknown",
}


def test_categories_are_designs_ten_in_order() -> None:
    assert CATEGORIES == (
        "Pharmaceuticals",
        "Rehabilitation",
        "Diagnostic Testing",
        "DMEPOS",
        "Evaluation & Management",
        "Injections & Procedures",
        "Surgery",
        "Behavioral Health",
        "Programs & Services",
        "Other",
    )


def test_subcategories_cover_every_category_and_rule() -> None:
    assert tuple(SUBCATEGORIES) == CATEGORIES
    assert SUBCATEGORIES["Other"] == ("Unclassified",)
    for rule in RULES:
        assert rule.subcategory in SUBCATEGORIES[rule.category]
    for category in CATEGORIES[:-1]:
        assert len(SUBCATEGORIES[category]) >= 5, category


def test_every_category_has_five_examples() -> None:
    assert set(EXAMPLES) == set(CATEGORIES)
    assert all(len(requests) >= 5 for requests in EXAMPLES.values())


@pytest.mark.parametrize(
    ("request_text", "category"),
    [(request, category) for category, requests in EXAMPLES.items() for request in requests],
)
def test_category_examples(request_text: str, category: str) -> None:
    assert classify(request_text).category == category


@pytest.mark.parametrize(("request_text", "category"), PRECEDENCE)
def test_precedence_the_requested_service_decides(request_text: str, category: str) -> None:
    assert classify(request_text).category == category


@pytest.mark.parametrize(("request_text", "expected"), SUBCATEGORY_CASES)
def test_subcategory_cases(request_text: str, expected: Classification) -> None:
    assert classify(request_text) == expected


def test_every_subcategory_is_reachable() -> None:
    every = {(category, sub) for category, subs in SUBCATEGORIES.items() for sub in subs}
    assert set(SUBCATEGORY_EXAMPLES) == every
    wrong = {
        key: classify(request)
        for key, request in SUBCATEGORY_EXAMPLES.items()
        if classify(request) != Classification(*key)
    }
    assert wrong == {}


@pytest.mark.parametrize("nonsense", ["", "   ", "zzz", "lorem ipsum dolor", "#90", "Item 1", "N/A"])
def test_nonsense_is_other(nonsense: str) -> None:
    assert classify(nonsense) == Classification("Other", "Unclassified")


def test_matching_is_case_insensitive_and_whitespace_tolerant() -> None:
    assert classify("NORCO 10/325MG #90") == classify("norco 10/325mg #90")
    assert classify("MEDIAL BRANCH  BLOCKS AT LEFT\nL4-5") == classify("medial branch blocks at left l4-5")


def test_words_match_on_boundaries_only() -> None:
    # "pt" inside "optometry", "tens" inside "extensions", "ot" inside "botox" must not count.
    assert classify("Extensions").category == "Other"
    assert classify("Botox injection").subcategory == "Botulinum toxin"
    assert classify("Bedside commode").subcategory == "Beds & bath equipment"


@pytest.mark.parametrize(
    ("singular", "plural", "subcategory"),
    [
        ("Shower bench", "Shower benches", "Beds & bath equipment"),
        ("Tub transfer bench", "Tub transfer benches", "Beds & bath equipment"),
        ("Exercise class", "Exercise classes x 10", "Gym & fitness"),
    ],
)
def test_singular_and_plural_requests_classify_alike(singular: str, plural: str, subcategory: str) -> None:
    assert classify(singular).subcategory == classify(plural).subcategory == subcategory


def test_expected_categories_in_the_shared_corpus() -> None:
    """Every item category in the shared corpus's expected parses comes out of ``classify``."""
    corpus = require_shared()
    checked = 0
    wrong = []
    for folder in CORPUS_FOLDERS:
        for expected_file in sorted((corpus / folder).glob("*.json")):
            for item in json.loads(expected_file.read_text(encoding="utf-8")).get("items", []):
                checked += 1
                got = classify(item["request"]).category
                if got != item["category"]:
                    wrong.append((expected_file.name, item["request"], item["category"], got))
    assert checked > 0, f"no expected items found under {CORPUS_DIR}"
    assert wrong == []
