"""Kinds of disputed treatment, as data: category, share, request wording, guideline topic.

Each ``Kind`` is one kind of request within a DESIGN.md section 4 category.
``weight`` is its share of all disputed items (the weights of a category add
up to roughly that category's share, in percent). ``requests`` are the ways
letters word the request, with placeholders filled per item:

- ``{drug}`` a drug with its strength (from ``drugs``), ``{qty}`` a quantity
  and ``{n}`` a number of sessions (from ``counts``);
- ``{freq}`` a frequency ("2 times a week for 6 weeks", "2x6", ...);
- ``{region}`` the body region ("lumbar spine", "right shoulder"),
  ``{Side}``/``{side}`` its side, ``{joint}`` the region's adjective ("knee"),
  ``{Spine}``/``{spine}`` "Lumbar"/"lumbar",
  ``{level}`` a spinal level, ``{limbs}`` the limbs an EMG covers;
- ``{days}``, ``{weeks}``, ``{hours}``, ``{program_hours}``, ``{months}``
  durations (values in ``case.DURATIONS``).

A request with ``{n}`` or ``{qty}`` can be partially authorised by UR.
``regions`` lists the region keys the request may name (``()`` for none).
Every request wording must classify (``determinations.taxonomy.classify``) to
the kind's category; the generator tests check every wording.
"""

from __future__ import annotations

from dataclasses import dataclass

from .regions import ANY_REGION, LIMB_NERVES, SPINE

PHARMA, REHAB, DIAG, DME = "Pharmaceuticals", "Rehabilitation", "Diagnostic Testing", "DMEPOS"
EM, INJ, SURG, BH, PROG, OTHER = (
    "Evaluation & Management",
    "Injections & Procedures",
    "Surgery",
    "Behavioral Health",
    "Programs & Services",
    "Other",
)

SESSIONS = (6, 8, 12, 12, 18, 24)
SHORT_SESSIONS = (4, 6, 6, 8, 10, 12)
TABLETS = (30, 60, 60, 90, 90, 120, 180)


@dataclass(frozen=True)
class Kind:
    """One kind of disputed request and how letters word it."""

    key: str
    category: str
    weight: float
    topic: str
    requests: tuple[str, ...]
    regions: tuple[str, ...] = ()
    drugs: tuple[str, ...] = ()
    counts: tuple[int, ...] = SESSIONS


DRUG_REQUESTS = (
    "{drug} #{qty}",
    "{drug} #{qty}",
    "{drug} #{qty}",
    "{drug}, #{qty}",
    "{drug} QTY: {qty}",
    "{drug} quantity {qty}",
    "Retrospective {drug} #{qty}",
    "Prospective request for 1 prescription of {drug} #{qty}",
    "{drug} #{qty} with 2 refills",
    "1 prescription of {drug} #{qty}",
)

