import type { JourneyDocument } from '@rapport/journey';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An immutable published journey; a database trigger refuses any UPDATE. */
@Entity('journey_versions')
export class JourneyVersionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'workspace_id' }) workspaceId!: string;
  @Column('uuid', { name: 'journey_id' }) journeyId!: string;
  @Column('int') version!: number;
  @Column('jsonb') document!: JourneyDocument;
  @Column('text', { name: 'trigger_keys', array: true }) triggerKeys!: string[];
  @Column('text', { name: 'goal_event', nullable: true }) goalEvent!: string | null;
  @Column('timestamptz', { name: 'published_at' }) publishedAt!: Date;
}
