import { temporaryPassword } from './temporary-password';

describe(temporaryPassword.name, () => {
  it('should make three groups of four unambiguous characters, long enough for the password rule', () => {
    const password = temporaryPassword();
    expect(password).toMatch(/^[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}$/);
    expect(password.length).toBeGreaterThanOrEqual(10);
  });

  it('should differ from one call to the next', () => {
    const seen = new Set(Array.from({ length: 50 }, () => temporaryPassword()));
    expect(seen.size).toBe(50);
  });

  it('should draw every character from the random source', () => {
    expect(temporaryPassword(() => 0)).toBe('aaaa-aaaa-aaaa');
  });
});
