// The client's own GraphQL documents (client/src/app/**/*.graphql), so the bench asks what the UI asks.
import fs from 'node:fs';
import path from 'node:path';
import { parse, print, visit } from 'graphql';
import { root } from './app.mjs';

const definitions = new Map();
(function read(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) read(file);
    else if (entry.name.endsWith('.graphql')) for (const d of parse(fs.readFileSync(file, 'utf8')).definitions) definitions.set(d.name.value, d);
  }
})(path.join(root, 'client/src/app'));

/** `text` (an operation that may spread the client's fragments) with every fragment it needs appended. */
export function withFragments(text) {
  const doc = parse(text);
  const needed = new Map();
  const collect = (node) => visit(node, {
    FragmentSpread(spread) {
      const name = spread.name.value;
      if (needed.has(name) || doc.definitions.some((d) => d.name?.value === name)) return;
      const fragment = definitions.get(name);
      if (!fragment) throw new Error(`no fragment ${name} in the client's documents`);
      needed.set(name, fragment);
      collect(fragment);
    },
  });
  collect(doc);
  return [text, ...[...needed.values()].map(print)].join('\n');
}

/** One of the client's operations by name, with its fragments. */
export function clientOperation(name) {
  const op = definitions.get(name);
  if (!op || op.kind !== 'OperationDefinition') throw new Error(`no operation ${name} in the client's documents`);
  return withFragments(print(op));
}
