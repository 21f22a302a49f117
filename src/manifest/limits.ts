/** Bounds the schema sets (schemas/app.schema.json), for checks made outside it. */

/** spec.instances: at most this many (a typo must not fork 100000 processes on a shared host). */
export const MAX_INSTANCES = 10_000;
