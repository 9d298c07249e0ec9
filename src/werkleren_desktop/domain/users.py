"""Users of a shared server and their roles (docs/roles.md): what a new user needs
before the server is asked to make them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from werkleren_desktop.domain.constants import UserRole
from werkleren_desktop.errors import ValidationError
from werkleren_desktop.i18n import _

# what a login may be called: PostgreSQL folds unquoted names to lower case, so a name
# of lower-case letters, digits and underscores is the same in psql and here
LOGIN = re.compile(r"[a-z_][a-z0-9_]{0,62}")
PASSWORD_MIN = 10


@dataclass(frozen=True)
class Seat:
    """Who signed in to a shared server as a manager or a professional: the window shows
    their part only (Mijn leren). A beheerder, and the owner on a laptop, have no seat:
    the whole program is theirs."""

    login: str
    role: UserRole
    person_id: int
    name: str

    @property
    def manages(self) -> bool:
        return self.role is UserRole.LEIDINGGEVENDE


def role_label(role: UserRole) -> str:
    return {
        UserRole.BEHEERDER: _("Administrator"),
        UserRole.LEIDINGGEVENDE: _("Manager"),
        UserRole.PROFESSIONAL: _("Professional"),
    }[role]


def role_description(role: UserRole) -> str:
    return {
        UserRole.BEHEERDER: _("everything, including the users and the settings"),
        UserRole.LEIDINGGEVENDE: _(
            "their own team: the people who report to them, directly or through others"
        ),
        UserRole.PROFESSIONAL: _("their own records"),
    }[role]


def check_login(login: str) -> str:
    login = login.strip()
    if not LOGIN.fullmatch(login):
        raise ValidationError(
            _(
                "A login consists of lower-case letters, digits and underscores, starts with a "
                "letter and is at most 63 characters long."
            ),
            "login",
        )
    return login


def check_person(role: UserRole, person_id: int | None) -> None:
    if person_id is None and role is not UserRole.BEHEERDER:
        raise ValidationError(
            _("Link a manager or a professional to the person they are."), "person"
        )


def check_password(password: str, repeated: str) -> str:
    """A new login's password, typed twice."""
    if len(password) < PASSWORD_MIN:
        raise ValidationError(
            _("Choose a password of at least {n} characters.").format(n=PASSWORD_MIN),
            "password",
        )
    if password != repeated:
        raise ValidationError(_("The two passwords differ; type it again."), "repeated")
    return password
