"""The AI helper's promise, tried on realistic Dutch texts from care, installation,
retail and office work: every planted name, title, phone number, e-mail address,
postcode, address, bank account and long number goes; no ordinary word does."""

from __future__ import annotations

import re

import pytest

from werkleren_desktop.domain.pseudonymise import Kind, Pseudonymiser

# everyone in the program, as roles_of_people names them
STAFF = {
    "Anouk Bakker": "Eigenaar A",
    "Łukasz Wójcik": "Monteur A",
    "Zoë van den Berg": "Verkoper A",
    "Şükrü Yılmaz": "Verzorgende A",
    "Henk de Groot": "Monteur B",
    "Fatima El Amrani": "Planner A",
}

# (text, what must vanish, ordinary words that must stay)
CASES: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = [
    # care
    (
        "Mevrouw De Jong in Zwolle (06-12345678) wilde haar medicatie eerder. De Jong was "
        "boos toen de zuster te laat kwam.",
        ("De Jong", "06-12345678"),
        ("Zwolle", "medicatie", "zuster", "boos"),
    ),
    (
        "Bewoner dhr. J. van der Meer (BSN 123.456.782) viel 's nachts; zijn dochter belde "
        "om 03.15 uur.",
        ("van der Meer", "J.", "123.456.782"),
        ("dochter", "03.15", "nachts"),
    ),
    (
        "Cliënt Özdemir-van Dijk had pijn na de wondzorg. Özdemir-van Dijk kreeg een "
        "afspraak bij dokter Anand op 15-03-2026.",
        ("Özdemir", "van Dijk", "Anand"),
        ("15-03-2026", "wondzorg", "afspraak", "pijn"),
    ),
    (
        "Patiënte mw. Kaya kreeg de verkeerde maaltijd. Şükrü zag het en meldde het bij Anouk.",
        ("Kaya", "Şükrü", "Anouk"),
        ("maaltijd", "verkeerde"),
    ),
    (
        "De mantelzorger van bewoonster mevrouw Visser, te bereiken via "
        "jan.visser@ziggo.nl, wil een gesprek.",
        ("Visser", "jan.visser@ziggo.nl"),
        ("mantelzorger", "gesprek"),
    ),
    (
        "Zuster Agnes en broeder Theo hielpen bij de tillift; de tillift moet gekeurd worden.",
        ("Agnes", "Theo"),
        ("tillift", "gekeurd"),
    ),
    (
        "Familielid meneer Pieterse-de Wit belde +31 6 1234 5678 over de nachtzorg.",
        ("Pieterse", "de Wit", "+31 6 1234 5678"),
        ("nachtzorg",),
    ),
    (
        "Bij bewoner Van 't Hek staat de sleutel in het kastje; Van 't Hek vergeet dat vaak.",
        ("Van 't Hek", "Hek"),
        ("sleutel", "kastje", "vaak"),
    ),
    # installation
    (
        "Klant dhr. Jansen, Dorpsstraat 12a, 8011 AB Zwolle, had een lekkende cv-ketel. "
        "Łukasz ontdekte dat de expansievat leeg was.",
        ("Jansen", "Dorpsstraat 12a", "8011 AB", "Łukasz"),
        ("Zwolle", "cv-ketel", "expansievat"),
    ),
    (
        "Opdrachtgever De Boer Vastgoed wil de warmtepomp op Kerkweg 3-2 voor vrijdag; "
        "Henk de Groot plant het in.",
        ("De Boer", "Kerkweg 3-2", "Henk de Groot"),
        ("warmtepomp", "vrijdag"),
    ),
    (
        "De monteur stond 40 minuten in de file op de snelweg A28. Onderweg 3 keer gebeld "
        "met de planner.",
        (),
        ("monteur", "snelweg", "A28", "Onderweg", "planner", "40 minuten"),
    ),
    (
        "Huurder mevr. El Idrissi, Van Heemstralaan 114, meldde schimmel. Fatima belde "
        "haar terug op 038-4212345.",
        ("El Idrissi", "Van Heemstralaan 114", "Fatima", "038-4212345"),
        ("schimmel", "terug"),
    ),
    (
        "De factuur (nr. 20241234) voor klant Smit ging naar NL91 ABNA 0417 1643 00; het "
        "bedrag van € 1.250,00 klopte niet.",
        ("20241234", "Smit", "NL91 ABNA 0417 1643 00"),
        ("factuur", "1.250,00", "bedrag"),
    ),
    (
        "Henk las de meterstanden af bij Prins Hendrikkade 20 in Amsterdam; de meter gaf "
        "12.500 kWh aan.",
        ("Henk", "Hendrikkade 20"),
        ("Amsterdam", "12.500 kWh", "meterstanden"),
    ),
    (
        "Leverancier Technische Unie stuurde de verkeerde fittingen; Wójcik bestelde ze "
        "opnieuw via inkoop@technischeunie.nl.",
        ("Wójcik", "inkoop@technischeunie.nl", "Technische Unie"),
        ("fittingen", "opnieuw"),
    ),
    (
        "In 2025 en 2026 plaatsten we 10 warmtepompen; de bakker op de hoek was onze eerste klant.",
        (),
        ("2025", "2026", "10 warmtepompen", "bakker", "hoek", "eerste klant"),
    ),
    # retail
    (
        "Een klant, mevrouw Hendriks, betaalde met een pinpas die niet werkte. Zoë hielp "
        "haar met een nieuwe betaling.",
        ("Hendriks", "Zoë"),
        ("pinpas", "betaling"),
    ),
    (
        "De bakker had te weinig brood; Bakker zelf stond vanochtend achter de toonbank.",
        ("Bakker zelf",),
        ("De bakker", "brood", "toonbank"),
    ),
    (
        "Klant meneer Verhoeven (verhoeven.t@gmail.com) wil zijn bestelling 00012345678 ruilen.",
        ("Verhoeven", "verhoeven.t@gmail.com", "00012345678"),
        ("bestelling", "ruilen"),
    ),
    (
        "Buurvrouw Ria van Dam bracht een pakket terug naar de winkel in de Lange Nieuwstraat 7.",
        ("Ria van Dam", "Nieuwstraat 7"),
        ("pakket", "winkel"),
    ),
    (
        "Een bezoeker viel over een doos in gangpad 4. Niemand raakte gewond; de doos stond "
        "er sinds 09.00 uur.",
        (),
        ("bezoeker", "gangpad 4", "gewond", "09.00"),
    ),
    (
        "Leerling Sem de Vries van het ROC mocht de kassa doen; de Vries is ook goed met klanten.",
        ("Sem de Vries", "de Vries"),
        ("ROC", "kassa", "klanten"),
    ),
    # office
    (
        "Fatima El Amrani plande de afspraken; haar collega Henk was ziek.",
        ("Fatima El Amrani", "Henk"),
        ("afspraken", "ziek", "collega"),
    ),
    (
        "Het salaris van stagiaire Lisa Mulder werd overgemaakt op NL20INGB0001234567; "
        "haar contract loopt tot 31-08-2026.",
        ("Lisa Mulder", "NL20INGB0001234567"),
        ("salaris", "31-08-2026", "contract"),
    ),
    (
        "De offerte voor ir. P.J. van Leeuwen is verstuurd naar p.vanleeuwen@gemeente.nl en "
        "per post naar Postbus 1234, 3000 AB Rotterdam.",
        ("van Leeuwen", "P.J.", "p.vanleeuwen@gemeente.nl", "3000 AB"),
        ("offerte", "Rotterdam", "verstuurd"),
    ),
    (
        "Deelnemer de heer Bos vroeg om de presentatie; Bos wil hem ook voor zijn team.",
        ("Bos",),
        ("presentatie", "team"),
    ),
    (
        "We bespraken de planning van week 12 met 8 mensen. Anouk Bakker besloot de "
        "vergadering te verzetten.",
        ("Anouk Bakker",),
        ("planning", "week 12", "8 mensen", "vergadering"),
    ),
    (
        "Belgische klant mevrouw Claes belde +32 470 12 34 56 en haar Duitse collega "
        "0049 30 1234567 over de levering.",
        ("Claes", "+32 470 12 34 56", "0049 30 1234567"),
        ("levering", "Duitse"),
    ),
    (
        "Cursist juf Marieke Dekker leerde de nieuwe software; Dekker vond de handleiding "
        "onduidelijk.",
        ("Marieke", "Dekker"),
        ("software", "handleiding"),
    ),
    (
        "Het polisnummer 7712 3341 09 van klant Groen staat in het dossier.",
        ("7712 3341 09", "Groen"),
        ("polisnummer", "dossier"),
    ),
    (
        "Zorgvrager meneer Ahmed Benali (0612345678) krijgt vanaf maandag hulp bij het douchen.",
        ("Ahmed Benali", "0612345678"),
        ("maandag", "douchen", "hulp"),
    ),
    (
        "De Jong en oud werkten samen aan de ketel: jong en oud leren van elkaar.",
        (),
        ("De Jong en oud", "jong en oud", "ketel"),
    ),
]


