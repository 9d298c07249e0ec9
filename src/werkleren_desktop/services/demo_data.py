"""The demo organisations' sample data: who works there, what they learn, say and
follow, as plain literals. The generator (demo.py) makes an organisation of them under
the rules real input keeps."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, replace

from werkleren_desktop.domain.constants import LiberationDayPolicy


class DemoSize(enum.StrEnum):
    SMALL = "small"
    LARGE = "large"
    HUGE = "huge"  # ten times the large one: for measuring speed (bench/), not to show


@dataclass(frozen=True)
class DemoProfile:
    organisation: str
    domain: str
    active_people: int
    history_years: int
    yearly_turnover: float
    department_heads: int
    teams: int
    budget_cents: int
    liberation_day: LiberationDayPolicy
    job_titles: tuple[str, ...]
    lead_title: str
    head_title: str
    director_title: str
    group_themes: tuple[tuple[str, str], ...]
    expert_titles: tuple[str, ...]
    outside_expert: tuple[str, str]
    situations_per_year: int
    situation_titles: tuple[str, ...]
    # the skills of the organisation's work: (name, description, course that grants it,
    # its provider)
    skills: tuple[tuple[str, str, str, str], ...] = ()
    # functions with what each requires: (name, certificate types, (skill, level), …)
    functions: tuple[tuple[str, tuple[str, ...], tuple[tuple[str, int], ...]], ...] = ()


PROFILES: dict[DemoSize, DemoProfile] = {
    DemoSize.SMALL: DemoProfile(
        organisation="Installatiebedrijf Van Dijk & Zn.",
        domain="vandijk-installatie.nl",
        active_people=25,
        history_years=2,
        yearly_turnover=0.10,
        department_heads=0,
        teams=3,
        budget_cents=750_00,
        liberation_day=LiberationDayPolicy.LUSTRUM,
        job_titles=(
            "Monteur",
            "Monteur",
            "Servicemonteur",
            "Eerste monteur",
            "Leerling-monteur",
            "Werkvoorbereider",
            "Calculator",
            "Planner",
            "Administratief medewerker",
            "Projectleider",
        ),
        lead_title="Teamleider",
        head_title="Hoofd uitvoering",
        director_title="Directeur-eigenaar",
        group_themes=(
            (
                "Storingen sneller vinden",
                "Hoe vinden we de oorzaak van een storing bij de klant in één bezoek?",
            ),
            (
                "Warmtepompen",
                "Wat moeten we weten om warmtepompen goed te installeren en uit te leggen?",
            ),
            (
                "Werkvoorbereiding",
                "Hoe voorkomen we dat monteurs zonder materiaal op de bouw staan?",
            ),
            ("Veilig op hoogte", "Hoe werken we veilig op daken en steigers, ook onder tijdsdruk?"),
            ("Klant in beeld", "Hoe leggen we de klant helder uit wat we gedaan hebben?"),
            (
                "Slimme meters en AI",
                "Hoe helpt AI bij het lezen van storingscodes en handleidingen?",
            ),
        ),
        expert_titles=("Eerste monteur", "Projectleider", "Werkvoorbereider"),
        outside_expert=("Marloes de Haan (Techniek Nederland)", "m.dehaan@example.nl"),
        situations_per_year=300,
        situation_titles=(
            "Storing cv-ketel bleef terugkomen",
            "Warmtepomp maakte te veel geluid",
            "Materiaal ontbrak op de bouw",
            "Klant begreep de factuur niet",
            "Nieuwe thermostaat koppelen aan de app",
            "Lekkage na oplevering",
            "Offerte duurde te lang",
            "Veilig werken op een schuin dak",
            "Storingscode opzoeken met AI",
            "Leerling zelfstandig laten werken",
        ),
        skills=(
            (
                "Storing zoeken",
                "De oorzaak van een storing vinden, bij de klant",
                "Storingsdiagnose cv en warmtepomp",
                "Opleidingshuis Techniek",
            ),
            (
                "Hardsolderen",
                "Koper- en gasleidingen hardsolderen volgens de norm",
                "Hardsolderen gasleidingen",
                "Opleidingshuis Techniek",
            ),
            (
                "Werken op hoogte",
                "Veilig werken op daken, ladders en steigers",
                "Veilig werken op hoogte",
                "Veiligheidscentrum Oost",
            ),
            (
                "Warmtepomp in bedrijf stellen",
                "Een warmtepomp opleveren en inregelen",
                "Warmtepompen in de praktijk",
                "Opleidingshuis Techniek",
            ),
            (
                "Klant uitleg geven",
                "Helder uitleggen wat er gedaan is en wat de klant kan doen",
                "Klantgericht werken",
                "Trainingsbureau De Brug",
            ),
            (
                "Calculeren",
                "Een werk begroten: materiaal, uren, risico",
                "Calculeren in de installatietechniek",
                "Online Academie",
            ),
        ),
        functions=(
            (
                "Monteur",
                ("VCA Basis",),
                (("Storing zoeken", 2), ("Hardsolderen", 3), ("Werken op hoogte", 2)),
            ),
            (
                "Servicemonteur",
                ("VCA Basis", "F-gassen"),
                (
                    ("Storing zoeken", 3),
                    ("Warmtepomp in bedrijf stellen", 3),
                    ("Klant uitleg geven", 3),
                ),
            ),
            (
                "Eerste monteur",
                ("VCA VOL", "BHV"),
                (("Storing zoeken", 4), ("Hardsolderen", 4), ("Werken op hoogte", 3)),
            ),
            ("Leerling-monteur", ("VCA Basis",), (("Hardsolderen", 1),)),
            ("Werkvoorbereider", (), (("Calculeren", 3),)),
            ("Projectleider", ("VCA VOL",), (("Klant uitleg geven", 3), ("Calculeren", 2))),
        ),
    ),
    DemoSize.LARGE: DemoProfile(
        organisation="Zorggroep De Linde",
        domain="zorggroepdelinde.nl",
        active_people=250,
        history_years=10,
        yearly_turnover=0.12,
        department_heads=4,
        teams=20,
        budget_cents=900_00,
        liberation_day=LiberationDayPolicy.EVERY_YEAR,
        job_titles=(
            "Verzorgende IG",
            "Verzorgende IG",
            "Verpleegkundige",
            "Helpende",
            "Helpende",
            "Activiteitenbegeleider",
            "Facilitair medewerker",
            "Planner",
            "Kok",
            "Medewerker huishouding",
            "Fysiotherapeut",
            "Specialist ouderengeneeskunde",
            "Secretaresse",
            "Medewerker salarisadministratie",
            "Leerling-verpleegkundige",
        ),
        lead_title="Teamleider",
        head_title="Manager zorg",
        director_title="Bestuurder",
        group_themes=(
            ("Valpreventie", "Hoe voorkomen we dat bewoners vallen, zonder ze vast te zetten?"),
            ("Zinvolle dag", "Hoe geven we bewoners met dementie een dag die ertoe doet?"),
            ("Overdracht", "Hoe maken we de overdracht tussen diensten korter en beter?"),
            ("Medicatieveiligheid", "Waar gaat het mis bij het delen van medicijnen, en waarom?"),
            (
                "Rapporteren met AI",
                "Hoe helpt AI bij het schrijven van rapportages, en wat controleren we zelf?",
            ),
            ("Werkdruk en rooster", "Hoe houden we het rooster werkbaar voor jong en oud?"),
            ("Familie als partner", "Hoe betrekken we familie bij de zorg?"),
            ("Palliatieve zorg", "Wat hebben bewoners en naasten nodig in de laatste fase?"),
            ("Nieuwe collega's", "Hoe werken we nieuwe collega's in zonder ze te overladen?"),
            ("Eten en drinken", "Hoe krijgen bewoners genoeg te eten en te drinken?"),
        ),
        expert_titles=("Verpleegkundige", "Specialist ouderengeneeskunde", "Fysiotherapeut"),
        outside_expert=("Dr. Ilse Verhoef (Vilans)", "i.verhoef@example.nl, 030 789 12 34"),
        situations_per_year=5000,  # ten years: the 50,000 situations of the speed checks
        situation_titles=(
            "Bewoner viel 's nachts uit bed",
            "Overdracht tussen diensten liep mis",
            "Familie ontevreden over de verzorging",
            "Medicatie verkeerd klaargezet",
            "Rapportage schrijven met AI",
            "Bewoner met dementie onrustig aan tafel",
            "Nieuwe collega wist de weg niet",
            "Tillift werkte niet",
            "Bewoner at te weinig",
            "Rooster klopte niet met de zorgvraag",
        ),
        skills=(
            (
                "Medicatie toedienen",
                "Medicatie klaarzetten, toedienen en aftekenen",
                "Medicatieveiligheid",
                "Zorgacademie Oost",
            ),
            (
                "Tillen met de tillift",
                "Een cliënt veilig verplaatsen met de tillift",
                "Til- en transfertechnieken",
                "Zorgacademie Oost",
            ),
            (
                "Wondzorg",
                "Wonden beoordelen en verzorgen volgens protocol",
                "Wondzorg in de praktijk",
                "Zorgacademie Oost",
            ),
            (
                "Omgaan met onbegrepen gedrag",
                "Gedrag begrijpen en rustig reageren",
                "Onbegrepen gedrag bij dementie",
                "Trainingsbureau De Brug",
            ),
            (
                "Rapporteren",
                "Kort en feitelijk rapporteren in het zorgdossier",
                "Methodisch rapporteren",
                "Online Academie",
            ),
            (
                "Valpreventie",
                "Valrisico herkennen en verkleinen",
                "Valpreventie in de ouderenzorg",
                "Zorgacademie Oost",
            ),
        ),
        functions=(
            (
                "Verzorgende IG",
                ("Reanimatie/AED",),
                (
                    ("Medicatie toedienen", 3),
                    ("Tillen met de tillift", 3),
                    ("Rapporteren", 3),
                    ("Wondzorg", 2),
                ),
            ),
            (
                "Verpleegkundige",
                ("Reanimatie/AED", "BHV"),
                (
                    ("Medicatie toedienen", 4),
                    ("Wondzorg", 4),
                    ("Rapporteren", 3),
                    ("Valpreventie", 3),
                ),
            ),
            ("Helpende", (), (("Tillen met de tillift", 3), ("Rapporteren", 2))),
            (
                "Leerling-verpleegkundige",
                (),
                (("Medicatie toedienen", 1), ("Wondzorg", 1), ("Rapporteren", 2)),
            ),
            (
                "Activiteitenbegeleider",
                ("EHBO",),
                (("Omgaan met onbegrepen gedrag", 3), ("Valpreventie", 2)),
            ),
        ),
    ),
}
# ten times the large organisation, ten years: 2,500 people in service, 200 teams, half a
# million learning situations; the speed goals of the laptop mode are set at this size
PROFILES[DemoSize.HUGE] = replace(
    PROFILES[DemoSize.LARGE],
    active_people=2500,
    department_heads=40,
    teams=200,
    situations_per_year=50_000,
)


# The first names are placed first on purpose: every screen and form must handle them.
FEATURED = (
    ("Zoë", "van den Berg-IJzerman"),
    ("Łukasz", "Wójcik"),
    ("Şükrü", "Yılmaz"),
    ("IJsbrand", "de Vries"),
)


FIRST_NAMES = (
    "Anouk",
    "Daan",
    "Fatima",
    "Mohamed",
    "Sanne",
    "Bram",
    "Thijs",
    "Lotte",
    "Femke",
    "Jeroen",
    "Priya",
    "Wiktoria",
    "Mehmet",
    "Eline",
    "Noor",
    "Sem",
    "Ayşe",
    "Kees",
    "Henk",
    "Ria",
    "Joke",
    "Ingrid",
    "Gerrit",
    "Sophie",
    "Lars",
    "Emma",
    "Julia",
    "Milan",
    "Tess",
    "Ruben",
    "Iris",
    "Youssef",
    "Esra",
    "Marieke",
    "Wim",
    "Annelies",
    "Bart",
    "Chantal",
    "Dirk",
    "Fenna",
    "Gijs",
    "Hanneke",
    "Jasper",
    "Kübra",
    "Liam",
    "Maud",
    "Niels",
    "Olga",
    "Pieter",
    "Rosa",
    "Stijn",
    "Tamara",
    "Ugo",
    "Vera",
    "Willemijn",
    "Xander",
    "Yara",
    "Zeynep",
    "Aleksandra",
    "Björn",
    "Céline",
    "Dewi",
    "Jörg",
    "Małgorzata",
    "Nguyễn",
    "Renée",
    "Siebe",
    "Tjitske",
    "Wouter",
    "Hüseyin",
    "Ilse",
    "Koen",
    "Linda",
    "Marco",
)


LAST_NAMES = (
    "Jansen",
    "de Jong",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Leeuwen",
    "Dekker",
    "Brouwer",
    "de Wit",
    "Dijkstra",
    "Smits",
    "de Graaf",
    "van der Meer",
    "El Amrani",
    "Öztürk",
    "Nowak",
    "Kowalski",
    "Pinas",
    "Koster",
    "Prins",
    "Huisman",
    "Kramer",
    "van Dam",
    "Kuipers",
    "Veenstra",
    "Kok",
    "Schouten",
    "van Wijk",
    "Postma",
    "Çelik",
    "Boukhari",
    "Lewandowska",
    "Tran",
    "Willems",
    "Hoekstra",
    "Sánchez",
    "IJzendoorn",
    "'t Hart",
    "van 't Veer",
    "Groen",
    "Wolters",
    "Zijlstra",
)


ROOMS = ("Leerlokaal", "Kantine", "Vergaderruimte De Kas", "Tuinkamer")


SLOTS = (dt.time(15, 0), dt.time(8, 30), dt.time(12, 30))


OUTCOMES = (
    "De oorzaak gevonden en de werkwijze aangepast.",
    "Een eerste verbetering uitgeprobeerd; volgende keer meten we het effect.",
    "Nog geen oplossing; een collega met ervaring gevraagd mee te kijken.",
    "Afspraak gemaakt met het team om dit voortaan anders te doen.",
)


AI_TOOLS = ("ChatGPT", "Copilot", "Le Chat")


# situations that began with a mistake or a near miss: a title, and answers to the
# mistake's four questions (what happened, what made it possible, what went well, what
# changes), written as the program asks, without naming who did it
MISTAKES: tuple[tuple[str, tuple[str, str, str, str]], ...] = (
    (
        "Bijna-fout bij de overdracht",
        (
            "Bij de overdracht van de dienst ontbrak een afspraak die die ochtend was gemaakt.",
            "De overdracht ging mondeling en tegelijk kwam er een telefoontje binnen.",
            "Een collega vroeg na en zag het op tijd.",
            "De overdracht gaat voortaan langs een vast lijstje; het team weet het.",
        ),
    ),
    (
        "Verkeerde versie van de offerte verstuurd",
        (
            "De klant kreeg een offerte met de prijzen van vorig jaar.",
            "Er stonden twee versies in dezelfde map, met bijna dezelfde naam.",
            "De klant belde dezelfde dag; de juiste versie ging binnen een uur de deur uit.",
            "Oude versies gaan naar een archiefmap; de werkafspraak staat bij het team.",
        ),
    ),
    (
        "Materiaal te laat besteld",
        (
            "Het materiaal voor een klus kwam een dag te laat, de klus schoof op.",
            "Niemand wist dat de levertijd van de leverancier was veranderd.",
            "De klant was op tijd gebeld en begreep het.",
            "Levertijden staan nu op de bestellijst en worden elke maand nagekeken.",
        ),
    ),
)
MISTAKE_EVERY = 13  # one situation in so many began with a mistake or a near miss


# answers to some of the program's own guiding questions (by their place in the list),
# where people write most about a situation
ANSWERS: dict[int, tuple[str, ...]] = {
    1: (
        "Dezelfde klacht kwam binnen een week twee keer terug; dat wilden we begrijpen.",
        "Een nieuwe collega liep vast in de overdracht aan het begin van de dienst.",
        "Het materiaal was er niet op tijd, waardoor de planning van de dag omviel.",
    ),
    4: (
        "Waarom het alleen 's ochtends misgaat; een ervaren collega heeft dit eerder gezien.",
        "Hoe de nieuwe regeling precies werkt; de leverancier kan het uitleggen.",
        "Welke stap in de overdracht wordt overgeslagen; meekijken in een vroege dienst.",
    ),
    6: (
        "Eerst een korte checklist bij de overdracht, een week lang, en dan samen kijken.",
        "De volgorde van de stappen omdraaien en het met de klant testen.",
        "Een vaste collega als aanspreekpunt; na twee weken bekijken of het rustiger is.",
    ),
    8: (
        "Energie gaf het samen puzzelen met een jonge collega; dat het twee keer mis moest "
        "gaan kostte energie.",
        "De waardering van de klant gaf energie; het zoeken naar papieren kostte energie.",
    ),
    9: (
        "Voortaan bellen we de klant na afloop terug; het team wint minder herhaalbezoeken.",
        "We bespreken dit in de volgende weekcyclus, zodat het hele team ervan leert.",
    ),
}


CONVERSATION_NOTES = {
    "went_well": (
        "Storingen sneller gevonden door de nieuwe werkwijze.",
        "Goed samengewerkt met de nieuwe collega en hem wegwijs gemaakt.",
        "Klanten zijn tevreden over de uitleg achteraf.",
    ),
    "talents": (
        "Rustig blijven als het druk is; uitleggen aan anderen geeft energie.",
        "Puzzelen op lastige problemen; papierwerk kost energie.",
        "Goed in plannen en overzicht houden.",
    ),
    "learning_wishes": (
        "Meer leren over warmtepompen en de nieuwe regelgeving.",
        "Leren coachen van leerlingen op de werkvloer.",
        "Beter worden in lastige gesprekken met klanten.",
    ),
    "needs": (
        "Tijd om in de leergroep mee te doen, ook in drukke weken.",
        "Feedback na een klus, niet alleen als het misgaat.",
        "Een collega om mee te sparren over nieuwe technieken.",
    ),
    "observations": (
        "Neemt initiatief en deelt wat hij of zij leert met het team.",
        "Werkt nauwkeurig; mag vaker om hulp vragen.",
        "Groeit zichtbaar in het contact met klanten.",
    ),
    "organisation_needs": (
        "Meer kennis van duurzame installaties in het team.",
        "Iemand die nieuwe collega's begeleidt.",
        "Vaker leren van wat er misgaat, in de leergroep.",
    ),
    "manager_offers": (
        "Ruimte in de planning voor de weekcycli.",
        "Budget voor een cursus naar keuze.",
        "Een maandelijks kort gesprek over de voortgang.",
    ),
}


AGREEMENTS = (
    "Een werkleersituatie per maand vastleggen en in de leergroep bespreken",
    "Een nieuwe collega begeleiden bij de eerste klussen",
    "Het VCA-diploma vernieuwen",
    "Tijd vrijmaken in de planning voor de leergroep",
    "Feedback geven na elke grote klus",
    "Een cursus kiezen en aanvragen",
    "Samen met een collega een werkinstructie verbeteren",
)


REVIEW_NOTES = {
    "partly": ("Kwam er in de drukke maanden niet altijd aan toe.", "Half gedaan; loopt door."),
    "not_done": ("Door ziekte in het team geen tijd gehad.", "Andere prioriteit gekregen."),
}


# (title, provider, form, hours, euros, required, certificate, years valid)
TRAININGS = (
    ("BHV herhaling", "Veiligheidscentrum Oost", "course", 8, 165, True, "BHV", 1),
    ("VCA basis", "Opleidingshuis Techniek", "certification", 16, 325, True, "VCA", 10),
    ("EHBO", "Het Oranje Kruis-instructeur", "course", 12, 140, True, "EHBO", 2),
    ("Omgaan met agressie", "Trainingsbureau De Brug", "workshop", 6, 395, False, "", 0),
    ("Coachen op de werkvloer", "Academie Werkplekleren", "course", 24, 1150, False, "", 0),
    ("Excel voor planners", "Online Academie", "elearning", 10, 89, False, "", 0),
    ("Vakdag van de branche", "Brancheorganisatie", "conference", 7, 120, False, "", 0),
    ("Klantgericht werken", "Trainingsbureau De Brug", "course", 20, 875, False, "", 0),
)


# (months ago, name, forms, how far along: 0 existing … 1 sustainable)
SCANS = (  # months ago, name, forms, progress, questionnaire version
    (14, "Teamsessie na de kick-off", 6, 0.25, 1),
    (8, "Teamsessie voorjaar", 7, 0.4, 1),
    (2, "Teamsessie najaar", 7, 0.55, 2),
)


SCAN_REMARKS = (
    "We leren nog vooral als er een cursus is.",
    "De weekcycli geven energie, maar niet iedereen kan erbij zijn.",
    "AI gebruiken we nog weinig, vooral uit onzekerheid.",
    "Afspraken van de leidinggevende schieten er soms bij in.",
    "Fijn dat jong en oud samen leren.",
)


# the week cycles' workbooks: a question built on the situation that gave cause, the
# working methods of the program's library by their place in it (0: Situation round,
# 1: Think it through with AI, 2: Ask the expert, 3: Try it in the work, 4: Walk and
# talk, 5: A mistake as a lesson, 6: Feedback both ways, 7: Reflection round)
CYCLE_QUESTIONS = (
    "{title}: hoe voorkomen we dat dit weer gebeurt?",
    "{title}: wat is hier de oorzaak van?",
    "{title}: hoe kan dit sneller en met minder gedoe?",
    "{title}: hoe pakken we dit voortaan samen aan?",
)
DAY_METHODS = ((0, 0, 5), (1, 1, 2), (3, 4, 6), (7, 7, 7))
SESSION_NOTES = {  # by the method's place in the library, so that notes fit the day
    0: (
        "Drie situaties ingebracht; gekozen voor de situatie die het vaakst terugkomt.",
        "Situatie uitgetekend op het whiteboard; de vraag scherper gemaakt.",
    ),
    1: (
        "AI gaf zes mogelijke oorzaken; twee klopten volgens de ervaren collega's.",
        "Met AI drie oplossingen bedacht; één ervan morgen in de praktijk proberen.",
    ),
    2: (
        "De expert liet zien hoe zij het aanpakt; veel vragen gesteld.",
        "De expert vroeg door op de oorzaak; die ligt eerder in het proces dan gedacht.",
    ),
    3: (
        "Iedereen heeft het één keer anders gedaan; twee keer duidelijk beter.",
        "De nieuwe aanpak geprobeerd; kost nog tijd, maar de klant merkte het verschil.",
    ),
    4: ("Buiten gelopen en in tweetallen besproken; de jongste collega had het beste idee.",),
    5: (
        "Een collega vertelde over een fout bij een klant; samen gezien wat de situatie ons leert.",
    ),
    6: ("Elkaar feedback gegeven op de aanpak; een paar dingen bijgesteld.",),
    7: (
        "Terugblik: de nieuwe aanpak werkt; het team krijgt hem volgende week uitgelegd.",
        "Nog niet opgelost, wel beter begrepen; volgende cyclus verder.",
        "Goede energie deze week; de aanpak gaat in het werkoverleg.",
    ),
}
CYCLE_OUTCOMES = (
    "Een vaste werkwijze afgesproken die iedereen in de groep nu gebruikt.",
    "De oorzaak ligt in de planning; voorstel gedaan aan de leidinggevende.",
    "Een checklist gemaakt die bij de werkplek hangt.",
    "Beter begrepen wat er misgaat; nog geen oplossing die voor iedereen werkt.",
)
NEXT_STEPS = (
    "Uitleggen in het werkoverleg en na een maand kijken of het beklijft.",
    "Volgende cyclus verder met de expert erbij.",
    "De checklist aan de andere teams laten zien.",
    "Met de leidinggevende bespreken wat er in de planning moet veranderen.",
)


# work agreements and instructions the demo's organisations made of what a situation
# taught (by the situation's title): (instruction?, title, text)
WORK_AGREEMENTS: dict[str, tuple[bool, str, str]] = {
    "Storing cv-ketel bleef terugkomen": (
        True,
        "Terugkerende storing: eerst de historie",
        "Bij een storing die eerder is gemeld, lees je eerst de historie in de app en bel je "
        "de collega die er de vorige keer was, voordat je onderdelen vervangt.",
    ),
    "Lekkage na oplevering": (
        False,
        "Elke installatie afpersen vóór oplevering",
        "We persen elke leiding af en laten de klant het drukformulier tekenen. Dat kost tien "
        "minuten en scheelt een terugkeer.",
    ),
    "Materiaal ontbrak op de bouw": (
        False,
        "Materiaallijst de dag ervoor nalopen",
        "De monteur die morgen begint, loopt vandaag om 15.00 uur de materiaallijst na met "
        "de werkvoorbereider.",
    ),
    "Veilig werken op een schuin dak": (
        True,
        "Schuin dak: pas aan het werk met lijnen en dakhaken",
        "Op een dak steiler dan 15 graden werk je alleen met valbeveiliging aan een vast "
        "ankerpunt. Twijfel je, dan ga je niet het dak op en bel je de projectleider.",
    ),
    "Klant begreep de factuur niet": (
        False,
        "Werkbon in gewone woorden",
        "Op de werkbon schrijven we in één zin wat we deden en waarom, zonder afkortingen.",
    ),
    "Leerling zelfstandig laten werken": (
        False,
        "Leerling bespreekt het werk vooraf",
        "Voordat een leerling zelfstandig begint, vertelt hij de eerste monteur in drie "
        "stappen hoe hij het gaat doen.",
    ),
    "Overdracht tussen diensten liep mis": (
        False,
        "Overdracht aan het bed, vijf minuten",
        "De overdracht doen we bij de bewoner, met de vaste vijf punten van de kaart. Wie "
        "later komt, leest de rapportage voordat de vorige dienst vertrekt.",
    ),
    "Medicatie verkeerd klaargezet": (
        True,
        "Medicatie klaarzetten: vier ogen bij wijzigingen",
        "Is er iets veranderd in het medicatieoverzicht, dan zet je de medicatie klaar met "
        "een collega erbij en tekenen jullie allebei af.",
    ),
    "Bewoner viel 's nachts uit bed": (
        True,
        "Valrisico 's nachts: bed laag en sensor aan",
        "Bij een bewoner met valrisico staat het bed 's nachts in de laagste stand en gaat "
        "de sensormat aan; de nachtdienst controleert dat bij de eerste ronde.",
    ),
    "Bewoner at te weinig": (
        False,
        "Eten en drinken bijhouden bij afvallen",
        "Valt een bewoner af, dan houden we drie dagen bij wat hij eet en drinkt en bespreken "
        "we het met de diëtist.",
    ),
    "Nieuwe collega wist de weg niet": (
        False,
        "Een vaste buddy de eerste twee weken",
        "Een nieuwe collega loopt de eerste twee weken mee met één vaste collega, liefst "
        "iemand van een andere generatie.",
    ),
    "Tillift werkte niet": (
        True,
        "Tillift: acculaden na elke dienst",
        "De laatste die de tillift gebruikt, zet hem aan de lader en schrijft op de lijst dat "
        "het gebeurd is.",
    ),
}
# what a week cycle's outcome (CYCLE_OUTCOMES) became as a work agreement, by its text
CYCLE_AGREEMENTS = {
    CYCLE_OUTCOMES[0]: "De vaste werkwijze van de groep",
    CYCLE_OUTCOMES[2]: "De checklist bij de werkplek",
}
# made in a team meeting, not from the log: (instruction?, title, text, origin)
MEETING_AGREEMENT = (
    False,
    "Vragen mag altijd, ook aan het eind van de dienst",
    "Wie twijfelt, vraagt het een collega of de expert van de groep. Niemand hoeft het "
    "alleen op te lossen.",
    "Werkoverleg over de uitkomsten van de scan",
)
