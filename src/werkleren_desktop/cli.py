"""The `werkleren` command: starts the window, or does one job for scripts and tests.

Every failure is one clear sentence on stderr and a non-zero exit, never a traceback
(set WERKLEREN_DEBUG=1 to see one).
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from typing import Any

from werkleren_desktop._version import __version__
from werkleren_desktop.collector import tune_collector
from werkleren_desktop.domain.constants import UserRole
from werkleren_desktop.errors import UserError
from werkleren_desktop.i18n import _, set_language, translate_argparse
from werkleren_desktop.paths import DataPaths, resolve_data_dir

EXIT_OK = 0
EXIT_USER_ERROR = 1
EXIT_UNEXPECTED = 3


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, f"werkleren: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    translate_argparse()
    common = _Parser(add_help=False)
    common.add_argument(
        "--data-dir",
        metavar=_("DIR"),
        default=argparse.SUPPRESS,
        help=_("the data folder to use (default: $WERKLEREN_DATA_DIR or the user data folder)"),
    )
    common.add_argument(
        "--database-url",
        metavar=_("URL"),
        default=argparse.SUPPRESS,
        help=_(
            "work on a shared PostgreSQL server, postgresql://user@server/database (default: "
            "$WERKLEREN_DATABASE_URL, else the server chosen in the window, else the data "
            "folder's file)"
        ),
    )
    parser = _Parser(
        prog="werkleren",
        description=_("Werkleren Desktop: workplace learning at the heart of the organisation."),
        parents=[common],
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"Werkleren Desktop {__version__}",
        help=_("show the version and exit"),
    )
    commands = parser.add_subparsers(dest="command", metavar=_("COMMAND"), parser_class=_Parser)
    demo = commands.add_parser(
        "demo", parents=[common], help=_("fill an empty data folder with a demo organisation")
    )
    demo.add_argument(
        "--size",
        choices=["small", "large", "huge"],
        default="small",
        help=_(
            "small: about 25 people, two years; large: 250 people, ten years; huge: ten "
            "times large, to measure speed"
        ),
    )
    init = commands.add_parser(
        "init", parents=[common], help=_("start an organisation in an empty data folder")
    )
    init.add_argument(
        "--organisation",
        required=True,
        metavar=_("NAME"),
        help=_("the organisation's name, as forms and reports print it"),
    )
    init.add_argument(
        "--language",
        choices=["nl", "en"],
        default="nl",
        help=_("the language of the window and of every printed form (default: nl)"),
    )
    commands.add_parser(
        "check", parents=[common], help=_("check the data file and exit non-zero on a problem")
    )
    commands.add_parser(
        "selftest",
        parents=[common],
        help=_(
            "try every page, the charts and the PDF preview on these data in a window that is "
            "not shown, and exit non-zero when something does not work"
        ),
    )
    exporter = commands.add_parser("export", parents=[common], help=_("export data to a file"))
    exports = exporter.add_subparsers(
        dest="kind", metavar=_("WHAT"), parser_class=_Parser, required=True
    )
    calendar = exports.add_parser(
        "calendar",
        parents=[common],
        help=_("the week-cycle sessions as an iCalendar file (Outlook, Google Calendar)"),
    )
    calendar.add_argument("--out", required=True, metavar=_("FILE"))
    calendar.add_argument(
        "--group", metavar=_("NAME"), help=_("only this learning group (default: all groups)")
    )
    calendar.add_argument(
        "--alarm",
        type=int,
        metavar=_("MINUTES"),
        help=_("a reminder this many minutes before each session, 0 for none (default: Settings)"),
    )
    reminders = exports.add_parser(
        "reminders",
        parents=[common],
        help=_(
            "talent conversations that are due and certificates about to expire as an "
            "iCalendar file with alarms"
        ),
    )
    reminders.add_argument("--out", required=True, metavar=_("FILE"))
    reminders.add_argument(
        "--days",
        type=int,
        default=14,
        metavar=_("DAYS"),
        help=_("each alarm goes off this many days before, at 09:00 (1 to 90; default 14)"),
    )
    printer = commands.add_parser("print", parents=[common], help=_("print a form to a PDF file"))
    forms = printer.add_subparsers(
        dest="kind", metavar=_("WHAT"), parser_class=_Parser, required=True
    )
    conversation = forms.add_parser(
        "conversation",
        parents=[common],
        help=_(
            "a talent conversation: the preparation form of the next one, a blank form, "
            "or the record of the last one held"
        ),
    )
    conversation.add_argument(
        "--person", metavar=_("NAME"), help=_("the professional, by name or e-mail address")
    )
    which = conversation.add_mutually_exclusive_group()
    which.add_argument(
        "--blank",
        action="store_true",
        help=_("a form to fill in by hand (with --person: only the names filled in)"),
    )
    which.add_argument(
        "--record", action="store_true", help=_("the record of the last conversation held")
    )
    conversation.add_argument("--out", required=True, metavar=_("FILE"))
    overview = exports.add_parser(
        "overview",
        parents=[common],
        help=_("the yearly training overview as PDF, Excel workbook or CSV"),
    )
    overview.add_argument(
        "--year", type=int, required=True, metavar=_("YEAR"), help=_("the calendar year")
    )
    overview.add_argument(
        "--format",
        choices=["pdf", "xlsx", "csv"],
        required=True,
        help=_("PDF to print, an Excel workbook, or CSV for any spreadsheet"),
    )
    overview.add_argument("--out", required=True, metavar=_("FILE"))
    backup = commands.add_parser(
        "backup", parents=[common], help=_("make a backup of the data now")
    )
    backup.add_argument(
        "--out", metavar=_("FILE"), help=_("write it here (default: the backup folder)")
    )
    restore = commands.add_parser(
        "restore",
        parents=[common],
        help=_("replace the data by a backup; the current data are kept as a backup first"),
    )
    restore.add_argument("file", metavar=_("FILE"))
    person = exports.add_parser(
        "person",
        parents=[common],
        help=_("everything stored about one person, as PDF and JSON (AVG right of access)"),
    )
    person.add_argument(
        "--person", required=True, metavar=_("NAME"), help=_("by name or e-mail address")
    )
    person.add_argument("--out", required=True, metavar=_("DIR"))
    importer = commands.add_parser("import", parents=[common], help=_("import data from a file"))
    kinds = importer.add_subparsers(
        dest="kind", metavar=_("WHAT"), parser_class=_Parser, required=True
    )
    people = kinds.add_parser(
        "people",
        parents=[common],
        help=_("import people from a CSV or Excel file (Dutch or English headers)"),
    )
    people.add_argument("file", metavar=_("FILE"))
    people.add_argument(
        "--yes",
        action="store_true",
        help=_("import without asking; rows with errors are skipped"),
    )
    _add_server_commands(commands, common)
    return parser


def _add_server_commands(commands: Any, common: argparse.ArgumentParser) -> None:
    server = commands.add_parser(
        "server",
        parents=[common],
        help=_("set up, upgrade, fill and back up a shared PostgreSQL server"),
    )
    jobs = server.add_subparsers(dest="job", metavar=_("JOB"), parser_class=_Parser, required=True)
    jobs.add_parser(
        "init",
        parents=[common],
        help=_("prepare an empty database: the schema and the roles the program needs"),
    )
    jobs.add_parser(
        "upgrade",
        parents=[common],
        help=_("bring the server's schema up to date (after a backup, one step at a time)"),
    )
    move = jobs.add_parser(
        "move",
        parents=[common],
        help=_("copy a laptop's data file (or a backup) into the prepared, empty database"),
    )
    move.add_argument("--from", dest="source", required=True, metavar=_("FILE"))
    export = jobs.add_parser(
        "export",
        parents=[common],
        help=_("write the server's data into a data file that opens on a laptop"),
    )
    export.add_argument("--out", required=True, metavar=_("FILE"))
    jobs.add_parser(
        "backup",
        parents=[common],
        help=_("a backup of the server's data in the backup folder, rotated as on a laptop"),
    )
    user = jobs.add_parser(
        "user",
        parents=[common],
        help=_("the users of the data: their logins, persons and roles (docs/roles.md)"),
    )
    acts = user.add_subparsers(dest="act", metavar=_("ACTION"), parser_class=_Parser, required=True)
    roles = [role.value for role in UserRole]
    add = acts.add_parser("add", parents=[common], help=_("a new user, with a login of their own"))
    add.add_argument("login", metavar=_("LOGIN"))
    add.add_argument("--role", required=True, choices=roles)
    add.add_argument(
        "--person", metavar=_("NAME"), help=_("the person they are, as the staff list names them")
    )
    add.add_argument(
        "--password-file",
        metavar=_("FILE"),
        help=_("read the new login's password from this file (else it is asked for)"),
    )
    acts.add_parser("list", parents=[common], help=_("the users and their roles"))
    change = acts.add_parser("role", parents=[common], help=_("give a user another role"))
    change.add_argument("login", metavar=_("LOGIN"))
    change.add_argument("--role", required=True, choices=roles)
    change.add_argument("--person", metavar=_("NAME"), help=_("link them to another person"))
    remove = acts.add_parser(
        "remove",
        parents=[common],
        help=_("take a user's access away (the person and their records stay)"),
    )
    remove.add_argument("login", metavar=_("LOGIN"))


def _paths(args: argparse.Namespace) -> DataPaths:
    """The data the command works on: the server named (or chosen in the window), or
    the folder's data file."""
    from werkleren_desktop.storage.server import resolve_paths

    folder = resolve_data_dir(getattr(args, "data_dir", None))
    return resolve_paths(folder, getattr(args, "database_url", None))


