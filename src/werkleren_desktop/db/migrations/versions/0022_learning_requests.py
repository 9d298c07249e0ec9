"""Leervragen: a professional asks for training, a learning group or an expert, and
their manager answers (docs/domain.md). On a shared server the request is the asker's
and their managers' (docs/roles.md): a professional asks and may reword an open request
and note what came of it; a manager answers their team's requests but does not rewrite
them; nobody but a beheerder removes one.

Revision ID: 0022
Revises: 0021
Create Date: 2026-11-30
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0022"
down_revision: str | None = "0021"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

RULES = """
CREATE FUNCTION werkleren_request_rules() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF werkleren_role() IN ('leidinggevende', 'professional') THEN
        IF (NEW.person_id, NEW.asked_on, NEW.addressed_to)
                IS DISTINCT FROM (OLD.person_id, OLD.asked_on, OLD.addressed_to) THEN
            RAISE EXCEPTION 'a request stays whose it is' USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF OLD.person_id IS NOT DISTINCT FROM werkleren_person() THEN
            -- one's own: reworded while open, its outcome noted; the answer is not theirs
            IF (NEW.status, NEW.answer, NEW.answered_on, NEW.answered_by)
                    IS DISTINCT FROM (OLD.status, OLD.answer, OLD.answered_on, OLD.answered_by)
               OR ((NEW.kind, NEW.question) IS DISTINCT FROM (OLD.kind, OLD.question)
                   AND OLD.status <> 'open') THEN
                RAISE EXCEPTION 'one''s own request: its question while open, its outcome'
                    USING ERRCODE = 'insufficient_privilege';
            END IF;
        ELSIF (NEW.kind, NEW.question) IS DISTINCT FROM (OLD.kind, OLD.question) THEN
            RAISE EXCEPTION 'a request is answered, not rewritten'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
    END IF;
    RETURN NEW;
END
$$;
"""


def _previous() -> object:
    return importlib.import_module("werkleren_desktop.db.migrations.versions.0021_users_and_roles")


def upgrade() -> None:
    moment = sa.DateTime(timezone=True)
    op.create_table(
        "learning_request",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("person_id", sa.Integer, nullable=False),
        sa.Column("addressed_to", sa.Integer),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("question", sa.Text, nullable=False),
        sa.Column("asked_on", sa.Date, nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("answer", sa.Text, nullable=False, server_default=""),
        sa.Column("answered_on", sa.Date),
        sa.Column("answered_by", sa.Integer),
        sa.Column("outcome", sa.Text, nullable=False, server_default=""),
        sa.Column("created_at", moment, server_default=sa.func.now(), nullable=False),
        sa.Column("version", sa.Integer, nullable=False, server_default="1"),
        sa.Column("changed_by", sa.String(100), nullable=False, server_default=""),
        sa.Column("changed_at", moment),
        sa.PrimaryKeyConstraint("id", name="pk_learning_request"),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            ondelete="CASCADE",
            name="fk_learning_request_person_id_person",
        ),
        sa.ForeignKeyConstraint(
            ["addressed_to"],
            ["person.id"],
            ondelete="SET NULL",
            name="fk_learning_request_addressed_to_person",
        ),
        sa.ForeignKeyConstraint(
            ["answered_by"],
            ["person.id"],
            ondelete="SET NULL",
            name="fk_learning_request_answered_by_person",
        ),
        sa.CheckConstraint(
            "length(trim(question)) > 0", name="ck_learning_request_question_not_empty"
        ),
        sa.CheckConstraint(
            "answered_on IS NULL OR answered_on >= asked_on",
            name="ck_learning_request_answered_after_asked",
        ),
    )
    for column in ("person_id", "addressed_to", "asked_on", "status", "answered_by"):
        op.create_index(f"ix_learning_request_{column}", "learning_request", [column])
    if op.get_bind().dialect.name == "postgresql":
        _secure()


def _secure() -> None:
    previous = _previous()
    users, staff = previous._roles()  # type: ignore[attr-defined]
    people, me = previous.PEOPLE, previous.ME  # type: ignore[attr-defined]
    importlib.import_module(
        "werkleren_desktop.db.migrations.versions.0020_change_notifications"
    ).watch_table("learning_request")
    op.execute(RULES)
    op.execute(
        "CREATE TRIGGER werkleren_request_rules BEFORE UPDATE ON learning_request "
        "FOR EACH ROW EXECUTE FUNCTION werkleren_request_rules()"
    )
    theirs = f"person_id = ANY {people} OR addressed_to = {me}"
    for statement in (
        "ALTER TABLE learning_request ENABLE ROW LEVEL SECURITY",
        f"CREATE POLICY beheer ON learning_request TO {users} USING (true) WITH CHECK (true)",
        f"CREATE POLICY staff_read ON learning_request FOR SELECT TO {staff} USING ({theirs})",
        # asked by themselves, or recorded by their manager for them; open when asked
        f"CREATE POLICY staff_insert ON learning_request FOR INSERT TO {staff}"
        f" WITH CHECK (person_id = ANY {people} AND status = 'open')",
        f"CREATE POLICY staff_update ON learning_request FOR UPDATE TO {staff}"
        f" USING ({theirs}) WITH CHECK ({theirs})",
        f"GRANT SELECT, INSERT, UPDATE ON learning_request TO {staff}",
        f"GRANT USAGE, SELECT ON SEQUENCE learning_request_id_seq TO {staff}",
    ):
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TABLE learning_request")
        op.execute("DROP FUNCTION werkleren_request_rules()")
        return
    op.drop_table("learning_request")
