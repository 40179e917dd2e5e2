import * as fs from 'node:fs';
import * as path from 'node:path';
import { RESOLVERS, buildSchemaSdl } from './print-schema';

const MODULES = path.join(__dirname, '..', 'modules');

/** Names of classes decorated with @Resolver in the module sources. */
function declaredResolvers(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return declaredResolvers(file);
    if (!entry.name.endsWith('.ts') || entry.name.endsWith('.spec.ts')) return [];
    const source = fs.readFileSync(file, 'utf8');
    return [...source.matchAll(/@Resolver\([^)]*\)\s*export class (\w+)/g)].map((match) => match[1]);
  });
}

describe('printed schema', () => {
  it('is built from every resolver the modules declare', () => {
    const listed = new Set(RESOLVERS.map((resolver) => resolver.name));
    const missing = declaredResolvers(MODULES).filter((name) => !listed.has(name));
    expect(missing).toEqual([]);
  });

  it('matches the committed server/schema.graphql (run `npm run schema` after changing the API)', async () => {
    const committed = fs.readFileSync(path.join(__dirname, '..', '..', 'schema.graphql'), 'utf8');
    expect(await buildSchemaSdl()).toBe(committed);
  }, 60_000);
});
