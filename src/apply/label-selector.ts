/**
 * Label selectors (`-l k=v,k2=v2`), as kubectl reads them: every pair must
 * match. Its own small module because `berth list -l` needs it, and `list`
 * must not load the manifest loader (yaml, croner) that plan-apply.ts pulls in.
 */
import { UsageError } from '../errors.js';

/** @example matchesSelector({tier: 'web', team: 'a'}, {tier: 'web'}) // true */
export function matchesSelector(labels: Record<string, string>, selector: Record<string, string>): boolean {
  return Object.entries(selector).every(([k, v]) => labels[k] === v);
}

/** Parses `-l k=v,k2=v2`. @example parseSelector('tier=web,team=a') // {tier: 'web', team: 'a'} */
export function parseSelector(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const eq = part.indexOf('=');
    if (eq <= 0) throw new UsageError(`invalid label selector "${part}": expected key=value`);
    out[part.slice(0, eq)] = part.slice(eq + 1);
  }
  return out;
}
