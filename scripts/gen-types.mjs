// Generates src/manifest/generated/*.ts from schemas/ so the TypeScript input
// types can never drift from the JSON Schema. `npm run gen:types`; a test
// checks the committed output is current.
import { compileFromFile } from 'json-schema-to-typescript';
import { mkdir, writeFile } from 'node:fs/promises';

const outDir = new URL('../src/manifest/generated/', import.meta.url);
await mkdir(outDir, { recursive: true });
const banner = '/* Generated from schemas/ by `npm run gen:types`. Do not edit. */';
for (const [schema, out] of [['app.schema.json', 'app.ts'], ['portclaim.schema.json', 'portclaim.ts']]) {
  const ts = await compileFromFile(new URL(`../schemas/${schema}`, import.meta.url).pathname, {
    bannerComment: banner,
    cwd: new URL('../schemas/', import.meta.url).pathname,
    additionalProperties: false,
    style: { singleQuote: true },
  });
  await writeFile(new URL(out, outDir), ts);
}
