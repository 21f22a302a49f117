// Summarises a .cpuprofile (node --cpu-prof): self time by function and by
// source file, the top entries, so a missed target names what costs what.
// Usage: node bench/lib/profile-summary.mjs FILE.cpuprofile [top]
import { readFileSync } from 'node:fs';

export function summariseProfile(file, top = 25) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const dt = profile.timeDeltas;
  for (let i = 0; i < profile.samples.length; i++) self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + (dt[i] ?? 0));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const fn = new Map();
  const files = new Map();
  for (const [id, us] of self) {
    const { callFrame: cf } = byId.get(id);
    const where = cf.url ? cf.url.replace(/^file:\/\//, '').replace(/.*node_modules\//, 'nm/').replace(/.*\/dist\//, 'dist/') : '(native)';
    const key = `${cf.functionName || '(anonymous)'} ${where}:${cf.lineNumber + 1}`;
    fn.set(key, (fn.get(key) ?? 0) + us);
    const pkg = where.startsWith('nm/') ? where.split('/').slice(0, where.startsWith('nm/@') ? 3 : 2).join('/') : where;
    files.set(pkg, (files.get(pkg) ?? 0) + us);
  }
  // inclusive time: every function on the sampled stack (once per sample)
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const keyOf = (n) => {
    const cf = n.callFrame;
    const where = cf.url ? cf.url.replace(/^file:\/\//, '').replace(/.*node_modules\//, 'nm/').replace(/.*\/dist\//, 'dist/') : '(native)';
    return `${cf.functionName || '(anonymous)'} ${where}:${cf.lineNumber + 1}`;
  };
  const inclusive = new Map();
  for (const [id, us] of self) {
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const key = keyOf(byId.get(cur));
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + us);
    }
  }
  for (const key of [...inclusive.keys()]) if (/^\((root|program|idle|garbage collector)\)/.test(key) || key.startsWith('(anonymous) (native)')) inclusive.delete(key);
  const fmt = (m) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, us]) => ({ ms: Math.round(us / 1000), pct: Number(((us / total) * 100).toFixed(1)), what: k }));
  return { totalMs: Math.round(total / 1000), byFunction: fmt(fn), byFile: fmt(files), inclusive: fmt(inclusive) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const s = summariseProfile(process.argv[2], Number(process.argv[3] ?? 25));
  console.log(`total sampled: ${s.totalMs} ms`);
  console.log('-- by file/package'); for (const r of s.byFile) console.log(`${String(r.ms).padStart(7)} ms ${String(r.pct).padStart(5)}%  ${r.what}`);
  console.log('-- inclusive (function and what it calls)'); for (const r of s.inclusive) console.log(`${String(r.ms).padStart(7)} ms ${String(r.pct).padStart(5)}%  ${r.what}`);
  console.log('-- by function'); for (const r of s.byFunction) console.log(`${String(r.ms).padStart(7)} ms ${String(r.pct).padStart(5)}%  ${r.what}`);
}
