import { FieldNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

/**
 * Whether the query asks for `name` directly under the field being resolved (through fragments
 * too). @skip/@include are not evaluated: a field behind one counts as asked for, so the answer
 * errs towards doing the work.
 */
export function selectsField(info: GraphQLResolveInfo, name: string): boolean {
  const within = (set: SelectionSetNode | undefined): boolean => (set?.selections ?? []).some((s) => {
    if (s.kind === 'Field') return s.name.value === name;
    if (s.kind === 'InlineFragment') return within(s.selectionSet);
    return within(info.fragments[s.name.value]?.selectionSet);
  });
  return info.fieldNodes.some((node: FieldNode) => within(node.selectionSet));
}
