import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { FrameworkContent } from './framework/framework-content';

/** One version of the framework text. Never changed once written: an admin's edit adds the next version. */
@Entity('assessment_frameworks')
export class AssessmentFramework {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'int' }) version!: number;
  @Column({ type: 'jsonb' }) content!: FrameworkContent;
  @Column({ name: 'is_current', type: 'boolean', default: false }) isCurrent!: boolean;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
