import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { assertUuid } from '../../common/database/assert-uuid';
import { withUniqueFields } from '../../common/database/unique-violation';
import { definedOnly, versionedUpdate } from '../../common/database/versioned-update';
import { badField, badInput, notFound } from '../../common/graphql/errors';
import { diffFields, recordAudit } from '../audit/audit';
import { CreateOpportunityStageInput, UpdateOpportunityStageInput } from './dto/opportunity-stage.input';
import { OpportunityStage } from './opportunity-stage.entity';
import { StageOutcome } from './opportunity.enums';

const AUDITED = ['name', 'position', 'defaultProbability', 'outcome'] as const;
const UNIQUE_FIELDS: Record<string, [string, string]> = { opportunity_stages_name_key: ['name', 'There is already a stage with this name'] };

/** The pipeline's stages: reference data every user reads and admins edit. */
@Injectable()
export class OpportunityStageService {
  constructor(private readonly db: DataSource) {}

  /** Live stages in board order. */
  list(): Promise<OpportunityStage[]> {
    return this.db.getRepository(OpportunityStage).find({ order: { position: 'ASC', name: 'ASC' } });
  }

  async create(user: AuthUser, input: CreateOpportunityStageInput): Promise<OpportunityStage> {
    return withUniqueFields(() => this.db.transaction(async (tx) => {
      const repo = tx.getRepository(OpportunityStage);
      const created = await repo.save(repo.create(input));
      await recordAudit(tx, { actorId: user.id, entityType: 'opportunity_stage', entityId: created.id, action: 'create', changes: diffFields(null, created, AUDITED) });
      return created;
    }), UNIQUE_FIELDS);
  }

  /**
   * A version-checked edit. The outcome of a stage that holds opportunities cannot change (their
   * won/closed dates would no longer match it), and the board always keeps one open stage.
   */
  async update(user: AuthUser, id: string, version: number, input: UpdateOpportunityStageInput): Promise<OpportunityStage> {
    assertUuid(id, 'id');
    const missing = AUDITED.filter((k) => input[k] === null);
    if (missing.length) throw badInput(missing.map((field) => ({ field, messages: [`${field} cannot be cleared`] })));
    return withUniqueFields(() => this.db.transaction(async (tx) => {
      const before = await tx.getRepository(OpportunityStage).findOne({ where: { id } });
      if (!before) throw notFound('OpportunityStage', id);
      if (input.outcome && input.outcome !== before.outcome) {
        const [used] = await tx.query('SELECT 1 FROM opportunities WHERE stage_id = $1 LIMIT 1', [id]);
        if (used) throw badField('outcome', 'outcome cannot change while the stage holds opportunities: move them to another stage first');
        if (before.outcome === StageOutcome.open) {
          const [{ open }] = await tx.query(`SELECT count(*)::int AS open FROM opportunity_stages WHERE outcome = 'open' AND deleted_at IS NULL`);
          if (open <= 1) throw badField('outcome', 'the pipeline needs at least one open stage');
        }
      }
      const after = await versionedUpdate(tx, OpportunityStage, 'OpportunityStage', id, version, definedOnly(input));
      await recordAudit(tx, { actorId: user.id, entityType: 'opportunity_stage', entityId: id, action: 'update', changes: diffFields(before, after, AUDITED) });
      return after;
    }), UNIQUE_FIELDS);
  }

  /**
   * Puts the stages in the given order (positions 1, 2, 3…) in one transaction. The list must name
   * every live stage once, so a stale screen cannot drop or duplicate one.
   */
  async reorder(user: AuthUser, ids: string[]): Promise<OpportunityStage[]> {
    ids.forEach((id) => assertUuid(id, 'ids'));
    return this.db.transaction(async (tx) => {
      const repo = tx.getRepository(OpportunityStage);
      const stages = await repo.find({ lock: { mode: 'pessimistic_write' } });
      const live = new Set(stages.map((s) => s.id));
      if (new Set(ids).size !== ids.length || ids.length !== live.size || ids.some((id) => !live.has(id))) {
        throw badField('ids', 'ids must list every stage exactly once: reload the stages and try again');
      }
      const byId = new Map(stages.map((s) => [s.id, s]));
      for (const [index, id] of ids.entries()) {
        const before = byId.get(id)!;
        if (before.position === index + 1) continue;
        const after = await versionedUpdate(tx, OpportunityStage, 'OpportunityStage', id, before.version, { position: index + 1 });
        await recordAudit(tx, { actorId: user.id, entityType: 'opportunity_stage', entityId: id, action: 'update', changes: diffFields(before, after, AUDITED) });
      }
      return repo.find({ order: { position: 'ASC', name: 'ASC' } });
    });
  }
}
