"""notice delivery: what the outbox needs to send exactly once, and compliance exceptions

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27

Notices get their number within the plan and the window they announce; outbox messages get
the plan, the notice's kind and number, the address and the late flag (so a claimed row is
everything a sender needs); compliance exceptions get a table of their own. Existing rows
keep their values; the new columns have defaults.
"""

from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('notices', schema=None) as batch_op:
        batch_op.add_column(sa.Column('sequence', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('starts_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('ends_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('previous_starts_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('previous_ends_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('urgent', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('deferred', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.create_index('ix_notices_plan_sequence', ['plan_id', 'sequence'], unique=True)

    with op.batch_alter_table('outbox_messages', schema=None) as batch_op:
        batch_op.add_column(sa.Column('plan_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('notice_kind', sa.String(length=24), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('notice_sequence', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('address', sa.String(length=320), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('late', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('delivery_reference', sa.Text(), nullable=True))
        batch_op.create_index('ix_outbox_messages_plan_id', ['plan_id'], unique=False)
        batch_op.create_index('ix_outbox_messages_status_claimed', ['status', 'claimed_at'], unique=False)

    op.create_table('compliance_exceptions',
    sa.Column('exception_id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=24), nullable=False),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('recorded_by', sa.String(length=64), nullable=True),
    sa.Column('dedupe_key', sa.String(length=128), nullable=False),
    sa.ForeignKeyConstraint(['plan_id'], ['planned_outages.plan_id'], name=op.f('fk_compliance_exceptions_plan_id_planned_outages')),
    sa.PrimaryKeyConstraint('exception_id', name=op.f('pk_compliance_exceptions')),
    sa.UniqueConstraint('dedupe_key', name=op.f('uq_compliance_exceptions_dedupe_key'))
    )
    with op.batch_alter_table('compliance_exceptions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_compliance_exceptions_plan_id'), ['plan_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('compliance_exceptions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_compliance_exceptions_plan_id'))
    op.drop_table('compliance_exceptions')
    with op.batch_alter_table('outbox_messages', schema=None) as batch_op:
        batch_op.drop_index('ix_outbox_messages_status_claimed')
        batch_op.drop_index('ix_outbox_messages_plan_id')
        for column in ('delivery_reference', 'late', 'address', 'notice_sequence', 'notice_kind', 'plan_id'):
            batch_op.drop_column(column)
    with op.batch_alter_table('notices', schema=None) as batch_op:
        batch_op.drop_index('ix_notices_plan_sequence')
        for column in ('deferred', 'urgent', 'previous_ends_at', 'previous_starts_at', 'ends_at',
                       'starts_at', 'sequence'):
            batch_op.drop_column(column)
