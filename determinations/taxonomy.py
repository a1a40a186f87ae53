"""Treatment taxonomy: one category and a finer subcategory for every disputed item.

DESIGN.md section 4 asks for a keyword taxonomy kept as data. The data is ``RULES``: rows of
(category, subcategory, patterns, rank, catch_all). Adding a drug, device or procedure means adding a
pattern to a row (or a new row); nothing else changes. Patterns are lower-case regular
expressions without capturing groups, matched on word boundaries against the lower-cased
request, so brand names, generic names and abbreviations can sit side by side.

A request often names several kinds of thing ("pre-operative labs for knee arthroscopy",
"physical therapy evaluation", "lumbar epidural steroid injection with pain interventionist
consult"). The category is the service actually requested, found by a small, general
precedence mechanism that approximates the head of the noun phrase:

1. The request is cut into segments at punctuation (``, ; : ( ) [ ]``) and at prepositions
   that introduce context ("for", "of", "with", "to", "at", "in", ...). The first segment
   that contains a match decides; later segments are context ("... for knee arthroscopy").
   A segment without any match ("12 sessions of ...", "Purchase of ...") is skipped.
2. Within the deciding segment the match with the highest rank wins, and among equal ranks
   the one that ends last: in English the head noun comes last ("physical therapy
   *evaluation*", "lidocaine 5% *patch*"). Because the scanner prefers the longest pattern
   at each position, a multi-word term beats its parts ("functional capacity evaluation" is
   a test, not an evaluation).
3. Ranks: ``HEAD`` rows are services that subsume what else a segment names (consultations
   and evaluations, settings such as inpatient rehabilitation); ``NORMAL`` is the default;
   ``FALLBACK`` rows ("visits", "follow-up", "surgical", "medications") only count when
   nothing else in the whole request matches.
4. ``catch_all`` rows name a category but no particular kind ("injection", "surgery", "test").
   When one wins, the subcategory comes from a specific row of the same category in the same
   segment ("Orthovisc *injection*" is viscosupplementation, "lumbar fusion *surgery*" a
   fusion).
5. ``NEUTRAL_PHRASES`` are consumed without voting: qualifiers that name the context, not the
   service ("post-operative", "associated surgical service", "evaluation and treatment").
6. ``TOPICAL_FORMS``: a medication in a topical or compounded form anywhere in the request
   gets the subcategory "Topical & compounded" (an NSAID cream is a topical), opioids apart.

Unmatched requests are ``Classification("Other", "Unclassified")``, kept visible so the
taxonomy can grow. The module is pure Python (no Django) so the parser and the bulk loader
can use it in worker processes; ``classify`` runs one precompiled scanner over the request
and memoises results, because it is called millions of times during a bulk load.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["CATEGORIES", "RULES", "SUBCATEGORIES", "Classification", "Rule", "classify"]


@dataclass(frozen=True)
class Classification:
    """The category (DESIGN.md section 4) and subcategory of one disputed item."""

    category: str
    subcategory: str


FALLBACK = 0
NORMAL = 1
HEAD = 2


@dataclass(frozen=True)
class Rule:
    """One row of the taxonomy: requests matching any of ``patterns`` belong here."""

    category: str
    subcategory: str
    patterns: tuple[str, ...]
    rank: int = NORMAL
    catch_all: bool = False


CATEGORIES: tuple[str, ...] = (
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

OTHER = Classification("Other", "Unclassified")

# A data table: patterns are packed several to a line.
# fmt: off
RULES: tuple[Rule, ...] = (
    # --- Pharmaceuticals ---------------------------------------------------------------------------------
    Rule("Pharmaceuticals", "Opioids", patterns=(
        r"norco", r"hydrocodone(?:/apap|/acetaminophen| bitartrate)?", r"apap/hydrocodone", r"vicodin",
        r"lortab", r"lorcet", r"zohydro", r"hysingla", r"tramadol(?: er| hcl)?", r"ultram(?: er)?",
        r"ultracet", r"conzip", r"nucynta(?: er)?", r"tapentadol", r"oxycodone(?:/apap|/acetaminophen)?",
        r"oxycontin", r"percocet", r"endocet", r"roxicodone", r"roxicet", r"xtampza",
        r"morphine(?: sulfate)?", r"ms contin", r"kadian", r"avinza", r"embeda", r"hydromorphone",
        r"dilaudid", r"exalgo", r"fentanyl", r"duragesic", r"methadone", r"buprenorphine", r"butrans",
        r"belbuca", r"suboxone", r"subutex", r"zubsolv", r"codeine",
        r"tylenol (?:with codeine|#\s?[34]|no\.?\s?[34]|[34])", r"oxymorphone", r"opana", r"meperidine",
        r"demerol", r"levorphanol", r"pentazocine", r"talwin", r"butorphanol", r"nalbuphine", r"opioids?",
        r"opiates?", r"narcotics?",
    )),
    Rule("Pharmaceuticals", "NSAIDs", patterns=(
        r"nsaids?", r"non-?steroidal anti-?inflammator\w*", r"anti-?inflammator\w*",
        r"naproxen(?: sodium)?", r"anaprox(?: ds)?", r"naprosyn", r"naprelan", r"ibuprofen", r"motrin",
        r"advil", r"celecoxib", r"celebrex", r"diclofenac(?: sodium| potassium)?", r"voltaren", r"flector",
        r"pennsaid", r"arthrotec", r"zipsor", r"zorvolex", r"cambia", r"meloxicam", r"mobic", r"vivlodex",
        r"nabumetone", r"relafen", r"etodolac", r"lodine", r"ketoprofen", r"ketorolac", r"toradol",
        r"sprix", r"indomethacin", r"indocin", r"piroxicam", r"feldene", r"fenoprofen", r"nalfon",
        r"flurbiprofen", r"oxaprozin", r"daypro", r"sulindac", r"clinoril", r"salsalate", r"diflunisal",
        r"duexis", r"vimovo", r"mefenamic acid", r"ponstel", r"aspirin",
    )),
    Rule("Pharmaceuticals", "Muscle relaxants", patterns=(
        r"cyclobenzaprine(?: hcl)?", r"flexeril", r"fexmid", r"amrix", r"orphenadrine(?: citrate)?(?: er)?",
        r"norflex", r"norgesic", r"methocarbamol", r"robaxin", r"carisoprodol", r"soma", r"tizanidine",
        r"zanaflex", r"baclofen", r"lioresal", r"metaxalone", r"skelaxin", r"chlorzoxazone",
        r"parafon(?: forte)?", r"lorzone", r"dantrolene", r"muscle relaxants?", r"antispasmodics?",
    )),
    Rule("Pharmaceuticals", "Anticonvulsants", patterns=(
        r"gabapentin", r"neurontin", r"gralise", r"horizant", r"pregabalin", r"lyrica", r"topiramate",
        r"topamax", r"carbamazepine", r"tegretol", r"oxcarbazepine", r"trileptal", r"lamotrigine",
        r"lamictal", r"divalproex", r"depakote", r"valproic acid", r"levetiracetam", r"keppra",
        r"zonisamide", r"zonegran", r"lacosamide", r"vimpat", r"anticonvulsants?", r"anti-?epilep\w*",
        r"aeds?",
    )),
    Rule("Pharmaceuticals", "Antidepressants", patterns=(
        r"venlafaxine(?: hcl)?(?: er| xr)?", r"effexor(?: xr)?", r"duloxetine", r"cymbalta",
        r"bupropion(?: hcl)?(?: sr| xl)?", r"wellbutrin(?: sr| xl)?", r"amitriptyline", r"elavil",
        r"nortriptyline", r"pamelor", r"desipramine", r"imipramine", r"doxepin", r"sertraline", r"zoloft",
        r"fluoxetine", r"prozac", r"paroxetine", r"paxil", r"citalopram", r"celexa", r"escitalopram",
        r"lexapro", r"desvenlafaxine", r"pristiq", r"mirtazapine", r"remeron", r"vortioxetine",
        r"trintellix", r"brintellix", r"vilazodone", r"viibryd", r"milnacipran", r"savella",
        r"antidepressants?", r"ssris?", r"snris?", r"tricyclics?",
    )),
    Rule("Pharmaceuticals", "Sleep aids", patterns=(
        r"ambien(?: cr)?", r"zolpidem(?: tartrate)?(?: er| cr)?", r"lunesta", r"eszopiclone", r"sonata",
        r"zaleplon", r"restoril", r"temazepam", r"trazodone", r"desyrel", r"belsomra", r"suvorexant",
        r"rozerem", r"ramelteon", r"silenor", r"intermezzo", r"edluar", r"halcion", r"triazolam",
        r"melatonin", r"sleep aids?", r"sleep medications?", r"hypnotics?",
    )),
    Rule("Pharmaceuticals", "Benzodiazepines & anxiolytics", patterns=(
        r"alprazolam", r"xanax", r"diazepam", r"valium", r"clonazepam", r"klonopin", r"lorazepam",
        r"ativan", r"chlordiazepoxide", r"librium", r"buspirone", r"buspar",
        r"hydroxyzine(?: hcl| pamoate)?", r"vistaril", r"atarax", r"benzodiazepines?", r"anxiolytics?",
    )),
    Rule("Pharmaceuticals", "Proton pump inhibitors & GI agents", patterns=(
        r"omeprazole", r"prilosec", r"pantoprazole(?: sodium)?", r"protonix", r"esomeprazole", r"nexium",
        r"lansoprazole", r"prevacid", r"rabeprazole", r"aciphex", r"dexlansoprazole", r"dexilant",
        r"proton pump inhibitors?", r"ppis?", r"ranitidine", r"zantac", r"famotidine", r"pepcid",
        r"h2 blockers?", r"sucralfate", r"carafate", r"ondansetron", r"zofran", r"promethazine",
        r"phenergan", r"metoclopramide", r"reglan", r"misoprostol", r"cytotec", r"docusate(?: sodium)?",
        r"colace", r"senna", r"senokot(?:-s)?", r"sennosides", r"lactulose", r"miralax", r"linzess",
        r"amitiza", r"lubiprostone", r"movantik", r"naloxegol", r"relistor", r"methylnaltrexone",
        r"stool softeners?", r"laxatives?",
    )),
    Rule("Pharmaceuticals", "Medical foods", patterns=(
        r"theramine", r"sentra(?: am| pm)?", r"gabadone", r"trepadone", r"percura", r"apptrim",
        r"hypertensa", r"medical foods?",
    )),
    Rule("Pharmaceuticals", "Topical & compounded", patterns=(
        r"lidoderm", r"lidocaine(?: hcl)?", r"xylocaine", r"terocin", r"salonpas", r"capsaicin", r"zostrix",
        r"menthoderm", r"methoderm", r"biofreeze", r"icy hot", r"ben-?gay", r"lidopro", r"dendracin",
        r"medrox", r"thermacin", r"anecream", r"camphor", r"menthol", r"methyl salicylate", r"deprizine",
        r"fanatrex", r"synapryn", r"tabradol", r"ketophene", r"dicopanol",
    )),
    Rule("Pharmaceuticals", "Topical & compounded", rank=FALLBACK, patterns=(
        r"compound\w*", r"creams?", r"gels?", r"ointments?", r"lotions?", r"patch(?:es)?", r"topicals?",
        r"transdermal", r"liniments?",
    )),
    Rule("Pharmaceuticals", "Other medication", patterns=(
        r"prednisone", r"prednisolone", r"medrol(?: dose ?pa(?:c?k))?", r"methylprednisolone",
        r"oral steroids?", r"steroids?", r"tylenol", r"acetaminophen", r"apap", r"excedrin", r"fioricet",
        r"butalbital", r"sumatriptan", r"imitrex", r"rizatriptan", r"maxalt", r"vitamins?",
        r"vitamin [a-z0-9]+", r"supplements?", r"glucosamine(?: sulfate)?", r"chondroitin", r"fish oil",
        r"omega-?3", r"antibiotics?", r"keflex", r"cephalexin", r"doxycycline", r"ciprofloxacin", r"viagra",
        r"cialis", r"sildenafil", r"tadalafil", r"testosterone", r"androgel", r"lisinopril", r"metformin",
        r"insulin", r"nicotine", r"chantix", r"naloxone", r"narcan", r"modafinil", r"provigil",
        r"armodafinil", r"nuvigil", r"aripiprazole", r"abilify", r"quetiapine", r"seroquel", r"risperidone",
        r"risperdal", r"olanzapine", r"zyprexa", r"lithium", r"antipsychotics?", r"antihistamines?",
        r"benadryl", r"diphenhydramine", r"pharmaceuticals?",
    )),
    Rule("Pharmaceuticals", "Other medication", rank=FALLBACK, catch_all=True, patterns=(
        r"medications?", r"meds", r"prescriptions?", r"refills?", r"tablets?", r"capsules?",
    )),
    # --- Rehabilitation ----------------------------------------------------------------------------------
    Rule("Rehabilitation", "Physical therapy", patterns=(
        r"physical therap\w*", r"pt", r"physiotherap\w*", r"physio", r"therapeutic exercises?",
        r"therapeutic activities", r"neuromuscular re-?education", r"manual therap\w*", r"gait training",
        r"land[- ]based therap\w*",
    )),
    Rule("Rehabilitation", "Occupational therapy", patterns=(
        r"occupational therap\w*", r"ot", r"hand therap\w*",
    )),
    Rule("Rehabilitation", "Chiropractic", patterns=(
        r"chiropract\w*", r"chiro", r"chiropractic manipulative treatment", r"spinal manipulation",
        r"manipulation", r"manipulative therap\w*", r"osteopathic manipulat\w*", r"omt",
    )),
    Rule("Rehabilitation", "Acupuncture", patterns=(
        r"acupuncture", r"electro-?acupuncture", r"acupressure", r"dry needling",
    )),
    Rule("Rehabilitation", "Massage", patterns=(
        r"massage\w*", r"myofascial release", r"soft tissue mobili[sz]ation", r"myotherapy",
    )),
    Rule("Rehabilitation", "Aquatic therapy", patterns=(
        r"aqua\w* therap\w*", r"aquatic\w*", r"pool therap\w*", r"hydrotherapy", r"water therap\w*",
        r"aquatic exercises?",
    )),
    Rule("Rehabilitation", "Work hardening & conditioning", patterns=(
        r"work[- ]?hardening", r"work[- ]?conditioning", r"work simulation",
    )),
    Rule("Rehabilitation", "Inpatient rehabilitation & skilled nursing", rank=HEAD, patterns=(
        r"inpatient rehab\w*", r"acute rehab\w*", r"sub-?acute rehab\w*",
        r"rehab\w* (?:facility|facilities|center|unit|hospital|admission|stay)",
        r"skilled nursing(?: facilit\w*| stay| admission)?", r"snf", r"transitional care",
        r"post-?acute care",
    )),
    Rule("Rehabilitation", "Home exercise instruction", patterns=(
        r"home exercise(?: program| instruction| training)?", r"exercise instruction", r"exercise program",
        r"independent exercise",
    )),
    Rule("Rehabilitation", "Electrical stimulation & modalities", patterns=(
        r"electrical stimulation", r"electric stimulation", r"e-?stim", r"iontophoresis", r"phonophoresis",
        r"ultrasound therap\w*", r"therapeutic ultrasound", r"diathermy", r"infrared therap\w*",
        r"laser therap\w*", r"low[- ]level laser(?: therap\w*)?", r"cold laser(?: therap\w*)?", r"traction",
        r"mechanical traction", r"(?:spinal )?decompression therap\w*", r"vax-?d", r"drx ?9000",
        r"modalit(?:y|ies)",
    )),
    Rule("Rehabilitation", "Other rehabilitation", catch_all=True, patterns=(
        r"rehab\w*",
    )),
    Rule("Rehabilitation", "Other rehabilitation", patterns=(
        r"speech therap\w*", r"vestibular (?:rehab\w*|therap\w*)", r"cognitive rehab\w*",
        r"cardiac rehab\w*", r"pulmonary rehab\w*", r"vision therap\w*",
    )),
    # --- Diagnostic Testing ------------------------------------------------------------------------------
    Rule("Diagnostic Testing", "MRI", patterns=(
        r"mri arthrogra\w*",
        r"mri(?:s| scans?)?", r"mr arthrogra\w*", r"mr angiogra\w*", r"mra",
        r"magnetic resonance(?: imaging| angiogra\w*| scans?)?", r"open mri", r"upright mri",
        r"standing mri", r"mars mri",
    )),
    Rule("Diagnostic Testing", "CT", patterns=(
        r"ct(?: scans?)?", r"cat scans?", r"computed (?:axial )?tomograph\w*",
        r"computeri[sz]ed tomograph\w*", r"ct myelogra\w*", r"myelogra\w*", r"ct arthrogra\w*",
    )),
    Rule("Diagnostic Testing", "X-ray", patterns=(
        r"x-?rays?", r"radiographs?", r"radiographic (?:stud\w*|exam\w*|views?)", r"plain films?",
    )),
    Rule("Diagnostic Testing", "Electrodiagnostic (EMG/NCV)", patterns=(
        r"emgs?", r"ncvs?", r"ncs", r"emg/ncv", r"emg/ncs", r"ncv/emg", r"ncs/emg", r"electromyogra\w*",
        r"nerve conduction(?: velocit\w*| stud\w*| test\w*)?",
        r"electrodiagnostic\w*(?: stud\w*| test\w*)?", r"sseps?", r"somatosensory evoked potentials?",
        r"evoked potentials?", r"current perception threshold(?: test\w*)?",
        r"sensory nerve conduction threshold",
    )),
    Rule("Diagnostic Testing", "Laboratory", patterns=(
        r"labs?", r"laboratory(?: stud\w*| test\w*| work)?", r"lab work", r"blood ?work",
        r"blood (?:tests?|testing|draws?|panel)", r"cbc", r"complete blood count", r"cmp", r"bmp",
        r"(?:comprehensive |basic )?metabolic panel", r"chem(?:istry)? panel",
        r"liver function(?: tests?| panel)?", r"lfts?", r"renal function(?: tests?| panel)?",
        r"kidney function(?: tests?)?", r"hepatic (?:function )?panel", r"urinalysis", r"ua", r"hba1c",
        r"a1c", r"hemoglobin a1c", r"pt/inr", r"pt/ptt", r"ptt", r"inr", r"coagulation (?:panel|stud\w*)",
        r"lipid panel", r"thyroid (?:panel|function\w*)", r"tsh", r"vitamin d levels?", r"esr", r"sed rate",
        r"crp", r"c-reactive protein", r"rheumatoid factor", r"genetic test\w*",
        r"pharmacogene\w*(?: test\w*)?", r"pharmacogenomic\w*(?: test\w*)?",
        r"cytochrome p450(?: test\w*)?", r"dna test\w*", r"electrolytes", r"serum (?:\w+ )?levels?",
    )),
    Rule("Diagnostic Testing", "Urine drug screen", patterns=(
        r"urine drug (?:screen\w*|test\w*|toxicology)", r"urine toxicology(?: screen\w*| test\w*)?",
        r"urine tox(?: screen\w*)?", r"uds", r"udt", r"drug screen\w*", r"drug test\w*",
        r"toxicology (?:screen\w*|test\w*)", r"urine screen\w*", r"saliva drug test\w*",
        r"oral fluid drug test\w*", r"quantitative (?:drug|urine)\w*(?: test\w*| screen\w*)?",
    )),
    Rule("Diagnostic Testing", "Functional capacity evaluation", patterns=(
        r"functional capacity(?: evaluations?| exam\w*| assessments?| test\w*)?", r"fces?",
        r"physical performance (?:evaluations?|test\w*)", r"work capacity evaluations?",
    )),
    Rule("Diagnostic Testing", "Sleep study", patterns=(
        r"sleep stud(?:y|ies)", r"polysomnogra\w*", r"psg", r"sleep test\w*",
        r"multiple sleep latency test\w*", r"mslt", r"home sleep (?:stud(?:y|ies)|test\w*)",
    )),
    Rule("Diagnostic Testing", "Bone scan & densitometry", patterns=(
        r"bone scans?", r"triple[- ]phase bone scans?", r"bone scintigra\w*",
        r"bone densit\w*(?: scans?| stud\w*| test\w*)?", r"dexa(?: scans?)?", r"dxa",
    )),
    Rule("Diagnostic Testing", "Ultrasound", patterns=(
        r"ultrasounds?", r"ultrasonogra\w*", r"sonogra\w*", r"doppler(?: stud\w*)?",
        r"duplex(?: scans?| ultrasound| stud\w*)?", r"diagnostic ultrasound", r"musculoskeletal ultrasound",
    )),
    Rule("Diagnostic Testing", "Cardiopulmonary testing", patterns=(
        r"ekgs?", r"ecgs?", r"electrocardiogra\w*", r"echocardiogra\w*", r"(?:cardiac )?stress tests?",
        r"holter(?: monitor\w*)?", r"pulmonary function(?: tests?| stud\w*)?", r"pfts?", r"spirometry",
    )),
    Rule("Diagnostic Testing", "Other imaging", patterns=(
        r"arthrogra\w*", r"pet(?:/ct)? scans?", r"spect(?: scans?)?", r"discogra\w*", r"thermogra\w*",
        r"videofluorosc\w*", r"diagnostic imaging",
    )),
    Rule("Diagnostic Testing", "Other diagnostic test", patterns=(
        r"audiogra\w*", r"audiometr\w*", r"audiolog\w* (?:evaluations?|test\w*|exam\w*)",
        r"hearing (?:tests?|testing|evaluations?)", r"vng", r"videonystagmogra\w*",
        r"electronystagmogra\w*", r"eegs?", r"electroencephalogra\w*",
        r"computeri[sz]ed (?:range of motion|rom|muscle|strength)(?: test\w*)?",
        r"range of motion (?:test\w*|measurements?)", r"muscle test\w*", r"grip strength test\w*",
        r"quantitative sensory test\w*", r"qst", r"allergy test\w*",
        r"diagnostic (?:stud(?:y|ies)|test\w*)",
    )),
    Rule("Diagnostic Testing", "Other diagnostic test", rank=FALLBACK, catch_all=True, patterns=(
        r"tests?", r"testing", r"imaging", r"scans?", r"stud(?:y|ies)",
    )),
    # --- DMEPOS ------------------------------------------------------------------------------------------
    Rule("DMEPOS", "Electrotherapy units (TENS, H-wave, IF)", patterns=(
        r"tens(?: units?)?", r"tens/ems(?: units?)?",
        r"transcutaneous electrical nerve stimulat\w*(?: units?)?",
        r"h[- ]?wave(?: units?| devices?| stimulat\w*)?",
        r"in(?:ter)?ferential(?: current)?(?: stimulat\w*| units?)?", r"if units?", r"ems(?: units?)?",
        r"nmes(?: units?)?", r"neuromuscular electrical stimulat\w*(?: units?| devices?)?",
        r"electrical muscle stimulat\w*(?: units?)?", r"muscle stimulat\w*(?: units?)?",
        r"stimulator units?", r"e-?stim units?", r"rs-?4i(?: sequential stimulator)?", r"alpha-?stim",
        r"cefaly", r"microcurrent(?: units?)?", r"sequential stimulators?", r"stimulators?",
    )),
    Rule("DMEPOS", "Braces & supports", patterns=(
        r"braces?", r"bracing", r"splints?", r"splinting", r"lumbar supports?",
        r"(?:back|lumbosacral|lumbar|wrist|knee|ankle|elbow|abdominal|sacroiliac|si) (?:supports?|"
        r"belts?|binders?)",
        r"lsos?", r"tlsos?", r"cervical collars?", r"collars?", r"slings?", r"immobili[sz]ers?",
        r"cam (?:walker|boot)s?", r"walking boots?", r"compression (?:garments?|stockings?|sleeves?|hose)",
        r"ted hose", r"thumb spica", r"spica", r"corsets?", r"posture (?:braces?|correctors?)",
        r"kinesio ?tap\w*", r"k-?tape",
    )),
    Rule("DMEPOS", "Orthotics & footwear", patterns=(
        r"orthotics?", r"orthoses", r"orthosis", r"orthotic devices?", r"insoles?", r"shoe inserts?",
        r"heel (?:lifts?|cups?|pads?)", r"orthopedic shoes?", r"shoes?", r"footwear", r"afos?",
        r"ankle[- ]foot orthos[ie]s",
    )),
    Rule("DMEPOS", "Cold & heat therapy", patterns=(
        r"cold therapy(?: units?| devices?| system)?", r"cryotherapy(?: units?| devices?)?",
        r"continuous[- ]flow cryotherapy(?: units?)?", r"cryo-?cuff", r"ice (?:machines?|units?|packs?)",
        r"game ready(?: units?)?", r"polar care(?: units?)?", r"vasotherm(?: units?)?",
        r"vascutherm(?: units?)?", r"hot/cold (?:therapy )?(?:units?|packs?|wraps?)",
        r"hot and cold (?:therapy )?(?:units?|packs?|wraps?)",
        r"heat(?:ing)? (?:pads?|units?|wraps?|packs?)", r"cold (?:packs?|wraps?)", r"hot packs?",
        r"thermal (?:therapy )?units?", r"paraffin (?:wax )?(?:units?|baths?)",
    )),
    Rule("DMEPOS", "Mobility aids", patterns=(
        r"walkers?", r"(?:front[- ]wheel(?:ed)?|rolling|four[- ]wheel(?:ed)?) walkers?", r"rollators?",
        r"wheelchairs?", r"power (?:wheelchairs?|scooters?|chairs?|mobility\w*)", r"scooters?", r"canes?",
        r"crutch(?:es)?", r"knee (?:walkers?|scooters?)", r"mobility (?:aids?|devices?|scooters?)",
        r"transfer boards?", r"patient lifts?", r"hoyer lifts?", r"stair ?lifts?",
    )),
    Rule("DMEPOS", "Beds & bath equipment", patterns=(
        r"hospital beds?", r"adjustable beds?", r"beds?", r"mattress\w*", r"pillows?",
        r"shower (?:chairs?|bench(?:es)?|stools?|seats?)", r"tub (?:bench(?:es)?|chairs?|transfer bench(?:es)?)",
        r"bath (?:bench(?:es)?|chairs?|seats?|equipment)", r"bathroom (?:equipment|modifications?)",
        r"commodes?", r"grab bars?", r"raised toilet seats?", r"toilet (?:seats?|risers?|safety frames?)",
        r"reachers?", r"grabbers?", r"jacuzzi", r"hot tubs?", r"whirlpool (?:baths?|tubs?)",
    )),
    Rule("DMEPOS", "Hearing aids", patterns=(
        r"hearing aids?", r"hearing devices?", r"tinnitus maskers?",
    )),
    Rule("DMEPOS", "Ergonomic & exercise equipment", patterns=(
        r"ergonomic\w*(?: \w+)?", r"workstations?", r"(?:standing|sit[- ]stand) desks?", r"office chairs?",
        r"lift chairs?", r"recliners?", r"home exercise (?:kits?|equipment)",
        r"exercise (?:equipment|balls?|bikes?|bicycles?|machines?)", r"stationary (?:bikes?|bicycles?)",
        r"treadmills?", r"therabands?", r"resistance bands?", r"(?:over[- ]the[- ]door )?pulleys?",
        r"(?:home |cervical |lumbar )?traction (?:units?|devices?)", r"inversion tables?", r"chairs?",
    )),
    Rule("DMEPOS", "Continuous passive motion", patterns=(
        r"cpm(?: machines?| units?| devices?)?",
        r"continuous passive motion(?: machines?| units?| devices?)?", r"dynasplint\w*",
        r"static progressive stretch\w*",
    )),
    Rule("DMEPOS", "Supplies", patterns=(
        r"supplies", r"electrodes?", r"batter(?:y|ies)", r"lead wires?", r"conductive garments?",
        r"dressings?", r"incontinence (?:supplies|pads|products)", r"diapers?", r"catheters?", r"gauze",
        r"bandages?",
    )),
    Rule("DMEPOS", "Other DME", rank=FALLBACK, catch_all=True, patterns=(
        r"dme", r"durable medical equipment", r"medical equipment",
    )),
    Rule("DMEPOS", "Other DME", patterns=(
        r"bone (?:growth )?stimulat\w*",
        r"exogen", r"sequential compression(?: devices?| units?)?",
        r"(?:intermittent )?pneumatic compression(?: devices?| pumps?)?", r"lymphedema pumps?",
        r"dvt (?:prophylaxis |prevention )?(?:units?|devices?|system)", r"nebuli[sz]ers?",
        r"cpap(?: machines?)?", r"bipap", r"oxygen(?: concentrators?)?", r"glucometers?",
        r"blood pressure (?:monitors?|cuffs?)", r"prosthe\w*", r"eyeglasses", r"glasses",
    )),
    # --- Evaluation & Management -------------------------------------------------------------------------
    Rule("Evaluation & Management", "Consultation & referral", rank=HEAD, patterns=(
        r"consult\w*", r"referrals?", r"refer", r"specialist(?: visits?)?",
    )),
    Rule("Evaluation & Management", "Evaluation & re-examination", rank=HEAD, patterns=(
        r"evaluations?", r"evals?", r"re-?evaluations?", r"re-?evals?", r"re-?exam\w*",
        r"initial evaluations?", r"history and physical", r"h&p", r"assessments?",
        r"(?:physical|medical|neurologic\w*) exam\w*", r"independent medical (?:exam\w*|evaluations?)",
    )),
    Rule("Evaluation & Management", "Follow-up & office visits", rank=HEAD, patterns=(
        r"follow[- ]?up (?:visits?|appointments?|evaluations?|exam\w*|care|office visits?)",
        r"office visits?", r"clinic visits?", r"return visits?", r"outpatient visits?",
        r"(?:doctor|physician|provider)(?:'s)? visits?", r"telehealth(?: visits?)?",
        r"telemedicine(?: visits?)?",
    )),
    Rule("Evaluation & Management", "Follow-up & office visits", patterns=(
        r"medication management(?: visits?)?",
    )),
    Rule("Evaluation & Management", "Second opinion", rank=HEAD, patterns=(
        r"second opinions?", r"2nd opinions?",
    )),
    Rule("Evaluation & Management", "Pre-operative clearance", rank=HEAD, patterns=(
        r"(?:pre-?op(?:erative)?|pre-?surgical) (?:medical |cardiac |"
        r"internal medicine )?(?:clearance|evaluations?|consult\w*|h&p|history and physical|"
        r"assessments?)",
        r"(?:medical|surgical|cardiac|cardiology|internal medicine) clearance", r"clearances?",
    )),
    Rule("Evaluation & Management", "Other evaluation & management", rank=FALLBACK, patterns=(
        r"pain management", r"visits?", r"appointments?", r"follow[- ]?ups?", r"f/u", r"orthopedist",
        r"neurologist", r"physiatrist", r"urgent care", r"emergency room",
    )),
    # --- Injections & Procedures -------------------------------------------------------------------------
    Rule("Injections & Procedures", "Epidural steroid injection", patterns=(
        r"epidural(?: steroid)?(?: injections?| blocks?)?", r"esis?", r"lesis?", r"cesis?", r"tfesis?",
        r"transforaminal(?: epidural)?(?: steroid)?(?: injections?| blocks?)?",
        r"interlaminar(?: epidural)?(?: steroid)?(?: injections?| blocks?)?",
        r"caudal(?: epidural)?(?: steroid)?(?: injections?| blocks?)?", r"selective nerve root blocks?",
        r"snrbs?", r"nerve root blocks?",
    )),
    Rule("Injections & Procedures", "Facet & medial branch blocks", patterns=(
        r"facet(?: joint)?(?: injections?| blocks?| nerve blocks?)?",
        r"medial branch(?: blocks?| nerve blocks?| injections?)?", r"mbbs?", r"mbnbs?",
    )),
    Rule("Injections & Procedures", "Radiofrequency ablation", patterns=(
        r"radiofrequency(?: ablations?| neurotom\w*| rhizotom\w*| lesioning| denervation)?", r"rfas?",
        r"rf ablations?", r"rhizotom\w*", r"neurotom\w*", r"denervation", r"coolief",
    )),
    Rule("Injections & Procedures", "Trigger point injection", patterns=(
        r"trigger points?(?: injections?)?", r"tpis?",
    )),
    Rule("Injections & Procedures", "Sacroiliac joint injection", patterns=(
        r"sacroiliac(?: joint)?(?: injections?| blocks?)?", r"si joint(?: injections?| blocks?)?",
        r"sij(?: injections?| blocks?)?",
    )),
    Rule("Injections & Procedures", "Joint & soft-tissue injection", patterns=(
        r"(?:intra-?articular|subacromial|glenohumeral|acromioclavicular|ac joint|knee|shoulder|hip|"
        r"joint|cortisone|corticosteroid|steroid|kenalog|depo-?medrol|tendon sheath|bursa|bursal|"
        r"trochanteric|de quervain\w*|carpal tunnel|ganglion cyst|elbow|wrist|ankle|plantar fascia|"
        r"trigger finger) injections?",
        r"cortisone shots?", r"aspiration", r"arthrocentesis",
    )),
    Rule("Injections & Procedures", "Platelet-rich plasma & regenerative", patterns=(
        r"platelet[- ]rich plasma(?: injections?| therap\w*)?", r"prp(?: injections?)?",
        r"stem cells?(?: injections?| therap\w*)?", r"prolotherapy", r"amniotic\w*(?: injections?)?",
        r"regenerative (?:injections?|therap\w*|medicine)",
    )),
    Rule("Injections & Procedures", "Viscosupplementation", patterns=(
        r"viscosupplement\w*", r"hyaluronic acid(?: injections?)?", r"hyaluronan", r"synvisc(?:-one)?",
        r"orthovisc", r"euflexxa", r"supartz", r"hyalgan", r"monovisc", r"gel-?one", r"gelsyn", r"durolane",
        r"genvisc", r"trivisc",
    )),
    Rule("Injections & Procedures", "Nerve blocks", patterns=(
        r"nerve blocks?", r"stellate ganglion blocks?", r"(?:lumbar )?sympathetic (?:nerve )?blocks?",
        r"(?:greater )?occipital nerve blocks?", r"genicular nerve blocks?", r"suprascapular nerve blocks?",
        r"intercostal nerve blocks?", r"ganglion impar(?: blocks?)?",
    )),
    Rule("Injections & Procedures", "Nerve blocks", catch_all=True, patterns=(
        r"blocks?",
    )),
    Rule("Injections & Procedures", "Neuroplasty & neurolysis", patterns=(
        r"injections? of (?:a )?neurolytic (?:substances?|agents?)", r"neuroplast\w*", r"neurolysis",
        r"neurolytic(?: substances?| agents?)?", r"adhesiolysis", r"lysis of adhesions",
        r"racz(?: procedure)?", r"cryoneurolysis",
    )),
    Rule("Injections & Procedures", "Shockwave therapy", patterns=(
        r"(?:extracorporeal )?shock ?wave(?: therap\w*| treatments?| lithotripsy)?", r"eswt", r"ecswt",
    )),
    Rule("Injections & Procedures", "Neurostimulation", patterns=(
        r"spinal cord stimulat\w*(?: trials?| implant\w*| systems?)?", r"scs(?: trials?)?",
        r"dorsal column stimulat\w*", r"dorsal root ganglion stimulat\w*",
        r"(?:peripheral|occipital) nerve stimulat\w*", r"percutaneous electrical nerve stimulat\w*",
        r"pens", r"percutaneous neuromodulation\w*", r"neurostimulat\w*", r"neuromodulation",
        r"scrambler therap\w*", r"calmare(?: therap\w*)?",
        r"intrathecal (?:pumps?|drug delivery\w*|morphine pumps?)", r"pain pumps?", r"stimulator trials?",
    )),
    Rule("Injections & Procedures", "Botulinum toxin", patterns=(
        r"botox", r"botulinum(?: toxin)?(?: injections?)?", r"dysport", r"myobloc", r"xeomin",
    )),
    Rule("Injections & Procedures", "Other injection or procedure", catch_all=True, patterns=(
        r"injections?", r"injectables?", r"shots?",
    )),
    Rule("Injections & Procedures", "Other injection or procedure", patterns=(
        r"manipulation under anesthesia", r"mua",
        r"(?:ketamine |lidocaine |iv )?infusions?", r"biops(?:y|ies)", r"fluoroscop\w*(?: guidance)?",
        r"(?:ultrasound|image|ct)[- ]guid(?:ed|ance)", r"hyperbaric oxygen(?: therap\w*)?",
    )),
    Rule("Injections & Procedures", "Other injection or procedure", rank=FALLBACK, catch_all=True, patterns=(
        r"procedures?",
    )),
    # --- Surgery -----------------------------------------------------------------------------------------
    Rule("Surgery", "Arthroscopy", patterns=(
        r"arthroscop\w*", r"(?:knee |shoulder |hip )?scope", r"men(?:i|is)scectomy", r"chondroplasty",
        r"synovectomy", r"acromioplasty", r"subacromial decompression",
        r"distal clavicle (?:resection|excision)", r"mumford(?: procedure)?",
    )),
    Rule("Surgery", "Fusion", patterns=(
        r"fusions?", r"arthrodesis", r"alif", r"plif", r"tlif", r"xlif", r"acdf",
        r"anterior cervical discectomy and fusion", r"(?:spinal )?instrumentation", r"pedicle screws?",
        r"interbody(?: cages?| devices?)?",
    )),
    Rule("Surgery", "Spinal decompression & discectomy", patterns=(
        r"(?:micro)?dis[ck]ectomy", r"(?:hemi)?laminectomy", r"laminotomy", r"laminoplasty",
        r"foraminotomy", r"facetectomy", r"decompressions?", r"decompressive",
    )),
    Rule("Surgery", "Nerve & tendon release", patterns=(
        r"(?:carpal|cubital|tarsal|radial|guyon\w*) tunnel releases?", r"ctr",
        r"trigger (?:finger|thumb)(?: releases?)?", r"de quervain\w*(?: releases?)?",
        r"(?:first dorsal compartment|lateral|medial|tendon|fascia\w*|plantar fascia|a1 pulley|"
        r"ulnar nerve|median nerve|nerve|epicondylar|epicondyle) releases?",
        r"(?:ulnar nerve )?transposition", r"tenotomy", r"tenolysis", r"fasciotomy", r"plantar fasciotomy",
    )),
    Rule("Surgery", "Joint replacement", patterns=(
        r"(?:knee|hip|shoulder|elbow|ankle|joint|disc|wrist) replacements?", r"arthroplast\w*",
        r"hemiarthroplast\w*", r"tka", r"tha", r"tkr", r"thr", r"tsa", r"uka", r"resurfacing",
    )),
    Rule("Surgery", "Repair & reconstruction", patterns=(
        r"(?:rotator cuff|labral|labrum|slap|tendon|ligament|meniscus|meniscal|acl|hernia|achilles|"
        r"bankart|biceps|cartilage|capsular|tfcc|triangular fibrocartilage complex) repairs?",
        r"reconstructions?", r"tenodesis", r"capsulorrhaphy", r"capsular shift", r"orif",
        r"open reduction(?: and|/)? internal fixation", r"osteotomy", r"bunionectomy",
    )),
    Rule("Surgery", "Assistant surgeon", patterns=(
        r"assistant surgeons?", r"surgical assistants?", r"assistant[- ]at[- ]surgery", r"co-?surgeons?",
        r"first assist\w*",
    )),
    Rule("Surgery", "Inpatient stay", patterns=(
        r"inpatient(?: stays?| admissions?| hospitali[sz]ations?| days?| hospital stays?)?",
        r"hospital stays?", r"length of stay", r"hospitali[sz]ations?", r"overnight stays?",
        r"(?:23|twenty-three)[- ]hour (?:observation|stay)", r"observation stays?",
    )),
    Rule("Surgery", "Anesthesia & perioperative services", patterns=(
        r"anesthesia", r"anesthesiologists?", r"(?:iv |conscious )?sedation", r"monitored anesthesia care",
        r"mac", r"(?:ambulatory |outpatient )?surgery centers?", r"surgical (?:centers?|facilit\w*)",
        r"operating room", r"facility fees?",
    )),
    Rule("Surgery", "Other surgery", catch_all=True, patterns=(
        r"surgery", r"surgeries", r"operations?",
    )),
    Rule("Surgery", "Other surgery", patterns=(
        r"excisions?", r"removal", r"hardware removal",
        r"removal of (?:the )?hardware", r"debridement", r"amputations?", r"kyphoplasty", r"vertebroplasty",
        r"\w+ectomy", r"\w+otomy", r"\w+plasty",
    )),
    Rule("Surgery", "Other surgery", rank=FALLBACK, catch_all=True, patterns=(
        r"surgical", r"repairs?", r"implants?",
    )),
    # --- Behavioral Health -------------------------------------------------------------------------------
    Rule("Behavioral Health", "Cognitive behavioral therapy", patterns=(
        r"cognitive[- ]behaviou?r\w*(?: therap\w*)?", r"cbt", r"cognitive therap\w*",
        r"behaviou?ral therap\w*", r"behaviou?ral interventions?", r"behaviou?ral medicine",
        r"behaviou?ral pain management",
    )),
    Rule("Behavioral Health", "Psychotherapy & counseling", patterns=(
        r"psychotherap\w*",
        r"psycholog\w* (?:treatments?|therap\w*|counseling|sessions?|services|care|visits?|follow[- ]?ups?)",
        r"counsel\w*", r"individual therap\w*", r"group therap\w*", r"group psychotherap\w*",
        r"family therap\w*", r"talk therap\w*", r"emdr", r"supportive therap\w*",
        r"psych(?:ology)? (?:sessions?|visits?|treatments?)", r"psychologists?(?: visits?| sessions?)?",
        r"mental health (?:treatments?|therap\w*|counseling|services)", r"pain psychology",
        r"trauma[- ]focused therap\w*", r"dialectical behaviou?r therap\w*", r"dbt",
        r"prolonged exposure(?: therap\w*)?",
    )),
    Rule("Behavioral Health", "Psychological evaluation & testing", rank=HEAD, patterns=(
        r"psycholog\w* (?:evaluations?|evals?|testing|tests?|assessments?|consult\w*|screening|"
        r"re-?evaluations?|exam\w*|referrals?)",
        r"psych\.? (?:evals?|evaluations?|consult\w*|testing)",
        r"neuropsycholog\w*(?: testing| evaluations?| tests?| assessments?)?",
        r"psychometric\w*(?: testing)?", r"mmpi(?:-2)?(?:-rf)?", r"personality (?:testing|assessments?)",
        r"mental health (?:evaluations?|assessments?)", r"psychodiagnostic\w*",
    )),
    Rule("Behavioral Health", "Biofeedback", patterns=(
        r"biofeedback", r"emg biofeedback", r"neurofeedback",
    )),
    Rule("Behavioral Health", "Psychiatric care", rank=HEAD, patterns=(
        r"psychiatr\w* (?:evaluations?|evals?|consult\w*|referrals?|treatments?|care|visits?|"
        r"follow[- ]?ups?|sessions?|medication management|management)",
    )),
    Rule("Behavioral Health", "Psychiatric care", patterns=(
        r"psychiatr\w*",
    )),
    Rule("Behavioral Health", "Partial hospitalization & intensive outpatient", rank=HEAD, patterns=(
        r"partial hospitali[sz]ations?(?: programs?)?", r"php", r"day treatment(?: programs?)?",
        r"intensive outpatient(?: programs?)?", r"iop", r"day hospital",
        r"residential (?:treatment|programs?)",
    )),
    Rule("Behavioral Health", "Other behavioral health", patterns=(
        r"mental health", r"behaviou?ral health", r"stress management",
        r"relaxation (?:training|therap\w*)", r"hypno\w*", r"mindfulness\w*", r"meditation",
        r"anger management", r"support groups?", r"psycholog\w*",
    )),
    Rule("Behavioral Health", "Other behavioral health", rank=FALLBACK, patterns=(
        r"psych\w*",
    )),
    # --- Programs & Services -----------------------------------------------------------------------------
    Rule("Programs & Services", "Functional restoration program", patterns=(
        r"functional restoration(?: programs?)?", r"frps?", r"help programs?",
        r"(?:interdisciplinary|multidisciplinary) (?:pain )?(?:programs?|management|rehab\w*|treatment)",
        r"chronic pain (?:programs?|management programs?)", r"pain (?:management )?programs?",
        r"pain rehabilitation programs?", r"restoration programs?",
    )),
    Rule("Programs & Services", "Detoxification & addiction treatment", patterns=(
        r"detox\w*", r"opioid (?:detox\w*|weaning programs?|taper programs?)",
        r"addiction (?:treatment|programs?|medicine)", r"substance (?:abuse|use) (?:treatment|programs?)",
        r"chemical dependency(?: programs?| treatment)?",
    )),
    Rule("Programs & Services", "Home health & nursing care", patterns=(
        r"home health(?: care| services| aides?| nursing| visits?)?",
        r"home care(?: services| assistance)?", r"home nursing(?: care)?", r"(?:home )?aides?",
        r"attendant care", r"care ?givers?", r"nursing care", r"(?:nurse|nursing) visits?",
        r"(?:rn|lvn|lpn) visits?", r"rn", r"lvn", r"lpn", r"registered nurse", r"visiting nurse",
        r"skilled nursing visits?", r"in-?home (?:care|support services|assistance)", r"homemaker services",
        r"housekeeping(?: services)?", r"chore services", r"personal care (?:assistance|attendant)",
        r"ihss", r"24[- ]hour care", r"assisted living(?: facility)?", r"wound care",
    )),
    Rule("Programs & Services", "Weight loss program", patterns=(
        r"weight (?:loss|reduction|management)(?: programs?)?", r"weight watchers", r"nutrisystem",
        r"medifast", r"lindora(?: programs?)?", r"jenny craig", r"diet programs?", r"nutritionists?",
        r"dietitians?", r"nutritional counseling",
    )),
    Rule("Programs & Services", "Gym & fitness", patterns=(
        r"gym(?: memberships?)?", r"memberships?",
        r"fitness (?:clubs?|centers?|programs?|memberships?|trainers?)", r"health clubs?", r"ymca",
        r"personal trainers?", r"pool (?:memberships?|access|pass\w*)", r"yoga", r"pilates", r"tai chi",
        r"exercise class(?:es)?",
    )),
    Rule("Programs & Services", "Transportation", patterns=(
        r"transportation", r"transport", r"medical transport\w*", r"taxi", r"cab", r"mileage", r"uber",
        r"lyft", r"non-emergency medical transport\w*", r"nemt", r"ambulance",
    )),
    Rule("Programs & Services", "Other services", patterns=(
        r"interpret\w*", r"translat(?:or|ion)(?: services)?", r"case manage\w*", r"nurse case manag\w*",
        r"vocational\w*(?: \w+)?", r"job retraining", r"return[- ]to[- ]work programs?", r"pain education",
        r"back school", r"education(?:al)? (?:programs?|classes|sessions?)",
    )),
)
# fmt: on


# Consumed without voting: they name the context of a request, not the service requested.
NEUTRAL_PHRASES: tuple[str, ...] = (
    r"associated surgical services?",
    r"(?:post|pre|peri)[- ]?(?:op|operative(?:ly)?|surgery|surgical(?:ly)?)",
    r"status post",
    r"s/p",
    r"retrospective(?: requests?)?",
    r"prospective(?: requests?)?",
    r"eval(?:uation)?s? (?:and|&) treat(?:ment)?s?",
    r"consult(?:ation)?s? (?:and|&) treat(?:ment)?s?",
)

# Words that end a segment (DESIGN: the request's context follows them).
# fmt: off
SEPARATOR_WORDS: tuple[str, ...] = (
    "for", "of", "to", "with", "at", "in", "on", "including", "include", "includes", "following",
    "after", "before", "per", "via", "from", "regarding", "due", "versus", "vs", "as", "under",
    "during", "using", "over", "within",
)
# fmt: on
SEPARATOR_CHARACTERS = ",;:()[]"

# A medication in one of these forms is a topical (see the module docstring, point 6).
TOPICAL_FORMS: tuple[str, ...] = (
    r"creams?", r"gels?", r"ointments?", r"lotions?", r"patch(?:es)?", r"topicals?", r"transdermal",
    r"compound\w*", r"liniments?", r"sprays?", r"base",
)  # fmt: skip
TOPICAL_SUBCATEGORY = "Topical & compounded"
TOPICAL_KEEPS = frozenset({"Opioids", "Medical foods", TOPICAL_SUBCATEGORY})


def _subcategories() -> dict[str, tuple[str, ...]]:
    """Each category's subcategories in rule order; "Other" holds only "Unclassified"."""
    table: dict[str, list[str]] = {category: [] for category in CATEGORIES}
    for rule in RULES:
        if rule.category not in table or rule.category == OTHER.category:
            raise ValueError(f"taxonomy rule has an unknown category: {rule.category!r}")
        if rule.subcategory not in table[rule.category]:
            table[rule.category].append(rule.subcategory)
    table[OTHER.category].append(OTHER.subcategory)
    return {category: tuple(names) for category, names in table.items()}


