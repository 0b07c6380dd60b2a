"""Finance: last year's income and expenditure totals (for the year-on-year change) and the decimals of
the printed shares; NULL in reports stored before (no comparison, shares as before).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01
"""

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op


# revision identifiers, used by Alembic.
revision: str = '0006'
down_revision: Union[str, Sequence[str], None] = '0005'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

FEN = sa.Integer().with_variant(sa.BigInteger(), "postgresql")


def upgrade() -> None:
    with op.batch_alter_table('report_finances') as batch:
        batch.add_column(sa.Column('previous_income_total_fen', FEN, nullable=True))
        batch.add_column(sa.Column('previous_expenditure_total_fen', FEN, nullable=True))
        batch.add_column(sa.Column('share_places', sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('report_finances') as batch:
        batch.drop_column('share_places')
        batch.drop_column('previous_expenditure_total_fen')
        batch.drop_column('previous_income_total_fen')
