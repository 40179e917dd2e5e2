import { Injectable } from '@nestjs/common';
import { Field, Float, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { visibleParam, visibleSql } from '../../common/auth/visibility';
import { badField } from '../../common/graphql/errors';
import { CONTACT_SEARCH_SQL } from '../contact/contact.service';
import { ORGANISATION_SEARCH_SQL } from '../organisation/organisation.service';

export enum SearchHitKind { organisation = 'organisation', contact = 'contact' }
registerEnumType(SearchHitKind, { name: 'SearchHitKind' });

@ObjectType({ description: 'One search result; open it by kind and id' })
export class SearchHit {
  @Field(() => SearchHitKind) kind!: SearchHitKind;
  @Field(() => ID) id!: string;
  @Field() title!: string;
  @Field(() => String, { nullable: true }) subtitle!: string | null;
  @Field(() => Float, { description: '0–1, higher is closer' }) score!: number;
}

export const MIN_SEARCH_LENGTH = 3;

@Injectable()
export class SearchService {
  constructor(private readonly db: DataSource) {}

  /**
   * Ranked, typo-tolerant hits across organisations and contacts: pg_trgm word similarity on the
   * same indexed expressions the lists use (so `<%` is served by the trigram indexes).
   * A name that starts with the text ranks above one that merely resembles it, and a match on the
   * name above one found only in an email, postcode or website (x0.9).
   */
  async search(user: AuthUser, text: string, first = 10): Promise<SearchHit[]> {
    const q = text.trim();
    if (q.length < MIN_SEARCH_LENGTH) return [];
    if (q.length > 200) throw badField('text', 'text must be at most 200 characters');
    if (!Number.isInteger(first) || first < 1 || first > 50) throw badField('first', 'first must be between 1 and 50');
    const org = ORGANISATION_SEARCH_SQL;
    const contact = CONTACT_SEARCH_SQL;
    const rows = await this.db.transaction(async (tx) => {
      // A little more forgiving than the default 0.6, so one typo in a short word still matches ("Siemns").
      await tx.query(`SET LOCAL pg_trgm.word_similarity_threshold = 0.5`);
      return tx.query(
        `SELECT kind, id, title, subtitle, score FROM (
           SELECT 'organisation' AS kind, o.id, o.name AS title, concat_ws(', ', o.town, o.postcode) AS subtitle,
                  greatest(word_similarity($1, o.name), 0.9 * word_similarity($1, ${org}))
                    + CASE WHEN o.name ILIKE $2 THEN 0.5 ELSE 0 END AS score
             FROM organisations o
            WHERE o.deleted_at IS NULL AND ${visibleSql('o', 3)} AND $1 <% ${org}
           UNION ALL
           SELECT 'contact', c.id, c.first_name || ' ' || c.last_name, coalesce(c.job_title, c.emails[1]),
                  greatest(word_similarity($1, c.first_name || ' ' || c.last_name), 0.9 * word_similarity($1, ${contact}))
                    + CASE WHEN (c.first_name || ' ' || c.last_name) ILIKE $2 OR c.last_name ILIKE $2 THEN 0.5 ELSE 0 END
             FROM contacts c
            WHERE c.deleted_at IS NULL AND $1 <% ${contact}
         ) hits
         ORDER BY score DESC, title
         LIMIT $4`,
        [q, `${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`, visibleParam(user), first],
      );
    });
    return rows.map((r: any) => ({ ...r, score: Math.min(1, Number(r.score)) }));
  }
}
