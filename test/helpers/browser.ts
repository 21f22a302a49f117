/**
 * A real browser for dashboard tests: Debian's chromium driven by
 * playwright-core (never `npx playwright install`: these hosts may have no
 * internet). The flags keep it from calling home on a closed network.
 */
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-headless-shell', '/usr/lib/chromium/chromium-headless-shell'];

/** The browser binary, or undefined (BERTH_CHROMIUM overrides the search). */
export function findChromium(): string | undefined {
  const wanted = process.env.BERTH_CHROMIUM;
  if (wanted) return existsSync(wanted) ? wanted : undefined;
  return CANDIDATES.find((file) => existsSync(file));
}

export const CHROMIUM_MISSING = `no chromium at ${CANDIDATES.join(', ')} (apt-get install chromium, or set BERTH_CHROMIUM): the dashboard's browser test did not run`;

export async function launchChromium(executablePath: string): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  // playwright gives every launch a fresh temporary profile of its own.
  return chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
