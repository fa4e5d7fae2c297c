import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('workspaces')
export class WorkspaceEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') name!: string;
  @Column('text', { name: 'write_key_hash' }) writeKeyHash!: string;
  @Column('text', { name: 'api_key_hash' }) apiKeyHash!: string;
  @Column('text', { name: 'time_zone' }) timeZone!: string;
  @Column('text', { name: 'email_from' }) emailFrom!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}