SUBCATEGORIES: dict[str, tuple[str, ...]] = _subcategories()

# --- The scanner ------------------------------------------------------------------------------
# Every pattern becomes one alternative of a single regular expression, most specific first so
# that at any position a multi-word term is tried before its parts. The alternatives are grouped
# by the characters they can start with, behind a one-character lookahead, so that at each word
# start the engine only tries the few dozen patterns beginning with that character. Which
# alternative matched is recovered from the matched text (memoised), which keeps the expression
# free of capturing groups.

_SEPARATOR = "separator"
_NEUTRAL = "neutral"
_Kind = Rule | str

_WORD_BOUNDARY_BEFORE = r"(?<![a-z0-9])"
_WORD_BOUNDARY_AFTER = r"(?![a-z0-9])"


def _alternatives() -> list[tuple[str, _Kind]]:
    """All patterns with what they stand for, in the order the scanner must try them."""
    alternatives: list[tuple[str, _Kind]] = []
    for rule in RULES:
        alternatives.extend((pattern, rule) for pattern in rule.patterns)
    alternatives.extend((pattern, _NEUTRAL) for pattern in NEUTRAL_PHRASES)
    alternatives.extend((re.escape(word), _SEPARATOR) for word in SEPARATOR_WORDS)
    for pattern, _kind in alternatives:
        if re.compile(pattern).groups:
            raise ValueError(f"taxonomy pattern must not capture (use (?:...)): {pattern!r}")
    alternatives.sort(key=_specificity)
    return alternatives


