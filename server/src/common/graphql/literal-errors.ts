import { ASTNode, GraphQLError, Kind, parse, visit } from 'graphql';

const VALUE_KINDS = new Set<string>([Kind.INT, Kind.FLOAT, Kind.STRING, Kind.BOOLEAN, Kind.NULL, Kind.ENUM, Kind.LIST, Kind.OBJECT]);

/**
 * The argument or input field a value written in the query itself is about, e.g. `first` for
 * `organisations(first: "x")`: graphql-js's message for a bad literal ("Int cannot represent
 * non-integer value") names only the value. Found by position in the query, as the error holds
 * the node but not its parent.
 */
export function literalField(error: unknown): string | undefined {
  if (!(error instanceof GraphQLError)) return undefined;
  const node: ASTNode | undefined = error.nodes?.[0];
  const body = error.source?.body;
  if (!node?.loc || !body || !VALUE_KINDS.has(node.kind)) return undefined;
  const start = node.loc.start;
  let field: string | undefined;
  visit(parse(body, { noLocation: false }), {
    enter(n) {
      // The innermost argument or object field whose value contains the bad one (a list item belongs to its list's field).
      if ((n.kind === Kind.ARGUMENT || n.kind === Kind.OBJECT_FIELD) && n.value.loc && n.value.loc.start <= start && start < n.value.loc.end) {
        field = n.name.value;
      }
    },
  });
  return field;
}
