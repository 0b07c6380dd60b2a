"""District collection: townships can be retired, and the last file collected per township and year is kept.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01
"""

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op


# revision identifiers, used by Alembic.
revision: str = '0002'
down_revision: Union[str, Sequence[str], None] = '0001'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table('units') as batch:
        batch.add_column(sa.Column('retired', sa.Boolean(), nullable=False, server_default='0'))
    op.create_table('submissions',
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('fiscal_year', sa.Integer(), nullable=False),
    sa.Column('file_name', sa.Text(), nullable=False),
    sa.Column('file_date', sa.Text(), nullable=True),
    sa.Column('collected_at', sa.Text(), nullable=False),
    sa.Column('integrity', sa.Text(), nullable=False),
    sa.Column('refusal', sa.Text(), nullable=False),
    sa.Column('error_count', sa.Integer(), nullable=False),
    sa.Column('warning_count', sa.Integer(), nullable=False),
    sa.Column('rule_codes', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_submissions_unit_id_units'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('unit_id', 'fiscal_year', name=op.f('pk_submissions'))
    )


def downgrade() -> None:
    op.drop_table('submissions')
    with op.batch_alter_table('units') as batch:
        batch.drop_column('retired')
