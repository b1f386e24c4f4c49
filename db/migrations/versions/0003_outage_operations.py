"""outage operations: switching log, journal corrections, account versions, change log

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-05

Hand-written, batch mode like 0002 (SQLite rebuilds a table to add a foreign key; PostgreSQL
alters in place). Every change adds or widens: existing outages, journals and accounts stay
as they are (accounts start at version 1, journal lines correct nothing).
"""

from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The switching log the restoration accounting replays.
    op.create_table('switching_operations',
    sa.Column('operation_id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('occurred_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('entered_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('device_id', sa.String(length=64), nullable=False),
    sa.Column('action', sa.String(length=24), nullable=False),
    sa.Column('outage_id', sa.Integer(), nullable=True),
    sa.Column('entered_by', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['outage_id'], ['outages.outage_id'], name=op.f('fk_switching_operations_outage_id_outages')),
    sa.PrimaryKeyConstraint('operation_id', name=op.f('pk_switching_operations'))
    )
    with op.batch_alter_table('switching_operations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_switching_operations_occurred_at'), ['occurred_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_switching_operations_device_id'), ['device_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_switching_operations_outage_id'), ['outage_id'], unique=False)

    # Outage references are numbered per series and year by a counter row.
    op.create_table('reference_counters',
    sa.Column('series', sa.String(length=32), nullable=False),
    sa.Column('last_number', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('series', name=op.f('pk_reference_counters'))
    )

    # What each action changed, polled by the other workstations.
    op.create_table('change_log',
    sa.Column('seq', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('workstation', sa.String(length=64), nullable=False),
    sa.Column('outages', sa.JSON(), nullable=False),
    sa.Column('crews', sa.JSON(), nullable=False),
    sa.Column('network', sa.Boolean(), nullable=False),
    sa.Column('journal', sa.JSON(), nullable=False),
    sa.Column('accounts', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_change_log')),
    sqlite_autoincrement=True,
    )

    # A correction names the line it corrects.
    with op.batch_alter_table('outage_events', schema=None) as batch_op:
        batch_op.add_column(sa.Column('corrects', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f('fk_outage_events_corrects_outage_events'), 'outage_events',
            ['corrects'], ['entry_id'],
        )

    # A cause is the dispatcher's free text: no length limit to trip over on PostgreSQL.
    with op.batch_alter_table('outages', schema=None) as batch_op:
        batch_op.alter_column(
            'cause', existing_type=sa.String(length=200), type_=sa.Text(), existing_nullable=False
        )

    # Optimistic locking on accounts, like every other record a person edits.
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('version', sa.Integer(), server_default='1', nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('version')
    with op.batch_alter_table('outages', schema=None) as batch_op:
        batch_op.alter_column(
            'cause', existing_type=sa.Text(), type_=sa.String(length=200), existing_nullable=False
        )
    with op.batch_alter_table('outage_events', schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f('fk_outage_events_corrects_outage_events'), type_='foreignkey'
        )
        batch_op.drop_column('corrects')
    op.drop_table('change_log')
    op.drop_table('reference_counters')
    with op.batch_alter_table('switching_operations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_switching_operations_outage_id'))
        batch_op.drop_index(batch_op.f('ix_switching_operations_device_id'))
        batch_op.drop_index(batch_op.f('ix_switching_operations_occurred_at'))
    op.drop_table('switching_operations')
