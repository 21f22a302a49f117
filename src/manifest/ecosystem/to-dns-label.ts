/**
 * App names: berth's are DNS-1123 labels (they become file and log names),
 * PM2's and PMDaemon's are free text. A name that is not a label is turned
 * into the nearest one rather than rejected, so a config that worked there
 * converts.
 */

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const MAX_LENGTH = 63;

export function isDnsLabel(name: string): boolean {
  return name.length <= MAX_LENGTH && DNS_LABEL.test(name);
}

/**
 * Lower case, accents dropped, every run of other characters one '-',
 * no '-' at either end, at most 63 characters. May return '' (e.g. for "!!").
 *
 * @example toDnsLabel('Web_App') === 'web-app'; toDnsLabel('API Server (v2)') === 'api-server-v2'
 */
export function toDnsLabel(name: string): string {
  const label = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return label.slice(0, MAX_LENGTH).replace(/-+$/, '');
}
