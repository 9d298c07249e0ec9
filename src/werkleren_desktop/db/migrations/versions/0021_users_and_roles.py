"""Users and roles on a shared server (docs/roles.md): each login is linked to a
person and has a role, and PostgreSQL itself limits what each role reads and writes,
with row-level security, grants and one trigger, so that a manager who connects with
``psql`` reads no other team's conversations and a professional only their own.

- ``app_user``: login, person, role (beheerder, leidinggevende, professional). Every
  login that could use the data before becomes a beheerder: it had every right.
- ``learning_situation.brought_in_by``: who brought a situation in ("ingebracht door").
- On PostgreSQL only: the role ``<database>_staff`` (made by ``werkleren server init``
  or ``upgrade``, which may create roles) holds the rights of managers and
  professionals; ``<database>_users`` stays the beheerders' (every row of every
  table). Four functions say who is asking (``SECURITY DEFINER``: they read
  ``app_user`` and the managers' lines whatever the asker may read); the view
  ``person_private`` gives the personal fields of the people one may see; each table
  has its policies.

A later revision that adds a table gives it policies and grants here's way
(``tests/db/test_roles.py`` checks every table against docs/roles.md).

Revision ID: 0021
Revises: 0020
Create Date: 2026-11-30
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0021"
down_revision: str | None = "0020"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# person's columns every user of the data reads (a colleague's name on a group, a
# consultation, an agreement); the others are personal (``person_private``)
PERSON_PUBLIC = (
    "id",
    "first_name",
    "last_name",
    "sort_key",
    "job_title",
    "manager_id",
    "in_service",
    "out_of_service",
    "version",
    "changed_by",
    "changed_at",
)
PERSON_PRIVATE = ("email", "birth_year", "contract_minutes", "notes", "last_conversation_on")

FUNCTIONS = """
CREATE FUNCTION werkleren_person() RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT person_id FROM app_user WHERE login = session_user
$$;

CREATE FUNCTION werkleren_role() RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT role FROM app_user WHERE login = session_user
$$;

