"""Word lists for the workshops' demo content (workshops/demo.py). Everything is fictional: nicknames,
ideas and goals are made up, and no text holds a number that looks like a BSN or a date of birth."""

from .enums import Pictogram

# (topic, what to expect, what to bring, pictogram) for the five sessions of a series, in plain Dutch.
SESSIONS = [
    (
        "Kennismaken",
        "We maken kennis in een kleine groep. Je vertelt wat je leuk vindt en wat je goed kunt. "
        "Je hoeft nog geen idee te hebben. Koffie en thee staan klaar.",
        "Niets. Kom zoals je bent.",
        Pictogram.KENNISMAKEN,
    ),
    (
        "Wat kan ik goed?",
        "We kijken samen naar je talenten. Wat doe je graag? Waar vragen mensen jou om hulp? "
        "Je maakt een kaart met je sterke kanten.",
        "Pen en papier. Een foto van iets wat je zelf gemaakt hebt mag ook.",
        Pictogram.TALENT,
    ),
    (
        "Wie wil dit hebben?",
        "We praten over klanten. Wie zou jouw product of dienst willen? Je stelt vragen aan elkaar "
        "en oefent met een kort verhaal over je idee.",
        "Je telefoon, als je die hebt.",
        Pictogram.KLANT,
    ),
    (
        "Geld en regels",
        "Wat kost het en wat levert het op? We rekenen met een eenvoudig voorbeeld. Iemand van het "
        "Werkplein vertelt wat wel en niet mag. Vragen stellen mag altijd.",
        "Een rekenmachine of je telefoon.",
        Pictogram.GELD,
    ),
    (
        "Mijn volgende stap",
        "Je kiest je eigen volgende stap. Dat kan groot of klein zijn. We sluiten samen af en je "
        "krijgt je certificaat als je genoeg keer was.",
        "Je kaart met sterke kanten van de tweede keer.",
        Pictogram.PLAN,
    ),
]

NICKNAMES = [
    "Saar",
    "Mo",
    "Juul",
    "Fenna",
    "Kees",
    "Yara",
    "Noor",
    "Bram",
    "Lin",
    "Tess",
    "Rob",
    "Ayla",
    "Dex",
    "Mila",
    "Joep",
    "Zoë",
    "Sami",
    "Ilse",
    "Rik",
    "Nadia",
    "Gijs",
    "Fleur",
    "Omar",
    "Liv",
    "Teun",
    "Esra",
    "Bas",
    "Roos",
    "Jay",
    "Mira",
    "Wout",
    "Selin",
    "Daan",
    "Kiki",
    "Hamza",
    "Lotte",
    "Pim",
    "Anouk",
    "Femke",
    "Yusuf",
    "Bo",
    "Nina",
    "Thijs",
    "Dewi",
    "Max",
    "Ruby",
    "Ilyas",
    "Sanne",
    "Luuk",
    "Amira",
]

IDEAS = {
    "geen": [""],
    "vaag": [
        "Iets met eten, want ik kook graag voor veel mensen.",
        "Misschien iets met kleding maken of repareren.",
        "Ik help graag ouderen. Misschien kan ik daar iets mee.",
        "Iets met fietsen, maar ik weet nog niet wat.",
    ],
    "concreet": [
        "Taarten bakken voor feestjes in de buurt.",
        "Een kleine naaiwerkplaats aan huis voor reparaties.",
        "Bijles rekenen geven aan kinderen uit de buurt.",
        "Planten kweken en verkopen op de markt.",
        "Fietsen opknappen en doorverkopen.",
    ],
    "verkoopt-al": [
        "Ik maak sieraden en verkoop ze soms aan vrienden.",
        "Ik kook al voor een buurtfeest. Mensen vragen of ze kunnen bestellen.",
        "Ik knip haar bij mensen thuis, voor vrienden en familie.",
    ],
}

GOALS = [
    "Ontdekken wat ik echt leuk vind.",
    "Weten of mijn idee kan werken.",
    "Meer mensen leren kennen in de buurt.",
    "Weer iets doen wat bij mij past.",
    "Leren hoe je een prijs bepaalt.",
    "Durven vertellen over mijn idee.",
    "Een eerste klant vinden.",
    "Weten wat wel en niet mag.",
    "",
]

EXPERIENCE = [
    "",
    "Ik heb vroeger in een winkel gewerkt.",
    "Ik heb veel voor familie gekookt.",
    "Vrijwilliger bij het buurthuis.",
    "Ik had lang geleden een marktkraam.",
    "Nog geen ervaring.",
]

REFLECTIONS = [
    "Goede sfeer. Iedereen kwam aan het woord.",
    "Rustige groep. Volgende keer meer in tweetallen werken.",
    "Veel vragen over geld en regels. Volgende keer iemand van het Werkplein uitnodigen.",
    "De plaatjes hielpen goed bij de uitleg.",
    "Twee mensen hadden een tolk nodig; dat ging goed met hulp van de groep.",
]

ACCESS_REASONS = ["", "", "Intake voorbereiden", "Aanwezigheid nakijken"]
