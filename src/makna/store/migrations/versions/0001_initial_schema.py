"""initial schema

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-29 00:57:31.992469
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('attributes',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('type', sa.String(length=16), nullable=False),
    sa.Column('description', sa.Text(), server_default='', nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attributes')),
    sa.UniqueConstraint('name', name=op.f('uq_attributes_name'))
    )
    op.create_table('cases',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(length=500), nullable=False),
    sa.Column('description', sa.Text(), server_default='', nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cases')),
    sa.UniqueConstraint('name', name=op.f('uq_cases_name'))
    )
    op.create_table('coders',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=16), server_default='person', nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_coders')),
    sa.UniqueConstraint('name', name=op.f('uq_coders_name'))
    )
    op.create_table('codes',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('key', sa.String(length=200), nullable=False),
    sa.Column('name', sa.String(length=500), nullable=False),
    sa.Column('parent_id', sa.String(length=36), nullable=True),
    sa.Column('color', sa.String(length=7), nullable=False),
    sa.Column('definition', sa.Text(), server_default='', nullable=False),
    sa.Column('inclusion', sa.Text(), server_default='', nullable=False),
    sa.Column('exclusion', sa.Text(), server_default='', nullable=False),
    sa.Column('example', sa.Text(), server_default='', nullable=False),
    sa.Column('keywords', sa.JSON(), nullable=False),
    sa.Column('position', sa.Integer(), server_default='0', nullable=False),
    sa.ForeignKeyConstraint(['parent_id'], ['codes.id'], name=op.f('fk_codes_parent_id_codes')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_codes')),
    sa.UniqueConstraint('key', name=op.f('uq_codes_key'))
    )
    with op.batch_alter_table('codes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_codes_parent_id'), ['parent_id'], unique=False)

    op.create_table('events',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor', sa.String(length=200), nullable=False),
    sa.Column('action', sa.String(length=100), nullable=False),
    sa.Column('payload', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_events'))
    )
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_events_action'), ['action'], unique=False)

    op.create_table('meta',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_meta'))
    )
    op.create_table('sets',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(length=500), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('description', sa.Text(), server_default='', nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sets')),
    sa.UniqueConstraint('name', name=op.f('uq_sets_name'))
    )
    op.create_table('sources',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(length=500), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('length', sa.Integer(), nullable=False),
    sa.Column('original_name', sa.String(length=1000), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('media_type', sa.String(length=100), nullable=False),
    sa.Column('language', sa.String(length=16), nullable=False),
    sa.Column('encoding', sa.String(length=64), nullable=True),
    sa.Column('imported_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('original', sa.LargeBinary(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sources')),
    sa.UniqueConstraint('name', name=op.f('uq_sources_name'))
    )
    with op.batch_alter_table('sources', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sources_sha256'), ['sha256'], unique=False)

    op.create_table('case_links',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('case_id', sa.String(length=36), nullable=False),
    sa.Column('source_id', sa.String(length=36), nullable=False),
    sa.Column('start', sa.Integer(), nullable=True),
    sa.Column('end', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_case_links_case_id_cases'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['source_id'], ['sources.id'], name=op.f('fk_case_links_source_id_sources'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_links'))
    )
    with op.batch_alter_table('case_links', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_links_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_links_source_id'), ['source_id'], unique=False)

    op.create_table('case_values',
    sa.Column('case_id', sa.String(length=36), nullable=False),
    sa.Column('attribute_id', sa.String(length=36), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['attribute_id'], ['attributes.id'], name=op.f('fk_case_values_attribute_id_attributes'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_case_values_case_id_cases'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('case_id', 'attribute_id', name=op.f('pk_case_values'))
    )
    with op.batch_alter_table('case_values', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_values_attribute_id_value'), ['attribute_id', 'value'], unique=False)

    op.create_table('memos',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('target_kind', sa.String(length=16), nullable=False),
    sa.Column('target_id', sa.String(length=36), nullable=True),
    sa.Column('title', sa.String(length=500), server_default='', nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('coder_id', sa.String(length=36), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['coder_id'], ['coders.id'], name=op.f('fk_memos_coder_id_coders')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_memos'))
    )
    with op.batch_alter_table('memos', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_memos_target_kind_target_id'), ['target_kind', 'target_id'], unique=False)

    op.create_table('segments',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('source_id', sa.String(length=36), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('code_id', sa.String(length=36), nullable=False),
    sa.Column('coder_id', sa.String(length=36), nullable=False),
    sa.Column('memo', sa.Text(), server_default='', nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('0 <= start AND start < "end"', name=op.f('ck_segments_span')),
    sa.ForeignKeyConstraint(['code_id'], ['codes.id'], name=op.f('fk_segments_code_id_codes')),
    sa.ForeignKeyConstraint(['coder_id'], ['coders.id'], name=op.f('fk_segments_coder_id_coders')),
    sa.ForeignKeyConstraint(['source_id'], ['sources.id'], name=op.f('fk_segments_source_id_sources'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_segments')),
    sa.UniqueConstraint('source_id', 'start', 'end', 'code_id', 'coder_id', name=op.f('uq_segments_source_id_start_end_code_id_coder_id'))
    )
    with op.batch_alter_table('segments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_segments_code_id_source_id'), ['code_id', 'source_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_segments_coder_id'), ['coder_id'], unique=False)

    op.create_table('set_members',
    sa.Column('set_id', sa.String(length=36), nullable=False),
    sa.Column('member_id', sa.String(length=36), nullable=False),
    sa.ForeignKeyConstraint(['set_id'], ['sets.id'], name=op.f('fk_set_members_set_id_sets'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('set_id', 'member_id', name=op.f('pk_set_members'))
    )
    op.create_table('turns',
    sa.Column('source_id', sa.String(length=36), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('speaker', sa.String(length=200), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('time_start', sa.String(length=32), nullable=True),
    sa.Column('time_end', sa.String(length=32), nullable=True),
    sa.CheckConstraint('0 <= start AND start < "end"', name=op.f('ck_turns_span')),
    sa.ForeignKeyConstraint(['source_id'], ['sources.id'], name=op.f('fk_turns_source_id_sources'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('source_id', 'number', name=op.f('pk_turns'))
    )


def downgrade() -> None:
    op.drop_table('turns')
    op.drop_table('set_members')
    with op.batch_alter_table('segments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_segments_coder_id'))
        batch_op.drop_index(batch_op.f('ix_segments_code_id_source_id'))

    op.drop_table('segments')
    with op.batch_alter_table('memos', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_memos_target_kind_target_id'))

    op.drop_table('memos')
    with op.batch_alter_table('case_values', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_values_attribute_id_value'))

    op.drop_table('case_values')
    with op.batch_alter_table('case_links', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_links_source_id'))
        batch_op.drop_index(batch_op.f('ix_case_links_case_id'))

    op.drop_table('case_links')
    with op.batch_alter_table('sources', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sources_sha256'))

    op.drop_table('sources')
    op.drop_table('sets')
    op.drop_table('meta')
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_events_action'))

    op.drop_table('events')
    with op.batch_alter_table('codes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_codes_parent_id'))

    op.drop_table('codes')
    op.drop_table('coders')
    op.drop_table('cases')
    op.drop_table('attributes')
