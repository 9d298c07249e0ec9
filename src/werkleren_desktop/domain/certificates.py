"""Certificates with their rules: how long one is valid, how long after it expires a
refresher course still renews it (the grace period), and whether a refresher renews it
at all or only the full course does.

The program ships a small list of common Dutch certificates (``SHIPPED``), each with
where its rule comes from; the organisation edits the list (its certificates, its
providers' rules). A training that ends in a certificate names its type; the history of
someone's trainings of one type says where they stand on a day (``standing``).
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from werkleren_desktop.domain.conversations import add_months
from werkleren_desktop.domain.formatting import format_date
from werkleren_desktop.errors import ValidationError
from werkleren_desktop.i18n import N_, _

NAME_MAX = 100
DESCRIPTION_MAX = 200
SOURCE_MAX = 1000
MAX_VALID_MONTHS = 25 * 12
MAX_GRACE_MONTHS = 24
EXPIRING_MONTHS = 3  # the window before expiry in which a certificate counts as expiring
MAX_WARNING_MONTHS = 12  # the organisation sets the window (OrganisationSettings), up to this


@dataclass(frozen=True)
class CertificateRule:
    """A type of certificate and its rule. ``valid_months`` None: it does not expire."""

    name: str
    description: str = ""
    valid_months: int | None = None
    grace_months: int = 0
    refresher_renews: bool = True
    source: str = ""

    def validated(self) -> CertificateRule:
        name = " ".join(self.name.split())
        description = " ".join(self.description.split())
        if not name:
            raise ValidationError(_("Give the certificate a short name, for example BHV."), "name")
        if len(name) > NAME_MAX or len(description) > DESCRIPTION_MAX:
            raise ValidationError(
                _("A name is too long (at most {n} characters).").format(
                    n=NAME_MAX if len(name) > NAME_MAX else DESCRIPTION_MAX
                ),
                "name" if len(name) > NAME_MAX else "description",
            )
        if self.valid_months is not None and not 1 <= self.valid_months <= MAX_VALID_MONTHS:
            raise ValidationError(
                _("A certificate is valid for 1 to {n} months, or does not expire.").format(
                    n=MAX_VALID_MONTHS
                ),
                "valid_months",
            )
        if not 0 <= self.grace_months <= MAX_GRACE_MONTHS:
            raise ValidationError(
                _("The grace period lies between 0 and {n} months.").format(n=MAX_GRACE_MONTHS),
                "grace_months",
            )
        if self.valid_months is None and self.grace_months:
            raise ValidationError(
                _("A certificate that does not expire has no grace period."), "grace_months"
            )
        if len(self.source.strip()) > SOURCE_MAX:
            raise ValidationError(
                _("Keep where the rule comes from under {n} characters.").format(n=SOURCE_MAX),
                "source",
            )
        return replace(self, name=name, description=description, source=self.source.strip())

    def expires_on(self, obtained_on: dt.date) -> dt.date | None:
        """When a certificate obtained (or renewed) on ``obtained_on`` expires."""
        if self.valid_months is None:
            return None
        return add_months(obtained_on, self.valid_months)

    def grace_until(self, expires_on: dt.date) -> dt.date:
        """The last day on which a refresher still renews a certificate that expired."""
        return add_months(expires_on, self.grace_months)

    def describe(self) -> str:
        """ "valid 12 months · 3 months' grace · a refresher renews it", translated."""
        if self.valid_months is None:
            return _("does not expire")
        parts = [_("valid {n} months").format(n=self.valid_months)]
        if self.grace_months:
            parts.append(_("{n} months' grace").format(n=self.grace_months))
        parts.append(
            _("a refresher renews it") if self.refresher_renews else _("only the full course")
        )
        return " · ".join(parts)


# Common Dutch certificates, as shipped; the organisation checks and edits them. Each
# says where its rule comes from (public sources, November 2026).
SHIPPED: tuple[CertificateRule, ...] = (
    CertificateRule(
        "BHV",
        "Bedrijfshulpverlening",
        12,
        3,
        True,
        "NIBHV: een BHV-certificaat is een jaar geldig; tot ongeveer drie maanden na de "
        "vervaldatum volstaat de herhalingstraining, daarna is de volledige basiscursus "
        "nodig. Hoeveel BHV'ers er nodig zijn, bepaalt de RI&E; de wet noemt geen vast aantal.",
    ),
    CertificateRule(
        "EHBO",
        "Diploma Eerste Hulp (Het Oranje Kruis)",
        24,
        0,
        True,
        "Het Oranje Kruis: het diploma Eerste Hulp is twee jaar geldig en wordt verlengd "
        "met herhalingslessen zolang het geldig is; daarna opnieuw de cursus of een "
        "competentietest.",
    ),
    CertificateRule(
        "Reanimatie/AED",
        "Certificaat Reanimatie en AED (NRR)",
        12,
        0,
        True,
        "Nederlandse Reanimatieraad: het certificaat Reanimatie/AED is een jaar geldig en "
        "wordt verlengd met een herhalingstraining.",
    ),
    CertificateRule(
        "VCA Basis",
        "Basisveiligheid VCA (B-VCA)",
        120,
        0,
        False,
        "SSVV (Stichting Samenwerken voor Veiligheid): een VCA-diploma is tien jaar geldig; "
        "verlengen gaat door het examen opnieuw te halen.",
    ),
    CertificateRule(
        "VCA VOL",
        "Veiligheid voor Operationeel Leidinggevenden (VOL-VCA)",
        120,
        0,
        False,
        "SSVV (Stichting Samenwerken voor Veiligheid): een VCA-diploma is tien jaar geldig; "
        "verlengen gaat door het examen opnieuw te halen.",
    ),
    CertificateRule(
        "F-gassen",
        "Persoonscertificaat F-gassen (koudemiddelen)",
        84,
        0,
        True,
        "F-gassenverordening (EU) 2024/573: een persoonscertificaat wordt om de zeven jaar "
        "hernieuwd met een bijscholing. De certificerende instelling werkt dit uit: controleer "
        "de datum op het certificaat.",
    ),
)

# Other ways the shipped certificates are written in free text, for mapping the names
# typed before there were types; "VCA" alone could be Basis or VOL and is asked
ALIASES: dict[str, tuple[str, ...]] = {
    "BHV": ("bedrijfshulpverlening", "bhv basis", "bhv-basis", "bhv herhaling"),
    "EHBO": ("eerste hulp", "diploma eerste hulp", "ehbo diploma"),
    "Reanimatie/AED": ("reanimatie", "aed", "reanimatie aed", "reanimatie en aed"),
    "VCA Basis": ("b-vca", "vca basis", "basisveiligheid vca", "vca-basis"),
    "VCA VOL": ("vol-vca", "vca vol", "vca-vol"),
    "F-gassen": ("f-gas", "f gassen", "fgassen", "stek"),
}


def normalised(name: str) -> str:
    """A certificate's name as the mapping compares it: letters and digits, no case."""
    return re.sub(r"[^0-9a-z]", "", name.casefold())