def _where(paths: DataPaths) -> str:
    """The data as a message names them: the folder, or the server."""
    from werkleren_desktop.storage.server import described_url

    return described_url(paths.server_url) if paths.server_url else str(paths.root)


def _run_demo(args: argparse.Namespace) -> int:
    from werkleren_desktop.services.demo import DemoSize, generate_demo
    from werkleren_desktop.storage.data_store import open_data_folder
    from werkleren_desktop.storage.writer import hold_for_command

    paths = _paths(args)
    lock = hold_for_command(paths)  # never into data a window holds
    try:
        store = open_data_folder(paths)
        try:
            settings = generate_demo(store.sessions, DemoSize(args.size))
        finally:
            store.close()
    finally:
        lock.release()
    print(
        _("Demo organisation “{name}” created in {folder}.").format(
            name=settings.name, folder=_where(paths)
        )
    )
    return EXIT_OK


def _run_init(args: argparse.Namespace) -> int:
    """An organisation with the program's defaults, as the welcome page starts one, so
    that a script can set up a laptop without the window."""
    from werkleren_desktop.domain.organisation import OrganisationSettings
    from werkleren_desktop.services.organisation import create_organisation, holds_data
    from werkleren_desktop.services.situations import ensure_questions
    from werkleren_desktop.storage.data_store import open_data_folder
    from werkleren_desktop.storage.writer import hold_for_command

    paths = _paths(args)
    lock = hold_for_command(paths)  # never into data a window holds
    try:
        store = open_data_folder(paths)
        try:
            if holds_data(store.sessions):
                raise UserError(
                    _("This data folder already holds data; start an organisation in an empty one.")
                )
            settings = OrganisationSettings(name=args.organisation, language=args.language)
            create_organisation(store.sessions, settings)
            set_language(args.language)  # the guiding questions in the organisation's language
            ensure_questions(store.sessions)
        finally:
            store.close()
    finally:
        lock.release()
    print(
        _("Organisation “{name}” started in {folder}.").format(
            name=settings.validated().name, folder=_where(paths)
        )
    )
    return EXIT_OK


