/** "25 of 1,381 people", "3 people", "2 of 2 people matching “lee”": what the people list shows of the whole. */
export function peopleCountText(shown: number, total: number, term: string): string {
  const people = (n: number) => `${n.toLocaleString('en-GB')} ${n === 1 ? 'person' : 'people'}`;
  if (term) return total ? `${shown.toLocaleString('en-GB')} of ${people(total)} matching “${term}”` : '';
  if (!total) return '';
  return shown >= total ? people(total) : `${shown.toLocaleString('en-GB')} of ${people(total)}`;
}

interface AffiliationPage {
  edges: Array<{ node: { contact?: { id: string; name: string } | null } }>;
}

/** The people of a page of affiliations, each once (someone can be there as current and former), by name. */
export function peopleOf(page: AffiliationPage | null | undefined): Array<{ id: string; name: string }> {
  const seen = new Map<string, { id: string; name: string }>();
  for (const { node: a } of page?.edges ?? []) if (a.contact && !seen.has(a.contact.id)) seen.set(a.contact.id, { id: a.contact.id, name: a.contact.name });
  return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}
