"""Who pays for learning (domain.funds): the funds and subsidies with their rules, the
claims on them with the trainings each covers; and apprentices' placements
(praktijkleren) with their workplace trainer, weeks of guidance and progress talks.

On a server every login reads the funds and only the beheerder writes them and the
claims (the organisation's money); a placement and its entries are read and written as
someone's training is (docs/roles.md). The shipped funds are written by
services.funds.ensure_funds, not here.

Revision ID: 0037
Revises: 0036
Create Date: 2026-12-01
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0037"
down_revision: str | None = "0036"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_NULL_INTEGERS = (
    "min_presence_percent",
    "min_minutes",
    "claim_within_months",
    "claim_by_month",
    "claim_by_day",
    "evidence_within_months",
    "trainer_sign_days",
    "manager_sign_days",
    "share_percent",
    "max_cents",
)


def upgrade() -> None:
    op.create_table(
        "fund",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("description", sa.String(200), nullable=False, server_default=""),
        sa.Column("kind", sa.String(20), nullable=False),
        *(sa.Column(name, sa.Integer) for name in _NULL_INTEGERS[:2]),
        sa.Column("apply_before_start", sa.Boolean, nullable=False, server_default=sa.false()),
        *(sa.Column(name, sa.Integer) for name in _NULL_INTEGERS[2:8]),
        sa.Column("signatures_on_day", sa.Boolean, nullable=False, server_default=sa.false()),
        *(sa.Column(name, sa.Integer) for name in _NULL_INTEGERS[8:]),
        sa.Column("runs_until", sa.Date),
        sa.Column("source", sa.Text, nullable=False, server_default=""),
        sa.Column("retired", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.PrimaryKeyConstraint("id", name="pk_fund"),
        sa.UniqueConstraint("name", name="uq_fund_name"),
        sa.CheckConstraint("length(trim(name)) > 0", name="ck_fund_name_not_empty"),
        sa.CheckConstraint(
            "min_presence_percent IS NULL OR min_presence_percent BETWEEN 1 AND 100",
            name="ck_fund_presence_percent",
        ),
        sa.CheckConstraint(
            "share_percent IS NULL OR share_percent BETWEEN 1 AND 100", name="ck_fund_share"
        ),
        sa.CheckConstraint(
            "(claim_by_month IS NULL) = (claim_by_day IS NULL)", name="ck_fund_claim_by"
        ),
    )
    op.create_table(
        "fund_claim",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("fund_id", sa.Integer, nullable=False),
        sa.Column("reference", sa.String(100), nullable=False, server_default=""),
        sa.Column("applied_on", sa.Date),
        sa.Column("claimed_on", sa.Date),
        sa.Column("amount_cents", sa.Integer, nullable=False, server_default="0"),
        sa.Column("granted_cents", sa.Integer),
        sa.Column("evidence_requested_on", sa.Date),
        sa.Column("evidence_sent_on", sa.Date),
        sa.Column("trainer_signed_on", sa.Date),
        sa.Column("manager_signed_on", sa.Date),
        sa.Column("note", sa.Text, nullable=False, server_default=""),
        sa.PrimaryKeyConstraint("id", name="pk_fund_claim"),
        sa.ForeignKeyConstraint(
            ["fund_id"], ["fund.id"], name="fk_fund_claim_fund_id_fund", ondelete="CASCADE"
        ),
        sa.CheckConstraint("amount_cents >= 0", name="ck_fund_claim_amount_not_negative"),
        sa.CheckConstraint(
            "granted_cents IS NULL OR granted_cents >= 0",
            name="ck_fund_claim_granted_not_negative",
        ),
    )
    op.create_index("ix_fund_claim_fund_id", "fund_claim", ["fund_id"])
    op.create_table(
        "fund_claim_training",
        sa.Column("claim_id", sa.Integer, nullable=False),
        sa.Column("training_id", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("claim_id", "training_id", name="pk_fund_claim_training"),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["fund_claim.id"],
            name="fk_fund_claim_training_claim_id_fund_claim",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["training_id"],
            ["training.id"],
            name="fk_fund_claim_training_training_id_training",
            ondelete="CASCADE",
        ),
    )
    op.create_index("ix_fund_claim_training_training_id", "fund_claim_training", ["training_id"])
    op.create_table(
        "apprenticeship",
        sa.Column("person_id", sa.Integer, nullable=False),
        sa.Column("trainer_id", sa.Integer),
        sa.Column("school", sa.String(200), nullable=False, server_default=""),
        sa.Column("programme", sa.String(200), nullable=False, server_default=""),
        sa.Column("starts_on", sa.Date, nullable=False),
        sa.Column("ends_on", sa.Date),
        sa.PrimaryKeyConstraint("person_id", name="pk_apprenticeship"),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name="fk_apprenticeship_person_id_person",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["trainer_id"],
            ["person.id"],
            name="fk_apprenticeship_trainer_id_person",
            ondelete="SET NULL",
        ),
        sa.CheckConstraint(
            "ends_on IS NULL OR ends_on >= starts_on", name="ck_apprenticeship_ends_after_start"
        ),
        sa.CheckConstraint(
            "trainer_id IS NULL OR trainer_id <> person_id",
            name="ck_apprenticeship_not_own_trainer",
        ),
    )
    op.create_index("ix_apprenticeship_trainer_id", "apprenticeship", ["trainer_id"])
    op.create_table(
        "guidance_entry",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("person_id", sa.Integer, nullable=False),
        sa.Column("held_on", sa.Date, nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("minutes", sa.Integer, nullable=False, server_default="0"),
        sa.Column("summary", sa.Text, nullable=False, server_default=""),
        sa.Column("initials", sa.String(10), nullable=False, server_default=""),
        sa.PrimaryKeyConstraint("id", name="pk_guidance_entry"),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["apprenticeship.person_id"],
            name="fk_guidance_entry_person_id_apprenticeship",
            ondelete="CASCADE",
        ),
        sa.CheckConstraint("minutes >= 0", name="ck_guidance_entry_minutes_not_negative"),
    )
    op.create_index("ix_guidance_entry_person_id", "guidance_entry", ["person_id"])
    if op.get_bind().dialect.name == "postgresql":
        _secure()


def _secure() -> None:
    versions = "werkleren_desktop.db.migrations.versions"
    previous = importlib.import_module(f"{versions}.0021_users_and_roles")
    users, staff = previous._roles()
    people, reports = previous.PEOPLE, previous.REPORTS
    watch = importlib.import_module(f"{versions}.0020_change_notifications").watch_table
    for table in ("fund", "fund_claim", "fund_claim_training", "apprenticeship", "guidance_entry"):
        watch(table)
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        op.execute(f"CREATE POLICY beheer ON {table} TO {users} USING (true) WITH CHECK (true)")
    op.execute(f"CREATE POLICY staff_read ON fund FOR SELECT TO {staff} USING (true)")
    op.execute(f"GRANT SELECT ON fund TO {staff}")
    for table in ("apprenticeship", "guidance_entry"):
        for statement in (
            f"CREATE POLICY staff_read ON {table} FOR SELECT TO {staff}"
            f" USING (person_id = ANY {people})",
            f"CREATE POLICY staff_insert ON {table} FOR INSERT TO {staff} WITH CHECK ({reports})",
            f"CREATE POLICY staff_update ON {table} FOR UPDATE TO {staff}"
            f" USING ({reports}) WITH CHECK ({reports})",
            f"CREATE POLICY staff_delete ON {table} FOR DELETE TO {staff} USING ({reports})",
            f"GRANT SELECT, INSERT, UPDATE, DELETE ON {table} TO {staff}",
        ):
            op.execute(statement)
    op.execute(f"GRANT USAGE, SELECT ON SEQUENCE guidance_entry_id_seq TO {staff}")


def downgrade() -> None:
    for table in ("guidance_entry", "apprenticeship", "fund_claim_training", "fund_claim", "fund"):
        op.drop_table(table)
