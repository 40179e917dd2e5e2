import { Injectable } from '@nestjs/common';
import { Field, Float, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { visibleParam } from '../../common/auth/visibility';
import { badField } from '../../common/graphql/errors';
import { searchKey } from './search-key';
import { NAME_SEARCH_SQL, SEARCH_SQL, SEARCH_THRESHOLD_SQL } from './search.sql';

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

@Injectable()
export class SearchService {
  constructor(private readonly db: DataSource) {}

  /**
   * The best `first` hits for the text; nothing under three characters. The name tiers first
   * (NAME_SEARCH_SQL, index probes on name keys); only when they do not fill the page the whole,
   * typo-tolerant search (SEARCH_SQL), whose trigram probes cost far more. Same hits either way.
   */
  async search(user: AuthUser, text: string, first = 10): Promise<SearchHit[]> {
    const q = text.trim();
    if (q.length < MIN_SEARCH_LENGTH) return [];
    if (q.length > 200) throw badField('text', 'text must be at most 200 characters');
    if (!Number.isInteger(first) || first < 1 || first > 50) throw badField('first', 'first must be between 1 and 50');
    const params = [q, searchKey(q), visibleParam(user), first];
    const named = await this.db.query(NAME_SEARCH_SQL, params);
    const rows = named.length === first ? named : await this.db.transaction(async (tx) => {
      await tx.query(SEARCH_THRESHOLD_SQL);
      return tx.query(SEARCH_SQL, params);
    });
    return rows.map((r: any) => ({ ...r, score: Math.min(1, Number(r.score)) }));
  }
}
