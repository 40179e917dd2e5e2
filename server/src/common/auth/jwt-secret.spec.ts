import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MIN_SECRET_LENGTH, resolveJwtSecret } from './jwt-secret';

describe(resolveJwtSecret.name, () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jwt-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = () => path.join(dir, 'jwt-secret');

  it('should use JWT_SECRET when set, writing nothing', () => {
    expect(resolveJwtSecret('x'.repeat(40), dir)).toBe('x'.repeat(40));
    expect(fs.existsSync(file())).toBe(false);
  });

  it('should make a long random secret readable only by its owner, and keep it across restarts', () => {
    const first = resolveJwtSecret(undefined, dir);
    expect(first.length).toBeGreaterThanOrEqual(64);
    expect(fs.statSync(file()).mode & 0o777).toBe(0o600);
    expect(resolveJwtSecret(undefined, dir)).toBe(first);
  });

  it('should replace a kept secret that is too short', () => {
    fs.writeFileSync(file(), 'short\n');
    const secret = resolveJwtSecret(undefined, dir);
    expect(secret).not.toBe('short');
    expect(secret.length).toBeGreaterThanOrEqual(MIN_SECRET_LENGTH);
    expect(fs.readFileSync(file(), 'utf8')).toBe(secret);
  });
});
