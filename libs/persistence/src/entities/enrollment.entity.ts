import type { EnrollmentState, EnrollmentStatus } from '@rapport/journey';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('enrollments')
export class EnrollmentEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'workspace_id' }) workspaceId!: string;
  @Column('uuid', { name: 'journey_id' }) journeyId!: string;
  @Column('uuid', { name: 'version_id' }) versionId!: string;
  @Column('uuid', { name: 'customer_id' }) customerId!: string;
  @Column('uuid', { name: 'trigger_event_id', nullable: true }) triggerEventId!: string | null;
  @Column('text', { name: 'trigger_key' }) triggerKey!: string;
  @Column('text') status!: EnrollmentStatus;
  @Column('text', { name: 'node_id' }) nodeId!: string;
  @Column('jsonb') state!: EnrollmentState;
  @Column('int') seq!: number;
  @Column('timestamptz', { name: 'wake_at', nullable: true }) wakeAt!: Date | null;
  @Column('timestamptz', { name: 'enqueued_at', nullable: true }) enqueuedAt!: Date | null;
  @Column('timestamptz', { name: 'entered_at' }) enteredAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
  @Column('timestamptz', { name: 'ended_at', nullable: true }) endedAt!: Date | null;
}