-- the people whose records one may see: oneself, and for a manager everyone who
-- reports to them, directly or through others; for a beheerder (a member of the
-- database's users role) everyone
CREATE FUNCTION werkleren_people() RETURNS integer[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    WITH RECURSIVE me AS (
        SELECT person_id, role FROM app_user WHERE login = session_user
    ), team(id) AS (
        SELECT person_id FROM me WHERE person_id IS NOT NULL
        UNION
        SELECT p.id FROM person p JOIN team t ON p.manager_id = t.id
        WHERE (SELECT role FROM me) = 'leidinggevende'
    )
    SELECT CASE
        WHEN pg_has_role(session_user, left(current_database(), 50) || '_users', 'MEMBER')
            THEN (SELECT coalesce(array_agg(id), '{}') FROM person)
        ELSE (SELECT coalesce(array_agg(id), '{}') FROM team)
    END
$$;

-- the learning situations one may see: those these people learned from or brought in
CREATE FUNCTION werkleren_situations() RETURNS SETOF integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT situation_id FROM situation_person WHERE person_id = ANY (werkleren_people())
    UNION
    SELECT id FROM learning_situation WHERE brought_in_by = ANY (werkleren_people())
$$;

-- a professional accounts for their own agreements (done or not, and a note) but does
-- not change what was agreed; a manager changes their team's
CREATE FUNCTION werkleren_own_agreement() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF werkleren_role() IN ('leidinggevende', 'professional')
       AND (SELECT person_id FROM talent_conversation WHERE id = OLD.conversation_id)
            IS NOT DISTINCT FROM werkleren_person()
       AND (NEW.conversation_id, NEW.position, NEW.what, NEW.owner, NEW.due_on,
            NEW.reviewed_in_id)
           IS DISTINCT FROM (OLD.conversation_id, OLD.position, OLD.what, OLD.owner,
            OLD.due_on, OLD.reviewed_in_id) THEN
        RAISE EXCEPTION 'an agreement of one''s own conversation: only its status and note'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;
"""

PEOPLE = "((SELECT werkleren_people())::integer[])"  # evaluated once a statement
ME = "(SELECT werkleren_person())"
MANAGER = "(SELECT werkleren_role()) = 'leidinggevende'"
SITUATIONS = "(SELECT werkleren_situations())"
CONVERSATIONS = "(SELECT id FROM talent_conversation)"  # under its own policy
# a manager's own conversations and training are their manager's to write
REPORTS = f"{MANAGER} AND person_id = ANY {PEOPLE} AND person_id <> {ME}"
REPORTS_CONVERSATIONS = (
    f"(SELECT id FROM talent_conversation WHERE {MANAGER} AND person_id <> {ME})"
)

# table: (what staff may read, what they may insert, change and delete), as the
# expressions of the policies; None: nothing. Tables not named here: staff have no
# rights at all (the scans: the beheerder's).
STAFF: dict[str, tuple[str | None, str | None]] = {
    "organisation": ("true", None),
    "closing_period": ("true", None),
    "app_user": ("login = session_user", None),
    "person": ("true", None),  # the public columns only (grants below)
    "learning_group": ("true", None),
    "group_membership": ("true", None),
    "week_cycle": ("true", None),
    "cycle_session": ("true", None),
    "guiding_question": ("true", None),
    "attendance": (f"person_id = ANY {PEOPLE}", f"person_id = ANY {PEOPLE}"),
    "learning_situation": (  # a new one is theirs by who brought it in
        f"brought_in_by = ANY {PEOPLE} OR id IN {SITUATIONS}",
        f"brought_in_by = ANY {PEOPLE} OR id IN {SITUATIONS}",
    ),
    "situation_person": (f"situation_id IN {SITUATIONS}", f"situation_id IN {SITUATIONS}"),
    "situation_consultation": (
        f"situation_id IN {SITUATIONS}",
        f"situation_id IN {SITUATIONS}",
    ),
    "situation_answer": (f"situation_id IN {SITUATIONS}", f"situation_id IN {SITUATIONS}"),
    "talent_conversation": (f"person_id = ANY {PEOPLE}", REPORTS),
    "conversation_section": (
        f"conversation_id IN {CONVERSATIONS}",
        f"conversation_id IN {REPORTS_CONVERSATIONS}",
    ),
    "agreement": (
        f"conversation_id IN {CONVERSATIONS}",
        # the team's, and the status of one's own (the trigger keeps the rest)
        f"conversation_id IN {REPORTS_CONVERSATIONS}",
    ),
    "conversation_correction": (
        f"conversation_id IN {CONVERSATIONS}",
        f"conversation_id IN {REPORTS_CONVERSATIONS}",
    ),
    "training": (f"person_id = ANY {PEOPLE}", REPORTS),
    "training_budget": (f"person_id = ANY {PEOPLE}", None),
}
OWN_AGREEMENTS = f"conversation_id IN (SELECT id FROM talent_conversation WHERE person_id = {ME})"


def _roles() -> tuple[str, str]:
    """The users' and the staff's roles of this database (storage.server_admin.Roles)."""
    database = op.get_bind().exec_driver_sql("SELECT current_database()").scalar()
    stem = str(database)[:50]
    return f'"{stem}_users"', f'"{stem}_staff"'


def _watch(table: str) -> None:
    changes = importlib.import_module(
        "werkleren_desktop.db.migrations.versions.0020_change_notifications"
    )
    changes.watch_table(table)


def upgrade() -> None:
    op.create_table(
        "app_user",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("login", sa.String(63), nullable=False),
        sa.Column(
            "person_id",
            sa.Integer,
            sa.ForeignKey("person.id", ondelete="SET NULL", name="fk_app_user_person_id_person"),
        ),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.func.now(),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("id", name="pk_app_user"),
        sa.UniqueConstraint("login", name="uq_app_user_login"),
    )
    op.create_index("ix_app_user_person_id", "app_user", ["person_id"])
    postgresql = op.get_bind().dialect.name == "postgresql"
    if postgresql:
        op.add_column("learning_situation", sa.Column("brought_in_by", sa.Integer))
        op.create_foreign_key(
            "fk_learning_situation_brought_in_by_person",
            "learning_situation",
            "person",
            ["brought_in_by"],
            ["id"],
            ondelete="SET NULL",
        )
    else:  # SQLite adds a column with its reference without rebuilding the table
        op.execute(
            "ALTER TABLE learning_situation ADD COLUMN brought_in_by INTEGER "
            "CONSTRAINT fk_learning_situation_brought_in_by_person "
            "REFERENCES person (id) ON DELETE SET NULL"
        )
    op.create_index("ix_learning_situation_brought_in_by", "learning_situation", ["brought_in_by"])
    if postgresql:
        _secure()


def _secure() -> None:
    users, staff = _roles()
    exists = op.get_bind().exec_driver_sql(
        "SELECT 1 FROM pg_roles WHERE rolname = %s", (staff.strip('"'),)
    )
    if exists.scalar() is None:
        raise RuntimeError(
            f"the role {staff} is missing: run werkleren server upgrade, which makes it"
        )
    _watch("app_user")
    # every login that could use the data: a beheerder, as it was
    op.execute(
        "INSERT INTO app_user (login, role) SELECT m.rolname, 'beheerder' "
        "FROM pg_auth_members a JOIN pg_roles g ON g.oid = a.roleid "
        "JOIN pg_roles m ON m.oid = a.member "
        f"WHERE g.rolname = '{users.strip(chr(34))}' AND m.rolcanlogin "
        "ON CONFLICT (login) DO NOTHING"
    )
    op.execute(FUNCTIONS)
    op.execute(
        "CREATE TRIGGER werkleren_own_agreement BEFORE UPDATE ON agreement "
        "FOR EACH ROW EXECUTE FUNCTION werkleren_own_agreement()"
    )
    op.execute(
        "CREATE VIEW person_private WITH (security_barrier) AS "
        f"SELECT id, {', '.join(PERSON_PRIVATE)} FROM person "
        f"WHERE id = ANY {PEOPLE}"
    )
    tables = [
        t
        for (t,) in op.get_bind().exec_driver_sql(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
            " AND tablename <> 'alembic_version' ORDER BY tablename"
        )
    ]
    for table in tables:
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        op.execute(f"CREATE POLICY beheer ON {table} TO {users} USING (true) WITH CHECK (true)")
        read, write = STAFF.get(table, (None, None))
        if read is None:
            continue
        op.execute(f"CREATE POLICY staff_read ON {table} FOR SELECT TO {staff} USING ({read})")
        columns = f" ({', '.join(PERSON_PUBLIC)})" if table == "person" else ""
        op.execute(f"GRANT SELECT{columns} ON {table} TO {staff}")
        if write is not None:
            for command in ("INSERT", "UPDATE", "DELETE"):
                clause = {
                    "INSERT": f"WITH CHECK ({write})",
                    "UPDATE": f"USING ({write}) WITH CHECK ({write})",
                    "DELETE": f"USING ({write})",
                }[command]
                op.execute(
                    f"CREATE POLICY staff_{command.lower()} ON {table} FOR {command} "
                    f"TO {staff} {clause}"
                )
            op.execute(f"GRANT INSERT, UPDATE, DELETE ON {table} TO {staff}")
    # a professional marks their own agreements done, with a note (the trigger above)
    op.execute(
        f"CREATE POLICY staff_own_agreement ON agreement FOR UPDATE TO {staff} "
        f"USING ({OWN_AGREEMENTS}) WITH CHECK ({OWN_AGREEMENTS})"
    )
    op.execute(f"GRANT SELECT ON person_private, alembic_version TO {staff}")
    op.execute(f"GRANT SELECT ON person_private TO {users}")
    op.execute(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {staff}")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _users, staff = _roles()
        op.execute("DROP VIEW person_private")
        op.execute("DROP TRIGGER werkleren_own_agreement ON agreement")
        for (table,) in (
            op.get_bind()
            .exec_driver_sql(
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
                " AND tablename NOT IN ('alembic_version', 'app_user')"
            )
            .all()
        ):
            for (policy,) in (
                op.get_bind()
                .exec_driver_sql(
                    "SELECT policyname FROM pg_policies WHERE tablename = %s", (table,)
                )
                .all()
            ):
                op.execute(f"DROP POLICY {policy} ON {table}")
            op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
            op.execute(f"REVOKE ALL ON {table} FROM {staff}")
        op.execute("REVOKE ALL ON alembic_version FROM " + staff)
        for function in (
            "werkleren_own_agreement()",
            "werkleren_situations()",
            "werkleren_people()",
            "werkleren_role()",
            "werkleren_person()",
        ):
            op.execute(f"DROP FUNCTION {function}")
    op.drop_index("ix_learning_situation_brought_in_by", "learning_situation")
    with op.batch_alter_table("learning_situation") as batch:
        batch.drop_column("brought_in_by")
    op.drop_table("app_user")