def _run_import(args: argparse.Namespace) -> int:
    import datetime as dt
    from pathlib import Path

    from werkleren_desktop.domain.formatting import format_number
    from werkleren_desktop.domain.people_import import (
        MAX_PROBLEMS_SHOWN,
        doubled_columns,
        guess_mapping,
        read_table,
    )
    from werkleren_desktop.domain.text import printable
    from werkleren_desktop.services.people_import import apply_import, plan_import
    from werkleren_desktop.storage.data_store import open_data_folder
    from werkleren_desktop.storage.writer import hold_for_command

    table = read_table(Path(args.file))
    doubled = doubled_columns(table)
    if doubled:  # the window lets the user choose the column; here the file must say
        for problem in doubled:
            print(printable(str(problem)))
        print(_("Give all but one of them another header, and import again."))
        return EXIT_USER_ERROR
    lock = hold_for_command(_paths(args))
    store = open_data_folder(_paths(args))
    try:
        plan = plan_import(store.sessions, table, guess_mapping(table.headers), dt.date.today())
        problems = plan.problems
        for problem in problems[:MAX_PROBLEMS_SHOWN]:
            print(printable(str(problem)))  # the file's own text never steers the terminal
        if len(problems) > MAX_PROBLEMS_SHOWN:
            print(
                _("… and {more} more ({total} in all).").format(
                    more=format_number(len(problems) - MAX_PROBLEMS_SHOWN),
                    total=format_number(len(problems)),
                )
            )
        print(plan.summary())
        if not plan.to_store:
            print(_("Nothing to import."))
            return EXIT_USER_ERROR if plan.errors else EXIT_OK
        if not args.yes and not _confirm(
            _("Import {n} people? [y/N] ").format(n=len(plan.to_store))
        ):
            print(_("Nothing was imported."))
            return EXIT_USER_ERROR
        store.back_up("before-import")
        result = apply_import(store.sessions, plan)
    finally:
        store.close()
        lock.release()
    print(
        _("Imported: {created} added, {updated} changed.").format(
            created=result.created, updated=result.updated
        )
    )
    return EXIT_OK


