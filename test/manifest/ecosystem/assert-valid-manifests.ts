/**
 * Test helper: what the converter produces must be a manifest berth itself
 * accepts, so each one goes through YAML and parseManifestText, as
 * `berth apply` will put it.
 */
import assert from 'node:assert/strict';
import { stringify } from 'yaml';
import { parseManifestText } from '../../../src/manifest/parse-manifest-text.js';
import type { AppManifest } from '../../../src/manifest/generated/app.js';
import type { AppResource } from '../../../src/manifest/types.js';

export function assertValidManifests(manifests: AppManifest[]): AppResource[] {
  return manifests.map((manifest) => {
    const text = stringify(manifest);
    const { resources, errors } = parseManifestText(text, '/srv/manifests/converted.yaml');
    assert.deepEqual(errors.map((e) => e.message), [], `not a valid manifest:\n${text}`);
    assert.equal(resources.length, 1);
    return resources[0] as AppResource;
  });
}
