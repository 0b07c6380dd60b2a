"""Every report carries a revision number, raised by each write, so that a stale copy cannot overwrite it.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01

A window or a second program holding an older copy of a report names the revision it loaded; a write
is carried out only while the stored revision is still that one (see desktop/storage/reports.py).
Existing reports start at revision 1.
"""

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op


# revision identifiers, used by Alembic.
revision: str = '0003'
down_revision: Union[str, Sequence[str], None] = '0002'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table('reports') as batch:
        batch.add_column(sa.Column('revision', sa.Integer(), server_default=sa.text('1'), nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('reports') as batch:
        batch.drop_column('revision')
