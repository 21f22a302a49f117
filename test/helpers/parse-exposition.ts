/**
 * A strict reader of the Prometheus text format for tests: every sample must
 * belong to a family declared by HELP and TYPE lines before it, label values
 * must be well quoted, values must parse. Throws on anything else.
 */
export interface ParsedSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface ParsedFamily {
  name: string;
  help: string;
  type: string;
  samples: ParsedSample[];
}

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})? (\S+)$/;

function parseLabels(text: string): Record<string, string> {
  const labels: Record<string, string> = {};
  let rest = text;
  while (rest.length > 0) {
    const match = /^([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"(,|$)/.exec(rest);
    if (!match) throw new Error(`bad labels: {${text}}`);
    labels[match[1]!] = match[2]!.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
    rest = rest.slice(match[0].length);
  }
  return labels;
}

function parseValue(text: string): number {
  if (text === '+Inf') return Infinity;
  if (text === '-Inf') return -Infinity;
  if (text === 'NaN') return NaN;
  const value = Number(text);
  if (Number.isNaN(value)) throw new Error(`bad value: ${text}`);
  return value;
}

/** The family a sample name belongs to: itself, or a histogram's name without _bucket/_sum/_count. */
function familyOf(families: Map<string, ParsedFamily>, name: string): ParsedFamily | undefined {
  if (families.has(name)) return families.get(name);
  const base = name.replace(/_(bucket|sum|count)$/, '');
  const family = families.get(base);
  return family?.type === 'histogram' ? family : undefined;
}

export function parseExposition(text: string): Map<string, ParsedFamily> {
  if (text.length > 0 && !text.endsWith('\n')) throw new Error('exposition must end with a newline');
  const families = new Map<string, ParsedFamily>();
  for (const line of text.split('\n').filter(Boolean)) {
    const help = /^# HELP (\S+) (.*)$/.exec(line);
    if (help) {
      if (families.has(help[1]!)) throw new Error(`family ${help[1]} declared twice`);
      families.set(help[1]!, { name: help[1]!, help: help[2]!, type: '', samples: [] });
      continue;
    }
    const type = /^# TYPE (\S+) (counter|gauge|histogram|summary|untyped)$/.exec(line);
    if (type) {
      const family = families.get(type[1]!);
      if (!family || family.type) throw new Error(`TYPE without HELP, or twice: ${line}`);
      family.type = type[2]!;
      continue;
    }
    const sample = SAMPLE.exec(line);
    if (!sample) throw new Error(`bad line: ${line}`);
    const family = familyOf(families, sample[1]!);
    if (!family || !family.type) throw new Error(`sample of an undeclared family: ${line}`);
    family.samples.push({ name: sample[1]!, labels: sample[3] ? parseLabels(sample[3]) : {}, value: parseValue(sample[4]!) });
  }
  return families;
}