def _confirm(question: str) -> bool:
    if not sys.stdin.isatty():
        print(_("Not asked on a terminal; add --yes to import."))
        return False
    answer = input(question).strip().casefold()
    return answer in {"j", "ja", "y", "yes"}


def _run_check(args: argparse.Namespace) -> int:
    from werkleren_desktop.db.migrate import DamagedDatabaseError, ForeignDatabaseError
    from werkleren_desktop.storage.data_store import open_data_folder
    from werkleren_desktop.storage.integrity import check_data

    paths = _paths(args)
    if not paths.on_server and not paths.database.exists():
        raise UserError(_("There is no data file in {folder}.").format(folder=paths.root))
    try:
        store = open_data_folder(paths)
    except (DamagedDatabaseError, ForeignDatabaseError) as error:
        print(f"werkleren: {error}", file=sys.stderr)
        _advise_backup(paths)
        return EXIT_USER_ERROR
    try:
        report = check_data(store)
    finally:
        store.close()
    if report.ok:
        if paths.on_server:
            print(_("The data on {server} are in order.").format(server=_where(paths)))
        else:
            print(_("The data file {path} is in order.").format(path=paths.database))
        return EXIT_OK
    if paths.on_server:
        print(_("The data on {server} are not in order:").format(server=_where(paths)),
              file=sys.stderr)  # fmt: skip
    else:
        print(_("The data file {path} is damaged:").format(path=paths.database), file=sys.stderr)
    for problem in report.problems:
        print(f"  {problem}", file=sys.stderr)
    _advise_backup(paths)
    return EXIT_USER_ERROR


def _advise_backup(paths: DataPaths) -> None:
    from werkleren_desktop.domain.formatting import format_moment
    from werkleren_desktop.storage.backups import newest_good_backup

    backup = newest_good_backup(paths)
    if backup is not None:
        print(
            _("The newest good backup is of {moment}: werkleren restore {path}").format(
                moment=format_moment(backup.made_at), path=backup.path
            ),
            file=sys.stderr,
        )


def _run_export(args: argparse.Namespace) -> int:
    if args.kind == "overview":
        return _export_overview(args)
    if args.kind == "person":
        return _export_person(args)
    if args.kind == "reminders":
        return _export_reminders(args)
    return _export_calendar(args)