# fmt: off
KINDS: tuple[Kind, ...] = (
    # --- Pharmaceuticals (about 35%) ---------------------------------------------------------------------------
    Kind("opioid", PHARMA, 11.0, "opioids", DRUG_REQUESTS, drugs=(
        "Norco 10/325mg", "Norco 10/325mg", "Norco 5/325mg", "Norco 7.5/325mg", "Hydrocodone/APAP 10/325mg",
        "Tramadol 50mg", "Tramadol ER 150mg", "Ultram 50mg", "Ultram ER 200mg", "Oxycodone 10mg", "Oxycodone 15mg",
        "Percocet 10/325mg", "OxyContin 20mg", "Nucynta 50mg", "Nucynta ER 100mg", "MS Contin 15mg",
        "Butrans 10mcg/hr patch", "Methadone 10mg", "Fentanyl 25mcg/hr patch", "Tapentadol ER 100mg",
        "Oxycodone/APAP 5/325mg", "Tylenol with Codeine 300/30mg",
    ), counts=TABLETS),
    Kind("nsaid", PHARMA, 5.0, "nsaids", DRUG_REQUESTS, drugs=(
        "Naproxen 550mg", "Naproxen sodium 550mg", "Anaprox DS 550mg", "Ibuprofen 800mg", "Motrin 800mg",
        "Celebrex 200mg", "Celecoxib 200mg", "Meloxicam 15mg", "Mobic 7.5mg", "Diclofenac sodium ER 100mg",
        "Etodolac 400mg", "Nabumetone 750mg", "Relafen 500mg", "Fenoprofen 400mg", "Duexis 800/26.6mg",
    ), counts=TABLETS),
    Kind("muscle_relaxant", PHARMA, 5.0, "muscle_relaxants", DRUG_REQUESTS, drugs=(
        "Cyclobenzaprine 7.5mg", "Cyclobenzaprine 10mg", "Flexeril 10mg", "Fexmid 7.5mg", "Tizanidine 4mg",
        "Zanaflex 4mg", "Methocarbamol 750mg", "Robaxin 500mg", "Baclofen 10mg", "Orphenadrine ER 100mg",
        "Soma 350mg", "Carisoprodol 350mg", "Metaxalone 800mg", "Skelaxin 800mg",
    ), counts=TABLETS),
    Kind("anticonvulsant", PHARMA, 3.5, "anticonvulsants", DRUG_REQUESTS, drugs=(
        "Gabapentin 300mg", "Gabapentin 600mg", "Gabapentin 800mg", "Neurontin 300mg", "Lyrica 75mg",
        "Lyrica 50mg", "Pregabalin 75mg", "Topiramate 25mg", "Topamax 50mg",
    ), counts=TABLETS),
    Kind("antidepressant", PHARMA, 2.0, "antidepressants", DRUG_REQUESTS, drugs=(
        "Cymbalta 30mg", "Cymbalta 60mg", "Duloxetine 60mg", "Amitriptyline 25mg", "Nortriptyline 25mg",
        "Venlafaxine ER 75mg", "Effexor XR 75mg", "Sertraline 50mg", "Bupropion XL 150mg", "Wellbutrin XL 300mg",
    ), counts=TABLETS),
    Kind("sleep_aid", PHARMA, 2.0, "sleep", DRUG_REQUESTS, drugs=(
        "Ambien 10mg", "Zolpidem 10mg", "Ambien CR 12.5mg", "Lunesta 3mg", "Trazodone 50mg", "Restoril 15mg",
        "Xanax 0.5mg", "Alprazolam 1mg", "Ativan 1mg", "Klonopin 0.5mg", "Valium 5mg",
    ), counts=TABLETS),
    Kind("gi_agent", PHARMA, 2.5, "gi", DRUG_REQUESTS, drugs=(
        "Omeprazole 20mg", "Prilosec 20mg", "Pantoprazole 40mg", "Protonix 40mg", "Esomeprazole 40mg",
        "Nexium 40mg", "Lansoprazole 30mg", "Ranitidine 150mg", "Ondansetron 8mg ODT", "Docusate sodium 100mg",
        "Colace 100mg",
    ), counts=TABLETS),
    Kind("topical", PHARMA, 3.5, "topicals", (
        "{drug} #{qty}", "{drug} #{qty}", "{drug}, #{qty}", "Retrospective {drug} #{qty}",
        "Compounded topical cream (flurbiprofen 20%/lidocaine 5%) 180gm",
        "Compound cream: ketoprofen 20%, cyclobenzaprine 2%, lidocaine 5% 240gm",
        "Ketoprofen 20% in cream base 240g", "Menthoderm gel 120gm", "Voltaren 1% gel 100gm",
        "LidoPro ointment 121gm", "Capsaicin 0.025% cream 60gm",
        "Flurbiprofen 20%/baclofen 2%/lidocaine 5% compound cream 180gm",
    ), drugs=("Lidoderm 5% patch", "Lidoderm 5% patches", "Lidocaine 5% patches", "Terocin patches",
              "Flector 1.3% patch"), counts=(30, 30, 60, 90)),
    Kind("medical_food", PHARMA, 0.5, "medical_food", (
        "{drug} #{qty}", "{drug} #{qty}", "Medrol dose pack", "Prednisone 10mg #21",
    ), drugs=("Theramine", "Sentra PM", "Sentra AM", "Fioricet", "Vitamin D 50,000 IU"), counts=(30, 60, 90, 120)),
    # --- Rehabilitation (about 17%) ----------------------------------------------------------------------------
    Kind("physical_therapy", REHAB, 8.5, "physical_therapy", (
        "Physical therapy {freq} for the {region}", "Physical therapy {freq} for the {region}",
        "{n} sessions of physical therapy for the {region}", "Physical therapy, {n} sessions, {region}",
        "Physical therapy for the {region}, {n} sessions", "Additional physical therapy {n} sessions for the {region}",
        "Post-operative physical therapy {n} sessions for the {region}", "Physical therapy {n} visits for the {region}",
        "Outpatient physical therapy {freq} for the {region}", "Physical therapy {n} sessions",
    ), regions=ANY_REGION),
    Kind("occupational_therapy", REHAB, 1.4, "physical_therapy", (
        "Occupational therapy {n} sessions for the {region}", "Occupational therapy {freq} for the {region}",
        "Post-operative occupational therapy {n} sessions for the {region}", "{n} sessions of occupational therapy",
    ), regions=("wrist", "elbow", "shoulder")),
    Kind("chiropractic", REHAB, 2.8, "chiropractic", (
        "Chiropractic treatment {freq} for the {region}", "Chiropractic manipulation {n} sessions for the {region}",
        "{n} chiropractic sessions for the {region}", "Chiropractic care {n} visits for the {region}",
        "Chiropractic therapy {freq}",
    ), regions=("lumbar", "cervical", "thoracic"), counts=SHORT_SESSIONS),
    Kind("acupuncture", REHAB, 2.6, "acupuncture", (
        "Acupuncture {n} sessions for the {region}", "Acupuncture {freq} for the {region}",
        "Additional acupuncture {n} sessions", "{n} acupuncture treatments for the {region}",
        "Acupuncture {n} sessions",
    ), regions=ANY_REGION, counts=SHORT_SESSIONS),
    Kind("aquatic_therapy", REHAB, 0.6, "aquatic", (
        "Aquatic therapy {n} sessions", "Aqua therapy {freq} for the {region}",
        "Aquatic therapy {n} sessions for the {region}",
    ), regions=("lumbar", "knee", "hip")),
    Kind("massage", REHAB, 0.4, "massage", (
        "Massage therapy {n} sessions for the {region}", "Massage therapy {n} sessions",
    ), regions=("lumbar", "cervical", "thoracic", "shoulder"), counts=SHORT_SESSIONS),
    Kind("work_conditioning", REHAB, 0.5, "work_conditioning", (
        "{n} sessions of work conditioning for the {region}", "Work hardening program {n} sessions",
        "Work conditioning {freq}", "Work hardening {n} sessions for the {region}",
    ), regions=("lumbar", "cervical", "shoulder", "knee"), counts=(10, 10, 12, 20)),
    Kind("home_exercise", REHAB, 0.15, "home_exercise", (
        "Home exercise program instruction", "Home exercise program for the {region}",
    ), regions=ANY_REGION),
    Kind("inpatient_rehab", REHAB, 0.15, "inpatient_rehab", (
        "Inpatient rehabilitation {days} days", "Skilled nursing facility stay {days} days",
        "Acute inpatient rehabilitation {days} days for the {region}",
    ), regions=("knee", "hip")),
    Kind("modalities", REHAB, 0.3, "modalities", (
        "Iontophoresis {n} sessions for the {region}", "Infrared therapy {n} sessions for the {region}",
        "Ultrasound therapy {n} sessions for the {region}",
    ), regions=("shoulder", "elbow", "wrist", "ankle"), counts=SHORT_SESSIONS),
    # --- Diagnostic Testing (about 14%) ------------------------------------------------------------------------
    Kind("mri", DIAG, 5.3, "mri", (
        "MRI of the {region} without contrast", "MRI of the {region}", "MRI {region}",
        "Magnetic resonance imaging (MRI) of the {region}", "Repeat MRI of the {region}",
        "MRI of the {region} with and without contrast", "Open MRI of the {region}",
    ), regions=ANY_REGION),
    Kind("ct_xray", DIAG, 2.2, "ct_xray", (
        "X-rays of the {region}", "X-ray of the {region}, 3 views", "CT scan of the {region}",
        "Computed tomography (CT) scan of the {region}", "Radiographs of the {region}", "X-rays {region}",
    ), regions=ANY_REGION),
    Kind("electrodiagnostic", DIAG, 2.4, "electrodiagnostic", (
        "EMG/NCV of the {limbs}", "EMG of the {limbs}", "NCV of the {limbs}", "EMG/NCS {limbs}",
        "Electromyography (EMG)/nerve conduction velocity (NCV) of the {limbs}",
    ), regions=LIMB_NERVES),
    Kind("urine_drug_screen", DIAG, 2.0, "urine_drug", (
        "Urine drug screen", "Urine drug screen", "Urine drug test", "Urine toxicology screen",
        "Retrospective urine drug screen", "Random urine drug screen", "Qualitative urine drug screen",
    )),
    Kind("fce", DIAG, 0.8, "fce", (
        "Functional capacity evaluation", "Functional capacity evaluation (FCE)", "FCE",
    )),
    Kind("labs", DIAG, 0.8, "labs", (
        "Pre-operative labs (CBC and BMP)", "Labs: CBC, CMP", "Laboratory studies (CBC, CMP, hepatic panel)",
        "Pre-operative lab work", "Complete blood count",
    )),
    Kind("sleep_study", DIAG, 0.2, "sleep_study", ("Sleep study", "Polysomnography", "Home sleep study")),
    Kind("bone_scan", DIAG, 0.2, "ct_xray", ("Bone scan", "Triple phase bone scan of the {region}"),
         regions=("knee", "ankle", "wrist")),
    # --- DMEPOS (about 8%) ------------------------------------------------------------------------------------
    Kind("electrotherapy", DME, 3.0, "tens", (
        "TENS unit 30-day rental", "TENS unit purchase", "TENS unit", "H-wave device 30-day home trial",
        "Interferential unit rental for {months} months", "Interferential current stimulator purchase",
        "TENS unit supplies (electrodes and batteries) for {months} months", "H-wave unit purchase",
    )),
    Kind("brace_spine", DME, 0.7, "braces", (
        "Lumbar back brace", "LSO brace", "Lumbar support brace", "Lumbar brace purchase",
    ), regions=("lumbar",)),
    Kind("brace_joint", DME, 0.8, "braces", (
        "{Side} {joint} brace", "Brace for the {region}", "{Side} {joint} brace purchase",
    ), regions=("knee", "wrist", "elbow", "ankle")),
    Kind("orthotics", DME, 0.4, "orthotics", ("Custom orthotics", "Bilateral custom foot orthotics",
                                              "Orthopedic shoes")),
    Kind("cold_therapy", DME, 1.2, "cold_therapy", (
        "Cold therapy unit {days}-day rental", "Post-operative cold therapy unit, {days}-day rental",
        "Hot/cold therapy unit purchase", "Cold therapy unit purchase",
    )),
    Kind("mobility", DME, 0.7, "mobility", (
        "Front wheeled walker", "Cane", "Shower chair", "Hospital bed", "Rolling walker", "Crutches",
        "Power wheelchair", "Raised toilet seat",
    )),
    Kind("dme_other", DME, 0.6, "mobility", (
        "Hearing aids, bilateral", "CPM machine {days}-day rental", "Bone growth stimulator",
        "Ergonomic chair", "Home cervical traction unit", "Sequential compression device",
    )),
    # --- Evaluation & Management (about 7%) --------------------------------------------------------------------
    Kind("consultation", EM, 4.2, "consultation", (
        "Orthopedic surgery consultation", "Pain management consultation", "Referral to a spine surgeon",
        "Neurology consultation", "Internal medicine consultation", "Spine surgeon consultation",
        "Orthopedic consultation for the {region}", "Referral to pain management", "Hand surgeon consultation",
        "Podiatry consultation", "Consultation with a neurosurgeon", "Pain management consultation and treatment",
    ), regions=ANY_REGION),
    Kind("follow_up", EM, 1.8, "consultation", (
        "Follow-up visit", "Follow-up visits x {n}", "Office visit", "Follow-up visit with the orthopedic surgeon",
        "Office visits with the primary treating physician, {n} visits", "Follow-up office visit in 4 weeks",
    ), counts=(3, 4, 6, 12)),
    Kind("evaluation", EM, 0.7, "consultation", (
        "Physical therapy evaluation", "Chiropractic re-evaluation", "Internal medicine evaluation",
        "Second opinion orthopedic consultation", "Functional restoration program evaluation",
    )),
    Kind("clearance", EM, 0.3, "clearance", (
        "Pre-operative medical clearance", "Associated surgical service: pre-operative medical clearance",
        "Pre-operative history and physical",
    )),
    # --- Injections & Procedures (about 8%) --------------------------------------------------------------------
    Kind("esi", INJ, 3.0, "esi", (
        "{Spine} epidural steroid injection at {level}", "{Side} {level} transforaminal epidural steroid injection",
        "{Spine} epidural steroid injection", "Interlaminar epidural steroid injection at {level}",
        "{Side} {level} epidural steroid injection", "Repeat {spine} epidural steroid injection at {level}",
    ), regions=SPINE),
    Kind("facet", INJ, 1.2, "facet", (
        "Bilateral {level} medial branch blocks", "{Side} {level} facet joint injection",
        "Radiofrequency ablation at {side} {level}", "Diagnostic medial branch block at {level}",
        "{Spine} radiofrequency ablation",
    ), regions=SPINE),
    Kind("trigger_point", INJ, 0.8, "trigger_point", (
        "Trigger point injections x{n}", "Trigger point injections to the {region}", "Trigger point injection",
    ), regions=("lumbar", "cervical", "thoracic"), counts=(2, 3, 4)),
    Kind("knee_injection", INJ, 0.6, "joint_injection", (
        "{Side} knee cortisone injection", "{Side} knee Synvisc-One injection",
        "Orthovisc injections x3 to the {side} knee", "Intra-articular injection of the {region}",
        "Platelet-rich plasma injection to the {region}",
    ), regions=("knee",)),
    Kind("shoulder_injection", INJ, 0.4, "joint_injection", (
        "{Side} shoulder subacromial corticosteroid injection", "Intra-articular injection of the {region}",
        "Platelet-rich plasma injection to the {region}",
    ), regions=("shoulder",)),
    Kind("joint_injection", INJ, 0.3, "joint_injection", (
        "Platelet-rich plasma injection to the {region}", "Corticosteroid injection to the {region}",
        "Intra-articular injection of the {region}",
    ), regions=("elbow", "wrist", "ankle", "hip")),
    Kind("si_injection", INJ, 0.3, "facet", ("{Side} sacroiliac joint injection", "Bilateral SI joint injections")),
    Kind("neurostimulation", INJ, 0.4, "neurostimulation", (
        "Spinal cord stimulator trial", "Extracorporeal shockwave therapy for the {region}",
        "Stellate ganglion block", "Extracorporeal shock wave therapy x{n}",
    ), regions=("shoulder", "ankle", "elbow"), counts=(3, 3, 5)),
    # --- Surgery (about 5%) ------------------------------------------------------------------------------------
    Kind("arthroscopy_knee", SURG, 0.9, "joint_surgery", (
        "{Side} knee arthroscopy with partial medial meniscectomy", "{Side} knee arthroscopy",
        "Arthroscopic partial meniscectomy of the {side} knee",
    ), regions=("knee",)),
    Kind("arthroscopy_shoulder", SURG, 0.9, "joint_surgery", (
        "{Side} shoulder arthroscopy with subacromial decompression", "{Side} shoulder arthroscopy",
        "{Side} rotator cuff repair", "Arthroscopic {side} shoulder labral repair",
    ), regions=("shoulder",)),
    Kind("spine_surgery", SURG, 1.2, "spine_surgery", (
        "{level} microdiscectomy", "{Spine} laminectomy at {level}", "{level} anterior lumbar interbody fusion",
        "{level} posterior lumbar fusion", "{Spine} decompression at {level}",
    ), regions=("lumbar",)),
    Kind("cervical_surgery", SURG, 0.4, "spine_surgery", (
        "{level} anterior cervical discectomy and fusion", "Cervical fusion at {level}",
    ), regions=("cervical",)),
    Kind("hand_surgery", SURG, 0.8, "joint_surgery", (
        "{Side} carpal tunnel release", "{Side} cubital tunnel release", "{Side} trigger finger release",
        "{Side} de Quervain's release",
    ), regions=("wrist",)),
    Kind("joint_replacement", SURG, 0.3, "joint_surgery", (
        "{Side} total knee arthroplasty", "{Side} total knee replacement",
    ), regions=("knee",)),
    Kind("surgical_services", SURG, 0.5, "surgical_services", (
        "Assistant surgeon", "Associated surgical service: assistant surgeon", "Inpatient hospital stay {days} days",
        "Inpatient stay x{days} days",
    )),
    # --- Behavioral Health (about 3%) --------------------------------------------------------------------------
    Kind("cbt", BH, 0.9, "psychotherapy", (
        "Cognitive behavioral therapy {n} sessions", "{n} sessions of cognitive behavioral therapy",
        "Cognitive behavioral therapy (CBT) {freq}",
    ), counts=(4, 6, 6, 8, 10, 12)),
    Kind("psychotherapy", BH, 0.8, "psychotherapy", (
        "Psychotherapy {n} sessions", "Group psychotherapy {n} sessions", "Individual psychotherapy {freq}",
    ), counts=(4, 6, 6, 8, 10, 12)),
    Kind("psych_evaluation", BH, 0.7, "psych_evaluation", (
        "Psychological evaluation", "Psychological consultation", "Psychiatric evaluation",
        "Psychological testing",
    )),
    Kind("biofeedback", BH, 0.3, "psychotherapy", ("Biofeedback {n} sessions", "Biofeedback therapy {freq}"),
         counts=(4, 6, 6, 8)),
    Kind("psychiatric_care", BH, 0.3, "psych_evaluation", (
        "Psychiatric follow-up visits x {n}", "Psychiatric medication management visits x {n}",
    ), counts=(3, 4, 6)),
    Kind("partial_hospitalization", BH, 0.1, "partial_hospitalization", (
        "Partial hospitalization day treatment", "Partial hospitalization program {days} days",
    )),
    # --- Programs & Services (about 2.5%) ----------------------------------------------------------------------
    Kind("frp", PROG, 1.2, "frp", (
        "Functional restoration program {program_hours} hours", "Functional restoration program x {days} days",
        "Chronic pain management program {days} days", "HELP functional restoration program {program_hours} hours",
    )),
    Kind("home_health", PROG, 0.7, "home_health", (
        "Home health care {hours} hours a day, 5 days a week for {weeks} weeks", "Home health aide {hours} hours per day",
        "Home health nursing visits x {n}", "In-home care {hours} hours per week",
    ), counts=(4, 6, 8, 12)),
    Kind("lifestyle", PROG, 0.6, "lifestyle", (
        "Gym membership for {months} months", "Weight loss program", "Transportation to and from medical "
        "appointments", "Gym membership with pool access for {months} months", "Lindora weight loss program",
    )),
    # --- Other (about 0.5%) ------------------------------------------------------------------------------------
    Kind("other", OTHER, 0.5, "other", (
        "Dentures", "Dental crowns", "Smoking cessation program", "Van modification", "Home modifications",
        "Custom mouth guard", "Replacement dental bridge",
    )),
)
# fmt: on

KIND_BY_KEY: dict[str, Kind] = {kind.key: kind for kind in KINDS}

#: Share of items overturned, per category (DWC: about 10-12% overall, lowest for pharmaceuticals).
OVERTURN_RATES: dict[str, float] = {
    PHARMA: 0.075,
    REHAB: 0.115,
    DIAG: 0.145,
    DME: 0.105,
    EM: 0.19,
    INJ: 0.135,
    SURG: 0.17,
    BH: 0.15,
    PROG: 0.10,
    OTHER: 0.08,
}
