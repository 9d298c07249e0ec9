"""Functions (functies) as a managed list with what each requires, and skills with a
level (docs/domain.md, "Wie mag wat"). A person holds a function; the job title typed
before stays as it was until the user maps it to a function once (services.functions).
What someone can do is fed by what happened: a followed training grants a skill at a
level, a situation of the kind "zelf beter performen" can say which skill it built and
at what level, and a manager records a level they saw (``person_skill``). A function's
requirements and the levels seen go with their skill or certificate type, which the
program never deletes but retires.

On a server every login reads the functions, the skills and the requirements; the
beheerder edits them. Someone's recorded levels are read as their training is: by the
people one may see, written by their manager.

Revision ID: 0032
Revises: 0031
Create Date: 2026-12-01
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0032"
down_revision: str | None = "0031"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LEVELS = "BETWEEN 1 AND 4"  # domain.skills.LEVELS
# the references added to tables that hold data: (table, column, referred, on delete)
ADDED = (
    ("person", "function_id", "job_function", "RESTRICT"),
    ("training", "skill_id", "skill", "RESTRICT"),
    ("learning_situation", "skill_id", "skill", "RESTRICT"),
)


def _module(name: str) -> object:
    return importlib.import_module(f"werkleren_desktop.db.migrations.versions.{name}")


def _named_list(table: str) -> None:
    op.create_table(
        table,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("description", sa.String(200), nullable=False, server_default=""),
        sa.Column("retired", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.PrimaryKeyConstraint("id", name=f"pk_{table}"),
        sa.UniqueConstraint("name", name=f"uq_{table}_name"),
        sa.CheckConstraint("length(trim(name)) > 0", name=f"ck_{table}_name_not_empty"),
    )


def upgrade() -> None:
    _named_list("job_function")
    _named_list("skill")
    op.create_table(
        "function_requirement",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("function_id", sa.Integer, nullable=False),
        sa.Column("certificate_type_id", sa.Integer),
        sa.Column("skill_id", sa.Integer),
        sa.Column("level", sa.Integer),
        sa.PrimaryKeyConstraint("id", name="pk_function_requirement"),
        sa.ForeignKeyConstraint(
            ["function_id"],
            ["job_function.id"],
            name="fk_function_requirement_function_id_job_function",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["certificate_type_id"],
            ["certificate_type.id"],
            name="fk_function_requirement_certificate_type_id_certificate_type",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["skill_id"],
            ["skill.id"],
            name="fk_function_requirement_skill_id_skill",
            ondelete="CASCADE",
        ),
        sa.UniqueConstraint("function_id", "certificate_type_id", name="requirement_certificate"),
        sa.UniqueConstraint("function_id", "skill_id", name="requirement_skill"),
        sa.CheckConstraint(
            "(certificate_type_id IS NULL) <> (skill_id IS NULL)",
            name="ck_function_requirement_one_thing",
        ),
        sa.CheckConstraint(
            f"(skill_id IS NULL AND level IS NULL) OR level {LEVELS}",
            name="ck_function_requirement_level_of_skill",
        ),
    )
    op.create_index("ix_function_requirement_function_id", "function_requirement", ["function_id"])
    op.create_table(
        "person_skill",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("person_id", sa.Integer, nullable=False),
        sa.Column("skill_id", sa.Integer, nullable=False),
        sa.Column("level", sa.Integer, nullable=False),
        sa.Column("assessed_on", sa.Date, nullable=False),
        sa.Column("note", sa.Text, nullable=False, server_default=""),
        sa.PrimaryKeyConstraint("id", name="pk_person_skill"),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name="fk_person_skill_person_id_person",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["skill_id"], ["skill.id"], name="fk_person_skill_skill_id_skill", ondelete="CASCADE"
        ),
        sa.CheckConstraint(f"level {LEVELS}", name="ck_person_skill_level_in_range"),
    )
    op.create_index("ix_person_skill_person_id", "person_skill", ["person_id"])
    postgresql = op.get_bind().dialect.name == "postgresql"
    for table, column, referred, on_delete in ADDED:
        name = f"fk_{table}_{column}_{referred}"
        if postgresql:
            op.add_column(table, sa.Column(column, sa.Integer))
            op.create_foreign_key(name, table, referred, [column], ["id"], ondelete=on_delete)
        else:  # SQLite adds a column with its reference without rebuilding the table
            op.execute(
                f"ALTER TABLE {table} ADD COLUMN {column} INTEGER CONSTRAINT {name} "
                f"REFERENCES {referred} (id) ON DELETE {on_delete}"
            )
        op.create_index(f"ix_{table}_{column}", table, [column])
    for table in ("training", "learning_situation"):
        op.add_column(table, sa.Column("skill_level", sa.Integer))
    if postgresql:
        _secure()


def _secure() -> None:
    previous = _module("0021_users_and_roles")
    users, staff = previous._roles()  # type: ignore[attr-defined]
    people = previous.PEOPLE  # type: ignore[attr-defined]
    reports = previous.REPORTS  # type: ignore[attr-defined]
    watch = _module("0020_change_notifications").watch_table  # type: ignore[attr-defined]
    for table in ("job_function", "skill", "function_requirement"):
        watch(table)
        for statement in (
            f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
            f"CREATE POLICY beheer ON {table} TO {users} USING (true) WITH CHECK (true)",
            f"CREATE POLICY staff_read ON {table} FOR SELECT TO {staff} USING (true)",
            f"GRANT SELECT ON {table} TO {staff}",
        ):
            op.execute(statement)
    watch("person_skill")
    for statement in (
        "ALTER TABLE person_skill ENABLE ROW LEVEL SECURITY",
        f"CREATE POLICY beheer ON person_skill TO {users} USING (true) WITH CHECK (true)",
        f"CREATE POLICY staff_read ON person_skill FOR SELECT TO {staff}"
        f" USING (person_id = ANY {people})",
        f"CREATE POLICY staff_insert ON person_skill FOR INSERT TO {staff} WITH CHECK ({reports})",
        f"CREATE POLICY staff_update ON person_skill FOR UPDATE TO {staff}"
        f" USING ({reports}) WITH CHECK ({reports})",
        f"CREATE POLICY staff_delete ON person_skill FOR DELETE TO {staff} USING ({reports})",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON person_skill TO {staff}",
        f"GRANT USAGE, SELECT ON SEQUENCE person_skill_id_seq TO {staff}",
        # a person's function is as public as their job title
        f"GRANT SELECT (function_id) ON person TO {staff}",
    ):
        op.execute(statement)


def downgrade() -> None:
    for table in ("training", "learning_situation"):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("skill_level")
    for table, column, referred, _on_delete in ADDED:
        with op.batch_alter_table(table) as batch:
            batch.drop_index(f"ix_{table}_{column}")
            batch.drop_constraint(f"fk_{table}_{column}_{referred}", "foreignkey")
            batch.drop_column(column)
    op.drop_table("person_skill")
    op.drop_table("function_requirement")
    op.drop_table("skill")
    op.drop_table("job_function")
