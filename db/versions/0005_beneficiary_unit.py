"""Activity ledger: the unit each line counts its beneficiaries in (人/人次/户/个); NULL for older lines.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op


# revision identifiers, used by Alembic.
revision: str = '0005'
down_revision: Union[str, Sequence[str], None] = '0004'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    # Nullable, no default: lines stored before the ledger had a unit stay 未注明单位, nothing is guessed.
    with op.batch_alter_table('activities') as batch:
        batch.add_column(sa.Column('beneficiary_unit', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('activities') as batch:
        batch.drop_column('beneficiary_unit')
