// The production build's initial JavaScript, gzipped, against its budget (issue 15: ≤ 250 kB).
// Initial = what index.html loads before any lazy route: its module scripts and modulepreloads, and
// every chunk they import statically (`from"./chunk.js"`, `import"./chunk.js"`; not `import("…")`).
// Angular's own budgets (angular.json) count raw bytes; this counts what travels, as people wait for it.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const INITIAL_JS_BUDGET_KB = 250;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const browser = path.join(root, 'dist/client/browser');
const indexHtml = path.join(browser, 'index.html');
if (!fs.existsSync(indexHtml)) {
  console.error(`${indexHtml} is missing: build the client first (npx nx run client:build)`);
  process.exit(1);
}
const html = fs.readFileSync(indexHtml, 'utf8');
const files = new Set([...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g)].map((m) => m[1]));
for (const file of files) {
  // A Set visits what is added while iterating: this walks the static import graph.
  const code = fs.readFileSync(path.join(browser, file), 'utf8');
  for (const m of code.matchAll(/(?:\bfrom\s*|\bimport\s*)["']\.\/([\w.-]+\.js)["']/g)) files.add(m[1]);
}
let total = 0;
const rows = [];
for (const file of files) {
  const bytes = gzipSync(fs.readFileSync(path.join(browser, file)), { level: 9 }).length;
  total += bytes;
  rows.push([file, bytes]);
}
rows.sort((a, b) => b[1] - a[1]);
for (const [file, bytes] of rows.slice(0, 5)) console.log(`  ${(bytes / 1024).toFixed(1).padStart(7)} kB  ${file}`);
const kb = total / 1024;
console.log(`client initial JavaScript: ${files.size} files, ${kb.toFixed(1)} kB gzipped (budget ${INITIAL_JS_BUDGET_KB} kB)`);
if (!files.size || kb > INITIAL_JS_BUDGET_KB) process.exit(1);
