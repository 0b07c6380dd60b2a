"""The first schema: units, reports and every table behind a report (see desktop/storage/schema.py).

Revision ID: 0001
Revises:
Create Date: 2026-11-22

Written out in full rather than importing the application's tables: a migration must keep creating
exactly this schema however the code changes later. tests/storage checks it against the MetaData.
"""

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op


# Money in 分: 64-bit on both databases (SQLite's INTEGER already is; PostgreSQL's is 32-bit).
FEN = sa.Integer().with_variant(sa.BigInteger(), "postgresql")

# revision identifiers, used by Alembic.
revision: str = '0001'
down_revision: Union[str, Sequence[str], None] = None
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('units',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('level', sa.Text(), nullable=False),
    sa.Column('superior', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_units')),
    sa.UniqueConstraint('name', name=op.f('uq_units_name'))
    )
    op.create_table('reports',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('fiscal_year', sa.Integer(), nullable=False),
    sa.Column('report_date', sa.Date(), nullable=True),
    sa.Column('outline', sa.Text(), nullable=False),
    sa.Column('status', sa.Text(), nullable=False),
    sa.Column('rule_set', sa.Text(), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('target_text', sa.Text(), nullable=False),
    sa.Column('execution_weight', sa.Text(), nullable=False),
    sa.Column('entered_total', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_reports_unit_id_units'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reports')),
    sa.UniqueConstraint('unit_id', 'fiscal_year', name=op.f('uq_reports_unit_id_fiscal_year'))
    )
    op.create_table('activities',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('report_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('key', sa.Text(), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('date', sa.Date(), nullable=True),
    sa.Column('kind', sa.Text(), nullable=False),
    sa.Column('sessions', sa.Integer(), nullable=True),
    sa.Column('participants', sa.Integer(), nullable=True),
    sa.Column('beneficiaries', sa.Integer(), nullable=True),
    sa.Column('money_fen', FEN, nullable=True),
    sa.Column('task_key', sa.Text(), nullable=True),
    sa.Column('project_key', sa.Text(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['report_id'], ['reports.id'], name=op.f('fk_activities_report_id_reports'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_activities')),
    sa.UniqueConstraint('report_id', 'key', name=op.f('uq_activities_report_id_key'))
    )
    op.create_index(op.f('ix_activities_report_id_date'), 'activities', ['report_id', 'date'], unique=False)
    op.create_index(op.f('ix_activities_report_id_position'), 'activities', ['report_id', 'position'], unique=False)
    op.create_index(op.f('ix_activities_report_id_project_key'), 'activities', ['report_id', 'project_key'], unique=False)
    op.create_index(op.f('ix_activities_report_id_task_key'), 'activities', ['report_id', 'task_key'], unique=False)
    op.create_table('income_lines',
    sa.Column('report_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('source', sa.Text(), nullable=False),
    sa.Column('amount_fen', FEN, nullable=True),
    sa.ForeignKeyConstraint(['report_id'], ['reports.id'], name=op.f('fk_income_lines_report_id_reports'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('report_id', 'position', name=op.f('pk_income_lines'))
    )
    op.create_table('leadership_posts',
    sa.Column('report_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['report_id'], ['reports.id'], name=op.f('fk_leadership_posts_report_id_reports'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('report_id', 'position', name=op.f('pk_leadership_posts'))
    )
    op.create_table('narratives',
    sa.Column('report_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['report_id'], ['reports.id'], name=op.f('fk_narratives_report_id_reports'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('report_id', 'name', name=op.f('pk_narratives'))
    )
    op.create_table('projects',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('report_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('key', sa.Text(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('department', sa.Text(), nullable=False),
    sa.Column('initial_total_fen', FEN, nullable=True),
    sa.Column('initial_current_year_fen', FEN, nullable=True),
    sa.Column('initial_carried_over_fen', FEN, nullable=True),
    sa.Column('initial_other_fen', FEN, nullable=True),
    sa.Column('adjusted_total_fen', FEN, nullable=True),
    sa.Column('adjusted_current_year_fen', FEN, nullable=True),
    sa.Column('adjusted_carried_over_fen', FEN, nullable=True),
    sa.Column('adjusted_other_fen', FEN, nullable=True),
    sa.Column('executed_total_fen', FEN, nullable=True),
    sa.Column('executed_current_year_fen', FEN, nullable=True),
    sa.Column('executed_carried_over_fen', FEN, nullable=True),
    sa.Column('executed_other_fen', FEN, nullable=True),
    sa.Column('expected_goal', sa.Text(), nullable=False),
    sa.Column('actual_goal', sa.Text(), nullable=False),
    sa.Column('execution_weight', sa.Text(), nullable=False),
    sa.Column('self_score', sa.Text(), nullable=True),
    sa.Column('analysis', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['report_id'], ['reports.id'], name=op.f('fk_projects_report_id_reports'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_projects')),
    sa.UniqueConstraint('report_id', 'key', name=op.f('uq_projects_report_id_key'))
    )
    op.create_table('report_finances',
    sa.Column('report_id', sa.Integer(), nullable=False),
    sa.Column('income_total_fen', FEN, nullable=True),
    sa.Column('personnel_fen', FEN, nullable=True),
    sa.Column('public_fen', FEN, nullable=True),
    sa.Column('basic_fen', FEN, nullable=True),
    sa.Column('project_fen', FEN, nullable=True),
    sa.Column('expenditure_total_fen', FEN, nullable=True),
    sa.Column('carry_over_start_fen', FEN, nullable=True),
    sa.Column('carry_over_end_fen', FEN, nullable=True),
    sa.Column('budget_initial_fen', FEN, nullable=True),
    sa.Column('budget_adjusted_fen', FEN, nullable=True),
    sa.Column('budget_executed_fen', FEN, nullable=True),
    sa.Column('adjustment_reason', sa.Text(), nullable=False),
    sa.Column('low_execution_reason', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['report_id'], ['reports.id'], name=op.f('fk_report_finances_report_id_reports'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('report_id', name=op.f('pk_report_finances'))
    )
    op.create_table('report_profiles',
    sa.Column('report_id', sa.Integer(), nullable=False),
    sa.Column('full_name', sa.Text(), nullable=False),
    sa.Column('short_name', sa.Text(), nullable=False),
    sa.Column('founding_document_title', sa.Text(), nullable=False),
    sa.Column('founding_document', sa.Text(), nullable=False),
    sa.Column('nature', sa.Text(), nullable=False),
    sa.Column('functions', sa.Text(), nullable=False),
    sa.Column('establishment_administrative', sa.Integer(), nullable=False),
    sa.Column('establishment_institutional', sa.Integer(), nullable=False),
    sa.Column('establishment_political_legal', sa.Integer(), nullable=False),
    sa.Column('establishment_worker', sa.Integer(), nullable=False),
    sa.Column('actual_staff', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['report_id'], ['reports.id'], name=op.f('fk_report_profiles_report_id_reports'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('report_id', name=op.f('pk_report_profiles'))
    )
    op.create_table('report_texts',
    sa.Column('report_id', sa.Integer(), nullable=False),
    sa.Column('list_name', sa.Text(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['report_id'], ['reports.id'], name=op.f('fk_report_texts_report_id_reports'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('report_id', 'list_name', 'position', name=op.f('pk_report_texts'))
    )
    op.create_table('three_public_lines',
    sa.Column('report_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('item', sa.Text(), nullable=False),
    sa.Column('budget_fen', FEN, nullable=True),
    sa.Column('actual_fen', FEN, nullable=True),
    sa.ForeignKeyConstraint(['report_id'], ['reports.id'], name=op.f('fk_three_public_lines_report_id_reports'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('report_id', 'position', name=op.f('pk_three_public_lines'))
    )
    op.create_table('work_tasks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('report_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('key', sa.Text(), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('narrative', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['report_id'], ['reports.id'], name=op.f('fk_work_tasks_report_id_reports'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_work_tasks')),
    sa.UniqueConstraint('report_id', 'key', name=op.f('uq_work_tasks_report_id_key'))
    )
    op.create_table('indicators',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('report_id', sa.Integer(), nullable=False),
    sa.Column('scope', sa.Text(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('key', sa.Text(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('level1', sa.Text(), nullable=False),
    sa.Column('level2', sa.Text(), nullable=False),
    sa.Column('kind', sa.Text(), nullable=False),
    sa.Column('target', sa.Text(), nullable=True),
    sa.Column('target_text', sa.Text(), nullable=False),
    sa.Column('unit', sa.Text(), nullable=False),
    sa.Column('actual', sa.Text(), nullable=True),
    sa.Column('actual_text', sa.Text(), nullable=False),
    sa.Column('attainment', sa.Text(), nullable=True),
    sa.Column('weight', sa.Text(), nullable=True),
    sa.Column('score', sa.Text(), nullable=True),
    sa.Column('deviation_reason', sa.Text(), nullable=False),
    sa.Column('applicable', sa.Boolean(), nullable=False),
    sa.CheckConstraint("(scope = 'project') = (project_id IS NOT NULL)", name=op.f('ck_indicators_project_scope')),
    sa.CheckConstraint("scope IN ('department_target', 'self_evaluation', 'project')", name=op.f('ck_indicators_scope')),
    sa.ForeignKeyConstraint(['project_id'], ['projects.id'], name=op.f('fk_indicators_project_id_projects'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['report_id'], ['reports.id'], name=op.f('fk_indicators_report_id_reports'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_indicators'))
    )
    op.create_index(op.f('ix_indicators_project_id'), 'indicators', ['project_id'], unique=False)
    op.create_index(op.f('ix_indicators_report_id_scope_position'), 'indicators', ['report_id', 'scope', 'position'], unique=False)


def downgrade() -> None:
    op.drop_table('indicators')
    op.drop_table('work_tasks')
    op.drop_table('three_public_lines')
    op.drop_table('report_texts')
    op.drop_table('report_profiles')
    op.drop_table('report_finances')
    op.drop_table('projects')
    op.drop_table('narratives')
    op.drop_table('leadership_posts')
    op.drop_table('income_lines')
    op.drop_table('activities')
    op.drop_table('reports')
    op.drop_table('units')
