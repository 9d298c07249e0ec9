"""Two writers at once, as the window saving while an export runs in the background:
the later one waits for the earlier, and neither fails nor loses the other's work."""

from __future__ import annotations

import threading

from sqlalchemy import select

from werkleren_desktop.db.models import Organisation
from werkleren_desktop.domain.organisation import OrganisationSettings
from werkleren_desktop.services.organisation import create_organisation


def test_a_writer_that_reads_first_waits_for_the_other_writer(store) -> None:
    create_organisation(store.sessions, OrganisationSettings(name="Van Dijk"))
    first_has_read = threading.Event()
    second_is_waiting = threading.Event()
    failures: list[BaseException] = []

    def first_writer() -> None:
        try:
            with store.sessions.begin() as session:
                organisation = session.scalars(select(Organisation)).one()
                first_has_read.set()
                second_is_waiting.wait(5)
                organisation.retention_months = 36
        except BaseException as error:
            failures.append(error)

    thread = threading.Thread(target=first_writer)
    thread.start()
    assert first_has_read.wait(5)
    # the second reads what the first is about to change, then writes; before, SQLite
    # refused it at once ("in use") because the first committed in between
    timer = threading.Timer(0.3, second_is_waiting.set)
    timer.start()
    with store.sessions.begin() as session:
        organisation = session.scalars(select(Organisation)).one()
        organisation.name = f"{organisation.name} & Zn."
    thread.join(10)
    timer.cancel()
    assert not failures
    with store.sessions() as session:
        organisation = session.scalars(select(Organisation)).one()
        assert (organisation.name, organisation.retention_months) == ("Van Dijk & Zn.", 36)
