// Generates src/manifest/generated/validators.cts: the JSON Schemas in
// schemas/ compiled by ajv at build time (ajv's standalone code), so neither
// the controller nor the CLI loads ajv's compiler or spends ~250 ms compiling
// the schemas before the first manifest. Run by `npm run build` with
// --if-stale (a no-op while the stamp in the file's header matches the
// schemas and the ajv version); a test (test/manifest/generated-validators.test.ts)
// checks the committed output is current.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const schemaDir = new URL('../schemas/', import.meta.url);
export const OUTPUT = new URL('../src/manifest/generated/validators.cts', import.meta.url);
/** Options the validators are compiled with: every error, with its schema and data (schema-validator.ts words them). */
const AJV_OPTIONS = { allErrors: true, verbose: true, strict: true, allowUnionTypes: true, code: { source: true } };
const SCHEMAS = { App: 'app.schema.json', PortClaim: 'portclaim.schema.json' };

const schemaText = (file) => readFileSync(new URL(file, schemaDir), 'utf8');

/** What the output depends on: the schemas, the ajv version and these options. */
export function stamp() {
  const hash = createHash('sha256');
  for (const file of Object.values(SCHEMAS)) hash.update(schemaText(file));
  hash.update(require('ajv/package.json').version).update(JSON.stringify(AJV_OPTIONS));
  return hash.digest('hex').slice(0, 16);
}

/** @returns {Promise<string>} the text of validators.cts */
export async function renderValidators() {
  const Ajv2020 = require('ajv/dist/2020').default;
  const standaloneCode = require('ajv/dist/standalone').default;
  const ajv = new Ajv2020(AJV_OPTIONS);
  const refs = {};
  for (const [kind, file] of Object.entries(SCHEMAS)) {
    const schema = JSON.parse(schemaText(file));
    ajv.addSchema(schema);
    refs[kind] = schema.$id;
  }
  const { format } = await import('prettier');
  const code = await format(standaloneCode(ajv, refs), { parser: 'babel', printWidth: 160 });
  return [
    `// Generated from schemas/ by scripts/gen-validators.mjs (npm run build). Do not edit. stamp: ${stamp()}`,
    '// @ts-nocheck',
    code,
  ].join('\n');
}

function currentStamp() {
  try {
    return /stamp: ([0-9a-f]+)/.exec(readFileSync(OUTPUT, 'utf8').slice(0, 300))?.[1];
  } catch {
    return undefined;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!(process.argv.includes('--if-stale') && currentStamp() === stamp())) writeFileSync(OUTPUT, await renderValidators());
}
