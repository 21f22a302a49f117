/**
 * The targets of an action, as PM2 and kubectl users write them: app names
 * (`web api`), one instance (`web/2`), kubectl's `app/web`, `all`, or a
 * label selector (`-l tier=web`). Names are checked before anything is done,
 * so a typo changes nothing.
 */
import type { AppSummary } from '../api/api-types.js';
import { matchesSelector, parseSelector } from '../apply/label-selector.js';
import { NotFoundError, UsageError } from '../errors.js';

export interface Target {
  app: string;
  /** Set for NAME/INDEX: one instance. */
  instance?: number;
}

const NAME = '[a-z0-9](?:[-a-z0-9]*[a-z0-9])?';
const TARGET = new RegExp(`^(?:(?:app|portclaim)/)?(${NAME})(?:/([0-9]+))?$`);

/** True when a word reads as a target (so `berth start WORD` acts rather than runs a command). */
export function isTargetWord(word: string): boolean {
  return word === 'all' || TARGET.test(word);
}

/**
 * @example parseTarget('web/2') → {app: 'web', instance: 2}; parseTarget('app/web') → {app: 'web'}
 * @throws UsageError for anything else
 */
export function parseTarget(word: string): Target {
  const match = TARGET.exec(word);
  if (!match) throw new UsageError(`"${word}" is not an app name, NAME/INDEX or all`);
  return match[2] === undefined ? { app: match[1]! } : { app: match[1]!, instance: Number(match[2]) };
}

export interface TargetRequest {
  words: string[];
  selector?: string;
  verb: string;
  /** Which kinds `all` and -l select (actions: App; delete: both). */
  kinds?: readonly AppSummary['kind'][];
  /** Whether NAME/INDEX is allowed. */
  instances?: boolean;
}

/**
 * Resolves words and selector against the apps that exist, in the order
 * given (all and -l: by name), without duplicates.
 *
 * @example await resolveTargets({words: ['all'], verb: 'restart'}, () => client.listApps().then((o) => o.apps))
 */
export async function resolveTargets(request: TargetRequest, listApps: () => Promise<AppSummary[]>): Promise<Target[]> {
  const { words, selector, verb, kinds = ['App'], instances = true } = request;
  if (words.length === 0 && selector === undefined) throw new UsageError(`${verb} needs app names, NAME/INDEX, all or -l key=value`);
  if (selector !== undefined && words.length > 0) throw new UsageError(`${verb}: give app names or -l key=value, not both`);
  const apps = await listApps();
  const known = new Map(apps.map((a) => [a.name, a]));
  const targets: Target[] = [];
  const seen = new Set<string>();
  const add = (target: Target) => {
    const key = `${target.app}/${target.instance ?? '*'}`;
    if (!seen.has(key)) targets.push(target);
    seen.add(key);
  };
  if (selector !== undefined) {
    const wanted = parseSelector(selector);
    for (const app of apps) if (kinds.includes(app.kind) && matchesSelector(app.labels, wanted)) add({ app: app.name });
    return targets;
  }
  for (const word of words) {
    if (word === 'all') {
      for (const app of apps) if (kinds.includes(app.kind)) add({ app: app.name });
      continue;
    }
    const target = parseTarget(word);
    if (target.instance !== undefined && !instances) throw new UsageError(`${verb} takes app names, not instances ("${word}"); to run fewer instances use \`berth scale ${target.app} N\``);
    if (!known.has(target.app)) throw new NotFoundError(`app "${target.app}"`);
    add(target);
  }
  return targets;
}

/** How a target is named in messages: web, web/2. */
export function targetName(target: Target): string {
  return target.instance === undefined ? target.app : `${target.app}/${target.instance}`;
}