def _export_reminders(args: argparse.Namespace) -> int:
    import datetime as dt
    from pathlib import Path

    from werkleren_desktop.services.reminders import check_days, export_reminders
    from werkleren_desktop.storage.data_store import open_data_folder
    from werkleren_desktop.storage.files import output_file, write_atomically
    from werkleren_desktop.storage.writer import hold_for_command

    check_days(args.days)
    output_file(Path(args.out), _paths(args))  # refused before anything is changed
    # the export notes what it wrote of each reminder (for the next one's versions)
    lock = hold_for_command(_paths(args))
    store = open_data_folder(_paths(args))
    try:
        written = export_reminders(
            store.sessions, dt.date.today(), dt.datetime.now(dt.UTC), args.days
        )
    finally:
        store.close()
        lock.release()
    out = output_file(Path(args.out), _paths(args))
    write_atomically(out, written.data)
    print(written.said(str(out)))
    return EXIT_OK


def _export_person(args: argparse.Namespace) -> int:
    import datetime as dt
    from pathlib import Path

    from werkleren_desktop.documents.person_file import write_person_file
    from werkleren_desktop.services.organisation import load_settings
    from werkleren_desktop.services.people import person_id_by_name
    from werkleren_desktop.services.privacy import person_file
    from werkleren_desktop.storage.data_store import open_data_folder
    from werkleren_desktop.storage.files import output_folder

    store = open_data_folder(_paths(args))
    try:
        data = person_file(store.sessions, person_id_by_name(store.sessions, args.person))
        settings = load_settings(store.sessions)
    finally:
        store.close()
    organisation = settings.name if settings else ""
    folder = output_folder(Path(args.out), _paths(args))
    pdf, machine = write_person_file(folder, organisation, data, dt.date.today())
    print(_("Written to {path}.").format(path=pdf))
    print(_("Written to {path}.").format(path=machine))
    return EXIT_OK


def _export_overview(args: argparse.Namespace) -> int:
    import datetime as dt
    from pathlib import Path

    from werkleren_desktop.documents.overview_export import export_overview
    from werkleren_desktop.services.overview import year_overview, year_trainings
    from werkleren_desktop.storage.data_store import open_data_folder
    from werkleren_desktop.storage.files import output_file, write_atomically

    store = open_data_folder(_paths(args))
    try:
        overview = year_overview(store.sessions, args.year)
        trainings = year_trainings(store.sessions, args.year)
    finally:
        store.close()
    out = output_file(Path(args.out), _paths(args))
    write_atomically(out, export_overview(overview, args.format, dt.date.today(), trainings))
    print(
        _("The overview of {year} ({n} people) written to {path}.").format(
            year=args.year, n=len(overview.rows), path=out
        )
    )
    return EXIT_OK


def _export_calendar(args: argparse.Namespace) -> int:
    import datetime as dt
    from pathlib import Path

    from werkleren_desktop.services.calendar_export import AlarmSetting, export_calendar
    from werkleren_desktop.services.cycles import group_id_by_name
    from werkleren_desktop.storage.data_store import open_data_folder
    from werkleren_desktop.storage.files import output_file, write_atomically
    from werkleren_desktop.storage.writer import hold_for_command

    alarm: int | AlarmSetting | None = AlarmSetting.ORGANISATION
    if args.alarm is not None:
        alarm = args.alarm or None
    output_file(Path(args.out), _paths(args))  # refused before anything is changed
    # the export notes what it wrote of each session (for the next one's SEQUENCE)
    lock = hold_for_command(_paths(args))
    store = open_data_folder(_paths(args))
    try:
        group_id = group_id_by_name(store.sessions, args.group) if args.group else None
        calendar = export_calendar(
            store.sessions, dt.datetime.now(dt.UTC), group_id, alarm_minutes=alarm
        )
    finally:
        store.close()
        lock.release()
    out = output_file(Path(args.out), _paths(args))
    write_atomically(out, calendar.data)
    print(_("{n} sessions written to {path}.").format(n=calendar.sessions, path=out))
    return EXIT_OK


