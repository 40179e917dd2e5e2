import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { visibleParam, visibleSql } from '../../common/auth/visibility';
import { Connection, pageSize } from '../../common/database/connection';
import { badField } from '../../common/graphql/errors';
import { NAME_SIMILARITY } from './duplicate-rule';
import { decodePairCursor, orderedPair, PairRow, pairCursor, reasonsOf } from './duplicate-reasons';
import { DuplicateCandidate, DuplicateKind, DuplicateReason, DuplicateScan } from './duplicate.model';
import { contactPairsSql, organisationPairsSql, storedOrganisationPairsSql } from './duplicates.sql';

/** A page row: computed live (the rule's columns) or read from the scanner's table (reasons already made). */
type PageRow = (PairRow | { a_id: string; b_id: string; score: string; reasons: DuplicateReason[] }) & { total: number };

interface PageArgs {
  first?: number | null;
  after?: string | null;
}

@Injectable()
export class DuplicatesService {
  constructor(private readonly db: DataSource) {}

  /**
   * Ranked candidate pairs of live organisations the reader can see both of. The whole list comes
   * from the pairs the duplicate scanner stored (as fresh as duplicateScan says); one
   * organisation's pairs (`focusId`) are computed live, so its page is right straight after an edit.
   */
  organisations(user: AuthUser, args: PageArgs, focusId: string | null): Promise<Connection<DuplicateCandidate>> {
    return this.page(DuplicateKind.organisation, focusId ? organisationPairsSql(true) : storedOrganisationPairsSql, user, args, focusId);
  }

  contacts(user: AuthUser, args: PageArgs, focusId: string | null): Promise<Connection<DuplicateCandidate>> {
    return this.page(DuplicateKind.contact, contactPairsSql(!!focusId), user, args, focusId);
  }

  /** How far the background scan has got; the count walks the (updated_at, id) index from the mark. */
  async scan(): Promise<DuplicateScan> {
    const [row] = await this.db.query(
      `SELECT s.scanned_updated_at AS "checkedUpTo", s.last_scanned_at AS "lastScannedAt",
              (SELECT count(*)::int FROM organisations o
                WHERE (o.updated_at, o.id) > (coalesce(s.scanned_updated_at, '-infinity'), coalesce(s.scanned_id, '00000000-0000-0000-0000-000000000000'))) AS "pendingOrganisations"
         FROM duplicate_scan_state s WHERE s.kind = 'organisation'`,
    );
    return row;
  }

  /** "Not a duplicate": the pair stops appearing for everyone. Idempotent. */
  async dismiss(user: AuthUser, kind: DuplicateKind, x: string, y: string): Promise<boolean> {
    const [aId, bId] = orderedPair(x.toLowerCase(), y.toLowerCase());
    if (aId === bId) throw badField('bId', 'bId must be a different record from aId');
    // Contacts carry no confidentiality of their own; organisations must be visible to the reader.
    const seen = kind === DuplicateKind.organisation
      ? await this.db.query(`SELECT r.id FROM organisations r WHERE r.id = ANY($1::uuid[]) AND r.deleted_at IS NULL AND ${visibleSql('r', 2)}`, [[aId, bId], visibleParam(user)])
      : await this.db.query(`SELECT r.id FROM contacts r WHERE r.id = ANY($1::uuid[]) AND r.deleted_at IS NULL`, [[aId, bId]]);
    for (const [field, id] of [['aId', x], ['bId', y]] as const) {
      if (!seen.some((r: { id: string }) => r.id === id.toLowerCase())) throw badField(field, `${field} must be a live ${kind} you can see`);
    }
    await this.db.query(
      `INSERT INTO duplicate_dismissals (kind, a_id, b_id, dismissed_by) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
      [kind, aId, bId, user.id],
    );
    return true;
  }

  private async page(kind: DuplicateKind, sql: string, user: AuthUser, args: PageArgs, focusId: string | null): Promise<Connection<DuplicateCandidate>> {
    const limit = pageSize(args.first);
    const cursor = args.after ? decodePairCursor(args.after) : null;
    if (args.after && !cursor) throw badField('after', 'after is not a cursor this API issued');
    // SET LOCAL needs a transaction; the threshold is what `%` compares with, so the trigram index does the filtering.
    const rows: PageRow[] = await this.db.transaction(async (tx) => {
      await tx.query(`SELECT set_config('pg_trgm.similarity_threshold', $1, true)`, [String(NAME_SIMILARITY)]);
      return tx.query(sql, [visibleParam(user), focusId, cursor?.score ?? null, cursor?.aId ?? null, cursor?.bId ?? null, limit + 1]);
    });
    const totalCount = rows[0]?.total ?? 0;
    const found = rows.filter((r) => r.a_id);
    const edges = found.slice(0, limit).map((row) => ({
      cursor: pairCursor(row),
      node: { id: `${row.a_id}:${row.b_id}`, kind, aId: row.a_id, bId: row.b_id, score: Number(row.score), reasons: 'reasons' in row ? row.reasons : reasonsOf(row) },
    }));
    return { edges, totalCount, pageInfo: { hasNextPage: found.length > limit, endCursor: edges.at(-1)?.cursor ?? null } };
  }
}
