import { firstValueFrom, of, throwError } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { personOptions } from './person-options';

const first = [{ id: 'a', name: 'Amira Khan' }, { id: 'b', name: 'Ben Lee' }];

describe('person options', () => {
  it('offers the first people while nothing is typed', async () => {
    expect(await firstValueFrom(personOptions(first, '', () => of([])))).toEqual(first);
  });

  it("searches beyond the first page when it can, and offers nobody when the search fails", async () => {
    const terms: string[] = [];
    const found = await firstValueFrom(personOptions(first, 'zo', (term) => (terms.push(term), of([{ id: 'z', name: 'Zoe Park' }]))));
    expect(found).toEqual([{ id: 'z', name: 'Zoe Park' }]);
    expect(terms).toEqual(['zo']);
    expect(await firstValueFrom(personOptions(first, 'zo', () => throwError(() => new Error('offline'))))).toEqual([]);
  });

  it('filters the first people by any part of the name, ignoring case, without a search', async () => {
    expect(await firstValueFrom(personOptions(first, 'LEE', null))).toEqual([{ id: 'b', name: 'Ben Lee' }]);
    expect(await firstValueFrom(personOptions(first, 'khan', null))).toEqual([{ id: 'a', name: 'Amira Khan' }]);
    expect(await firstValueFrom(personOptions(first, 'nobody', null))).toEqual([]);
  });
});
