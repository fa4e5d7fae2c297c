import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only: every step, decision and reason of an enrollment (a database trigger refuses UPDATE). */
@Entity('enrollment_history')
export class EnrollmentHistoryEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id!: string;
  @Column('uuid', { name: 'workspace_id' }) workspaceId!: string;
  @Column('uuid', { name: 'enrollment_id' }) enrollmentId!: string;
  @Column('int') seq!: number;
  @Column('timestamptz') at!: Date;
  @Column('text', { name: 'node_id' }) nodeId!: string;
  @Column('text') code!: string;
  @Column('jsonb') params!: Record<string, unknown>;
}
