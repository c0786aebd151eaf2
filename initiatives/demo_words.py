"""Word lists and district areas for the map's demo content (initiatives/demo.py). Everything is fictional:
names, streets and phone numbers are made up; the areas are rough polygons well inside each district."""

from dataclasses import dataclass

from ondernemend.languages import Language

from .enums import InitiativeKind, Offer


@dataclass(frozen=True)
class DemoDistrict:
    slug: str
    postcodes: tuple[int, int]  # the district's range of four-digit postcodes (roughly)
    area: tuple[tuple[float, float], ...]  # (latitude, longitude) corners, well inside the district
    contact_point_places: tuple[str, str]  # fictional places for its Werkplein and Buurtteam


DISTRICTS = {
    district.slug: district
    for district in [
        DemoDistrict(
            "centrum",
            (1011, 1018),
            ((52.3780, 4.8860), (52.3775, 4.9040), (52.3700, 4.9110), (52.3630, 4.9050), (52.3620, 4.8890)),
            ("Zeilmakershof", "Waagplaats"),
        ),
        DemoDistrict(
            "west",
            (1051, 1058),
            ((52.3860, 4.8500), (52.3860, 4.8740), (52.3740, 4.8790), (52.3630, 4.8710), (52.3640, 4.8530)),
            ("Zeepziederij", "Klaprooshof"),
        ),
        DemoDistrict(
            "nieuw-west",
            (1062, 1069),
            ((52.3810, 4.7900), (52.3790, 4.8280), (52.3560, 4.8330), (52.3490, 4.8100), (52.3570, 4.7780)),
            ("Polderpoort", "Rietkraag"),
        ),
        DemoDistrict(
            "noord",
            (1021, 1035),
            ((52.3900, 4.8980), (52.4040, 4.8960), (52.4090, 4.9300), (52.4020, 4.9580), (52.3910, 4.9480)),
            ("Veerkade", "Zonnedauw"),
        ),
        DemoDistrict(
            "oost",
            (1091, 1098),
            ((52.3670, 4.9200), (52.3650, 4.9540), (52.3510, 4.9590), (52.3460, 4.9400), (52.3530, 4.9190)),
            ("Dapperhof", "Molenwiek"),
        ),
        DemoDistrict(
            "weesp",
            (1381, 1384),
            ((52.3135, 5.0340), (52.3125, 5.0490), (52.3030, 5.0510), (52.3010, 5.0390), (52.3070, 5.0310)),
            ("Vechtoever", "Lange Brug"),
        ),
        DemoDistrict(
            "zuid",
            (1071, 1079),
            ((52.3580, 4.8620), (52.3575, 4.8990), (52.3450, 4.9080), (52.3330, 4.8900), (52.3360, 4.8620)),
            ("Amstelpoort", "Beukenhof"),
        ),
        DemoDistrict(
            "zuidoost",
            (1101, 1108),
            ((52.3210, 4.9520), (52.3195, 4.9840), (52.3010, 4.9880), (52.2975, 4.9660), (52.3080, 4.9500)),
            ("Gaasperhof", "Bijlmerhart"),
        ),
    ]
}

# Which district the next initiative goes to: roughly in proportion to the districts' sizes.
DISTRICT_CYCLE = (
    ["centrum"] * 2
    + ["nieuw-west"] * 4
    + ["noord"] * 3
    + ["oost"] * 3
    + ["west"] * 3
    + ["weesp"]
    + ["zuid"] * 2
    + ["zuidoost"] * 2
)

POSTCODE_LETTERS = "ABCEGHJKLMNPRTVWXZ"  # no S: SA, SD and SS are not used in Dutch postcodes

STREET_STEMS = [
    "Zonnebloem", "Vlier", "Kastanje", "Lindeboom", "Meidoorn", "Goudsbloem", "Kievit", "Reiger", "Zwaluw",
    "Merel", "Ooievaar", "Korenaar", "Zeilmaker", "Touwslager", "Kuipers", "Smeds", "Bakkers", "Molenaars",
    "Lantaarn", "Kompas", "Anker", "Klaver", "Hazelaar", "Esdoorn", "Wilgen", "Rietvink", "Tulpen", "Narcis",
]  # fmt: skip
STREET_TYPES = ["straat", "laan", "plein", "kade", "hof", "dwarsstraat", "pad", "weg", "steeg"]

