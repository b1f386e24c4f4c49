"""initial schema: network, operations, notices, people

Revision ID: 0001
Revises: 
Create Date: 2026-11-27 03:57:54.288113
"""

from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_log',
    sa.Column('audit_id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('action', sa.String(length=64), nullable=False),
    sa.Column('entity', sa.String(length=64), nullable=False),
    sa.Column('entity_id', sa.String(length=64), nullable=False),
    sa.Column('detail', sa.JSON(), nullable=True),
    sa.PrimaryKeyConstraint('audit_id', name=op.f('pk_audit_log'))
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_log_at'), ['at'], unique=False)

    op.create_table('crews',
    sa.Column('crew_id', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('crew_type', sa.String(length=16), nullable=False),
    sa.Column('office', sa.String(length=200), nullable=False),
    sa.Column('vehicle', sa.String(length=32), nullable=False),
    sa.Column('phone', sa.String(length=32), nullable=False),
    sa.Column('status', sa.String(length=32), nullable=False),
    sa.Column('lon', sa.Float(), nullable=True),
    sa.Column('lat', sa.Float(), nullable=True),
    sa.Column('position_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('crew_id', name=op.f('pk_crews'))
    )
    op.create_table('nodes',
    sa.Column('node_id', sa.String(length=64), nullable=False),
    sa.Column('lon', sa.Float(), nullable=False),
    sa.Column('lat', sa.Float(), nullable=False),
    sa.PrimaryKeyConstraint('node_id', name=op.f('pk_nodes'))
    )
    op.create_table('site_settings',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_site_settings'))
    )
    op.create_table('substations',
    sa.Column('substation_id', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('voltage', sa.String(length=32), nullable=False),
    sa.Column('lon', sa.Float(), nullable=False),
    sa.Column('lat', sa.Float(), nullable=False),
    sa.PrimaryKeyConstraint('substation_id', name=op.f('pk_substations'))
    )
    op.create_table('users',
    sa.Column('user_id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('full_name', sa.String(length=200), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('password_hash', sa.String(length=256), nullable=False),
    sa.Column('failed_attempts', sa.Integer(), nullable=False),
    sa.Column('locked_until', sa.DateTime(timezone=True), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('user_id', name=op.f('pk_users')),
    sa.UniqueConstraint('username', name=op.f('uq_users_username'))
    )
    op.create_table('crew_members',
    sa.Column('member_id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('crew_id', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('role', sa.String(length=64), nullable=False),
    sa.Column('phone', sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(['crew_id'], ['crews.crew_id'], name=op.f('fk_crew_members_crew_id_crews')),
    sa.PrimaryKeyConstraint('member_id', name=op.f('pk_crew_members'))
    )
    with op.batch_alter_table('crew_members', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_crew_members_crew_id'), ['crew_id'], unique=False)

    op.create_table('feeders',
    sa.Column('feeder_id', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('substation_id', sa.String(length=64), nullable=False),
    sa.Column('source_node', sa.String(length=64), nullable=False),
    sa.Column('voltage_kv', sa.Float(), nullable=False),
    sa.Column('area_class', sa.String(length=16), nullable=False),
    sa.ForeignKeyConstraint(['source_node'], ['nodes.node_id'], name=op.f('fk_feeders_source_node_nodes')),
    sa.ForeignKeyConstraint(['substation_id'], ['substations.substation_id'], name=op.f('fk_feeders_substation_id_substations')),
    sa.PrimaryKeyConstraint('feeder_id', name=op.f('pk_feeders'))
    )
    op.create_table('planned_outages',
    sa.Column('plan_id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('reference', sa.String(length=32), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('area_text', sa.Text(), nullable=False),
    sa.Column('starts_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('ends_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('crew_id', sa.String(length=32), nullable=True),
    sa.Column('customers_affected', sa.Integer(), nullable=False),
    sa.Column('approved_by', sa.String(length=64), nullable=True),
    sa.Column('approved_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('override_reason', sa.Text(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['crew_id'], ['crews.crew_id'], name=op.f('fk_planned_outages_crew_id_crews')),
    sa.PrimaryKeyConstraint('plan_id', name=op.f('pk_planned_outages')),
    sa.UniqueConstraint('reference', name=op.f('uq_planned_outages_reference'))
    )
    with op.batch_alter_table('planned_outages', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_planned_outages_starts_at'), ['starts_at'], unique=False)

    op.create_table('distribution_transformers',
    sa.Column('transformer_id', sa.String(length=64), nullable=False),
    sa.Column('from_node', sa.String(length=64), nullable=False),
    sa.Column('to_node', sa.String(length=64), nullable=False),
    sa.Column('kva', sa.Float(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('lon', sa.Float(), nullable=False),
    sa.Column('lat', sa.Float(), nullable=False),
    sa.Column('feeder_id', sa.String(length=64), nullable=True),
    sa.Column('attributes', sa.JSON(), nullable=True),
    sa.ForeignKeyConstraint(['feeder_id'], ['feeders.feeder_id'], name=op.f('fk_distribution_transformers_feeder_id_feeders')),
    sa.ForeignKeyConstraint(['from_node'], ['nodes.node_id'], name=op.f('fk_distribution_transformers_from_node_nodes')),
    sa.ForeignKeyConstraint(['to_node'], ['nodes.node_id'], name=op.f('fk_distribution_transformers_to_node_nodes')),
    sa.PrimaryKeyConstraint('transformer_id', name=op.f('pk_distribution_transformers')),
    sa.UniqueConstraint('to_node', name=op.f('uq_distribution_transformers_to_node'))
    )
    with op.batch_alter_table('distribution_transformers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_distribution_transformers_feeder_id'), ['feeder_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_distribution_transformers_from_node'), ['from_node'], unique=False)

    op.create_table('line_segments',
    sa.Column('segment_id', sa.String(length=64), nullable=False),
    sa.Column('from_node', sa.String(length=64), nullable=False),
    sa.Column('to_node', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('voltage_kv', sa.Float(), nullable=False),
    sa.Column('path', sa.JSON(), nullable=False),
    sa.Column('feeder_id', sa.String(length=64), nullable=True),
    sa.Column('attributes', sa.JSON(), nullable=True),
    sa.ForeignKeyConstraint(['feeder_id'], ['feeders.feeder_id'], name=op.f('fk_line_segments_feeder_id_feeders')),
    sa.ForeignKeyConstraint(['from_node'], ['nodes.node_id'], name=op.f('fk_line_segments_from_node_nodes')),
    sa.ForeignKeyConstraint(['to_node'], ['nodes.node_id'], name=op.f('fk_line_segments_to_node_nodes')),
    sa.PrimaryKeyConstraint('segment_id', name=op.f('pk_line_segments'))
    )
    with op.batch_alter_table('line_segments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_line_segments_feeder_id'), ['feeder_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_line_segments_from_node'), ['from_node'], unique=False)
        batch_op.create_index(batch_op.f('ix_line_segments_to_node'), ['to_node'], unique=False)

    op.create_table('outages',
    sa.Column('outage_id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('reference', sa.String(length=32), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('status', sa.String(length=24), nullable=False),
    sa.Column('device_id', sa.String(length=64), nullable=True),
    sa.Column('feeder_id', sa.String(length=64), nullable=True),
    sa.Column('cause', sa.String(length=200), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('reported_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('restored_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('etr', sa.DateTime(timezone=True), nullable=True),
    sa.Column('etr_source', sa.String(length=16), nullable=True),
    sa.Column('etr_confidence', sa.String(length=8), nullable=True),
    sa.Column('etr_changes', sa.Integer(), nullable=False),
    sa.Column('customers_affected', sa.Integer(), nullable=False),
    sa.Column('customers_out', sa.Integer(), nullable=False),
    sa.Column('priority_customers', sa.Integer(), nullable=False),
    sa.Column('lon', sa.Float(), nullable=True),
    sa.Column('lat', sa.Float(), nullable=True),
    sa.Column('planned_outage_id', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['feeder_id'], ['feeders.feeder_id'], name=op.f('fk_outages_feeder_id_feeders')),
    sa.ForeignKeyConstraint(['planned_outage_id'], ['planned_outages.plan_id'], name=op.f('fk_outages_planned_outage_id_planned_outages')),
    sa.PrimaryKeyConstraint('outage_id', name=op.f('pk_outages')),
    sa.UniqueConstraint('reference', name=op.f('uq_outages_reference'))
    )
    with op.batch_alter_table('outages', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_outages_device_id'), ['device_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_outages_planned_outage_id'), ['planned_outage_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_outages_started_at'), ['started_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_outages_status'), ['status'], unique=False)

    op.create_table('switching_devices',
    sa.Column('switch_id', sa.String(length=64), nullable=False),
    sa.Column('from_node', sa.String(length=64), nullable=False),
    sa.Column('to_node', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('normal_open', sa.Boolean(), nullable=False),
    sa.Column('is_open', sa.Boolean(), nullable=False),
    sa.Column('state_changed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('lon', sa.Float(), nullable=False),
    sa.Column('lat', sa.Float(), nullable=False),
    sa.Column('feeder_id', sa.String(length=64), nullable=True),
    sa.Column('attributes', sa.JSON(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['feeder_id'], ['feeders.feeder_id'], name=op.f('fk_switching_devices_feeder_id_feeders')),
    sa.ForeignKeyConstraint(['from_node'], ['nodes.node_id'], name=op.f('fk_switching_devices_from_node_nodes')),
    sa.ForeignKeyConstraint(['to_node'], ['nodes.node_id'], name=op.f('fk_switching_devices_to_node_nodes')),
    sa.PrimaryKeyConstraint('switch_id', name=op.f('pk_switching_devices'))
    )
    with op.batch_alter_table('switching_devices', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_switching_devices_feeder_id'), ['feeder_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_switching_devices_from_node'), ['from_node'], unique=False)
        batch_op.create_index(batch_op.f('ix_switching_devices_to_node'), ['to_node'], unique=False)

    op.create_table('switching_steps',
    sa.Column('step_id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('sequence', sa.Integer(), nullable=False),
    sa.Column('device_id', sa.String(length=64), nullable=False),
    sa.Column('action', sa.String(length=24), nullable=False),
    sa.ForeignKeyConstraint(['plan_id'], ['planned_outages.plan_id'], name=op.f('fk_switching_steps_plan_id_planned_outages')),
    sa.PrimaryKeyConstraint('step_id', name=op.f('pk_switching_steps'))
    )
    with op.batch_alter_table('switching_steps', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_switching_steps_plan_id'), ['plan_id'], unique=False)

    op.create_table('crew_assignments',
    sa.Column('assignment_id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('crew_id', sa.String(length=32), nullable=False),
    sa.Column('outage_id', sa.Integer(), nullable=False),
    sa.Column('assigned_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('released_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['crew_id'], ['crews.crew_id'], name=op.f('fk_crew_assignments_crew_id_crews')),
    sa.ForeignKeyConstraint(['outage_id'], ['outages.outage_id'], name=op.f('fk_crew_assignments_outage_id_outages')),
    sa.PrimaryKeyConstraint('assignment_id', name=op.f('pk_crew_assignments'))
    )
    with op.batch_alter_table('crew_assignments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_crew_assignments_crew_id'), ['crew_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_crew_assignments_outage_id'), ['outage_id'], unique=False)

    op.create_table('customers',
    sa.Column('customer_id', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('node_id', sa.String(length=64), nullable=False),
    sa.Column('transformer_id', sa.String(length=64), nullable=True),
    sa.Column('phone', sa.String(length=32), nullable=False),
    sa.Column('street', sa.String(length=200), nullable=False),
    sa.Column('hamlet', sa.String(length=100), nullable=False),
    sa.Column('ward', sa.String(length=100), nullable=False),
    sa.Column('province', sa.String(length=100), nullable=False),
    sa.Column('priority', sa.String(length=16), nullable=False),
    sa.Column('lon', sa.Float(), nullable=True),
    sa.Column('lat', sa.Float(), nullable=True),
    sa.ForeignKeyConstraint(['node_id'], ['nodes.node_id'], name=op.f('fk_customers_node_id_nodes')),
    sa.ForeignKeyConstraint(['transformer_id'], ['distribution_transformers.transformer_id'], name=op.f('fk_customers_transformer_id_distribution_transformers')),
    sa.PrimaryKeyConstraint('customer_id', name=op.f('pk_customers'))
    )
    with op.batch_alter_table('customers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_customers_node_id'), ['node_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_customers_phone'), ['phone'], unique=False)
        batch_op.create_index(batch_op.f('ix_customers_priority'), ['priority'], unique=False)
        batch_op.create_index(batch_op.f('ix_customers_transformer_id'), ['transformer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_customers_ward'), ['ward'], unique=False)

    op.create_table('notices',
    sa.Column('notice_id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=True),
    sa.Column('outage_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=24), nullable=False),
    sa.Column('due_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['outage_id'], ['outages.outage_id'], name=op.f('fk_notices_outage_id_outages')),
    sa.ForeignKeyConstraint(['plan_id'], ['planned_outages.plan_id'], name=op.f('fk_notices_plan_id_planned_outages')),
    sa.PrimaryKeyConstraint('notice_id', name=op.f('pk_notices'))
    )
    with op.batch_alter_table('notices', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_notices_outage_id'), ['outage_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_notices_plan_id'), ['plan_id'], unique=False)

    op.create_table('outage_events',
    sa.Column('entry_id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('outage_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('occurred_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('entered_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('entered_by', sa.String(length=64), nullable=False),
    sa.Column('data', sa.JSON(), nullable=True),
    sa.ForeignKeyConstraint(['outage_id'], ['outages.outage_id'], name=op.f('fk_outage_events_outage_id_outages')),
    sa.PrimaryKeyConstraint('entry_id', name=op.f('pk_outage_events'))
    )
    with op.batch_alter_table('outage_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_outage_events_outage_id'), ['outage_id'], unique=False)

    op.create_table('outbox_messages',
    sa.Column('message_id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('notice_id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.String(length=32), nullable=False),
    sa.Column('channel', sa.String(length=16), nullable=False),
    sa.Column('idempotency_key', sa.String(length=128), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('due_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('claimed_by', sa.String(length=64), nullable=True),
    sa.Column('claimed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.customer_id'], name=op.f('fk_outbox_messages_customer_id_customers')),
    sa.ForeignKeyConstraint(['notice_id'], ['notices.notice_id'], name=op.f('fk_outbox_messages_notice_id_notices')),
    sa.PrimaryKeyConstraint('message_id', name=op.f('pk_outbox_messages')),
    sa.UniqueConstraint('idempotency_key', name=op.f('uq_outbox_messages_idempotency_key'))
    )
    with op.batch_alter_table('outbox_messages', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_outbox_messages_notice_id'), ['notice_id'], unique=False)
        batch_op.create_index('ix_outbox_messages_status_due', ['status', 'due_at'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('outbox_messages', schema=None) as batch_op:
        batch_op.drop_index('ix_outbox_messages_status_due')
        batch_op.drop_index(batch_op.f('ix_outbox_messages_notice_id'))

    op.drop_table('outbox_messages')
    with op.batch_alter_table('outage_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outage_events_outage_id'))

    op.drop_table('outage_events')
    with op.batch_alter_table('notices', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_notices_plan_id'))
        batch_op.drop_index(batch_op.f('ix_notices_outage_id'))

    op.drop_table('notices')
    with op.batch_alter_table('customers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_customers_ward'))
        batch_op.drop_index(batch_op.f('ix_customers_transformer_id'))
        batch_op.drop_index(batch_op.f('ix_customers_priority'))
        batch_op.drop_index(batch_op.f('ix_customers_phone'))
        batch_op.drop_index(batch_op.f('ix_customers_node_id'))

    op.drop_table('customers')
    with op.batch_alter_table('crew_assignments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_crew_assignments_outage_id'))
        batch_op.drop_index(batch_op.f('ix_crew_assignments_crew_id'))

    op.drop_table('crew_assignments')
    with op.batch_alter_table('switching_steps', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_switching_steps_plan_id'))

    op.drop_table('switching_steps')
    with op.batch_alter_table('switching_devices', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_switching_devices_to_node'))
        batch_op.drop_index(batch_op.f('ix_switching_devices_from_node'))
        batch_op.drop_index(batch_op.f('ix_switching_devices_feeder_id'))

    op.drop_table('switching_devices')
    with op.batch_alter_table('outages', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outages_status'))
        batch_op.drop_index(batch_op.f('ix_outages_started_at'))
        batch_op.drop_index(batch_op.f('ix_outages_planned_outage_id'))
        batch_op.drop_index(batch_op.f('ix_outages_device_id'))

    op.drop_table('outages')
    with op.batch_alter_table('line_segments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_line_segments_to_node'))
        batch_op.drop_index(batch_op.f('ix_line_segments_from_node'))
        batch_op.drop_index(batch_op.f('ix_line_segments_feeder_id'))

    op.drop_table('line_segments')
    with op.batch_alter_table('distribution_transformers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_distribution_transformers_from_node'))
        batch_op.drop_index(batch_op.f('ix_distribution_transformers_feeder_id'))

    op.drop_table('distribution_transformers')
    with op.batch_alter_table('planned_outages', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_planned_outages_starts_at'))

    op.drop_table('planned_outages')
    op.drop_table('feeders')
    with op.batch_alter_table('crew_members', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_crew_members_crew_id'))

    op.drop_table('crew_members')
    op.drop_table('users')
    op.drop_table('substations')
    op.drop_table('site_settings')
    op.drop_table('nodes')
    op.drop_table('crews')
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_log_at'))

    op.drop_table('audit_log')
