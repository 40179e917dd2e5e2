/** "25 of 1,381 people", "3 people", "2 of 2 people matching “lee”": what the people list shows of the whole. */
export function peopleCountText(shown: number, total: number, term: string): string {
  const people = (n: number) => `${n.toLocaleString('en-GB')} ${n === 1 ? 'person' : 'people'}`;
  if (term) return total ? `${shown.toLocaleString('en-GB')} of ${people(total)} matching “${term}”` : '';
  if (!total) return '';
  return shown >= total ? people(total) : `${shown.toLocaleString('en-GB')} of ${people(total)}`;
}
