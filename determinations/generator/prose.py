"""Clinical prose: the case summary and each item's rationale, assembled from sentence templates.

The summary (about 1.5 kB) opens with the sentence the parser reads the
patient from (age, sex, date of injury) and goes on with complaints,
treatment history, imaging, the latest examination, medications, work
status, diagnoses and the treatment plan. A rationale (1.2 to 2 kB) says
what the cited guidelines recommend (``topics``), what the records show,
why the item is or is not supported, and ends with the concluding statement
that gives its outcome ("... is not medically necessary"). Templates use the
placeholders of ``Context``; nothing here carries a name, a number that
identifies anyone, or an exact date other than service dates.
"""

from __future__ import annotations

import datetime
import random

from .case import Case, Item
from .regions import REGION_BY_KEY, Region
from .topics import CRITERIA_MET, NO_EXCEPTION, NO_FUNCTION, TOPIC_BY_KEY

OCCUPATIONS = (
    "warehouse worker", "delivery driver", "correctional officer", "registered nurse", "certified nursing assistant",
    "custodian", "construction laborer", "carpenter", "electrician", "truck driver", "police officer", "firefighter",
    "cashier", "grocery clerk", "office assistant", "school teacher", "farm worker", "landscaper", "mechanic",
    "forklift operator", "machine operator", "housekeeper", "cook", "bus driver", "home health aide",
    "sales associate", "welder", "plumber", "packer", "stocker", "security guard", "claims processor",
)  # fmt: skip
#: (how the injury happened, as a clause; as a noun phrase).
MECHANISMS = (
    ("while lifting a box weighing approximately 60 pounds", "lifting a heavy box"),
    ("when {he} slipped on a wet floor and fell", "a slip and fall"),
    ("when {he} fell from a ladder", "a fall from a ladder"),
    ("in a motor vehicle accident while driving a company vehicle", "a motor vehicle accident"),
    ("due to repetitive keyboarding and prolonged computer work", "cumulative trauma from repetitive work"),
    ("while restraining a combative individual", "restraining a combative individual"),
    ("while pushing a loaded cart", "pushing a loaded cart"),
    ("when {he} tripped over a pallet", "a trip and fall"),
    ("while carrying supplies up a flight of stairs", "carrying supplies on stairs"),
    ("when {he} was struck by a falling object", "being struck by a falling object"),
    ("while transferring a patient from a bed to a wheelchair", "transferring a patient"),
    ("due to repetitive lifting, bending and twisting over several years", "cumulative trauma"),
)  # fmt: skip
HISTORY = (
    "chiropractic care", "acupuncture", "a home exercise program", "activity modification",
    "medications", "a TENS unit", "epidural steroid injections", "modified work duties", "diagnostic imaging",
    "heat and ice", "psychological treatment", "a lumbar brace", "massage therapy", "electrodiagnostic studies",
    "a functional restoration program evaluation", "aquatic therapy", "rest",
)  # fmt: skip
MEDICATIONS = (
    "naproxen", "tramadol", "gabapentin", "omeprazole", "cyclobenzaprine", "hydrocodone/acetaminophen",
    "ibuprofen", "meloxicam", "topical creams", "duloxetine", "tizanidine", "Lidoderm patches",
)  # fmt: skip
WORK_STATUS = (
    "{He} is working modified duty.", "{He} has not returned to work.", "{He} continues to work full duty.",
    "{His} work status is temporarily totally disabled.", "{He} is currently off work.",
    "{He} returned to work with restrictions against lifting more than 20 pounds.",
)  # fmt: skip