def _specificity(alternative: tuple[str, _Kind]) -> tuple[int, int]:
    """Sort key trying the most specific pattern first: longest minimum match, then longest source.

    Python's alternation takes the first alternative that matches, not the longest, so the
    order approximates longest-match: ``inpatient rehab\\w*`` must be tried before
    ``inpatient(?: stays?)?``. The minimum width comes from the standard library's regex
    parser (``re._parser``, present in every supported Python).
    """
    pattern = alternative[0]
    minimum_width = re._parser.parse(pattern).getwidth()[0]
    return (-minimum_width, -len(pattern))


def _first_characters(items: list) -> tuple[set[str] | None, bool]:
    """The characters a parsed pattern can start with (None: any) and whether it can be empty."""
    constants = re._constants
    found: set[str] = set()
    for op, argument in items:
        if op is constants.LITERAL:
            return found | {chr(argument)}, False
        if op is constants.IN:
            for member_op, member in argument:
                if member_op is constants.LITERAL:
                    found.add(chr(member))
                elif member_op is constants.RANGE:
                    found.update(chr(code) for code in range(member[0], member[1] + 1))
                else:
                    return None, False
            return found, False
        if op is constants.SUBPATTERN:
            characters, nullable = _first_characters(argument[-1].data)
        elif op is constants.BRANCH:
            characters, nullable = set(), False
            for branch in argument[1]:
                branch_characters, branch_nullable = _first_characters(branch.data)
                if branch_characters is None:
                    return None, False
                characters |= branch_characters
                nullable = nullable or branch_nullable
        elif op in (constants.MAX_REPEAT, constants.MIN_REPEAT):
            characters, nullable = _first_characters(argument[2].data)
            nullable = nullable or argument[0] == 0
        else:
            return None, False
        if characters is None:
            return None, False
        found |= characters
        if not nullable:
            return found, False
    return found, True


