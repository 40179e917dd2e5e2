import { hashSecret, newApiKey, parseApiKey, secretMatches } from './api-key-secret';

describe('API key secrets', () => {
  it('round-trips: the key parses back to its id and a secret that matches the stored hash', () => {
    const made = newApiKey();
    expect(made.key).toMatch(/^bce_live_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$/);
    expect(made.key.startsWith(made.prefix)).toBe(true);
    const parsed = parseApiKey(made.key)!;
    expect(parsed.id).toBe(made.id);
    expect(secretMatches(parsed.secret, made.hash)).toBe(true);
    expect(made.hash.equals(hashSecret(parsed.secret))).toBe(true);
  });

  it('refuses a changed secret and text that is not a key', () => {
    const made = newApiKey();
    const parsed = parseApiKey(made.key)!;
    const other = parsed.secret.slice(0, -1) + (parsed.secret.endsWith('A') ? 'B' : 'A');
    expect(secretMatches(other, made.hash)).toBe(false);
    expect(parseApiKey('eyJhbGciOiJIUzI1NiJ9.e30.x')).toBeNull();
    expect(parseApiKey(made.key + 'x')).toBeNull();
    expect(parseApiKey(undefined)).toBeNull();
  });

  it('two keys never share an id or a secret', () => {
    const a = newApiKey();
    const b = newApiKey();
    expect(a.id).not.toBe(b.id);
    expect(a.hash.equals(b.hash)).toBe(false);
  });
});