@dataclass(frozen=True)
class Proposal:
    """What a name typed before there were types may be: ``certain`` when it is one
    type's name or a known other spelling of it, else the likely types to ask about."""

    name: str
    candidates: tuple[str, ...]  # type names, best first
    certain: bool


def propose(name: str, type_names: Iterable[str]) -> Proposal:
    """The types a free-text certificate name may mean."""
    key = normalised(name)
    names = list(type_names)
    spellings = {n: {normalised(n), *(normalised(a) for a in ALIASES.get(n, ()))} for n in names}
    exact = [n for n in names if key in spellings[n]]
    if len(exact) == 1:
        return Proposal(name, (exact[0],), True)
    # a type's name (or spelling) within the name typed, or the name typed within it
    partial = [n for n in names if key and any(s and (s in key or key in s) for s in spellings[n])]
    partial.sort(key=lambda n: -max(len(s) for s in spellings[n] if s in key or key in s))
    return Proposal(name, tuple(partial), False)


# --- where someone stands ------------------------------------------------------------


class Standing(enum.StrEnum):
    VALID = "valid"
    EXPIRING = "expiring"  # expires within the window
    GRACE = "grace"  # expired, but a refresher still renews it
    EXPIRED = "expired"  # expired: the full course is needed again
    MISSING = "missing"  # never obtained


STANDING_LABELS: dict[Standing, str] = {
    Standing.VALID: N_("valid"),
    Standing.EXPIRING: N_("expiring"),
    Standing.GRACE: N_("expired, refresher still possible"),
    Standing.EXPIRED: N_("expired"),
    Standing.MISSING: N_("missing"),
}


@dataclass(frozen=True)
class Obtained:
    """A training that ended in the certificate: its last day, the expiry it set and
    whether it was a refresher course."""

    on: dt.date
    expires_on: dt.date | None
    refresher: bool = False


@dataclass(frozen=True)
class Status:
    standing: Standing
    expires_on: dt.date | None = None
    grace_until: dt.date | None = None
    ignored: tuple[Obtained, ...] = ()  # refreshers that came too late to renew it


def standing(
    rule: CertificateRule,
    history: Sequence[Obtained],
    today: dt.date,
    window_months: int = EXPIRING_MONTHS,
) -> Status:
    """Where someone stands with this certificate on ``today``, from the trainings that
    ended in it up to that day: a full course always renews it; a refresher only while
    the certificate is valid or in its grace period, and only where the rule allows."""
    held = False
    expires: dt.date | None = None
    ignored: list[Obtained] = []
    for item in sorted(history, key=lambda o: o.on):
        if item.on > today:
            continue
        if item.refresher and not _refresher_renews(rule, held, expires, item.on):
            ignored.append(item)
            continue
        held, expires = True, item.expires_on
    if not held:
        return Status(Standing.MISSING, ignored=tuple(ignored))
    if expires is None:
        return Status(Standing.VALID, ignored=tuple(ignored))
    grace = rule.grace_until(expires)
    if today > grace or (today > expires and not rule.refresher_renews):
        state = Standing.EXPIRED
    elif today > expires:
        state = Standing.GRACE
    elif expires <= add_months(today, window_months):
        state = Standing.EXPIRING
    else:
        state = Standing.VALID
    return Status(state, expires, grace if rule.grace_months else None, tuple(ignored))


def _refresher_renews(
    rule: CertificateRule, held: bool, expires: dt.date | None, day: dt.date
) -> bool:
    if not rule.refresher_renews or not held:
        return False
    return expires is None or day <= rule.grace_until(expires)


def refresher_refusal(rule: CertificateRule, history: Sequence[Obtained], day: dt.date) -> str:
    """Why a refresher ending on ``day`` would not renew the certificate (translated);
    "" when it does."""
    if not rule.refresher_renews:
        return _("{name} is renewed by the full course only, not by a refresher.").format(
            name=rule.name
        )
    before = [o for o in history if o.on < day]
    status = standing(rule, before, day - dt.timedelta(days=1))
    if status.standing is Standing.MISSING:
        return _(
            "A refresher renews a certificate someone holds; {name} was never obtained here: "
            "the full course is needed."
        ).format(name=rule.name)
    if status.expires_on is not None and day > rule.grace_until(status.expires_on):
        return _(
            "{name} expired on {day} and its grace period has passed: the full course is "
            "needed, a refresher no longer renews it."
        ).format(name=rule.name, day=format_date(status.expires_on))
    return ""
