import { buildSchema, DocumentNode, GraphQLID, GraphQLInt, GraphQLList, GraphQLObjectType, GraphQLSchema, parse, validate } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { aliasLimitRule, ComplexityMemo, costVariables, depthLimitRule, MAX_ALIASES, MAX_QUERY_DEPTH, MAX_TOKENS } from './query-limits';

const schema = buildSchema('type Node { id: ID child: Node } type Query { root: Node }');
const nested = (depth: number) => {
  let selection = 'id';
  for (let i = 1; i < depth; i++) selection = `child { ${selection} }`;
  return `{ root { ${selection} } }`;
};

describe('query depth limit', () => {
  it(`accepts a query ${MAX_QUERY_DEPTH} levels deep`, () => {
    expect(validate(schema, parse(nested(MAX_QUERY_DEPTH)), [depthLimitRule])).toEqual([]);
  });

  it('refuses one level deeper, naming the limit', () => {
    const errors = validate(schema, parse(nested(MAX_QUERY_DEPTH + 2)), [depthLimitRule]);
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toMatch(/exceeds maximum operation depth of 10/);
  });
});

describe('alias limit', () => {
  const aliased = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: root { id }`).join(' ')} }`;

  it(`accepts ${MAX_ALIASES} aliases`, () => {
    expect(validate(schema, parse(aliased(MAX_ALIASES)), [aliasLimitRule()])).toEqual([]);
  });

  it('refuses one more, once, naming the limit', () => {
    const errors = validate(schema, parse(aliased(MAX_ALIASES + 5)), [aliasLimitRule()]);
    expect(errors.map((e) => e.message)).toEqual([`Too many aliases: more than ${MAX_ALIASES} in one request`]);
  });

  it('counts aliases inside fragments', () => {
    const doc = `{ root { ...F } } fragment F on Node { ${Array.from({ length: 3 }, (_, i) => `c${i}: id`).join(' ')} }`;
    expect(validate(schema, parse(doc), [aliasLimitRule(2)])).toHaveLength(1);
  });
});

describe('token limit', () => {
  it('stops parsing a document over the limit', () => {
    const doc = `{ ${'root { id } '.repeat(MAX_TOKENS / 4)} }`;
    expect(() => parse(doc, { maxTokens: MAX_TOKENS })).toThrow(/Document contains more tha[nt] 10000 tokens/);
  });
});

describe('complexity memo', () => {
  const item: GraphQLObjectType = new GraphQLObjectType({ name: 'Item', fields: () => ({ id: { type: GraphQLID }, name: { type: GraphQLID } }) });
  const priced = new GraphQLSchema({
    query: new GraphQLObjectType({
      name: 'Query',
      fields: {
        items: {
          type: new GraphQLList(item),
          args: { first: { type: GraphQLInt }, after: { type: GraphQLID } },
          extensions: { complexity: ({ args, childComplexity }: { args: { first?: number }; childComplexity: number }) => 1 + childComplexity * (args.first ?? 25) },
        },
        item: { type: item, args: { id: { type: GraphQLID } } },
      },
    }),
  });
  const cost = (document: DocumentNode, variables: Record<string, unknown>, operationName?: string) =>
    getComplexity({ schema: priced, query: document, variables, operationName, estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })] });
  /** A memo over `priced` and how many times it really costed a document. */
  const counted = () => {
    const memo = new ComplexityMemo(() => priced);
    let computed = 0;
    return {
      cost: (document: DocumentNode, variables: Record<string, unknown> = {}, operationName?: string) =>
        memo.cost(document, operationName, variables, () => (computed++, cost(document, variables, operationName))),
      computed: () => computed,
    };
  };

  it('finds the variables in priced arguments and @skip/@include, not ids or cursors', () => {
    const doc = parse('query Q($n: Int, $after: ID, $id: ID, $show: Boolean!) { items(first: $n, after: $after) { id name @include(if: $show) } item(id: $id) { id } }');
    // `after` is an argument of a priced field too: kept, as its price function could read it.
    expect(costVariables(priced, doc)).toEqual(['after', 'n', 'show']);
    expect(costVariables(priced, parse('query Q($id: ID) { item(id: $id) { id } }'))).toEqual([]);
  });

  it('never confuses two documents, even with the same text of variables', () => {
    const memo = counted();
    const small = parse('query Q($n: Int) { items(first: $n) { id } }');
    const big = parse('query Q($n: Int) { items(first: $n) { id name } }');
    expect(memo.cost(small, { n: 10 })).toBe(11);
    expect(memo.cost(big, { n: 10 })).toBe(21);
    expect(memo.cost(small, { n: 10 })).toBe(11);
    expect(memo.computed()).toBe(2);
  });

  it('costs again when a priced variable changes, and not when another one does', () => {
    const memo = counted();
    const doc = parse('query Q($n: Int, $id: ID) { items(first: $n) { id } item(id: $id) { id } }');
    expect(memo.cost(doc, { n: 10, id: 'a' })).toBe(13);
    expect(memo.cost(doc, { n: 10, id: 'b' })).toBe(13);
    expect(memo.computed()).toBe(1);
    expect(memo.cost(doc, { n: 4000, id: 'b' })).toBe(4003);
    expect(memo.computed()).toBe(2);
  });

  it('tells a variable left out (its default applies) from one given as null, and @include by its value', () => {
    const memo = counted();
    const doc = parse('query Q($n: Int = 100, $show: Boolean!) { items(first: $n) { id name @include(if: $show) } }');
    expect(memo.cost(doc, { show: false })).toBe(101);
    expect(memo.cost(doc, { n: null, show: false })).toBe(26);
    expect(memo.cost(doc, { show: true })).toBe(201);
    expect(memo.computed()).toBe(3);
  });

  it('keeps each operation of a document apart', () => {
    const memo = counted();
    const doc = parse('query A { items(first: 2) { id } } query B { items(first: 200) { id } }');
    expect(memo.cost(doc, {}, 'A')).toBe(3);
    expect(memo.cost(doc, {}, 'B')).toBe(201);
    expect(memo.cost(doc, {}, 'A')).toBe(3);
    expect(memo.computed()).toBe(2);
  });

  it('does not remember a request it could not cost', () => {
    const memo = new ComplexityMemo(() => priced);
    const doc = parse('query Q($n: Int) { items(first: $n) { id } }');
    expect(memo.cost(doc, undefined, { n: 'x' }, () => undefined)).toBeUndefined();
    expect(memo.cost(doc, undefined, { n: 'x' }, () => 7)).toBe(7);
  });
});