def _by_first_character(alternatives: list[tuple[str, _Kind]]) -> dict[str, list[int]]:
    """For each character an alternative can start with, the alternatives (indexes, in order) that can.

    An alternative that can start with any character, or match nothing, is listed under every character.
    """
    starts: list[set[str] | None] = []
    for pattern, _kind in alternatives:
        characters, nullable = _first_characters(re._parser.parse(pattern).data)
        starts.append(None if nullable else characters)
    alphabet = sorted(set().union(*(characters for characters in starts if characters is not None)))
    return {
        character: [i for i, characters in enumerate(starts) if characters is None or character in characters]
        for character in alphabet
    }


def _scanner(alternatives: list[tuple[str, _Kind]], by_first: dict[str, list[int]]) -> re.Pattern[str]:
    """One expression matching any alternative (grouped by first character) or a separator."""
    groups = [
        f"(?={re.escape(character)})(?:{'|'.join(alternatives[i][0] for i in members)})"
        for character, members in by_first.items()
    ]
    return re.compile(
        _WORD_BOUNDARY_BEFORE
        + "(?:"
        + "|".join(groups)
        + ")"
        + _WORD_BOUNDARY_AFTER
        + "|["
        + re.escape(SEPARATOR_CHARACTERS)
        + "]"
    )