def _run_print(args: argparse.Namespace) -> int:
    import datetime as dt
    from pathlib import Path

    from werkleren_desktop.documents.conversation_form import (
        Organisation,
        preparation_pdf,
        record_pdf,
    )
    from werkleren_desktop.services.conversations import latest_held, next_conversation
    from werkleren_desktop.services.organisation import load_settings
    from werkleren_desktop.services.people import person_id_by_name
    from werkleren_desktop.storage.data_store import open_data_folder
    from werkleren_desktop.storage.files import output_file, write_atomically

    if not args.person and not args.blank:
        raise UserError(_("Name the person with --person, or print a blank form with --blank."))
    today = dt.date.today()
    store = open_data_folder(_paths(args))
    try:
        settings = load_settings(store.sessions)
        if settings is None:
            raise UserError(_("There is no organisation yet; start one first."))
        organisation = Organisation(settings.name, settings.logo_png)
        person = person_id_by_name(store.sessions, args.person) if args.person else None
        if args.record and person is not None:
            pdf = record_pdf(organisation, latest_held(store.sessions, person), today)
        else:
            view = next_conversation(store.sessions, person, today) if person else None
            pdf = preparation_pdf(organisation, view, today, blank=args.blank)
    finally:
        store.close()
    out = output_file(Path(args.out), _paths(args))
    write_atomically(out, pdf)
    print(_("Written to {path}.").format(path=out))
    return EXIT_OK


def _run_backup(args: argparse.Namespace) -> int:
    import datetime as dt
    from pathlib import Path

    from werkleren_desktop.storage.data_store import open_data_folder
    from werkleren_desktop.storage.files import output_file

    paths = _paths(args)
    if not paths.on_server and not paths.database.exists():
        raise UserError(_("There are no data in {folder} to back up.").format(folder=paths.root))
    destination = None
    if args.out:
        destination = Path(args.out)
        if destination.is_dir():  # a folder gets the backup inside, under the usual name
            now = dt.datetime.now().replace(microsecond=0)
            destination = destination / f"werkleren-{now:%Y%m%d-%H%M%S}-manual.sqlite3"
        else:
            destination = output_file(destination, paths, may_exist=False)
    store = open_data_folder(paths)  # refuses a damaged or newer file before copying
    try:
        made = store.back_up("manual", destination=destination)
    finally:
        store.close()
    print(_("Backup written to {path}.").format(path=made.path))
    return EXIT_OK


def _run_restore(args: argparse.Namespace) -> int:
    from pathlib import Path

    from werkleren_desktop.storage.backups import restore_backup
    from werkleren_desktop.storage.writer import hold_for_command

    paths = _paths(args)
    if paths.on_server:
        from werkleren_desktop.storage.server import restore_elsewhere

        raise restore_elsewhere()
    lock = hold_for_command(paths)
    try:
        kept = restore_backup(paths, Path(args.file))
    finally:
        lock.release()
    print(_("The backup is restored."))
    if kept is not None:
        print(_("The data as they were are kept in {path}.").format(path=kept))
    return EXIT_OK


def _run_selftest(args: argparse.Namespace) -> int:
    from werkleren_desktop.gui.selftest import run_selftest

    paths = _paths(args)
    if not paths.on_server and not paths.database.exists():
        raise UserError(_("There is no data file in {folder}.").format(folder=paths.root))
    return run_selftest(paths)


def _run_gui(args: argparse.Namespace) -> int:
    from werkleren_desktop.gui.app import run_gui

    return run_gui(_paths(args))


