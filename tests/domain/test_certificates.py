"""Certificate rules: validity, the grace period, refresher or full course, and the
mapping of names typed before there were types (domain.certificates)."""

from __future__ import annotations

import datetime as dt

import pytest

from werkleren_desktop.domain.certificates import (
    SHIPPED,
    CertificateRule,
    Obtained,
    Standing,
    propose,
    refresher_refusal,
    standing,
)
from werkleren_desktop.errors import ValidationError
from werkleren_desktop.i18n import set_language

D = dt.date
BHV = next(rule for rule in SHIPPED if rule.name == "BHV")
VCA = next(rule for rule in SHIPPED if rule.name == "VCA Basis")


@pytest.fixture(autouse=True)
def dutch() -> None:
    set_language("nl")


def test_the_shipped_rules_say_where_they_come_from() -> None:
    assert (BHV.valid_months, BHV.grace_months, BHV.refresher_renews) == (12, 3, True)
    assert (VCA.valid_months, VCA.grace_months, VCA.refresher_renews) == (120, 0, False)
    assert all(rule.source and rule.validated() == rule for rule in SHIPPED)
    assert len({rule.name for rule in SHIPPED}) == len(SHIPPED)
    assert BHV.describe() == "12 maanden geldig · 3 maanden uitloop · herhaling verlengt het"
    assert VCA.describe() == "120 maanden geldig · alleen de volledige cursus"
    assert CertificateRule("Rijbewijs").describe() == "verloopt niet"


def test_a_rule_is_checked_on_its_field() -> None:
    for rule, field in (
        (CertificateRule("  "), "name"),
        (CertificateRule("BHV", valid_months=0), "valid_months"),
        (CertificateRule("BHV", valid_months=12, grace_months=-1), "grace_months"),
        (CertificateRule("BHV", valid_months=None, grace_months=2), "grace_months"),
        (CertificateRule("B" * 101), "name"),
    ):
        with pytest.raises(ValidationError) as refused:
            rule.validated()
        assert refused.value.field == field
    assert CertificateRule("  Eigen   keuring ").validated().name == "Eigen keuring"


def test_expiry_and_grace_follow_the_rule() -> None:
    assert BHV.expires_on(D(2026, 1, 31)) == D(2027, 1, 31)
    assert BHV.expires_on(D(2024, 2, 29)) == D(2025, 2, 28)  # no 29 February in 2025
    assert BHV.grace_until(D(2027, 1, 31)) == D(2027, 4, 30)
    assert CertificateRule("Rijbewijs").expires_on(D(2026, 1, 1)) is None


def test_where_someone_stands_through_the_year() -> None:
    history = [Obtained(D(2025, 3, 10), D(2026, 3, 10))]
    cases = {
        D(2025, 3, 9): Standing.MISSING,  # before the course
        D(2025, 11, 1): Standing.VALID,
        D(2026, 1, 15): Standing.EXPIRING,  # within three months of expiry
        D(2026, 3, 10): Standing.EXPIRING,  # its last valid day
        D(2026, 3, 11): Standing.GRACE,  # expired, a refresher still renews it
        D(2026, 6, 10): Standing.GRACE,  # the last day of the grace period
        D(2026, 6, 11): Standing.EXPIRED,
    }
    for day, expected in cases.items():
        assert standing(BHV, history, day).standing is expected, day
    status = standing(BHV, history, D(2026, 4, 1))
    assert (status.expires_on, status.grace_until) == (D(2026, 3, 10), D(2026, 6, 10))
    # no grace without a refresher: VCA expired is expired
    vca = [Obtained(D(2016, 5, 1), D(2026, 5, 1))]
    assert standing(VCA, vca, D(2026, 5, 2)).standing is Standing.EXPIRED
    assert standing(VCA, vca, D(2026, 1, 2), window_months=6).standing is Standing.EXPIRING


def test_a_refresher_renews_only_while_valid_or_in_grace() -> None:
    first = Obtained(D(2024, 3, 10), D(2025, 3, 10))
    in_time = Obtained(D(2025, 5, 1), D(2026, 5, 1), refresher=True)  # in the grace
    status = standing(BHV, [first, in_time], D(2025, 12, 1))
    assert (status.standing, status.expires_on) == (Standing.VALID, D(2026, 5, 1))
    too_late = Obtained(D(2025, 7, 1), D(2026, 7, 1), refresher=True)  # grace ended 10 June
    status = standing(BHV, [first, too_late], D(2025, 12, 1))
    assert status.standing is Standing.EXPIRED and status.ignored == (too_late,)
    full = Obtained(D(2025, 7, 1), D(2026, 7, 1))  # the full course always renews
    assert standing(BHV, [first, full], D(2025, 12, 1)).expires_on == D(2026, 7, 1)
    # a refresher of something never obtained counts for nothing
    assert standing(BHV, [in_time], D(2025, 12, 1)).standing is Standing.MISSING


def test_why_a_refresher_would_not_renew() -> None:
    history = [Obtained(D(2024, 3, 10), D(2025, 3, 10))]
    assert refresher_refusal(BHV, history, D(2025, 6, 10)) == ""  # the grace's last day
    assert refresher_refusal(BHV, history, D(2025, 6, 11)) == (
        "BHV is verlopen op 10 maart 2025 en de uitloop is voorbij: de volledige cursus is "
        "nodig, een herhaling verlengt het niet meer."
    )
    assert "nooit behaald" in refresher_refusal(BHV, [], D(2025, 1, 1))
    assert refresher_refusal(VCA, history, D(2025, 1, 1)) == (
        "VCA Basis wordt alleen met de volledige cursus verlengd, niet met een herhaling."
    )


def test_typed_names_are_linked_only_where_certain() -> None:
    names = [rule.name for rule in SHIPPED]
    certain = {
        "BHV": "BHV",
        "bhv-basis": "BHV",
        "Bedrijfshulpverlening": "BHV",
        "B-VCA": "VCA Basis",
        "vca vol": "VCA VOL",
        "Eerste hulp": "EHBO",
        "F-gassen": "F-gassen",
    }
    for typed, name in certain.items():
        proposal = propose(typed, names)
        assert (proposal.certain, proposal.candidates) == (True, (name,)), typed
    # "VCA" alone is Basis or VOL: asked, with both proposed
    vca = propose("VCA", names)
    assert not vca.certain and set(vca.candidates) == {"VCA Basis", "VCA VOL"}
    # a name that holds a type's name is proposed, not linked
    refresher = propose("BHV herhaling 2024", names)
    assert not refresher.certain and refresher.candidates[0] == "BHV"
    nothing = propose("Heftruckcertificaat", names)
    assert (nothing.certain, nothing.candidates) == (False, ())