KIND_WEIGHTS = {
    InitiativeKind.BEWONERSINITIATIEF: 30,
    InitiativeKind.SOCIALE_ONDERNEMING: 20,
    InitiativeKind.BUURTCENTRUM: 20,
    InitiativeKind.BOOT: 8,
    InitiativeKind.BIBLIOTHEEK: 10,
    InitiativeKind.OVERIG: 12,
}
KIND_WORDS = {
    InitiativeKind.BEWONERSINITIATIEF: ["Buurtwerkplaats", "Bewonerscollectief", "Buurtkamer", "Wijkkeuken",
                                        "Repair Café", "Buurtmakers"],
    InitiativeKind.SOCIALE_ONDERNEMING: ["Leerwerkbedrijf", "Naaiatelier", "Koffiebranderij",
                                         "Fietsenmakerij", "Broedplaats", "Buurtbakkerij"],
    InitiativeKind.BUURTCENTRUM: ["Buurthuis", "Wijkcentrum", "Huis van de Wijk", "Buurtcentrum"],
    InitiativeKind.BOOT: ["Buurtwinkel", "Steunpunt"],
    InitiativeKind.BIBLIOTHEEK: ["Bibliotheek", "Buurtbibliotheek", "Leespunt"],
    InitiativeKind.OVERIG: ["Starterscafé", "Ondernemershuis", "Taalcafé", "Broodfonds", "Talentenhuis"],
}  # fmt: skip
NAME_WORDS = [
    "De Zonnebloem", "Het Anker", "De Vlinder", "De Kastanje", "'t Hofje", "De Brug", "De Meeuw", "Het Baken",
    "De Lindeboom", "De Open Deur", "De Kiem", "Het Zaadje", "De Waterlelie", "De Wilg", "De Regenboog",
    "Het Kompas", "De Vonk", "De Paraplu", "Het Nest", "De Steiger", "De Boei", "De Klaproos", "Het Werkhuis",
    "De Ontmoeting", "De Sleutel", "Het Lichtpunt", "De Wervel", "De Tuinkamer", "Het Knooppunt",
    "De Koffiepot", "De Zeef", "Het Gouden Uur",
]  # fmt: skip

# Descriptions in plain Dutch (B1): a sentence about the kind, one per offer, one to close.
KIND_SENTENCES = {
    InitiativeKind.BEWONERSINITIATIEF: "Wij zijn buurtbewoners die samen iets opzetten voor de buurt.",
    InitiativeKind.SOCIALE_ONDERNEMING: "Wij zijn een sociale onderneming. We verdienen geld en helpen "
    "tegelijk mensen uit de buurt verder.",
    InitiativeKind.BUURTCENTRUM: "In ons buurthuis kun je terecht voor koffie, een goed gesprek en "
    "activiteiten.",
    InitiativeKind.BOOT: "In onze buurtwinkel helpen studenten en vrijwilligers je gratis met je vragen.",
    InitiativeKind.BIBLIOTHEEK: "In de bibliotheek kun je lezen, leren en rustig werken.",
    InitiativeKind.OVERIG: "Hier ontmoet je mensen die ook iets voor zichzelf willen beginnen.",
}
OFFER_SENTENCES = {
    Offer.WORKSHOP: "We geven workshops over jouw plan: wat kun je, en wat wil je?",
    Offer.BEGELEIDING: "Een vaste begeleider denkt met je mee, stap voor stap.",
    Offer.WERKPLEK: "Je kunt hier een werkplek gebruiken, met wifi en koffie.",
    Offer.NETWERK: "Je ontmoet anderen die ook ondernemen. Jullie leren van elkaar.",
    Offer.GELD: "We vertellen je over een microkrediet en over het broodfonds.",
    Offer.TAALHULP: "Vrijwilligers helpen je met Nederlands, ook met lezen en schrijven.",
    Offer.ADMINISTRATIE: "We helpen je met formulieren, brieven en vragen over regels.",
    Offer.VERKOOPRUIMTE: "Je kunt hier je product verkopen of eerst uitproberen.",
}
CLOSING_SENTENCES = [
    "Nog geen idee? Ook dan ben je welkom.",
    "Loop gerust eens binnen, de koffie staat klaar.",
    "Je hoeft niets mee te nemen. Kom gewoon langs.",
    "Bel of mail ons als je eerst iets wilt vragen.",
    "Je bepaalt zelf hoe snel je gaat.",
]

OPENING_HOURS = [
    "ma–vr 10:00–16:00",
    "di en do 13:00–17:00",
    "wo 19:00–21:00; za 10:00–13:00",
    "ma, wo en vr 9:30–12:30",
    "di–za 11:00–17:00",
    "do 14:00–20:00",
]

# Besides Dutch (always) and English (often): languages widely spoken in Amsterdam's neighbourhoods.
OTHER_LANGUAGES = [
    Language.AR, Language.TR, Language.BER, Language.PAP, Language.SRN, Language.ES, Language.PT,
    Language.FR, Language.PL, Language.UK, Language.TI, Language.SO, Language.FA, Language.ZH,
]  # fmt: skip
