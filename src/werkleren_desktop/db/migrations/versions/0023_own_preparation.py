"""A professional's own preparation of their talent conversation (Mijn gesprek): written
in their own window, theirs alone until they share it; sharing copies it into the
professional's parts of the conversation's sections, where their manager reads it
(docs/roles.md).

On PostgreSQL: ``own_preparation`` is the professional's own (and the beheerder's, as
every table); a professional or a manager (in their own conversations) writes the
preparation of the professional's parts of the sections, and nothing else of them:
not the notes, not the manager's parts, not a conversation already held.

Revision ID: 0023
Revises: 0022
Create Date: 2026-11-30
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0023"
down_revision: str | None = "0022"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# the professional's parts of a conversation (domain.conversations.SECTIONS, side
# "professional"), written out: a revision keeps what it was written with
PROFESSIONAL_PARTS = ("went_well", "talents", "learning_wishes", "needs")

RULES = """
CREATE FUNCTION werkleren_own_section() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    conversation record;
BEGIN
    IF werkleren_role() IN ('leidinggevende', 'professional') THEN
        SELECT person_id, held_on INTO conversation
            FROM talent_conversation WHERE id = NEW.conversation_id;
        IF conversation.person_id IS NOT DISTINCT FROM werkleren_person() THEN
            -- one's own conversation: the preparation of one's own parts, before it is held
            IF NEW.key NOT IN (%(parts)s)
               OR conversation.held_on IS NOT NULL
               OR (TG_OP = 'INSERT' AND NEW.notes <> '')
               OR (TG_OP = 'UPDATE' AND (NEW.conversation_id, NEW.key, NEW.notes)
                    IS DISTINCT FROM (OLD.conversation_id, OLD.key, OLD.notes)) THEN
                RAISE EXCEPTION 'one''s own conversation: the preparation of one''s own parts'
                    USING ERRCODE = 'insufficient_privilege';
            END IF;
        END IF;
    END IF;
    RETURN NEW;
END
$$;
"""


def _previous() -> object:
    return importlib.import_module("werkleren_desktop.db.migrations.versions.0021_users_and_roles")


def upgrade() -> None:
    op.create_table(
        "own_preparation",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("conversation_id", sa.Integer, nullable=False),
        sa.Column("key", sa.String(40), nullable=False),
        sa.Column("text", sa.Text, nullable=False, server_default=""),
        sa.Column("shared_at", sa.DateTime(timezone=True)),
        sa.PrimaryKeyConstraint("id", name="pk_own_preparation"),
        sa.ForeignKeyConstraint(
            ["conversation_id"],
            ["talent_conversation.id"],
            ondelete="CASCADE",
            name="fk_own_preparation_conversation_id_talent_conversation",
        ),
        sa.UniqueConstraint("conversation_id", "key", name="uq_own_preparation_conversation_id"),
    )
    op.create_index("ix_own_preparation_conversation_id", "own_preparation", ["conversation_id"])
    if op.get_bind().dialect.name == "postgresql":
        _secure()


def _secure() -> None:
    previous = _previous()
    users, staff = previous._roles()  # type: ignore[attr-defined]
    me = previous.ME  # type: ignore[attr-defined]
    importlib.import_module(
        "werkleren_desktop.db.migrations.versions.0020_change_notifications"
    ).watch_table("own_preparation")
    own = f"conversation_id IN (SELECT id FROM talent_conversation WHERE person_id = {me})"
    op.execute(RULES.replace("%(parts)s", ", ".join(f"'{p}'" for p in PROFESSIONAL_PARTS)))
    op.execute(
        "CREATE TRIGGER werkleren_own_section BEFORE INSERT OR UPDATE ON conversation_section "
        "FOR EACH ROW EXECUTE FUNCTION werkleren_own_section()"
    )
    for statement in (
        "ALTER TABLE own_preparation ENABLE ROW LEVEL SECURITY",
        f"CREATE POLICY beheer ON own_preparation TO {users} USING (true) WITH CHECK (true)",
        f"CREATE POLICY staff_own ON own_preparation TO {staff} USING ({own}) WITH CHECK ({own})",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON own_preparation TO {staff}",
        f"GRANT USAGE, SELECT ON SEQUENCE own_preparation_id_seq TO {staff}",
        # sharing: the preparation of one's own parts of one's own conversation (the
        # trigger keeps it to that)
        f"CREATE POLICY staff_share_insert ON conversation_section FOR INSERT TO {staff}"
        f" WITH CHECK ({own})",
        f"CREATE POLICY staff_share_update ON conversation_section FOR UPDATE TO {staff}"
        f" USING ({own}) WITH CHECK ({own})",
    ):
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP POLICY staff_share_insert ON conversation_section")
        op.execute("DROP POLICY staff_share_update ON conversation_section")
        op.execute("DROP TRIGGER werkleren_own_section ON conversation_section")
        op.execute("DROP FUNCTION werkleren_own_section()")
        op.execute("DROP TABLE own_preparation")
        return
    op.drop_index("ix_own_preparation_conversation_id", "own_preparation")
    op.drop_table("own_preparation")
