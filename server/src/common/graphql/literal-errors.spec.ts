import { buildSchema, GraphQLError, parse, validate } from 'graphql';
import { literalField } from './literal-errors';

const schema = buildSchema('input Range { from: Int, tags: [String] } type Query { count(first: Int, range: Range): Int }');
const firstError = (query: string) => validate(schema, parse(query))[0];

describe('literalField', () => {
  it('names the argument a bad literal was given for', () => {
    expect(literalField(firstError('{ count(first: "ten") }'))).toBe('first');
  });

  it('names the innermost input field, and a list item by its list', () => {
    expect(literalField(firstError('{ count(range: { from: 1.5 }) }'))).toBe('from');
    expect(literalField(firstError('{ count(first: 1, range: { tags: ["a", 7] }) }'))).toBe('tags');
  });

  it('is undefined for errors about something other than a value', () => {
    expect(literalField(firstError('{ count(last: 1) }'))).toBeUndefined();
    expect(literalField(new GraphQLError('no nodes'))).toBeUndefined();
    expect(literalField(new Error('not a GraphQL error'))).toBeUndefined();
  });
});