def _run_server(args: argparse.Namespace) -> int:
    from pathlib import Path

    from werkleren_desktop.domain.formatting import format_number
    from werkleren_desktop.storage.files import output_file
    from werkleren_desktop.storage.server import NotSharedError
    from werkleren_desktop.storage.server_admin import init_server, server_engine, upgrade_server
    from werkleren_desktop.storage.server_copy import (
        backup_server,
        export_server,
        move_to_server,
    )

    paths = _paths(args)
    if not paths.on_server:
        raise NotSharedError(
            _(
                "Name the server with --database-url postgresql://user@server/database "
                "(or WERKLEREN_DATABASE_URL)."
            )
        )
    server = _where(paths)
    out = None
    if args.job == "export":  # refused before the server is even asked
        out = output_file(Path(args.out), paths, may_exist=False)
    engine = server_engine(paths)
    try:
        if args.job == "init":
            result = init_server(engine)
            if result.already_prepared:
                print(
                    _("{server} was prepared already; nothing has been changed.").format(
                        server=server
                    )
                )
            else:
                print(
                    _(
                        "{server} is prepared; {owner} owns the schema. Add each user with "
                        "werkleren server user add LOGIN --role ROLE --person NAME."
                    ).format(server=server, owner=result.roles.owner)
                )
        elif args.job == "upgrade":
            migration = upgrade_server(engine, paths)
            if migration.from_revision == migration.to_revision:
                print(_("{server} is up to date.").format(server=server))
            else:
                print(
                    _("{server} brought up to date; the data as they were are in {path}.").format(
                        server=server, path=migration.backup
                    )
                )
        elif args.job == "move":
            copied = move_to_server(Path(args.source), engine)
            print(
                _("{n} records copied to {server} and compared one by one.").format(
                    n=format_number(copied.records), server=server
                )
            )
        elif args.job == "export":
            assert out is not None
            copied = export_server(engine, out)
            print(
                _("{n} records written to {path} and compared one by one.").format(
                    n=format_number(copied.records), path=out
                )
            )
        elif args.job == "user":
            _run_user(args, engine, server)
        else:
            made = backup_server(engine, paths)
            print(_("Backup written to {path}.").format(path=made.path))
    finally:
        engine.dispose()
    return EXIT_OK


def _run_user(args: argparse.Namespace, engine: Any, server: str) -> None:
    """werkleren server user add|list|role|remove (storage.server_users)."""
    import getpass
    from pathlib import Path

    from werkleren_desktop.storage.server_users import (
        add_user,
        list_users,
        person_named,
        remove_user,
        set_role,
    )

    if args.act == "list":
        users = list_users(engine)
        if not users:
            print(_("{server} has no users yet.").format(server=server))
        for user in users:
            print(f"{user.login}\t{user.role.value}\t{user.person_name or '-'}")
        return
    if args.act == "remove":
        remove_user(engine, args.login)
        print(
            _("{login} no longer has access to {server}.").format(login=args.login, server=server)
        )
        return
    role = UserRole(args.role)
    person = person_named(engine, args.person) if args.person else None
    if args.act == "role":
        set_role(engine, args.login, role, person)
        print(_("{login} is now {role}.").format(login=args.login, role=role.value))
        return
    password = None
    if args.password_file:
        try:
            password = Path(args.password_file).read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError) as error:
            raise UserError(
                _("The password file {path} cannot be read.").format(path=args.password_file)
            ) from error
    elif sys.stdin.isatty():
        asked = _("Password for the new login {login}: ").format(login=args.login)
        password = getpass.getpass(asked)
    add_user(engine, args.login, role, person, password)
    print(
        _("{login} may now sign in to {server} as {role}.").format(
            login=args.login, server=server, role=role.value
        )
    )


COMMANDS: dict[str | None, Callable[[argparse.Namespace], int]] = {
    None: _run_gui,
    "demo": _run_demo,
    "init": _run_init,
    "import": _run_import,
    "check": _run_check,
    "selftest": _run_selftest,
    "export": _run_export,
    "print": _run_print,
    "backup": _run_backup,
    "restore": _run_restore,
    "server": _run_server,
}


def main(argv: Sequence[str] | None = None) -> int:
    tune_collector()
    set_language(
        os.environ.get("WERKLEREN_LANG", "nl")
        if os.environ.get("WERKLEREN_LANG") in {"nl", "en"}
        else "nl"
    )
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except UserError as error:
        print(f"werkleren: {error}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        return 130
    except Exception as error:
        if os.environ.get("WERKLEREN_DEBUG"):
            traceback.print_exc()
        print(
            "werkleren: "
            # the kind only: an error's own words may quote stored (personal) data
            + _(
                "something unexpected went wrong ({kind}); nothing was changed after the "
                "last save. Run it again with WERKLEREN_DEBUG=1 to see the details."
            ).format(kind=type(error).__name__),
            file=sys.stderr,
        )
        return EXIT_UNEXPECTED


if __name__ == "__main__":
    sys.exit(main())