_ALTERNATIVES = _alternatives()
_BY_FIRST_CHARACTER = _by_first_character(_ALTERNATIVES)
_COMPILED_ALTERNATIVES = [(re.compile(pattern), kind) for pattern, kind in _ALTERNATIVES]
#: The compiled alternatives a token starting with a character can be, in scanner order.
_CANDIDATES = {
    character: [_COMPILED_ALTERNATIVES[i] for i in members] for character, members in _BY_FIRST_CHARACTER.items()
}
_SCANNER = _scanner(_ALTERNATIVES, _BY_FIRST_CHARACTER)
_TOPICAL = re.compile(_WORD_BOUNDARY_BEFORE + "(?:" + "|".join(TOPICAL_FORMS) + ")" + _WORD_BOUNDARY_AFTER)

_KINDS: dict[str, _Kind] = dict.fromkeys(SEPARATOR_CHARACTERS, _SEPARATOR)
_KINDS_LIMIT = 200_000


def _kind_of(token: str) -> _Kind:
    """What a scanner match stands for: the first alternative, in scanner order, that it fits.

    Only the alternatives that can start with the token's first character can fit it.
    """
    kind = _KINDS.get(token)
    if kind is None:
        candidates = _CANDIDATES.get(token[:1], _COMPILED_ALTERNATIVES)
        kind = next(kind for compiled, kind in candidates if compiled.fullmatch(token))
        if len(_KINDS) < _KINDS_LIMIT:
            _KINDS[token] = kind
    return kind