@pytest.fixture(scope="module")
def clean() -> Pseudonymiser:
    return Pseudonymiser(STAFF)


def test_the_set_is_large_enough() -> None:
    assert len(CASES) >= 30
    planted = sum(len(p) for _t, p, _k in CASES)
    ordinary = sum(len(k) for _t, _p, k in CASES)
    assert planted >= 60 and ordinary >= 60


@pytest.mark.parametrize(("text", "planted", "kept"), CASES, ids=[c[0][:40] for c in CASES])
def test_every_planted_item_goes_and_no_ordinary_word_does(
    clean: Pseudonymiser, text: str, planted: tuple[str, ...], kept: tuple[str, ...]
) -> None:
    result = clean(text)
    for item in planted:
        assert not re.search(rf"(?<!\w){re.escape(item)}(?!\w)", result.text), (
            item,
            result.text,
        )
    for word in kept:
        assert word in result.text, (word, result.text)
    # what was replaced is where the replacements say
    for replacement in result.replacements:
        assert result.text[replacement.start : replacement.end] == replacement.stand_in


def test_each_kind_has_its_own_stand_in(clean: Pseudonymiser) -> None:
    result = clean(
        "Klant dhr. Jansen, Dorpsstraat 12a, 8011 AB Zwolle (06-12345678, j@x.nl, "
        "NL91 ABNA 0417 1643 00, BSN 123456782) en Łukasz."
    )
    assert result.text == (
        "Klant dhr. A, [adres], [postcode] Zwolle ([telefoonnummer], [e-mailadres], "
        "[rekeningnummer], BSN [nummer]) en Monteur A."
    )
    assert [r.kind for r in result.replacements] == [
        Kind.NAME,
        Kind.ADDRESS,
        Kind.POSTCODE,
        Kind.PHONE,
        Kind.EMAIL,
        Kind.IBAN,
        Kind.NUMBER,
        Kind.PERSON,
    ]


def test_the_same_name_keeps_its_stand_in_throughout(clean: Pseudonymiser) -> None:
    result = clean(
        "Mevrouw De Jong belde; klant Smit ook. De Jong wilde een monteur, mevrouw de Jong "
        "niet. Smit wel."
    )
    assert result.text == (
        "Mevrouw A belde; klant B ook. Mevrouw A wilde een monteur, mevrouw A niet. Klant B wel."
    )
    assert result.counts() == {Kind.NAME: 5}


def test_a_courtesy_title_before_someone_in_the_program_gives_their_role(
    clean: Pseudonymiser,
) -> None:
    assert clean("Ik sprak mevrouw Bakker en meneer Henk de Groot.").text == (
        "Ik sprak Eigenaar A en Monteur B."
    )
