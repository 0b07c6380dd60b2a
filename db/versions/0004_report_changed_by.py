"""Who saved each report last, and when: shown to a clerk whose save was refused because of it.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01

On a shared database several PCs write the same report; a refused writer is told who changed it
("张三@办公室-2", the PC's login and machine name) and at what time (local time, ISO text, so that both
databases store the same text). Reports saved before this revision have no author ('') and no time.
"""

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op


# revision identifiers, used by Alembic.
revision: str = '0004'
down_revision: Union[str, Sequence[str], None] = '0003'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table('reports') as batch:
        batch.add_column(sa.Column('changed_by', sa.Text(), server_default=sa.text("''"), nullable=False))
        batch.add_column(sa.Column('changed_at', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('reports') as batch:
        batch.drop_column('changed_at')
        batch.drop_column('changed_by')