EARLY_INTROS = (
    "The patient is a {age}-year-old {sex} who reported an injury on {injury} {mechanism}.",
    "The patient is a {age} year old {sex} {occupation} who reported an injury on {injury} {mechanism}.",
    "The injured worker is a {age}-year-old {sex} who sustained an injury on {injury} {mechanism}.",
    "The patient is a {age} year-old {sex} {occupation} who injured {his} {region} on {injury} {mechanism}.",
    "The claimant is a {age}-year-old {sex} {occupation} who was injured on {injury} {mechanism}.",
)
LATE_INTROS = (
    "The injured worker is a {age} year old {sex} who sustained an industrial injury on {injury}. The mechanism of "
    "injury was {mechanism_noun}.",
    "The injured worker is a {age} year old {sex}, who sustained an industrial injury on {injury} {mechanism}.",
    "This case involves a now {age}-year-old {sex} with a history of an occupational claim from {injury}. The "
    "mechanism of injury is detailed as {mechanism_noun}.",
    "This is a {age} year old {sex} with a date of injury on {injury}. A review of the medical records indicates "
    "that the injured worker is undergoing treatment for {diagnosis}.",
    "The {age} year old {sex} injured worker suffered an industrial injury on {injury} {mechanism}.",
    "The injured worker is a {age}-year-old {sex} {occupation}, with a reported date of injury of {injury}.",
)
COMPLAINTS = (
    "{He} developed {complaint}.",
    "{He} complains of {complaint}.",
    "The injured worker reported {complaint}.",
    "Current complaints include {complaint}.",
)
HISTORIES = (
    "{His} treatment history included {history}.",
    "Treatment to date has included {history}.",
    "Prior treatment has consisted of {history}.",
)
VISITS = (
    "The most recent clinical documentation dated {visit} noted pain rated {pain}/10.",
    "On {visit}, the injured worker was seen for continued pain rated at {pain}/10, unchanged from the prior visit.",
    "The progress report dated {visit} documented pain rated {pain}/10 with medication and {pain_high}/10 without "
    "medication.",
    "At the follow-up visit on {visit}, {he} reported that the pain was rated {pain}/10 and interfered with sleep "
    "and household activities.",
)
EXAMS = (
    "Physical examination revealed {finding}, {finding2} and {finding3}.",
    "Objective findings included {finding} and {finding2}.",
    "On examination there was {finding}, with {finding2}.",
)
MEDICATION_LINES = (
    "Current medications included {medications}.",
    "{His} medication regimen consisted of {medications}.",
    "Medications have included {medications}.",
)
DIAGNOSES = (
    "Diagnoses included {diagnoses}.",
    "The injured worker was being treated for the diagnoses of {diagnoses}.",
    "{His} diagnoses included {diagnoses}.",
    "The current diagnoses are documented as {diagnoses}.",
)
PLANS = (
    "The treatment plan included {plan}.",
    "The treating physician requested {plan}.",
    "The plan of care included {plan}.",
)
UR_LINES = (
    "On {ur}, utilization review non-certified the request for {first}.",
    "A prior utilization review dated {ur} did not certify the requested treatment.",
    "The utilization review dated {ur} determined that {first} was not medically necessary.",
)
EXTRAS = (
    "There were no red flag symptoms reported, and there was no bowel or bladder dysfunction.",
    "{He} rated {his} pain {pain}/10 at rest and {pain_high}/10 with activity.",
    "A request for authorization was submitted after the most recent visit.",
    "The injured worker stated that the pain limits {his} ability to perform household chores, drive and sleep "
    "through the night.",
    "No aberrant drug-related behaviors were documented.",
    "{He} reported that the medications provide temporary relief but that the pain returns within a few hours.",
    "The records note that {he} has difficulty with overhead reaching, lifting and carrying.",
    "{His} symptoms were unchanged from the prior evaluation.",
    "{He} reported difficulty with prolonged sitting, standing, lifting and sleeping.",
    "A psychological evaluation noted symptoms of depression and anxiety related to chronic pain.",
    "{He} denied any new injury since the last evaluation.",
    "The documentation does not describe any adverse effects of the current medications.",
    "The records indicate that {he} has been compliant with the home exercise program.",
)

