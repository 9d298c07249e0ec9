"""A person's recent training and certificates that expire soon, for the person page."""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtWidgets import QLabel

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.domain.formatting import format_date
from werkleren_desktop.domain.training import TRAINING_STATUS_LABELS
from werkleren_desktop.i18n import _
from werkleren_desktop.services.training import (
    CertificateRow,
    expiring_certificates,
    list_trainings,
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
        if certificate.in_grace(today):
            warning += f" ({state_text(certificate, today)})"
        lines.append(f"<b>{html.escape(warning)}</b>")
    rows = list_trainings(sessions, person_id=person_id)
    for row in rows[:SHOWN]:
        status = _(TRAINING_STATUS_LABELS[row.status])
        lines.append(html.escape(f"{format_date(row.starts_on, 'short')} · {row.title} · {status}"))
    if not rows:
        lines.append(html.escape(_("No training recorded yet.")))
    label.setText("<br>".join(lines))
