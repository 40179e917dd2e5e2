import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { badInput, conflict, notFound } from '../../common/graphql/errors';
import { AssessmentFramework } from './assessment-framework.entity';
import { FrameworkInput } from './dto/framework.input';
import { FrameworkContent, frameworkProblems, statementKeys } from './framework/framework-content';
import { Framework } from './models/framework.model';

/** The GraphQL view of a stored version. */
export function toFramework(f: AssessmentFramework): Framework {
  return { id: f.id, version: f.version, current: f.isCurrent, createdAt: f.createdAt, createdById: f.createdBy, ...f.content, statementCount: statementKeys(f.content).length };
}

/** The framework text: read by everyone, edited by admins, and never changed in place (an edit is a new version). */
@Injectable()
export class FrameworkService {
  constructor(private readonly db: DataSource) {}

  /** The given version, or the current one. */
  async find(version?: number | null, tx: EntityManager = this.db.manager): Promise<AssessmentFramework> {
    const found = await tx.getRepository(AssessmentFramework).findOne({ where: version ? { version } : { isCurrent: true } });
    if (!found) throw notFound('Framework version', String(version ?? 'current'));
    return found;
  }

  /**
   * Saves the text as the next version and makes it current. `expectedVersion` must be the current
   * version (CONFLICT otherwise), so two admins' edits cannot silently replace each other.
   */
  async update(user: AuthUser, input: FrameworkInput, expectedVersion: number): Promise<AssessmentFramework> {
    const content: FrameworkContent = {
      title: input.title, source: input.source,
      levels: input.levels.map((l, i) => ({ key: l.key, rank: i + 1, name: l.name, alias: l.alias ?? null, aliasSource: l.aliasSource ?? null, description: l.description })),
      sections: input.sections.map(({ key, title, summary }) => ({ key, title, summary })),
      dimensions: input.dimensions.map((d) => ({
        key: d.key, title: d.title, summary: d.summary, sectionKeys: d.sectionKeys,
        statements: d.statements.map(({ key, text }) => ({ key, text })),
        descriptors: { peripheral: d.descriptors.peripheral, tactical: d.descriptors.tactical, strategic: d.descriptors.strategic },
        recommendations: { tactical: d.recommendations.tactical, strategic: d.recommendations.strategic },
      })),
    };
    const problems = frameworkProblems(content);
    if (problems.length) throw badInput(problems);
    return this.db.transaction(async (tx) => {
      // The lock makes concurrent edits queue, so the second sees the first's version and gets CONFLICT.
      const [current] = await tx.query('SELECT id, version FROM assessment_frameworks WHERE is_current FOR UPDATE');
      if (current.version !== expectedVersion) {
        throw conflict(`The framework was changed by someone else (you edited version ${expectedVersion}, it is now version ${current.version}). Reload and apply your changes again.`, {
          currentVersion: current.version,
        });
      }
      await tx.query('UPDATE assessment_frameworks SET is_current = false WHERE id = $1', [current.id]);
      const repo = tx.getRepository(AssessmentFramework);
      return repo.save(repo.create({ version: current.version + 1, content, isCurrent: true, createdBy: user.id }));
    });
  }
}