COMPLAINT_FACTS = (
    "The clinical documentation submitted for review indicates that {pt} continues to report {complaint}.",
    "According to the most recent progress report, {pt} has {complaint}, with {finding} on examination.",
    "The records document {complaint} despite {history}.",
    "The most recent progress report describes {complaint}, rated {pain}/10.",
)
FINDING_FACTS = (
    "The medical records note {finding} and {finding2}.",
    "In this case, the request is for {request}.",
    "The physical examination documented {finding}.",
    "The treating physician's progress report dated {visit} documented {finding}.",
)
GENERAL_GUIDANCE = (
    "{GL} emphasize that the treatment plan should be individualized and based on documented objective findings, "
    "with periodic reassessment of its effectiveness.",
    "{GL} state that treatment should be continued only when there is evidence of objective functional gains, such "
    "as a clinically significant improvement in activities of daily living or a reduction in work restrictions.",
    "{GL} advise that a trial of treatment should have a defined duration and measurable goals before it is extended.",
)
UPHELD_GENERAL = (
    "Medical necessity for the requested treatment has not been established based on the documentation provided.",
    "The submitted records do not include a clear rationale for the request or a description of the expected "
    "functional benefit.",
    "A clear treatment plan with specific, measurable functional goals was not documented.",
    "Without this documentation, the request cannot be supported under the cited guidelines.",
    "The guideline criteria have not been met.",
)
OVERTURNED_GENERAL = (
    "The documentation provided supports the request as consistent with the evidence-based criteria.",
    "The treating physician has provided a clear rationale and specific functional goals for the requested treatment.",
    "There are no contraindications documented, and the request is appropriately limited in scope.",
)
GUIDELINE_NAMES = {
    "MTUS": ("The MTUS Chronic Pain Medical Treatment Guidelines", "The California MTUS guidelines",
             "CA MTUS guidelines", "The MTUS guidelines"),
    "ACOEM": ("The ACOEM Practice Guidelines", "ACOEM guidelines", "The ACOEM guidelines"),
    "ODG": ("The Official Disability Guidelines", "The ODG guidelines", "Official Disability Guidelines"),
    "OTHER": ("Published clinical practice guidelines", "The referenced guidelines"),
    "": ("Evidence-based guidelines", "Current treatment guidelines"),
}  # fmt: skip
UPHELD_ENDINGS = (
    "As such, the request for {request} is not medically necessary and appropriate.",
    "Therefore, the request for {request} is not medically necessary.",
    'Given the above, the request for "{request}" is not medically necessary.',
    "As such, the request is not medically necessary.",
    "Thus the current request is not medically necessary.",
    "The request for {request} is therefore not medically necessary and appropriate.",
    "Consequently, the request for {request} cannot be considered medically necessary.",
)
OVERTURNED_ENDINGS = (
    "As such, the request for {request} is medically necessary and appropriate.",
    "Therefore, the request for {request} is medically necessary.",
    "The request for {request} is therefore medically necessary and appropriate.",
    "As such, the request is medically necessary.",
    "Accordingly, the request for {request} has been established as medically necessary.",
)
B_ENDINGS = {
    "upheld": ("Therefore, the request for {request} is not medically necessary and appropriate.",
               "Therefore, the {request} is not medically necessary and appropriate.",
               "As such, the request for {request} is not medically necessary and appropriate."),
    "overturned": ("Therefore, the request for {request} is medically necessary and appropriate.",
                   "Therefore, the {request} is medically necessary and appropriate.",
                   "As such, the request for {request} is medically necessary and appropriate."),
}  # fmt: skip
C_ENDINGS = {
    "upheld": ("The request for {request} is not medically necessary and appropriate.",),
    "overturned": ("The request for {request} is medically necessary and appropriate.",),
}


def _date(day: datetime.date, style: int) -> str:
    if style == 0:
        return f"{day.month:02d}/{day.day:02d}/{day.year}"
    if style == 1:
        return f"{day.month:02d}-{day.day:02d}-{day.year}"
    if style == 2:
        return f"{day.month}-{day.day}-{day.year % 100:02d}"
    return f"{day.strftime('%B')} {day.day}, {day.year}"


def _history(rng: random.Random) -> list[str]:
    """Prior treatments: physical therapy in most histories, then a few others."""
    others = rng.sample(HISTORY, rng.randint(2, 4))
    return ["physical therapy", *others] if rng.random() < 0.7 else others


