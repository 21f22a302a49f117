// The TypeScript input types are generated from schemas/: this fails when
// someone edits a schema and forgets `npm run gen:types`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

const root = new URL('../../../', import.meta.url);

test('src/manifest/generated/ is current with schemas/', async () => {
  const script = new URL('scripts/gen-types.mjs', root).href;
  const { renderGeneratedTypes } = (await import(script)) as { renderGeneratedTypes: () => Promise<Map<string, string>> };
  for (const [file, expected] of await renderGeneratedTypes()) {
    assert.equal(await readFile(new URL(`src/manifest/generated/${file}`, root), 'utf8'), expected, `${file} is stale: run \`npm run gen:types\``);
  }
});
