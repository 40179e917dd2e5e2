import { FieldNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

/**
 * Whether the query asks for `field` directly under the field being resolved (through fragments
 * too), so a resolver can skip work nobody will read, e.g. a connection's totalCount.
 */
export function selectsField(info: GraphQLResolveInfo, field: string): boolean {
  const within = (set: SelectionSetNode | undefined): boolean => (set?.selections ?? []).some((s) => {
    if (s.kind === 'Field') return s.name.value === field;
    if (s.kind === 'InlineFragment') return within(s.selectionSet);
    return within(info.fragments[s.name.value]?.selectionSet);
  });
  return info.fieldNodes.some((node: FieldNode) => within(node.selectionSet));
}
