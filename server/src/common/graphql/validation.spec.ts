import { IsString } from 'class-validator';
import { AppError } from './errors';
import { appValidationPipe, unstorableField } from './validation';

describe('text the database cannot store (found by fuzzing)', () => {
  it('finds NUL and lone surrogates anywhere in an input, naming the field', () => {
    expect(unstorableField({ name: 'ok', tags: ['a', 'a\u0000b'] }, 'input')).toBe('tags');
    expect(unstorableField({ details: '\uD800' }, 'input')).toBe('details');
    expect(unstorableField({ nested: { notes: 'x\uDC00' } }, 'input')).toBe('notes');
    expect(unstorableField('\u0000', 'name')).toBe('name');
  });

  it('lets emoji, RTL and other unicode through', () => {
    expect(unstorableField({ name: '😀👩‍👩‍👧‍👦 مرحبا \u202Eevil', n: 1, b: null }, 'input')).toBeUndefined();
  });

  it('the pipe refuses it as BAD_USER_INPUT', async () => {
    await expect(appValidationPipe().transform({ summary: 'a\u0000' }, { type: 'body', data: 'input' })).rejects.toBeInstanceOf(AppError);
    await expect(appValidationPipe().transform('fine', { type: 'body', data: 'name' })).resolves.toBe('fine');
  });
});

class CellInput {
  @IsString() category!: string;
}

describe('an omitted nullable argument', () => {
  it('stays omitted (null or undefined), rather than becoming an empty input refused for its required fields', async () => {
    const pipe = appValidationPipe();
    await expect(pipe.transform(undefined, { type: 'body', data: 'cell', metatype: CellInput })).resolves.toBeUndefined();
    await expect(pipe.transform(null, { type: 'body', data: 'cell', metatype: CellInput })).resolves.toBeNull();
    // Given, it is validated as before.
    await expect(pipe.transform({}, { type: 'body', data: 'cell', metatype: CellInput })).rejects.toBeInstanceOf(AppError);
    await expect(pipe.transform({ category: 'ktp' }, { type: 'body', data: 'cell', metatype: CellInput })).resolves.toEqual({ category: 'ktp' });
  });
});
