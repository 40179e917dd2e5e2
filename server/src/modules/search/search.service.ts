import { Injectable } from '@nestjs/common';
import { Field, Float, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { visibleParam, visibleSql } from '../../common/auth/visibility';
import { badField } from '../../common/graphql/errors';
import { CONTACT_SEARCH_SQL } from '../contact/contact.service';
import { ORGANISATION_SEARCH_SQL } from '../organisation/organisation.service';
import { contactActivitySql, organisationActivitySql } from '../relationship-health/activity.sql';
import { searchKey } from './search-key';

export enum SearchHitKind { organisation = 'organisation', contact = 'contact' }
registerEnumType(SearchHitKind, { name: 'SearchHitKind' });

@ObjectType({ description: 'One search result; open it by kind and id' })
export class SearchHit {
  @Field(() => SearchHitKind) kind!: SearchHitKind;
  @Field(() => ID) id!: string;
  @Field() title!: string;
  @Field(() => String, { nullable: true }) subtitle!: string | null;
  @Field(() => String, { nullable: true, description: 'The other name the text matched (alias, trading or legal name), e.g. "M&S" for Marks and Spencer Group plc; null when it matched the title' })
  matchedAlias!: string | null;
  @Field(() => Float, { description: '0–1, higher is closer: 1 exact name, 0.9 name prefix, 0.8 word prefix, up to 0.7 similar' }) score!: number;
}

export const MIN_SEARCH_LENGTH = 3;

/**
 * The best of a record's names (`names`, a text[] whose first element is the title) for the text
 * ($1) and its key ($2): the lowest tier, then the closest, then the earliest name.
 * Tiers: 0 a name's key is the text's key, 1 starts with it, 2 a later word starts with it, 3 only similar.
 */
const bestNameSql = (names: string) => `LATERAL (
  SELECT alt, ord,
         CASE WHEN $2 = '' THEN 3 WHEN k = $2 THEN 0 WHEN k LIKE $2 || '%' THEN 1 WHEN k LIKE '% ' || $2 || '%' THEN 2 ELSE 3 END AS tier,
         word_similarity($1, alt) AS sim, $1 <% alt AS similar
    FROM unnest(${names}) WITH ORDINALITY AS u(alt, ord), bce_name_key(alt) AS k
   WHERE alt IS NOT NULL
   ORDER BY tier, sim DESC, ord
   LIMIT 1)`;

/** The tier as a 0–1 score; similar-only hits in bands of 0.1 similarity, so close ones tie and activity decides. */
const scoreSql = (tier: string, sim: string) => `CASE ${tier} WHEN 0 THEN 1 WHEN 1 THEN 0.9 WHEN 2 THEN 0.8 ELSE 0.7 * round((${sim})::numeric, 1) END`;

const org = ORGANISATION_SEARCH_SQL;
const contact = CONTACT_SEARCH_SQL;

/** A little more forgiving than the default 0.6, so one typo in a short word still matches ("Siemns"). */
export const SEARCH_THRESHOLD_SQL = `SET LOCAL pg_trgm.word_similarity_threshold = 0.5`;

/**
 * Ranked, typo-tolerant hits across organisations and contacts for $1 the text, $2 its searchKey,
 * $3 the user's visibility (visibleParam) and $4 the page size. Candidates come from the trigram
 * indexes (`<%` on the same expressions the lists search) and, for organisations, an exact key hit on
 * any name or alias (organisations_name_keys_idx). Ranked by tier (exact above prefix above word
 * prefix above similarity), organisations before people, then by how active the relationship is, then by name.
 * A match found only in an email, postcode or website counts at 0.9 of its similarity.
 */
export const SEARCH_SQL = `SELECT kind, id, title, subtitle, "matchedAlias", score FROM (
     SELECT 'organisation' AS kind, 0 AS kind_rank, o.id, o.name AS title, concat_ws(', ', o.town, o.postcode) AS subtitle,
            CASE WHEN best.ord > 1 AND (best.tier < 3 OR best.similar) THEN best.alt END AS "matchedAlias",
            ${scoreSql('best.tier', `greatest(best.sim, 0.9 * word_similarity($1, ${org}))`)} AS score,
            ${organisationActivitySql('o.id', 3)} AS activity
       FROM organisations o
      CROSS JOIN ${bestNameSql(`ARRAY[o.name, o.legal_name] || o.trading_names || o.aliases`)} best
      WHERE o.deleted_at IS NULL AND ${visibleSql('o', 3)}
        AND ($1 <% ${org} OR bce_organisation_name_keys(o.name, o.legal_name, o.trading_names, o.aliases) @> ARRAY[$2])
     UNION ALL
     SELECT 'contact', 1, c.id, c.first_name || ' ' || c.last_name, coalesce(c.job_title, c.emails[1]), NULL,
            ${scoreSql('best.tier', `greatest(best.sim, 0.9 * word_similarity($1, ${contact}))`)},
            ${contactActivitySql('c.id', 3)}
       FROM contacts c
      CROSS JOIN ${bestNameSql(`ARRAY[c.first_name || ' ' || c.last_name, c.last_name]`)} best
      WHERE c.deleted_at IS NULL AND c.erased_at IS NULL AND $1 <% ${contact}
   ) hits
   ORDER BY score DESC, kind_rank, activity DESC, lower(title), id
   LIMIT $4`;

@Injectable()
export class SearchService {
  constructor(private readonly db: DataSource) {}

  /** The best `first` hits for the text (see SEARCH_SQL); nothing under three characters. */
  async search(user: AuthUser, text: string, first = 10): Promise<SearchHit[]> {
    const q = text.trim();
    if (q.length < MIN_SEARCH_LENGTH) return [];
    if (q.length > 200) throw badField('text', 'text must be at most 200 characters');
    if (!Number.isInteger(first) || first < 1 || first > 50) throw badField('first', 'first must be between 1 and 50');
    const rows = await this.db.transaction(async (tx) => {
      await tx.query(SEARCH_THRESHOLD_SQL);
      return tx.query(SEARCH_SQL, [q, searchKey(q), visibleParam(user), first]);
    });
    return rows.map((r: any) => ({ ...r, score: Math.min(1, Number(r.score)) }));
  }
}
