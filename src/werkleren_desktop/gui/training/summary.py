"""A person's recent training and certificates that expire soon, for the person page."""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtWidgets import QLabel

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.domain.certificates import Standing
from werkleren_desktop.domain.formatting import format_date
from werkleren_desktop.domain.qualifications import (
    MARK_LABELS,
    SOURCE_LABELS,
    cell_text,
    level_text,
)
from werkleren_desktop.domain.text import shortened
from werkleren_desktop.domain.training import TRAINING_STATUS_LABELS
from werkleren_desktop.i18n import _, n_
from werkleren_desktop.services.certificates import CertificateHistory, person_certificates
from werkleren_desktop.services.functions import person_qualifications
from werkleren_desktop.services.training import (
    CertificateRow,
    expiring_certificates,
    list_trainings,
    warning_months,
)

SHOWN = 4


def state_text(certificate: CertificateRow, today: dt.date) -> str:
    """ "expires soon", "expired", or how long a refresher still renews it."""
    if certificate.in_grace(today):
        assert certificate.grace_until is not None
        return _("expired; a refresher renews it until {date}").format(
            date=format_date(certificate.grace_until, "short")
        )
    return _("expired") if certificate.has_expired(today) else _("expires soon")


def show_trainings(label: QLabel, sessions: SessionFactory, person_id: int, today: dt.date) -> None:
    lines = []
    for certificate in expiring_certificates(sessions, today, person_id=person_id):
        said = (
            _("{certificate} expired on {date}")
            if certificate.has_expired(today)
            else _("{certificate} expires on {date}")
        )
        warning = said.format(
            certificate=certificate.certificate, date=format_date(certificate.expires_on)
        )
        if certificate.in_grace(today) and certificate.grace_until is not None:
            renews = _("a refresher renews it until {date}").format(
                date=format_date(certificate.grace_until, "short")
            )
            warning += f" ({renews})"
        lines.append(f"<b>{html.escape(warning)}</b>")
    rows = list_trainings(sessions, person_id=person_id)
    for row in rows[:SHOWN]:
        status = _(TRAINING_STATUS_LABELS[row.status])
        lines.append(html.escape(f"{format_date(row.starts_on, 'short')} · {row.title} · {status}"))
    if not rows:
        lines.append(html.escape(_("No training recorded yet.")))
    held = person_certificates(sessions, person_id, today, warning_months(sessions))
    if held:
        lines += ["", "<b>" + html.escape(_("Certificates and their renewals")) + "</b>"]
        lines += [html.escape(renewals_text(h)) for h in held]
    label.setText("<br>".join(lines))


def renewals_text(held: CertificateHistory) -> str:
    """ "BHV: valid until 2 March 2027 · obtained 1-3-2024, refresher 3-3-2025, …"."""
    status = held.status
    expires = format_date(status.expires_on) if status.expires_on is not None else ""
    grace = format_date(status.grace_until, "short") if status.grace_until is not None else ""
    now = {
        Standing.VALID: _("valid until {date}") if expires else _("valid, does not expire"),
        Standing.EXPIRING: _("expires on {date}"),
        Standing.GRACE: _("expired on {date}; a refresher renews it until {grace}"),
        Standing.EXPIRED: _("expired on {date}: the full course is needed"),
        Standing.MISSING: _("not obtained: the full course is needed"),
    }[status.standing].format(date=expires, grace=grace)
    steps = ", ".join(
        (_("refresher {date}") if o.refresher else _("obtained {date}")).format(
            date=format_date(o.on, "short")
        )
        for o in held.history
        if o not in status.ignored
    )
    return f"{held.name}: {now} · {steps}"


def show_qualifications(
    label: QLabel, sessions: SessionFactory, person_id: int, today: dt.date
) -> None:
    """What the person's function requires and where they stand with each (what needs
    work in bold), then every skill they showed with what showed it."""
    found = person_qualifications(sessions, person_id, today, warning_months(sessions))
    lines = []
    if found.function:
        needing_work = sum(cell.needs_work for _name, cell in found.needs)
        lines.append(
            "<b>"
            + html.escape(
                _("Function {name}: everything required is in order.").format(name=found.function)
                if not needing_work
                else n_(
                    "Function {name}: {n} requirement needs work.",
                    "Function {name}: {n} requirements need work.",
                    needing_work,
                ).format(name=found.function, n=needing_work)
            )
            + "</b>"
        )
        for name, cell in found.needs:
            said = html.escape(f"{name}: {cell_text(cell) or _(MARK_LABELS[cell.mark])}")
            lines.append(f"<b>{said}</b>" if cell.needs_work else said)
    else:
        lines.append(html.escape(_("No function of the list: nothing is required.")))
    for skill in found.skills:
        if skill.level is None:
            continue
        shown = ", ".join(
            f"{_(SOURCE_LABELS[e.source])} {format_date(e.on, 'short')}"
            + (f" ‘{shortened(e.title, 40)}’" if e.title else "")
            for e in skill.evidence[-3:]
        )
        lines.append(
            html.escape(
                _("{skill}: level {level} ({shown})").format(
                    skill=skill.name, level=level_text(skill.level), shown=shown
                )
            )
        )
    label.setText("<br>".join(lines))
