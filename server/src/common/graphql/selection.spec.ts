import { buildSchema, graphql, GraphQLResolveInfo } from 'graphql';
import { selectsField } from './selection';

describe('selectsField', () => {
  const schema = buildSchema(`type Page { total: Int, items: [Int] } type Query { page: Page }`);
  const asked = async (query: string) => {
    let seen: boolean | undefined;
    await graphql({ schema, source: query, rootValue: { page: (_: unknown, __: unknown, info: GraphQLResolveInfo) => ((seen = selectsField(info, 'total')), {}) } });
    return seen;
  };

  it('sees the field directly, in an inline fragment and in a named fragment', async () => {
    expect(await asked('{ page { total items } }')).toBe(true);
    expect(await asked('{ page { ... on Page { total } } }')).toBe(true);
    expect(await asked('query { page { ...P } } fragment P on Page { items total }')).toBe(true);
  });

  it('is false when only other fields are asked for', async () => {
    expect(await asked('{ page { items } }')).toBe(false);
    expect(await asked('query { page { ...P } } fragment P on Page { items }')).toBe(false);
  });
});
