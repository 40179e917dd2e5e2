import { hashPassword, verifyPassword } from './password';

describe('password hashing', () => {
  it('should verify the right password and refuse a wrong one', async () => {
    const hashed = await hashPassword('correct horse battery');
    expect(hashed).toMatch(/^\$argon2id\$/);
    await expect(verifyPassword(hashed, 'correct horse battery')).resolves.toBe(true);
    await expect(verifyPassword(hashed, 'wrong')).resolves.toBe(false);
  });

  it('should refuse when there is no hash at all', async () => {
    await expect(verifyPassword(null, 'anything')).resolves.toBe(false);
  });
});
