"""Guideline topics, as data: what each guideline says about a kind of treatment, and where.

A ``Topic`` holds, for one kind of treatment, the guideline references a
reviewer (or a claims administrator) cites for it, per guideline family, and
the sentences a rationale is assembled from:

- ``mtus``: ``MtusRef`` rows (document key of ``MTUS_DOCUMENTS``, section,
  pages; the 2016 section name when it differs). The document ``"chapter"``
  is the body region's complaints chapter, whose pages come from the region.
- ``odg``: (chapter, topic) rows; a ``None`` chapter is the region's ODG chapter.
- ``acoem``: ACOEM (3rd edition) topics; ``{acoem}`` is the region's chapter.
- ``other``: other sources (each starts with the publisher's name).
- ``guidance``: what the guidelines recommend, with ``{GL}`` as the (plural)
  subject; ``upheld``/``overturned``: the case-specific reasons for each outcome.

Sentences may use the placeholders of the rationale context (see ``prose``).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class MtusRef:
    """One section of an MTUS document and its pages."""

    document: str
    section: str
    pages: str = ""
    section_2016: str = ""


@dataclass(frozen=True)
class Topic:
    """Guideline references and rationale sentences for one kind of treatment."""

    key: str
    mtus: tuple[MtusRef, ...]
    odg: tuple[tuple[str | None, str], ...]
    acoem: tuple[str, ...]
    other: tuple[str, ...]
    guidance: tuple[str, ...]
    upheld: tuple[str, ...]
    overturned: tuple[str, ...]


#: MTUS documents: key -> (title in 2013-2015 letters and after 2017, title in 2016-2017 letters).
MTUS_DOCUMENTS: dict[str, tuple[str, str]] = {
    "chronic": ("Chronic Pain Medical Treatment Guidelines", "Chronic Pain Medical Treatment 2016"),
    "opioid": ("Chronic Pain Medical Treatment Guidelines", "Opioid Treatment 2016"),
    "acupuncture": ("Acupuncture Medical Treatment Guidelines", "Acupuncture Treatment 2007"),
    "postsurgical": ("Postsurgical Treatment Guidelines", "Postsurgical Treatment 2009"),
    "general": ("General Approaches", "General Approaches 2004"),
    "stress": ("Stress Related Conditions", "Stress Related Conditions 2004"),
}

SPECIAL_STUDIES, INITIAL_CARE, SURGERY = "Special Studies", "Initial Care", "Surgical Considerations"

# Sentences shared by many topics.
NO_FUNCTION = (
    "The documentation does not identify objective functional improvement, such as an increase in activities of "
    "daily living or a reduction in work restrictions, from the treatment already provided."
)
NO_EXCEPTION = (
    "No exceptional factors were documented that would support treatment beyond the guideline recommendations."
)
CRITERIA_MET = "The guideline criteria have been met, and the request is consistent with the recommended treatment."

# fmt: off
TOPICS: tuple[Topic, ...] = (
    Topic(
        "opioids",
        mtus=(MtusRef("opioid", "Opioids, criteria for use", "76-80",
                      "3.3.9 Opioids for Chronic Pain and Chronic Opioid Treatment: Maintenance of Chronic Opioid "
                      "Treatment"),
              MtusRef("chronic", "Opioids, On-Going Management", "78-80", "Opioids, criteria for use"),
              MtusRef("chronic", "Opioids, long-term assessment", "88-89", "Opioids for chronic pain"),
              MtusRef("opioid", "Opioids, specific drug list", "91-94",
                      "3.3 Opioids for Chronic Pain and Chronic Opioid Treatment: Initiating and Monitoring Chronic "
                      "Opioid Treatment")),
        odg=(("Pain", "Opioids, criteria for use"), ("Pain (Chronic)", "Opioids for chronic pain"),
             ("Pain", "Opioids, long-term assessment")),
        acoem=("Chronic Pain Chapter, Opioids", "Chronic Pain Chapter, Opioids for chronic non-cancer pain"),
        other=("Food and Drug Administration (FDA) boxed warning for opioid analgesics",
               "American Society of Interventional Pain Physicians guidelines for responsible opioid prescribing in "
               "chronic non-cancer pain",
               "National Academies report on pain management and the opioid epidemic (2017)"),
        guidance=(
            "{GL} recommend the ongoing review and documentation of pain relief, functional status, appropriate "
            "medication use and side effects for patients who are prescribed opioids.",
            "{GL} state that the four A's of opioid monitoring (analgesia, activities of daily living, adverse side "
            "effects and aberrant drug-taking behaviors) should be addressed at each visit.",
            "{GL} recommend discontinuing opioids if there is no overall improvement in function, unless there are "
            "extenuating circumstances, and support weaning rather than abrupt discontinuation.",
            "{GL} indicate that the lowest possible dose should be prescribed to improve pain and function, and that "
            "a signed opioid treatment agreement and periodic urine drug screening are part of ongoing management.",
            "{GL} note that long-term opioid use for chronic non-malignant pain is associated with tolerance, "
            "hyperalgesia and dependence, and that continued use must be justified by measurable gains.",
        ),
        upheld=(
            "The records indicate that {pt} has been taking {drug} for an extended period without a quantified "
            "reduction in pain or an objective increase in function.",
            "There is no current opioid treatment agreement, and the most recent urine drug screen was not provided "
            "for review.",
            "The pain level has remained essentially unchanged at {pain}/10 despite continued opioid use, and {pt} has not "
            "returned to work.",
            "The documentation does not address the four A's of ongoing opioid management, and a weaning plan was "
            "not discussed.",
            NO_FUNCTION,
        ),
        overturned=(
            "The progress reports document a reduction in pain from 8/10 to 4/10 with the medication, the ability to "
            "walk and perform household chores for longer periods, and continued modified work.",
            "A signed opioid agreement is on file, urine drug screens have been consistent with the prescribed "
            "medications, and no adverse effects or aberrant behaviors were reported.",
            "The dose is modest and stable, and the treating physician documents the four A's at each visit.",
        ),
    ),
    Topic(
        "nsaids",
        mtus=(MtusRef("chronic", "NSAIDs (non-steroidal anti-inflammatory drugs)", "67-68"),
              MtusRef("chronic", "NSAIDs, specific drug list & adverse effects", "70-73"),
              MtusRef("chronic", "Anti-inflammatory medications", "22")),
        odg=(("Pain", "NSAIDs (non-steroidal anti-inflammatory drugs)"), ("Pain (Chronic)", "NSAIDs, GI symptoms & "
             "cardiovascular risk")),
        acoem=("Chronic Pain Chapter, Nonsteroidal anti-inflammatory drugs", "{acoem} Chapter, NSAIDs"),
        other=("Food and Drug Administration (FDA) prescribing information for non-steroidal anti-inflammatory drugs",
               "American College of Rheumatology recommendations for the use of nonpharmacologic and pharmacologic "
               "therapies in osteoarthritis"),
        guidance=(
            "{GL} recommend NSAIDs at the lowest dose for the shortest period in patients with moderate to severe "
            "pain, and note that they are a first-line option for osteoarthritis and acute exacerbations of chronic "
            "back pain.",
            "{GL} state that there is no evidence of long-term effectiveness of NSAIDs for pain or function, and that "
            "long-term use carries gastrointestinal, renal and cardiovascular risks.",
            "{GL} advise that blood pressure, renal function and liver function be monitored periodically in patients "
            "who take NSAIDs on a chronic basis.",
        ),
        upheld=(
            "The records do not document the specific pain relief or functional benefit obtained with {drug}.",
            "{Pt} has used anti-inflammatory medication for more than a year, and no laboratory monitoring was "
            "documented.",
            "{Pt} reported gastrointestinal upset with anti-inflammatory medication, and the risk of continued use was "
            "not addressed.",
            NO_FUNCTION,
        ),
        overturned=(
            "The documentation shows that {drug} reduces pain by about 40% and allows {pt} to continue full duty work.",
            "{Pt} has no history of gastrointestinal bleeding, renal disease or cardiovascular disease, and the "
            "medication is used at a standard dose.",
        ),
    ),
    Topic(
        "muscle_relaxants",
        mtus=(MtusRef("chronic", "Muscle relaxants (for pain)", "63-66"),
              MtusRef("chronic", "Cyclobenzaprine (Flexeril)", "41-42", "Cyclobenzaprine (Flexeril), Muscle relaxants "
                      "(for pain)"),
              MtusRef("chronic", "Antispasmodics", "64-65")),
        odg=(("Pain", "Muscle relaxants (for pain)"), ("Pain (Chronic)", "Antispasmodics")),
        acoem=("Chronic Pain Chapter, Muscle relaxants", "{acoem} Chapter, Muscle relaxants"),
        other=("Food and Drug Administration (FDA) prescribing information for skeletal muscle relaxants",),
        guidance=(
            "{GL} recommend non-sedating muscle relaxants with caution as a second-line option for the short-term "
            "treatment of acute exacerbations in patients with chronic low back pain.",
            "{GL} state that muscle relaxants show no benefit beyond NSAIDs in pain and overall improvement, and that "
            "efficacy appears to diminish over time, while prolonged use may lead to dependence.",
            "{GL} recommend a short course of therapy only, noting that the greatest effect occurs in the first four "
            "days of treatment and that use beyond two to three weeks is not supported.",
        ),
        upheld=(
            "The records indicate that {pt} has taken {drug} on a daily basis for several months, which exceeds the "
            "short-term use supported by the guidelines.",
            "There is no documentation of an acute exacerbation of muscle spasm, and no benefit from the medication "
            "was described.",
            "The medication is being used chronically rather than for a short course, and sedation was reported as a "
            "side effect.",
        ),
        overturned=(
            "The progress report documents an acute flare-up of {region} pain with palpable spasm two weeks before the "
            "request, and the quantity requested is limited to a short course.",
            "This is a new prescription for a documented acute exacerbation, and {pt} has not previously used muscle "
            "relaxants.",
        ),
    ),
    Topic(
        "anticonvulsants",
        mtus=(MtusRef("chronic", "Antiepilepsy drugs (AEDs)", "16-22"),
              MtusRef("chronic", "Gabapentin (Neurontin)", "18-19", "Anti-epilepsy drugs (AEDs)"),
              MtusRef("chronic", "Pregabalin (Lyrica)", "19-20")),
        odg=(("Pain", "Anti-epilepsy drugs (AEDs) for pain"), ("Pain (Chronic)", "Gabapentin (Neurontin)")),
        acoem=("Chronic Pain Chapter, Anticonvulsants",),
        other=("American Academy of Neurology evidence-based guideline on the treatment of painful diabetic "
               "neuropathy",),
        guidance=(
            "{GL} recommend antiepilepsy drugs for neuropathic pain, and state that a good response is a 50% "
            "reduction in pain, while a moderate response is a 30% reduction.",
            "{GL} state that after initiation of treatment there should be documentation of pain relief and "
            "improvement in function as well as documentation of side effects, and that continued use depends on "
            "these outcomes.",
            "{GL} note that there is inadequate evidence to support antiepilepsy drugs for non-neuropathic "
            "musculoskeletal pain such as myofascial or mechanical back pain.",
        ),
        upheld=(
            "The records do not document neuropathic pain on examination, and the diagnoses are mechanical in nature.",
            "{Pt} has taken {drug} for more than six months, and no percentage of pain relief or functional "
            "improvement was documented.",
            NO_FUNCTION,
        ),
        overturned=(
            "The examination documents radicular symptoms in a dermatomal distribution consistent with neuropathic "
            "pain, and {pt} reports a 40% reduction in burning pain with {drug}.",
            "The treating physician documents improved sleep and walking tolerance since {drug} was started, with no "
            "significant side effects.",
        ),
    ),
    Topic(
        "antidepressants",
        mtus=(MtusRef("chronic", "Antidepressants for chronic pain", "13-16"),
              MtusRef("chronic", "Duloxetine (Cymbalta)", "43-44", "Antidepressants for chronic pain"),
              MtusRef("stress", "Chapter 15, Antidepressants", "402", "Medications")),
        odg=(("Pain", "Antidepressants for chronic pain"), ("Mental Illness & Stress", "Antidepressants for "
             "treatment of MDD (major depressive disorder)")),
        acoem=("Chronic Pain Chapter, Antidepressants",),
        other=("American Psychiatric Association Practice Guideline for the Treatment of Patients With Major "
               "Depressive Disorder",),
        guidance=(
            "{GL} recommend antidepressants as a first-line option for neuropathic pain and as a possibility for "
            "non-neuropathic pain, with assessment of pain outcomes, function, medication use, sleep quality and "
            "psychological status.",
            "{GL} state that tricyclic antidepressants are generally considered first-line unless they are "
            "ineffective, poorly tolerated or contraindicated, and that the effect should be assessed within one to "
            "two weeks.",
        ),
        upheld=(
            "There is no documentation of the effect of {drug} on pain, sleep, mood or function.",
            "A diagnosis of depression or neuropathic pain was not established in the records provided.",
            NO_FUNCTION,
        ),
        overturned=(
            "The records document neuropathic pain together with depressive symptoms, and {pt} reports improved mood, "
            "sleep and pain control with {drug}.",
            "A psychological evaluation confirmed a depressive disorder secondary to chronic pain, and the medication "
            "has been well tolerated.",
        ),
    ),
    Topic(
        "sleep",
        mtus=(MtusRef("chronic", "Insomnia treatment", "", "Weaning of medications"),
              MtusRef("chronic", "Benzodiazepines", "24")),
        odg=(("Pain", "Insomnia treatment"), ("Mental Illness & Stress", "Zolpidem (Ambien)"),
             ("Pain (Chronic)", "Benzodiazepines")),
        acoem=("Chronic Pain Chapter, Sedative-hypnotics",),
        other=("American Academy of Sleep Medicine clinical practice guideline for the pharmacologic treatment of "
               "chronic insomnia in adults (2017)",
               "Food and Drug Administration (FDA) safety communication on zolpidem dosing"),
        guidance=(
            "{GL} recommend that pharmacological agents for insomnia be used only after careful evaluation of the "
            "potential causes of sleep disturbance, and that treatment be limited to short-term use of 7 to 10 days.",
            "{GL} do not recommend benzodiazepines for long-term use because long-term efficacy is unproven and there "
            "is a risk of dependence, and most guidelines limit use to four weeks.",
            "{GL} state that sleep hygiene should be addressed and that failure of sleep disturbance to resolve "
            "within 7 to 10 days may indicate a psychiatric or medical illness.",
        ),
        upheld=(
            "The records indicate nightly use of {drug} for several months, well beyond the short-term use "
            "recommended.",
            "There is no documentation of the nature of the sleep disturbance, a sleep hygiene program or the effect "
            "of the medication on sleep onset and maintenance.",
        ),
        overturned=(
            "The records document new insomnia related to nocturnal pain after a recent flare-up, and the request is "
            "for a short course with a plan to taper.",
        ),
    ),
    Topic(
        "gi",
        mtus=(MtusRef("chronic", "NSAIDs, GI symptoms & cardiovascular risk", "68-69"),
              MtusRef("chronic", "Opioids, initiating therapy, prophylactic treatment of constipation", "77")),
        odg=(("Pain", "Proton pump inhibitors (PPIs)"), ("Pain (Chronic)", "Opioid-induced constipation treatment")),
        acoem=("Chronic Pain Chapter, NSAIDs and gastrointestinal risk",),
        other=("American College of Gastroenterology guidelines for the prevention of NSAID-related ulcer "
               "complications",),
        guidance=(
            "{GL} recommend that clinicians determine whether a patient who takes NSAIDs is at risk for "
            "gastrointestinal events, based on age over 65, a history of peptic ulcer, gastrointestinal bleeding or "
            "perforation, concurrent use of aspirin, corticosteroids or an anticoagulant, or high-dose or multiple "
            "NSAID use.",
            "{GL} state that patients at intermediate risk for gastrointestinal events may be given a proton pump "
            "inhibitor, whereas patients with no risk factors and no cardiovascular disease do not require one.",
        ),
        upheld=(
            "{Pt} is younger than 65, takes a single NSAID at a standard dose, and has no documented history of "
            "peptic ulcer disease or gastrointestinal bleeding.",
            "The records do not document dyspepsia or any other gastrointestinal complaint, and no risk factors were "
            "identified.",
        ),
        overturned=(
            "{Pt} has a documented history of a gastric ulcer and continues to take an NSAID, which places {him} at "
            "intermediate risk for gastrointestinal events.",
            "The records document dyspepsia with anti-inflammatory medication that resolved with {drug}.",
        ),
    ),
    Topic(
        "topicals",
        mtus=(MtusRef("chronic", "Topical analgesics", "111-113"),
              MtusRef("chronic", "Lidoderm (lidocaine patch)", "56-57", "Topical analgesics"),
              MtusRef("chronic", "Compound drugs", "111-113", "Compound drugs")),
        odg=(("Pain", "Topical analgesics"), ("Pain (Chronic)", "Compound drugs"), ("Pain", "Lidoderm (lidocaine "
             "patch)")),
        acoem=("Chronic Pain Chapter, Topical medications",),
        other=("Food and Drug Administration (FDA) statement on compounded topical pain creams",),
        guidance=(
            "{GL} state that topical analgesics are largely experimental in use, with few randomized controlled "
            "trials to determine efficacy or safety, and that they are primarily recommended for neuropathic pain "
            "when trials of antidepressants and anticonvulsants have failed.",
            "{GL} state that any compounded product that contains at least one drug or drug class that is not "
            "recommended is not recommended.",
            "{GL} recommend topical lidocaine only for localized peripheral pain after there has been evidence of a "
            "trial of first-line therapy, such as a tricyclic or SNRI antidepressant or an antiepilepsy drug.",
        ),
        upheld=(
            "The records do not document a failed trial of first-line oral medication for neuropathic pain.",
            "The requested product contains at least one ingredient that is not recommended for topical use, so the "
            "product as a whole is not supported.",
            "The pain is axial spinal pain rather than localized peripheral neuropathic pain, and the area of "
            "application was not specified.",
        ),
        overturned=(
            "The records document localized peripheral neuropathic pain after failed trials of gabapentin and "
            "amitriptyline, and the patch has reduced the pain enough to allow sleep.",
            "{Pt} could not tolerate oral anti-inflammatory medication, and the topical agent is applied to a "
            "superficial joint for which topical NSAIDs are recommended.",
        ),
    ),
    Topic(
        "medical_food",
        mtus=(MtusRef("chronic", "Medical food", ""), MtusRef("chronic", "Oral corticosteroids", "")),
        odg=(("Pain", "Medical food"), ("Pain (Chronic)", "Theramine")),
        acoem=("Chronic Pain Chapter, Complementary and alternative treatments",),
        other=("Food and Drug Administration (FDA) guidance on medical foods",),
        guidance=(
            "{GL} state that a medical food is intended for the specific dietary management of a disease that has "
            "distinctive nutritional requirements, and that there is no evidence of such requirements for chronic "
            "pain.",
            "{GL} do not recommend medical foods for chronic pain because there are no quality studies demonstrating "
            "their efficacy.",
        ),
        upheld=(
            "No distinctive nutritional requirement was identified, and the records do not describe any benefit from "
            "prior use.",
        ),
        overturned=(
            "The treating physician documents a specific indication for the medication and measurable benefit from "
            "its prior use.",
        ),
    ),
    Topic(
        "physical_therapy",
        mtus=(MtusRef("chronic", "Physical Medicine", "98-99", "Physical medicine treatment"),
              MtusRef("postsurgical", "Postsurgical physical medicine treatment", "10-12"),
              MtusRef("chapter", INITIAL_CARE)),
        odg=((None, "Physical therapy"), ("Preface", "Physical therapy guidelines"), (None, "Physical medicine "
             "treatment")),
        acoem=("{acoem} Chapter, Therapeutic exercise", "{acoem} Chapter, Physical therapy"),
        other=("American Physical Therapy Association clinical practice guideline for low back pain (2012)",),
        guidance=(
            "{GL} recommend physical medicine with a fading of treatment frequency, from up to 3 visits per week to 1 "
            "or less, plus an active self-directed home physical medicine program.",
            "{GL} allow 9 to 10 visits over 8 weeks for myalgia and myositis, unspecified, and 8 to 10 visits over 4 "
            "weeks for neuralgia, neuritis and radiculitis, unspecified.",
            "{GL} state that patients should be formally assessed after a six-visit clinical trial to determine "
            "whether therapy has had a positive impact before continuing or modifying treatment.",
            "{GL} note that active therapy is associated with better outcomes than passive modalities and that "
            "patients are expected to continue active therapies at home as an extension of the treatment process in "
            "order to maintain improvement levels.",
        ),
        upheld=(
            "{Pt} has already completed {n_prior} sessions of physical therapy, which exceeds the number of visits "
            "recommended by the guidelines.",
            "The records do not document objective functional improvement from the prior physical therapy, as pain "
            "levels and range of motion have remained unchanged.",
            "{Pt} should be well versed in a home exercise program by this point in care, and there is no "
            "documentation of a new injury or acute exacerbation.",
            "The number of sessions requested exceeds the initial trial recommended before reassessment.",
            NO_EXCEPTION,
        ),
        overturned=(
            "{Pt} has not had physical therapy for the {region} since the injury, and the request falls within the "
            "number of visits the guidelines support.",
            "{Pt} had a documented functional improvement with a prior course of therapy, followed by an acute "
            "exacerbation, and a short course is appropriate.",
            "The sessions requested are within the postsurgical treatment period and the recommended number of "
            "visits for this procedure.",
        ),
    ),
    Topic(
        "chiropractic",
        mtus=(MtusRef("chronic", "Manual therapy & manipulation", "58-60"),
              MtusRef("chronic", "Chiropractic care", "58", "Manual therapy & manipulation")),
        odg=((None, "Manipulation"), ("Low Back", "Chiropractic guidelines")),
        acoem=("{acoem} Chapter, Manipulation",),
        other=("American Chiropractic Association clinical compendium on low back pain",),
        guidance=(
            "{GL} recommend manual therapy and manipulation for chronic pain caused by musculoskeletal conditions, "
            "with a trial of 6 visits over 2 weeks and, with evidence of objective functional improvement, a total of "
            "up to 18 visits over 6 to 8 weeks.",
            "{GL} do not recommend elective or maintenance care, and state that recurrences or flare-ups require a "
            "reevaluation of treatment success.",
            "{GL} note that the intended goal of manual medicine is the achievement of positive symptomatic or "
            "objective measurable gains in function that facilitate progression in a therapeutic exercise program.",
        ),
        upheld=(
            "{Pt} has completed {n_prior} chiropractic sessions without documented objective functional improvement.",
            "The request appears to be for maintenance care, which the guidelines do not support.",
            "Manipulation is not recommended for the {region} under the cited guidelines.",
        ),
        overturned=(
            "This is an initial trial of chiropractic care, and the number of visits requested is within the "
            "guideline recommendation.",
            "A prior course of chiropractic care produced documented functional gains, and {pt} now has a flare-up "
            "after returning to full duty.",
        ),
    ),
    Topic(
        "acupuncture",
        mtus=(MtusRef("acupuncture", "Section 9792.24.1", ""),),
        odg=((None, "Acupuncture"), ("Pain", "Acupuncture guidelines")),
        acoem=("{acoem} Chapter, Acupuncture",),
        other=("National Institutes of Health consensus statement on acupuncture",),
        guidance=(
            "{GL} state that acupuncture is used as an option when pain medication is reduced or not tolerated, and "
            "that it may be used as an adjunct to physical rehabilitation and/or surgical intervention to hasten "
            "functional recovery.",
            "{GL} state that the time to produce functional improvement is 3 to 6 treatments at a frequency of 1 to 3 "
            "times per week, and that treatments may be extended if functional improvement is documented.",
        ),
        upheld=(
            "{Pt} has completed {n_prior} acupuncture sessions, and the records do not document functional "
            "improvement as defined by the guidelines.",
            "The number of sessions requested exceeds the 3 to 6 treatments recommended for an initial trial.",
            "There is no documentation that pain medication has been reduced or is not tolerated.",
        ),
        overturned=(
            "{Pt} has not had acupuncture before, and the stated goal of the trial is to reduce medication use.",
            "The prior sessions reduced pain and allowed a reduction in the opioid dose, which meets the definition "
            "of functional improvement.",
        ),
    ),
    Topic(
        "aquatic",
        mtus=(MtusRef("chronic", "Aquatic therapy", "22"),),
        odg=((None, "Aquatic therapy"),),
        acoem=("{acoem} Chapter, Aquatic therapy",),
        other=("American Physical Therapy Association guidance on aquatic physical therapy",),
        guidance=(
            "{GL} recommend aquatic therapy as an optional form of exercise therapy, where available, as an "
            "alternative to land-based physical therapy, specifically where reduced weight bearing is desirable, for "
            "example extreme obesity.",
        ),
        upheld=(
            "The records do not document a condition requiring reduced weight bearing or an inability to perform "
            "land-based exercise.",
            "{Pt} has completed {n_prior} sessions of therapy without documented functional benefit.",
        ),
        overturned=(
            "{Pt} is morbidly obese and could not tolerate land-based therapy because of pain with weight bearing.",
        ),
    ),
    Topic(
        "massage",
        mtus=(MtusRef("chronic", "Massage therapy", "60"),),
        odg=((None, "Massage"),),
        acoem=("{acoem} Chapter, Massage",),
        other=("American College of Physicians clinical practice guideline on noninvasive treatments for low back pain "
               "(2017)",),
        guidance=(
            "{GL} recommend massage therapy as an option only as an adjunct to other recommended treatment, such as "
            "exercise, and state that it should be limited to 4 to 6 visits in most cases.",
            "{GL} note that the beneficial effects of massage are registered only during treatment, and that it is a "
            "passive intervention that can lead to dependence.",
        ),
        upheld=(
            "The request exceeds the 4 to 6 visits the guidelines support, and it is not clear that massage will be "
            "provided as an adjunct to an active exercise program.",
        ),
        overturned=(
            "The massage sessions are requested as an adjunct to an active exercise program and are within the "
            "recommended number of visits.",
        ),
    ),
    Topic(
        "work_conditioning",
        mtus=(MtusRef("chronic", "Work conditioning, work hardening", "125-126"),),
        odg=(("Fitness for Duty", "Work conditioning (WC) physical therapy guidelines"), (None, "Work conditioning, "
             "work hardening")),
        acoem=("{acoem} Chapter, Work conditioning",),
        other=("Commission on Accreditation of Rehabilitation Facilities (CARF) standards for work hardening",),
        guidance=(
            "{GL} recommend work conditioning or work hardening as an option when a functional capacity evaluation "
            "demonstrates functional limitations that preclude the ability to safely achieve current job demands, "
            "after an adequate trial of physical therapy with improvement followed by a plateau.",
            "{GL} require a defined return-to-work goal agreed to by the employer and employee, and state that the "
            "worker must not be a candidate for surgery or other treatments that would clearly be warranted to "
            "improve function.",
            "{GL} state that work conditioning should not exceed 10 visits over 8 weeks and that treatment is not "
            "supported for longer than 1 to 2 weeks without evidence of compliance and significant gains.",
        ),
        upheld=(
            "There is no functional capacity evaluation documenting a mismatch between current abilities and the "
            "demands of the job, and no specific return-to-work goal was identified.",
            "The records indicate that {pt} is being considered for surgical consultation, so it cannot be "
            "determined that {pt} is not a candidate for further treatment.",
            "The number of work conditioning sessions requested exceeds the 10 visits over 8 weeks the guidelines "
            "allow.",
        ),
        overturned=(
            "A functional capacity evaluation documents a clear gap between {pt}'s lifting tolerance and the job "
            "requirement, the employer has a position available, and physical therapy has plateaued.",
        ),
    ),
    Topic(
        "home_exercise",
        mtus=(MtusRef("chronic", "Exercise", "46-47"),),
        odg=((None, "Exercise"),),
        acoem=("{acoem} Chapter, Exercise",),
        other=("American College of Sports Medicine position stand on exercise",),
        guidance=(
            "{GL} recommend exercise, and state that there is no sufficient evidence to support the recommendation of "
            "any particular exercise regimen over any other exercise regimen.",
        ),
        upheld=("{Pt} has already been instructed in a home exercise program during prior therapy.",),
        overturned=("{Pt} has not previously been instructed in a home exercise program.",),
    ),
    Topic(
        "inpatient_rehab",
        mtus=(MtusRef("postsurgical", "Postsurgical treatment guidelines, general", "10-11"),),
        odg=(("Knee & Leg", "Skilled nursing facility (SNF) care"), ("Hip & Pelvis", "Skilled nursing facility LOS "
             "(length of stay)")),
        acoem=("Chronic Pain Chapter, Rehabilitation",),
        other=("Medicare Benefit Policy Manual, Chapter 1, Inpatient rehabilitation facility services",
               "Centers for Medicare & Medicaid Services criteria for skilled nursing facility care"),
        guidance=(
            "{GL} recommend a skilled nursing facility or inpatient rehabilitation when the patient requires daily "
            "skilled services that, as a practical matter, can only be provided on an inpatient basis, and when the "
            "patient can participate in and benefit from intensive therapy.",
        ),
        upheld=(
            "The records indicate that {pt} is able to transfer and ambulate with a walker and could be managed with "
            "outpatient or home therapy.",
        ),
        overturned=(
            "{Pt} requires assistance with transfers and is not safe for discharge home, and the requested level of "
            "care is consistent with the guideline criteria.",
        ),
    ),
    Topic(
        "modalities",
        mtus=(MtusRef("chronic", "Physical Medicine", "98-99", "Physical medicine treatment"),
              MtusRef("chapter", "Physical Methods")),
        odg=((None, "Iontophoresis"), (None, "Infrared therapy (IR)")),
        acoem=("{acoem} Chapter, Passive modalities",),
        other=("American College of Physicians clinical practice guideline on noninvasive treatments for low back pain "
               "(2017)",),
        guidance=(
            "{GL} state that passive modalities have no proven efficacy in treating chronic symptoms and should be "
            "used only as an adjunct to an active exercise program.",
        ),
        upheld=("The passive modality is requested as a stand-alone treatment rather than as an adjunct to an active "
                "program.",),
        overturned=("The modality is requested for a short period as an adjunct to an active therapy program.",),
    ),
    Topic(
        "mri",
        mtus=(MtusRef("chapter", SPECIAL_STUDIES),),
        odg=((None, "MRIs (magnetic resonance imaging)"), (None, "Magnetic resonance imaging (MRI)")),
        acoem=("{acoem} Chapter, MRI", "{acoem} Chapter, Diagnostic and treatment recommendations"),
        other=("American College of Radiology Appropriateness Criteria",),
        guidance=(
            "{GL} state that unequivocal objective findings that identify specific nerve compromise on the "
            "neurologic examination are sufficient evidence to warrant imaging in patients who do not respond to "
            "treatment and who would consider surgery an option.",
            "{GL} recommend imaging when there are red flags, physiologic evidence of tissue insult or neurologic "
            "dysfunction, failure to progress in a strengthening program intended to avoid surgery, or clarification "
            "of the anatomy prior to an invasive procedure.",
            "{GL} state that repeat MRI is not routinely recommended and should be reserved for a significant change "
            "in symptoms and/or findings suggestive of significant pathology.",
        ),
        upheld=(
            "There is no documentation of red flag conditions, progressive neurologic deficit or a plan for surgical "
            "intervention that would change with the results of the study.",
            "{Pt} had an MRI of the {region} previously, and there has been no significant change in symptoms or "
            "examination findings since that study.",
            "The neurologic examination is normal, and there is no documentation of a failed course of conservative "
            "treatment.",
        ),
        overturned=(
            "{Pt} has persistent symptoms despite more than six weeks of conservative care, with objective findings "
            "on examination, and is considering surgical options.",
            "The examination documents new weakness and sensory loss, which represents a significant change since "
            "the prior imaging.",
        ),
    ),
    Topic(
        "ct_xray",
        mtus=(MtusRef("chapter", SPECIAL_STUDIES),),
        odg=((None, "Radiography (x-rays)"), (None, "Computed tomography (CT)")),
        acoem=("{acoem} Chapter, Radiographs", "{acoem} Chapter, Computed tomography"),
        other=("American College of Radiology Appropriateness Criteria",),
        guidance=(
            "{GL} do not recommend routine imaging in the absence of red flags, and state that imaging is indicated "
            "when the results would change the treatment plan.",
            "{GL} recommend radiographs for patients with a history of significant trauma, suspected fracture, or "
            "symptoms that persist without improvement after conservative care.",
        ),
        upheld=(
            "There are no red flags, no recent trauma, and no explanation of how the study would alter treatment.",
            "Prior radiographs of the {region} were normal and there has been no change in the clinical picture.",
        ),
        overturned=(
            "The records document persistent pain after a fall with focal bony tenderness, and no imaging has been "
            "performed.",
            "The study is needed for preoperative planning after surgery was recommended.",
        ),
    ),
    Topic(
        "electrodiagnostic",
        mtus=(MtusRef("chapter", SPECIAL_STUDIES, "", "Special Studies"),
              MtusRef("chronic", "Electrodiagnostic testing (EMG/NCS)", "", "Electrodiagnostic testing (EMG/NCS)")),
        odg=((None, "EMGs (electromyography)"), (None, "Nerve conduction studies (NCS)"), (None, "Electrodiagnostic "
             "testing (EMG/NCS)")),
        acoem=("{acoem} Chapter, Electrodiagnostic studies",),
        other=("American Association of Neuromuscular & Electrodiagnostic Medicine recommended policy for "
               "electrodiagnostic medicine",),
        guidance=(
            "{GL} state that electromyography, including H-reflex tests, may be useful to identify subtle, focal "
            "neurologic dysfunction in patients with neck or low back symptoms lasting more than three or four weeks.",
            "{GL} state that nerve conduction studies are not recommended when a patient is presumed to have "
            "symptoms on the basis of radiculopathy, and that EMG is not necessary if radiculopathy is already "
            "clinically obvious.",
        ),
        upheld=(
            "Radiculopathy is already clinically obvious and was confirmed by prior electrodiagnostic testing, and "
            "there are no new neurologic deficits.",
            "The neurologic examination is normal and there is no suspicion of a peripheral neuropathy or an "
            "entrapment neuropathy.",
        ),
        overturned=(
            "{Pt} has persistent numbness and tingling with an equivocal examination, and the study is needed to "
            "distinguish radiculopathy from a peripheral entrapment neuropathy.",
        ),
    ),
    Topic(
        "urine_drug",
        mtus=(MtusRef("chronic", "Drug testing", "43", "Drug testing"),
              MtusRef("opioid", "Opioids, steps to avoid misuse/addiction", "94-95",
                      "3.3.6 Use of Urine Drug Testing")),
        odg=(("Pain", "Urine drug testing (UDT)"), ("Pain (Chronic)", "Urine drug testing")),
        acoem=("Chronic Pain Chapter, Urine drug screening",),
        other=("American Society of Addiction Medicine consensus statement on drug testing",),
        guidance=(
            "{GL} recommend drug testing as an option to assess for the use or the presence of illegal drugs, and as "
            "a step in the ongoing management of patients who take opioids.",
            "{GL} indicate that patients at low risk of addiction or aberrant behavior should be tested within six "
            "months of the initiation of therapy and on a yearly basis thereafter.",
        ),
        upheld=(
            "The records document a urine drug screen within the past several months that was consistent with the "
            "prescribed medications, and there is no documentation of aberrant behavior that would justify more "
            "frequent testing.",
            "Continued opioid therapy has not been found to be supported in this review.",
        ),
        overturned=(
            "{Pt} is taking opioids on a long-term basis and has not had a urine drug screen in more than a year.",
            "The treating physician documented early refill requests, which places {pt} at higher risk and supports "
            "testing.",
        ),
    ),
    Topic(
        "fce",
        mtus=(MtusRef("general", "Chapter 7, Independent Medical Examinations and Consultations", "137-138", "General Approach to Initial Assessment and "
                      "Documentation"),
              MtusRef("chronic", "Work conditioning, work hardening", "125")),
        odg=(("Fitness for Duty", "Functional capacity evaluation (FCE)"),),
        acoem=("Chapter 7, Independent Medical Examinations and Consultations, pages 137-138",),
        other=("American Physical Therapy Association guidelines on occupational health physical therapy "
               "evaluation",),
        guidance=(
            "{GL} state that there is little scientific evidence confirming that functional capacity evaluations "
            "predict an individual's actual capacity to perform in the workplace.",
            "{GL} recommend a functional capacity evaluation when case management is hampered by complex issues, "
            "such as prior unsuccessful return-to-work attempts, or when the patient is close to or at maximum "
            "medical improvement.",
        ),
        upheld=(
            "There is no documentation of prior unsuccessful return-to-work attempts or conflicting medical "
            "reporting on precautions, and {pt} is not at maximum medical improvement.",
        ),
        overturned=(
            "{Pt} is at maximum medical improvement, a prior return-to-work attempt failed, and the evaluation is "
            "needed to define permanent work restrictions.",
        ),
    ),
    Topic(
        "labs",
        mtus=(MtusRef("chronic", "NSAIDs, specific drug list & adverse effects", "70"),),
        odg=(("Low Back", "Preoperative lab testing"), ("Pain", "Preoperative testing, general")),
        acoem=("Chronic Pain Chapter, Laboratory tests",),
        other=("American Society of Anesthesiologists Practice Advisory for Preanesthesia Evaluation (2012)",),
        guidance=(
            "{GL} state that preoperative laboratory tests are excessively ordered, even for young, healthy patients "
            "undergoing low-risk surgery, and that testing should be guided by the patient's history, comorbidities "
            "and examination findings.",
            "{GL} recommend periodic laboratory monitoring, including a complete blood count and chemistry profile, "
            "for patients on long-term NSAID therapy.",
        ),
        upheld=(
            "{Pt} has no documented medical comorbidity, takes no medication that predisposes to electrolyte "
            "abnormalities, and no indication for the tests was identified.",
        ),
        overturned=(
            "{Pt} has hypertension and diabetes and takes an NSAID on a long-term basis, and no laboratory monitoring "
            "has been performed in more than a year.",
        ),
    ),
    Topic(
        "sleep_study",
        mtus=(MtusRef("chronic", "Insomnia treatment", ""),),
        odg=(("Pain", "Polysomnography"), ("Mental Illness & Stress", "Polysomnography")),
        acoem=("Chronic Pain Chapter, Sleep disorders",),
        other=("American Academy of Sleep Medicine clinical practice guideline for diagnostic testing for adult "
               "obstructive sleep apnea (2017)",),
        guidance=(
            "{GL} recommend polysomnography after at least six months of insomnia complaints, at least four nights a "
            "week, that are unresponsive to behavioral intervention and sedative or sleep-promoting medications, "
            "after psychiatric etiology has been excluded.",
        ),
        upheld=("The records do not document a failed trial of behavioral intervention or the exclusion of a "
                "psychiatric cause of the sleep complaints.",),
        overturned=("{Pt} has loud snoring, witnessed apneas and daytime somnolence despite a trial of sleep hygiene "
                    "and medication.",),
    ),
    Topic(
        "tens",
        mtus=(MtusRef("chronic", "TENS, chronic pain (transcutaneous electrical nerve stimulation)", "114-116"),
              MtusRef("chronic", "Interferential Current Stimulation (ICS)", "118-120"),
              MtusRef("chronic", "H-wave stimulation (HWT)", "117-118")),
        odg=(("Pain", "TENS (transcutaneous electrical nerve stimulation)"), ("Pain", "Interferential current "
             "stimulation (ICS)"), ("Pain (Chronic)", "H-wave stimulation (HWT)")),
        acoem=("Chronic Pain Chapter, Transcutaneous electrical neurostimulation",),
        other=("American Academy of Neurology assessment of transcutaneous electric nerve stimulation for pain "
               "(2010)",),
        guidance=(
            "{GL} do not recommend electrical stimulation as a primary treatment modality, but state that a "
            "one-month home-based trial may be considered as a noninvasive conservative option if it is used as an "
            "adjunct to a program of evidence-based functional restoration.",
            "{GL} require documentation of pain of at least three months' duration, evidence that other appropriate "
            "pain modalities have been tried and failed, and a treatment plan with specific short- and long-term "
            "goals before a unit is purchased.",
            "{GL} state that a purchase should follow a successful one-month trial with documentation of how often "
            "the unit was used and of its outcomes in terms of pain relief and function.",
        ),
        upheld=(
            "There is no documentation of a successful one-month home trial before the purchase was requested.",
            "The records do not describe a functional restoration program in which the unit would be used as an "
            "adjunct.",
            "There are no specific short- and long-term treatment goals documented for the use of the device.",
        ),
        overturned=(
            "{Pt} has chronic pain of more than three months' duration that has not responded to medication and "
            "therapy, and the request is limited to a one-month trial used with a home exercise program.",
            "A one-month trial documented a 50% reduction in pain and a reduction in medication use, which supports "
            "the purchase.",
        ),
    ),
    Topic(
        "braces",
        mtus=(MtusRef("chapter", INITIAL_CARE),),
        odg=((None, "Back brace, post operative (fusion)"), (None, "Braces"), (None, "Splints")),
        acoem=("{acoem} Chapter, Braces and supports",),
        other=("American Academy of Orthopaedic Surgeons clinical practice guideline on the management of carpal "
               "tunnel syndrome (2016)",),
        guidance=(
            "{GL} state that lumbar supports have not been shown to have any lasting benefit beyond the acute phase "
            "of symptom relief.",
            "{GL} recommend bracing or splinting in the first-line treatment of specific conditions, such as "
            "instability, fracture or nerve entrapment, and not for nonspecific pain.",
        ),
        upheld=(
            "{Pt} is well beyond the acute phase of injury, and there is no documentation of instability, fracture or "
            "spondylolisthesis.",
            "The records do not identify a specific condition for which a brace is recommended.",
        ),
        overturned=(
            "The brace is requested for documented ligamentous instability, which is a recommended indication.",
            "The splint is requested for nocturnal use in documented carpal tunnel syndrome, which the guidelines "
            "support as first-line treatment.",
        ),
    ),
    Topic(
        "orthotics",
        mtus=(MtusRef("chapter", INITIAL_CARE),),
        odg=(("Ankle & Foot", "Orthotic devices"), ("Knee & Leg", "Footwear, knee arthritis")),
        acoem=("Ankle and Foot Disorders Chapter, Orthotics",),
        other=("American College of Foot and Ankle Surgeons clinical practice guideline on heel pain",),
        guidance=(
            "{GL} recommend rigid orthotics for plantar fasciitis and metatarsalgia as an option to reduce pain and "
            "improve function.",
        ),
        upheld=("The records do not document a foot condition for which orthotic devices are recommended.",),
        overturned=("{Pt} has documented plantar fasciitis that has not responded to stretching and footwear "
                    "changes.",),
    ),
    Topic(
        "cold_therapy",
        mtus=(MtusRef("chapter", INITIAL_CARE),),
        odg=((None, "Continuous-flow cryotherapy"), (None, "Cold/heat packs")),
        acoem=("{acoem} Chapter, Cryotherapies",),
        other=("American Academy of Orthopaedic Surgeons clinical practice guideline on surgical management of "
               "osteoarthritis of the knee (2015)",),
        guidance=(
            "{GL} recommend continuous-flow cryotherapy as an option after surgery, but not for nonsurgical "
            "treatment, and state that postoperative use generally may be up to 7 days, including home use.",
            "{GL} recommend at-home local applications of cold packs in the first few days of acute complaints, and "
            "thereafter applications of heat or cold, which can be provided without specialized equipment.",
        ),
        upheld=(
            "The rental period requested exceeds the 7 days of postoperative use the guidelines support.",
            "No surgery has been authorized, and simple hot and cold packs would provide the same benefit.",
        ),
        overturned=("The unit is requested for 7 days of use after the authorized surgery, which the guidelines "
                    "support.",),
    ),
    Topic(
        "mobility",
        mtus=(MtusRef("chapter", INITIAL_CARE),),
        odg=(("Knee & Leg", "Walking aids (canes, crutches, braces, orthoses, & walkers)"), ("Knee & Leg", "Durable "
             "medical equipment (DME)")),
        acoem=("{acoem} Chapter, Assistive devices",),
        other=("Medicare National Coverage Determination for Durable Medical Equipment Reference List (280.1)",
               "Centers for Medicare & Medicaid Services Local Coverage Determination for Hospital Beds and "
               "Accessories"),
        guidance=(
            "{GL} recommend durable medical equipment if there is a medical need and if the device or system meets "
            "the definition of durable medical equipment: it can withstand repeated use, is primarily used to serve "
            "a medical purpose, is generally not useful in the absence of illness or injury, and is appropriate for "
            "use in the home.",
            "{GL} recommend walking aids for patients with conditions causing impaired ambulation when there is a "
            "potential for ambulation with the device.",
        ),
        upheld=(
            "The records document a normal gait without an assistive device and no functional deficit that the "
            "equipment would address.",
            "The item is primarily a convenience item and does not meet the definition of durable medical equipment.",
        ),
        overturned=(
            "The records document an antalgic gait with two recent falls, and the equipment is needed for safe "
            "ambulation at home.",
        ),
    ),
    Topic(
        "consultation",
        mtus=(MtusRef("general", "Chapter 7, Independent Medical Examinations and Consultations", "127", "General Approach to Initial Assessment and "
                      "Documentation"),
              MtusRef("chronic", "Office visits", "", "Office visits")),
        odg=(("Pain", "Office visits"), ("Low Back", "Evaluation & management (E&M)")),
        acoem=("Chapter 7, Independent Medical Examinations and Consultations, page 127",),
        other=("American College of Physicians policy on referral and consultation",),
        guidance=(
            "{GL} state that the occupational health practitioner may refer to other specialists if a diagnosis is "
            "uncertain or extremely complex, when psychosocial factors are present, or when the plan or course of "
            "care may benefit from additional expertise.",
            "{GL} state that the need for a clinical office visit with a health care provider is individualized, "
            "based upon a review of the patient's concerns, signs and symptoms, clinical stability, and reasonable "
            "physician judgment.",
        ),
        upheld=(
            "The records do not explain what additional expertise is needed or how the consultation would change the "
            "plan of care.",
            "{Pt} was already evaluated by the same specialty, and no new findings were documented.",
            "The request does not specify the purpose of the visit, and the condition is stable.",
        ),
        overturned=(
            "{Pt} has persistent symptoms despite extensive conservative care, and specialty input is needed to "
            "determine whether further treatment is indicated.",
            "The diagnosis remains uncertain after conservative treatment, and the consultation is reasonable.",
            "Regular follow-up is appropriate to monitor the ongoing medication regimen and the response to "
            "treatment.",
        ),
    ),
    Topic(
        "clearance",
        mtus=(MtusRef("general", "Chapter 7, Independent Medical Examinations and Consultations", "127", "General Approach to Initial Assessment and "
                      "Documentation"),),
        odg=(("Low Back", "Preoperative testing, general"),),
        acoem=("Chapter 7, Independent Medical Examinations and Consultations",),
        other=("American College of Cardiology/American Heart Association guideline on perioperative cardiovascular "
               "evaluation (2014)",),
        guidance=(
            "{GL} state that preoperative evaluation should be guided by the patient's clinical history, "
            "comorbidities and physical examination findings, and by the risk of the planned procedure.",
        ),
        upheld=("The associated surgical procedure has not been found to be supported, so the ancillary service is "
                "not supported.",),
        overturned=("The surgery has been authorized, and {pt} has comorbid conditions that warrant a preoperative "
                    "medical evaluation.",),
    ),
    Topic(
        "esi",
        mtus=(MtusRef("chronic", "Epidural steroid injections (ESIs)", "46", "Epidural steroid injections (ESIs)"),
              MtusRef("chapter", "Physical Methods")),
        odg=((None, "Epidural steroid injections (ESIs), therapeutic"), ("Pain", "Epidural steroid injections "
             "(ESIs)")),
        acoem=("{acoem} Chapter, Epidural glucocorticoid injections",),
        other=("American Academy of Neurology assessment of the use of epidural steroid injections to treat "
               "radicular lumbosacral pain (2007)",),
        guidance=(
            "{GL} recommend epidural steroid injections as an option for the treatment of radicular pain, defined as "
            "pain in a dermatomal distribution with corroborative findings of radiculopathy.",
            "{GL} require that radiculopathy be documented by physical examination and corroborated by imaging "
            "studies and/or electrodiagnostic testing, and that the pain be initially unresponsive to conservative "
            "treatment.",
            "{GL} state that repeat blocks should be based on continued objective documented pain and functional "
            "improvement, including at least 50% pain relief with an associated reduction of medication use for six "
            "to eight weeks.",
        ),
        upheld=(
            "The examination does not document objective findings of radiculopathy, such as dermatomal sensory loss, "
            "motor weakness or reflex change, at the requested level.",
            "{Pt} had a prior epidural injection, and the records do not document 50% pain relief for six to eight "
            "weeks with a reduction in medication use.",
            "There is no imaging or electrodiagnostic study that corroborates radiculopathy at the requested level.",
        ),
        overturned=(
            "The examination documents a positive straight leg raise with dermatomal sensory loss, corroborated by "
            "imaging showing nerve root compression at the requested level, after failed physical therapy and "
            "medication.",
            "A prior injection provided more than 50% relief for three months with a reduction in medication use, "
            "and the symptoms have now returned.",
        ),
    ),
    Topic(
        "facet",
        mtus=(MtusRef("chapter", "Physical Methods"),),
        odg=((None, "Facet joint diagnostic blocks (injections)"), (None, "Facet joint radiofrequency neurotomy")),
        acoem=("{acoem} Chapter, Facet joint injections",),
        other=("American Society of Interventional Pain Physicians guidelines for interventional techniques in chronic "
               "spinal pain",),
        guidance=(
            "{GL} state that invasive techniques such as facet joint injections are of questionable merit, and "
            "recommend diagnostic blocks only for patients with non-radicular pain at no more than two levels "
            "bilaterally.",
            "{GL} require documented failure of conservative treatment, including home exercise, physical therapy "
            "and NSAIDs, for at least four to six weeks before a diagnostic block, and recommend radiofrequency "
            "neurotomy only after a positive diagnostic medial branch block.",
        ),
        upheld=(
            "The records document radicular symptoms, and facet-mediated pain was not established on examination.",
            "No diagnostic medial branch block with a positive response was documented before the neurotomy was "
            "requested.",
        ),
        overturned=(
            "{Pt} has non-radicular axial pain with pain on facet loading, has failed conservative treatment, and the "
            "request is limited to two levels.",
            "A diagnostic medial branch block produced more than 70% relief for the duration of the anesthetic.",
        ),
    ),
    Topic(
        "trigger_point",
        mtus=(MtusRef("chronic", "Trigger point injections", "122"),),
        odg=(("Pain", "Trigger point injections"),),
        acoem=("Chronic Pain Chapter, Trigger point injections",),
        other=("American Society of Anesthesiologists Practice Guidelines for Chronic Pain Management (2010)",),
        guidance=(
            "{GL} recommend trigger point injections only for myofascial pain syndrome with documentation of "
            "circumscribed trigger points with evidence upon palpation of a twitch response as well as referred pain.",
            "{GL} state that symptoms must have persisted for more than three months despite medical management "
            "therapies, radiculopathy must not be present, and no more than three to four injections should be given "
            "per session.",
        ),
        upheld=(
            "The examination does not document circumscribed trigger points with a twitch response and referred "
            "pain, and radicular findings are present.",
        ),
        overturned=(
            "The examination documents discrete trigger points with a twitch response and referred pain, and the "
            "myofascial pain has persisted despite therapy and medication.",
        ),
    ),
    Topic(
        "joint_injection",
        mtus=(MtusRef("chapter", INITIAL_CARE),),
        odg=((None, "Corticosteroid injections"), (None, "Hyaluronic acid injections"), (None, "Platelet-rich plasma "
             "(PRP)")),
        acoem=("{acoem} Chapter, Injections",),
        other=("American Academy of Orthopaedic Surgeons Clinical Practice Guideline on the Treatment of "
               "Osteoarthritis of the Knee (2013)",),
        guidance=(
            "{GL} recommend corticosteroid injections for short-term relief in patients whose pain is not controlled "
            "adequately by recommended conservative treatments, and limit repeat injections to those that produced "
            "documented benefit.",
            "{GL} recommend viscosupplementation as an option for severe osteoarthritis in patients who have not "
            "responded adequately to recommended conservative treatments, and state that platelet-rich plasma "
            "remains under study.",
        ),
        upheld=(
            "A prior injection provided only brief relief, and the records do not document functional improvement "
            "with it.",
            "The imaging does not show severe osteoarthritis, and conservative care has not been exhausted.",
            "The treatment remains investigational, and there is insufficient evidence to support it for this "
            "condition.",
        ),
        overturned=(
            "{Pt} has symptomatic osteoarthritis that has not responded to exercise, NSAIDs and activity "
            "modification, and the injection is a reasonable next step.",
        ),
    ),
    Topic(
        "neurostimulation",
        mtus=(MtusRef("chronic", "Spinal cord stimulators (SCS)", "105-107"),
              MtusRef("chronic", "Psychological evaluations, IDDS & SCS", "101")),
        odg=(("Pain", "Spinal cord stimulators (SCS)"), ("Shoulder", "Extracorporeal shock wave therapy (ESWT)")),
        acoem=("Chronic Pain Chapter, Spinal cord stimulators",),
        other=("International Neuromodulation Society Polyanalgesic Consensus Conference recommendations",),
        guidance=(
            "{GL} recommend spinal cord stimulators only for selected patients in cases when less invasive procedures "
            "have failed or are contraindicated, for specific conditions such as failed back surgery syndrome and "
            "complex regional pain syndrome, and after a psychological evaluation.",
            "{GL} state that extracorporeal shock wave therapy is recommended only for calcifying tendinitis, and "
            "not for other shoulder disorders.",
        ),
        upheld=(
            "A psychological clearance for the trial was not documented, and less invasive options have not been "
            "exhausted.",
            "The diagnosis is not one for which the treatment is recommended.",
        ),
        overturned=(
            "{Pt} has failed back surgery syndrome with persistent radicular pain, less invasive options have failed, "
            "and a psychological evaluation cleared {him} for the trial.",
        ),
    ),
    Topic(
        "spine_surgery",
        mtus=(MtusRef("chapter", SURGERY),),
        odg=((None, "Fusion (spinal)"), (None, "Discectomy/laminectomy"), (None, "Hospital length of stay (LOS)")),
        acoem=("{acoem} Chapter, Surgical considerations",),
        other=("North American Spine Society evidence-based clinical guideline for the diagnosis and treatment of "
               "lumbar disc herniation with radiculopathy",),
        guidance=(
            "{GL} recommend surgical consultation for patients who have severe and disabling symptoms, activity "
            "limitation for more than one month, clear clinical, imaging and electrophysiologic evidence of a lesion "
            "that has been shown to benefit from surgical repair, and failure of conservative treatment.",
            "{GL} state that there is no good evidence that spinal fusion alone is effective for treating any type of "
            "acute low back problem in the absence of spinal fracture, dislocation or spondylolisthesis with "
            "instability.",
            "{GL} recommend a psychological screening before spinal fusion surgery because psychosocial factors are "
            "strong predictors of surgical outcome.",
        ),
        upheld=(
            "The imaging does not show instability or a compressive lesion that correlates with the examination "
            "findings.",
            "No preoperative psychological screening was documented, and conservative care has not been exhausted.",
            "The examination does not document a neurologic deficit in the distribution of the requested level.",
        ),
        overturned=(
            "The records document progressive weakness in a dermatomal distribution with concordant nerve root "
            "compression on MRI, after more than three months of failed conservative care.",
            "Flexion and extension radiographs demonstrate instability at the requested level, and a preoperative "
            "psychological screening was completed.",
        ),
    ),
    Topic(
        "joint_surgery",
        mtus=(MtusRef("chapter", SURGERY), MtusRef("postsurgical", "Postsurgical treatment guidelines, general", "")),
        odg=((None, "Surgery for rotator cuff repair"), (None, "Meniscectomy"), (None, "Carpal tunnel release "
             "surgery (CTR)"), (None, "Knee joint replacement")),
        acoem=("{acoem} Chapter, Surgical considerations",),
        other=("American Academy of Orthopaedic Surgeons appropriate use criteria",),
        guidance=(
            "{GL} recommend surgical referral for patients who have activity limitation for more than one to four "
            "months, failure of an exercise program to increase range of motion and strength, and clear clinical and "
            "imaging evidence of a lesion that has been shown to benefit, in both the short and long term, from "
            "surgical repair.",
            "{GL} state that surgery is recommended after failure of conservative care, including physical therapy, "
            "injections and activity modification, when the examination and imaging findings correlate.",
        ),
        upheld=(
            "The records do not document a sufficient course of conservative treatment, such as physical therapy and "
            "a corticosteroid injection, before surgery was recommended.",
            "The imaging findings do not correlate with the examination, and the mechanical symptoms that would "
            "support surgery are not documented.",
        ),
        overturned=(
            "{Pt} has failed more than four months of conservative care, including physical therapy and an "
            "injection, and the examination findings correlate with a surgical lesion on MRI.",
            "Electrodiagnostic testing confirms the diagnosis, and splinting and an injection have failed.",
        ),
    ),
    Topic(
        "surgical_services",
        mtus=(MtusRef("chapter", SURGERY),),
        odg=(("Low Back", "Hospital length of stay (LOS)"), ("Knee & Leg", "Hospital length of stay (LOS)")),
        acoem=("{acoem} Chapter, Surgical considerations",),
        other=("American College of Surgeons physicians as assistants at surgery study (2016)",),
        guidance=(
            "{GL} recommend the use of an assistant surgeon and an inpatient stay according to the complexity of the "
            "procedure and the best-practice target length of stay.",
        ),
        upheld=("The associated surgical procedure has not been found to be supported, so the ancillary service is "
                "not supported.",),
        overturned=("The associated procedure has been authorized, and the requested service is consistent with the "
                    "recommendations for that procedure.",),
    ),
    Topic(
        "psychotherapy",
        mtus=(MtusRef("chronic", "Behavioral interventions", "23", "Psychological treatment"),
              MtusRef("chronic", "Cognitive behavioral therapy (CBT)", "23"),
              MtusRef("stress", "Chapter 15, Psychological treatment", "398-404")),
        odg=(("Mental Illness & Stress", "Cognitive therapy for depression"), ("Mental Illness & Stress", "Psychotherapy "
             "guidelines"), ("Pain", "Biofeedback")),
        acoem=("Chronic Pain Chapter, Cognitive behavioral therapy",),
        other=("American Psychiatric Association Practice Guideline for the Treatment of Patients With Acute Stress "
               "Disorder and Posttraumatic Stress Disorder",),
        guidance=(
            "{GL} recommend an initial trial of 3 to 4 psychotherapy visits over 2 weeks and, with evidence of "
            "objective functional improvement, a total of up to 6 to 10 visits over 5 to 6 weeks.",
            "{GL} recommend behavioral interventions, including cognitive behavioral therapy, for appropriately "
            "identified patients during treatment for chronic pain, with screening for patients with risk factors "
            "for delayed recovery.",
            "{GL} state that up to 13 to 20 visits may be appropriate for severe major depression or PTSD if progress "
            "is being made.",
        ),
        upheld=(
            "{Pt} has completed {n_prior} sessions, and the standardized depression and anxiety scores are unchanged "
            "from baseline.",
            "The reports do not identify measurable treatment goals or describe objective functional improvement "
            "from the sessions completed.",
        ),
        overturned=(
            "{Pt} has depressive symptoms related to chronic pain, has not had psychotherapy before, and the request "
            "is for an initial trial within the guideline recommendation.",
            "The progress reports document improvement in standardized scores and a return to modified work with "
            "the sessions already completed.",
        ),
    ),
    Topic(
        "psych_evaluation",
        mtus=(MtusRef("chronic", "Psychological evaluations", "100-101", "Psychological evaluations"),
              MtusRef("stress", "Chapter 15, Referral", "405")),
        odg=(("Mental Illness & Stress", "Psychological evaluations"), ("Pain", "Psychological evaluations")),
        acoem=("Chronic Pain Chapter, Psychological evaluation",),
        other=("American Psychological Association guidelines for psychological evaluations",),
        guidance=(
            "{GL} recommend psychological evaluations as a well-established diagnostic procedure, not only with "
            "selected use in pain problems but also with more widespread use in chronic pain populations.",
            "{GL} state that specialty referral may be necessary when patients have significant psychopathology or "
            "serious medical comorbidities, or when symptoms persist beyond six to eight weeks.",
        ),
        upheld=("The records do not document psychological symptoms or risk factors for delayed recovery that would "
                "warrant an evaluation.",),
        overturned=("The treating physician documents depressed mood, poor sleep and fear-avoidance behavior that are "
                    "delaying recovery.",),
    ),
    Topic(
        "partial_hospitalization",
        mtus=(MtusRef("stress", "Chapter 15, Treatment", "398", "Psychological treatment"),),
        odg=(("Mental Illness & Stress", "Hospital length of stay (LOS)"),),
        acoem=("Chronic Pain Chapter, Psychological treatment",),
        other=("American Psychiatric Association Practice Guideline for the Psychiatric Evaluation of Adults",),
        guidance=(
            "{GL} recommend a more intensive level of psychiatric care when outpatient treatment has failed and the "
            "patient's symptoms pose a risk to safety or function.",
        ),
        upheld=("The records do not document a failure of outpatient psychiatric treatment or a safety risk.",),
        overturned=("{Pt} has worsening depression with passive suicidal ideation despite outpatient care, and a "
                    "more intensive program is clinically appropriate.",),
    ),
    Topic(
        "frp",
        mtus=(MtusRef("chronic", "Chronic pain programs (functional restoration programs)", "30-34"),
              MtusRef("chronic", "Functional restoration programs (FRPs)", "49")),
        odg=(("Pain", "Chronic pain programs (functional restoration programs)"),),
        acoem=("Chronic Pain Chapter, Interdisciplinary rehabilitation programs",),
        other=("Commission on Accreditation of Rehabilitation Facilities (CARF) standards for interdisciplinary pain "
               "rehabilitation programs",),
        guidance=(
            "{GL} recommend functional restoration programs for patients with conditions that put them at risk of "
            "delayed recovery, when an adequate and thorough evaluation has been made, previous methods of treating "
            "chronic pain have been unsuccessful, and the patient has a significant loss of ability to function "
            "independently.",
            "{GL} state that treatment is not suggested for longer than 2 weeks without evidence of demonstrated "
            "efficacy as documented by subjective and objective gains, and that total treatment duration should "
            "generally not exceed 20 full-day sessions.",
        ),
        upheld=(
            "The request exceeds the initial two-week trial after which the guidelines require documented gains "
            "before additional treatment.",
            "Negative predictors of success, including the duration of disability and opioid use, have not been "
            "addressed.",
        ),
        overturned=(
            "{Pt} has had a thorough multidisciplinary evaluation, has failed extensive conservative care, is not a "
            "surgical candidate and is motivated to return to work, and the request is limited to the initial "
            "trial.",
        ),
    ),
    Topic(
        "home_health",
        mtus=(MtusRef("chronic", "Home health services", "51", "Home health services"),),
        odg=(("Pain", "Home health services"), ("Knee & Leg", "Home health services")),
        acoem=("Chronic Pain Chapter, Home health care",),
        other=("Medicare Benefit Policy Manual, Chapter 7, Home health services",),
        guidance=(
            "{GL} recommend home health services only for otherwise recommended medical treatment for patients who "
            "are homebound, on a part-time or intermittent basis, generally up to no more than 35 hours per week, "
            "and state that medical treatment does not include homemaker services or personal care.",
        ),
        upheld=(
            "The records do not document that {pt} is homebound, and the services requested are homemaker and "
            "personal care services rather than medical treatment.",
        ),
        overturned=(
            "{Pt} is homebound after surgery and requires skilled nursing care for wound management on an "
            "intermittent basis.",
        ),
    ),
    Topic(
        "lifestyle",
        mtus=(MtusRef("chronic", "Exercise", "46-47"),),
        odg=(("Low Back", "Gym memberships"), ("Diabetes", "Lifestyle (diet & exercise) modifications"),
             ("Knee & Leg", "Transportation (to & from appointments)")),
        acoem=("Chronic Pain Chapter, Exercise",),
        other=("National Heart, Lung, and Blood Institute clinical guidelines on the identification, evaluation and "
               "treatment of overweight and obesity in adults",),
        guidance=(
            "{GL} do not recommend gym memberships or advanced home exercise equipment as medical prescriptions "
            "unless a documented home exercise program with periodic assessment and revision has not been effective "
            "and there is a need for equipment, and treatment needs to be monitored by a medical professional.",
            "{GL} recommend transportation to and from appointments only for patients with disabilities that prevent "
            "them from self-transport, and weight loss programs only with medical supervision after failed dietary "
            "counseling.",
        ),
        upheld=(
            "There is no documentation that a home exercise program has failed or that the activity would be "
            "supervised by a medical professional.",
            "The records do not document a disability that prevents self-transport or a failed physician-directed "
            "diet.",
        ),
        overturned=(
            "{Pt} is unable to drive because of the injury and has no other means of reaching the authorized "
            "treatment.",
        ),
    ),
    Topic(
        "other",
        mtus=(MtusRef("chronic", "Introduction", "1"),),
        odg=(("Head", "Dental trauma treatment (facial fractures)"),),
        acoem=("Chapter 7, Independent Medical Examinations and Consultations",),
        other=("American Dental Association clinical practice guidelines",),
        guidance=(
            "{GL} state that treatment should be directed at a documented industrial condition and should be "
            "expected to improve function.",
        ),
        upheld=("The records do not establish that the request addresses a condition related to the industrial "
                "injury.",),
        overturned=("The records document that the condition resulted from the industrial injury, and the "
                    "treatment is reasonable.",),
    ),
)
# fmt: on

TOPIC_BY_KEY: dict[str, Topic] = {topic.key: topic for topic in TOPICS}