def mention(item: Item) -> str:
    """The request as a sentence mentions it: "physical therapy ..." but "MRI ...", "Norco ..."."""
    first = item.prose.split(" ", 1)[0]
    keep = item.kind.category == "Pharmaceuticals" or sum(c.isupper() for c in first) > 1 or not first.isalpha()
    return item.prose if keep else item.prose[0].lower() + item.prose[1:]


def _listing(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _region_text(template: str, region: Region, side: str, rng: random.Random, day: datetime.date | None = None) -> str:
    """A region's text with its own placeholders filled (``{him}`` is left for the letter's context)."""
    if "{" not in template:
        return template
    values: dict = {"side": side, "him": "{him}"}
    if "{level}" in template:
        values["level"] = rng.choice(region.levels)
    if "{date}" in template:
        values["date"] = _date(day, 0) if day else ""
    if "{mm}" in template:
        values["mm"] = rng.randint(2, 7)
    if "{deg}" in template:
        values["deg"] = rng.choice((30, 40, 45, 50, 60, 70))
    if "{flex}" in template:
        values["flex"] = rng.choice((90, 100, 110, 120, 140))
    return template.format_map(values)


class Context(dict):
    """The placeholders of one letter's prose: patient, pronouns, region wording, dates."""

    @classmethod
    def of(cls, case: Case, rng: random.Random) -> Context:
        female = case.patient.sex == "female"
        primary = case.patient.primary
        side = case.patient.regions[primary.key]
        visit = case.dates.ur_denial - datetime.timedelta(days=rng.randint(5, 40))
        imaging = case.dates.injury + (visit - case.dates.injury) * rng.random() * 0.8
        context = cls(
            he="she" if female else "he", He="She" if female else "He", his="her" if female else "his",
            His="Her" if female else "His", him="her" if female else "him", age=case.patient.age,
            sex=("woman" if female else "man") if rng.random() < 0.08 else case.patient.sex,
            pt="the injured worker" if case.era == "late" else rng.choice(("the patient", "the injured worker")),
            occupation=rng.choice(OCCUPATIONS), region=primary.name.format(side=side), visit=_date(visit, 0),
            ur=_date(case.dates.ur_denial, 0), pain=rng.randint(5, 8), pain_high=rng.randint(8, 10),
            imaging=_region_text(rng.choice(primary.imaging), primary, side, rng, imaging),
            history=_listing(_history(rng)),
            medications=_listing(rng.sample(MEDICATIONS, rng.randint(2, 4))),
            diagnoses=_listing([_region_text(d, primary, side, rng) for d in rng.sample(primary.diagnoses, 3)]),
        )  # fmt: skip
        findings = rng.sample(primary.findings, 3)
        for key, template in zip(("finding", "finding2", "finding3"), findings, strict=True):
            context[key] = _region_text(template, primary, side, rng)
        context["complaint"] = _region_text(rng.choice(primary.complaints), primary, side, rng)
        context["diagnosis"] = _region_text(rng.choice(primary.diagnoses), primary, side, rng)
        mechanism, noun = rng.choice(MECHANISMS)
        context["mechanism"] = mechanism.format(he=context["he"])
        context["mechanism_noun"] = noun
        context["Pt"] = context["pt"].capitalize()
        return context

    def fill(self, template: str) -> str:
        """``template`` with this context's placeholders filled (twice: region text may hold ``{him}``)."""
        text = template.format_map(self)
        return text.format_map(self) if "{" in text else text


def summary(case: Case, context: Context, rng: random.Random) -> list[str]:
    """The case summary's paragraphs (after the section's introductory sentence)."""
    late = case.era == "late"
    style = rng.choice((1, 1, 2, 3, 0)) if late else rng.choice((0, 0, 0, 3))
    intro = rng.choice(LATE_INTROS if late else EARLY_INTROS)
    context["injury"] = _date(case.dates.injury, style)
    sentences = [
        context.fill(intro),
        context.fill(rng.choice(COMPLAINTS)),
        context.fill(rng.choice(HISTORIES)),
        context["imaging"],
        context.fill(rng.choice(VISITS)),
        context.fill(rng.choice(EXAMS)),
        context.fill(rng.choice(MEDICATION_LINES)),
    ]
    sentences += [_secondary_complaint(case, context, key, rng) for key in list(case.patient.regions)[1:]]
    sentences += [context.fill(extra) for extra in rng.sample(EXTRAS, rng.randint(2, 4))]
    sentences += [context.fill(rng.choice(WORK_STATUS)), context.fill(rng.choice(DIAGNOSES))]
    plan = _listing([mention(item) for item in case.items])
    sentences.append(rng.choice(PLANS).format(plan=plan))
    if late:
        sentences.append(rng.choice(UR_LINES).format(ur=context["ur"], first=mention(case.items[0])))
        sentences += [_partial_summary(item) for item in case.items if item.partial]
    if rng.random() < 0.3:
        cut = rng.randint(4, len(sentences) - 2)
        return [" ".join(sentences[:cut]), " ".join(sentences[cut:])]
    return [" ".join(sentences)]


def _secondary_complaint(case: Case, context: Context, key: str, rng: random.Random) -> str:
    region = REGION_BY_KEY[key]
    complaint = _region_text(rng.choice(region.complaints), region, case.patient.regions[key], rng)
    return context.fill(f"{{He}} also reports {complaint}.")


def _partial_summary(item: Item) -> str:
    partial = item.partial
    return (
        f"{partial.original} was the original request. {partial.authorized} was authorized by the Claims Administrator."
    )


def rationale(item: Item, context: Context, fmt: str, rng: random.Random) -> str:
    """The rationale of one item, ending with the statement of its outcome."""
    topic = TOPIC_BY_KEY[item.kind.topic]
    family = item.families[0] if item.families else ""
    if "MTUS" in item.families:
        family = "MTUS"
    local = Context(context)
    region, side = item.region, item.side
    local.update(
        GL=rng.choice(GUIDELINE_NAMES[family]), request=mention(item), drug=item.drug or "the medication",
        n_prior=rng.choice((12, 18, 20, 24, 30)), region=region.name.format(side=side),
        complaint=_region_text(rng.choice(region.complaints), region, side, rng),
        finding=_region_text(rng.choice(region.findings), region, side, rng),
    )  # fmt: skip
    guidance = rng.sample(topic.guidance, min(len(topic.guidance), rng.choice((2, 3, 3))))
    if len(guidance) < 2 or rng.random() < 0.3:
        guidance.append(rng.choice(GENERAL_GUIDANCE))
    if item.outcome == "upheld":
        reasons_pool = tuple(dict.fromkeys((*topic.upheld, NO_FUNCTION, NO_EXCEPTION)))
        general = rng.sample(UPHELD_GENERAL, rng.choice((1, 1, 2)))
    else:
        reasons_pool = topic.overturned
        general = [*rng.sample(OVERTURNED_GENERAL, 1), *((CRITERIA_MET,) if rng.random() < 0.5 else ())]
    reasons = rng.sample(reasons_pool, min(len(reasons_pool), rng.choice((2, 2, 3))))
    facts = (rng.choice(COMPLAINT_FACTS), rng.choice(FINDING_FACTS))
    sentences = [local.fill(s) for s in (*guidance, *facts, *reasons, *general)]
    if item.partial and fmt == "A" and rng.random() < 0.5:
        sentences.append(f"The remaining IMR eligible portion of the original request, {mention(item)}, was reviewed.")
    sentences.append(_ending(item, fmt, rng))
    return " ".join(sentences)


def _ending(item: Item, fmt: str, rng: random.Random) -> str:
    if fmt == "B":
        ending = rng.choice(B_ENDINGS[item.outcome])
    elif fmt == "C":
        ending = rng.choice(C_ENDINGS[item.outcome])
    else:
        ending = rng.choice(UPHELD_ENDINGS if item.outcome == "upheld" else OVERTURNED_ENDINGS)
    return ending.format(request=mention(item))
