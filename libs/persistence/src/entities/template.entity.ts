import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('templates')
export class TemplateEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'workspace_id' }) workspaceId!: string;
  @Column('text') key!: string;
  @Column('text') name!: string;
  @Column('text') subject!: string;
  @Column('text') html!: string;
  @Column('text', { nullable: true }) text!: string | null;
  /** The workspace layout that wraps this template (null: none). */
  @Column('text', { nullable: true }) layout!: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
