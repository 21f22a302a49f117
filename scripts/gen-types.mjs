// Generates src/manifest/generated/*.ts from schemas/ so the TypeScript input
// types can never drift from the JSON Schema. `npm run gen:types`; a test
// (test/manifest/generated-types.test.ts) checks the committed output is current.
import { compileFromFile } from 'json-schema-to-typescript';
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const schemaDir = new URL('../schemas/', import.meta.url);
const outDir = new URL('../src/manifest/generated/', import.meta.url);
export const GENERATED = [['app.schema.json', 'app.ts'], ['portclaim.schema.json', 'portclaim.ts']];

/** @returns {Promise<Map<string, string>>} generated file name → text */
export async function renderGeneratedTypes() {
  const out = new Map();
  for (const [schema, file] of GENERATED) {
    out.set(file, await compileFromFile(fileURLToPath(new URL(schema, schemaDir)), {
      bannerComment: '/* Generated from schemas/ by `npm run gen:types`. Do not edit. */',
      cwd: fileURLToPath(schemaDir),
      additionalProperties: false,
      style: { singleQuote: true },
    }));
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await mkdir(outDir, { recursive: true });
  for (const [file, text] of await renderGeneratedTypes()) await writeFile(new URL(file, outDir), text);
}
