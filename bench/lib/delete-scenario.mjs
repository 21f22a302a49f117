// `berth delete -f FILE` of one file holding many documents (PortClaims, so
// no process start or stop is timed): the file is applied into the watched
// directory of a running controller, which reconciles every claim; then the
// delete is timed until it returns (it waits until the controller has
// removed every claim).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { BerthDriver } from './berth-driver.mjs';
import { apiApps } from './api-poll.mjs';
import { sleep } from './system.mjs';

export function claimsFile(count) {
  return Array.from({ length: count }, (_, i) => ['apiVersion: berth/v1', 'kind: PortClaim', `metadata: {name: claim-${i}}`, 'spec: {tcp: 1}', ''].join('\n')).join('---\n');
}

/**
 * A running controller (started with `nodeArgs`) that holds `count` claims
 * applied from FILE, a file outside its watched directory. The caller
 * deletes, then calls driver.cleanup().
 */
export async function appliedClaims(count, { nodeArgs = [] } = {}) {
  const driver = new BerthDriver({ prefix: 'berth-bench-delete-', nodeArgs });
  try {
    await driver.up();
    const file = path.join(driver.root, 'claims.yaml');
    writeFileSync(file, claimsFile(count));
    const applied = await driver.cli(['apply', '-f', file], { timeoutMs: 600_000 });
    if (applied.code !== 0) throw new Error(`apply failed: ${applied.stderr}`);
    for (;;) {
      const apps = await apiApps(driver.home);
      if (apps?.apps?.length === count) break;
      await sleep(100);
    }
    return { driver, file, applyMs: applied.ms };
  } catch (err) {
    await driver.cleanup();
    throw err;
  }
}

/** Throws unless the controller knows no app or claim any more. */
export async function assertNoClaimsLeft(driver) {
  const left = await apiApps(driver.home);
  if (left?.apps?.length !== 0) throw new Error(`${left?.apps?.length} claims left after delete -f`);
}

export async function deleteManyRun(count = 500) {
  const { driver, file, applyMs } = await appliedClaims(count);
  try {
    const deleted = await driver.cli(['delete', '-f', file], { timeoutMs: 600_000 });
    if (deleted.code !== 0) throw new Error(`delete failed: ${deleted.stderr}`);
    await assertNoClaimsLeft(driver);
    return { count, applyMs, deleteMs: deleted.ms };
  } finally {
    await driver.cleanup();
  }
}
