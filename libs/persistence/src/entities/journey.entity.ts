import type { JourneyDocument } from '@rapport/journey';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type JourneyStatus = 'draft' | 'live' | 'paused' | 'archived';

@Entity('journeys')
export class JourneyEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'workspace_id' }) workspaceId!: string;
  @Column('text') name!: string;
  @Column('text') status!: JourneyStatus;
  @Column('jsonb') draft!: JourneyDocument;
  @Column('uuid', { name: 'live_version_id', nullable: true }) liveVersionId!: string | null;
  @Column('int', { name: 'latest_version', nullable: true }) latestVersion!: number | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
