"""crews kept by the office: the shifts a crew works, and retired crews

Revision ID: 0008
Revises: 0006
Create Date: 2026-12-02

A crew's on-duty shifts (local shift starts, "06:00,14:00"; empty: every shift) and a
retired flag: a retired crew leaves the board but stays in the history it worked.
"""

from alembic import op
import sqlalchemy as sa


revision = '0008'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('crews', schema=None) as batch_op:
        batch_op.add_column(sa.Column('shifts', sa.String(length=64), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('retired', sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table('crews', schema=None) as batch_op:
        batch_op.drop_column('retired')
        batch_op.drop_column('shifts')
