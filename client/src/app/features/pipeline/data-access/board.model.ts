import type { OpportunityCardFragment, PipelineBoardQuery } from '../../../graphql/generated';

/** The cards of each stage column, by stage id. */
export type BoardColumns = Record<string, OpportunityCardFragment[]>;

/** One page of a column: its cards and the cursor "Show more" continues from (null: no more). */
export interface ColumnPage {
  stageId: string;
  cards: OpportunityCardFragment[];
  next: string | null;
}

interface CardConnection {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: Array<{ node: OpportunityCardFragment }>;
}

/** A column's page from an opportunities connection. */
export function columnPage(stageId: string, connection: CardConnection | undefined): ColumnPage {
  return {
    stageId,
    cards: (connection?.edges ?? []).map((e) => e.node),
    next: connection?.pageInfo.hasNextPage ? (connection.pageInfo.endCursor ?? null) : null,
  };
}

/** Each open stage's first page, from the board's one request. */
export function firstPages(pipeline: PipelineBoardQuery['pipeline']): ColumnPage[] {
  return pipeline.stages.map((s) => columnPage(s.stage.id, s.opportunities));
}

/**
 * The board with one card moved to the top of another column (as the user dropped it), or put
 * back where the server says it is. Returns new arrays so signals see the change.
 */
export function placeCard(columns: BoardColumns, card: OpportunityCardFragment, toStageId: string, index = 0): BoardColumns {
  const next = removeCard(columns, card.id);
  if (next[toStageId]) {
    const target = [...next[toStageId]];
    target.splice(Math.min(index, target.length), 0, { ...card, stageId: toStageId });
    next[toStageId] = target;
  }
  return next;
}

/** The board without a card (closed, archived or no longer visible). */
export function removeCard(columns: BoardColumns, cardId: string): BoardColumns {
  return Object.fromEntries(Object.entries(columns).map(([stageId, cards]) => [stageId, cards.filter((c) => c.id !== cardId)]));
}

/** Which column a card is in now. */
export function columnOf(columns: BoardColumns, cardId: string): string | null {
  return Object.entries(columns).find(([, cards]) => cards.some((c) => c.id === cardId))?.[0] ?? null;
}
