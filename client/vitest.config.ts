import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Unit tests for the client's plain TypeScript (error mapping, labels, validators, helpers).
// Run from the repo root: npx vitest run --config client/vitest.config.ts
// Paths (including --outputFile) resolve against client/, whatever the working directory.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  test: {
    environment: 'jsdom',
    include: ['src/**/*.spec.ts'],
    globals: false,
    restoreMocks: true,
    clearMocks: true,
  },
});
