// Loaded through system.mjs, which every benchmark imports before it starts
// anything: takes out of the environment what makes every Node process on
// this machine pay for work a plain host does not do, so that the floor,
// berth and PM2 are measured as a user's host would run them. Every child
// inherits process.env, so removing it here reaches all three alike.
//
// NODE_EXTRA_CA_CERTS: node reads and parses the named certificate bundle
// while it starts, before any code runs. This VM points it at the whole
// system bundle (~140 certificates): measured here, a bare `node -e 0` takes
// ~80 ms with it and ~30 ms without, and every Node process holds ~1.1 MB
// more private memory. That ~50 ms lands on the floor and on berth alike and
// made every ratio to a Node floor look closer to 1 than it is.
//
// BENCH_KEEP_ENV=1 keeps the environment as it is.
const UNPLAIN = ['NODE_EXTRA_CA_CERTS'];

/** What was taken out of the environment for this run (machine info in RESULTS.md). */
export const removedEnv = process.env.BENCH_KEEP_ENV === '1' ? [] : UNPLAIN.filter((name) => process.env[name] !== undefined);
for (const name of removedEnv) delete process.env[name];
