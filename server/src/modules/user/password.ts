import { hash, verify } from '@node-rs/argon2';

/** argon2id with the library's defaults (memory-hard; parameters are stored in the hash). */
export const hashPassword = (password: string) => hash(password);

export async function verifyPassword(passwordHash: string | null | undefined, password: string): Promise<boolean> {
  // Verify against a dummy hash when there is no user, so timing does not reveal which emails exist.
  const target = passwordHash ?? DUMMY_HASH;
  const ok = await verify(target, password).catch(() => false);
  return ok && Boolean(passwordHash);
}

const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$4kBLqeNWJCyG0nDMSvK3nFNGNK5cUwy9KcbkCvEyzOo';
