"""network import: attributes, feeders without substation, parallel transformers, history

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02

Hand-written. Batch mode, so that SQLite (which rebuilds a table to change a column or a
constraint) and PostgreSQL (which alters in place) run the same script; `db.migrate` runs it
with SQLite's foreign-key enforcement off and checks the keys afterwards.
"""

from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Extra columns of an imported layer, kept as they came.
    with op.batch_alter_table('customers', schema=None) as batch_op:
        batch_op.add_column(sa.Column('attributes', sa.JSON(), nullable=True))

    # A plain supply point (a pandapower external grid, a GIS source) has no substation.
    with op.batch_alter_table('feeders', schema=None) as batch_op:
        batch_op.add_column(sa.Column('attributes', sa.JSON(), nullable=True))
        batch_op.alter_column('substation_id', existing_type=sa.String(length=64), nullable=True)

    # Parallel transformers share their low-voltage node.
    with op.batch_alter_table('distribution_transformers', schema=None) as batch_op:
        batch_op.drop_constraint('uq_distribution_transformers_to_node', type_='unique')
        batch_op.create_index(
            batch_op.f('ix_distribution_transformers_to_node'), ['to_node'], unique=False
        )

    # History names what a re-import may remove: an outage its feeder, a message its customer.
    with op.batch_alter_table('outages', schema=None) as batch_op:
        batch_op.drop_constraint('fk_outages_feeder_id_feeders', type_='foreignkey')
    with op.batch_alter_table('outbox_messages', schema=None) as batch_op:
        batch_op.drop_constraint('fk_outbox_messages_customer_id_customers', type_='foreignkey')

    op.create_table('network_imports',
    sa.Column('import_id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('imported_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('source', sa.String(length=500), nullable=False),
    sa.Column('imported_by', sa.String(length=64), nullable=False),
    sa.Column('summary', sa.JSON(), nullable=False),
    sa.Column('warnings', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('import_id', name=op.f('pk_network_imports'))
    )
    with op.batch_alter_table('network_imports', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_network_imports_imported_at'), ['imported_at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('network_imports', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_network_imports_imported_at'))
    op.drop_table('network_imports')

    with op.batch_alter_table('outbox_messages', schema=None) as batch_op:
        batch_op.create_foreign_key(
            'fk_outbox_messages_customer_id_customers', 'customers', ['customer_id'], ['customer_id']
        )
    with op.batch_alter_table('outages', schema=None) as batch_op:
        batch_op.create_foreign_key(
            'fk_outages_feeder_id_feeders', 'feeders', ['feeder_id'], ['feeder_id']
        )
    with op.batch_alter_table('distribution_transformers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_distribution_transformers_to_node'))
        batch_op.create_unique_constraint('uq_distribution_transformers_to_node', ['to_node'])
    with op.batch_alter_table('feeders', schema=None) as batch_op:
        batch_op.alter_column('substation_id', existing_type=sa.String(length=64), nullable=False)
        batch_op.drop_column('attributes')
    with op.batch_alter_table('customers', schema=None) as batch_op:
        batch_op.drop_column('attributes')