def _decide(segment: list[Rule]) -> Classification:
    """The classification a non-empty segment's matches (in text order) give (docstring, 2 and 4)."""
    head = max(reversed(segment), key=lambda rule: rule.rank)
    if head.catch_all:
        for rule in reversed(segment):
            if rule.category == head.category and not rule.catch_all:
                return Classification(head.category, rule.subcategory)
    return Classification(head.category, head.subcategory)


def _classify_text(text: str) -> Classification | None:
    """The requested service in lower-cased ``text`` (module docstring, points 1 to 5)."""
    segment: list[Rule] = []
    fallback: list[Rule] = []
    fallback_closed = False
    for match in _SCANNER.finditer(text):
        kind = _kind_of(match.group())
        if kind is _SEPARATOR:
            if segment:
                return _decide(segment)
            fallback_closed = bool(fallback)
        elif isinstance(kind, Rule):
            if kind.rank != FALLBACK:
                segment.append(kind)
            elif not fallback_closed:
                fallback.append(kind)
    if segment:
        return _decide(segment)
    return _decide(fallback) if fallback else None


@lru_cache(maxsize=65_536)
def classify(request: str) -> Classification:
    """The category and subcategory of a disputed item, from its request text.

    Case-insensitive; tolerant of abbreviations, brand names and extraction noise in spacing.
    Requests that match no rule are ``Classification("Other", "Unclassified")``.
    """
    text = " ".join(request.lower().split())
    found = _classify_text(text)
    if found is None:
        return OTHER
    topical = found.category == "Pharmaceuticals" and found.subcategory not in TOPICAL_KEEPS
    if topical and _TOPICAL.search(text):
        return Classification(found.category, TOPICAL_SUBCATEGORY)
    return found
