"""reliability history: imported interruptions and monthly customer snapshots

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27

Two new tables; nothing existing changes.
"""

from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('historical_interruptions',
    sa.Column('interruption_id', sa.String(length=64), nullable=False),
    sa.Column('start', sa.DateTime(timezone=True), nullable=False),
    sa.Column('end', sa.DateTime(timezone=True), nullable=False),
    sa.Column('start_us', sa.BigInteger(), nullable=False),
    sa.Column('end_us', sa.BigInteger(), nullable=False),
    sa.Column('customers', sa.Integer(), nullable=False),
    sa.Column('planned', sa.Boolean(), nullable=False),
    sa.Column('cause', sa.Text(), nullable=False),
    sa.Column('feeder', sa.String(length=64), nullable=True),
    sa.Column('device', sa.String(length=64), nullable=True),
    sa.Column('operations', sa.Integer(), nullable=False),
    sa.Column('exclusion', sa.String(length=32), nullable=True),
    sa.Column('import_batch', sa.String(length=64), nullable=False),
    sa.Column('imported_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('interruption_id', name=op.f('pk_historical_interruptions'))
    )
    with op.batch_alter_table('historical_interruptions', schema=None) as batch_op:
        batch_op.create_index('ix_historical_interruptions_report', ['start_us', 'end_us', 'customers', 'planned', 'cause', 'exclusion'], unique=False)
        batch_op.create_index(batch_op.f('ix_historical_interruptions_import_batch'), ['import_batch'], unique=False)

    op.create_table('customer_snapshots',
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('month', sa.Integer(), nullable=False),
    sa.Column('customers', sa.Integer(), nullable=False),
    sa.Column('basis', sa.String(length=16), nullable=False),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('year', 'month', name=op.f('pk_customer_snapshots'))
    )


def downgrade() -> None:
    op.drop_table('customer_snapshots')
    with op.batch_alter_table('historical_interruptions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_historical_interruptions_import_batch'))
        batch_op.drop_index('ix_historical_interruptions_report')
    op.drop_table('historical_interruptions')
