import { buildSchema, parse, validate } from 'graphql';
import { aliasLimitRule, depthLimitRule, MAX_ALIASES, MAX_QUERY_DEPTH, MAX_TOKENS } from './query-limits';

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
