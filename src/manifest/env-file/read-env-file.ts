/**
 * Reads a user-named env file without ever blocking: opened O_NONBLOCK (a
 * FIFO named as an env file must not hang a thread waiting for a writer),
 * then refused unless it is a regular file of a sane size without NUL bytes
 * (no environment variable can hold one).
 */
import { constants, open } from 'node:fs/promises';

/** Env files are small; a bigger one is a mistake (a log or a dump named by accident). */
export const MAX_ENV_FILE_BYTES = 1024 * 1024;

/** Why an env file cannot be used; the message is the part after "spec.envFile: ". */
export class EnvFileError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = 'EnvFileError';
  }
}

/**
 * @example const text = await readEnvFile('/srv/web/.env');
 * @throws EnvFileError "cannot read /srv/web/.env: ENOENT", "... is not a regular file", "... contains a NUL byte"
 */
export async function readEnvFile(file: string): Promise<string> {
  let handle;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    throw new EnvFileError(file, `cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new EnvFileError(file, `${file} is not a regular file`);
    if (info.size > MAX_ENV_FILE_BYTES) throw new EnvFileError(file, `${file} is ${(info.size / MAX_ENV_FILE_BYTES).toFixed(1)} MiB; an env file may be at most 1 MiB`);
    const bytes = await handle.readFile();
    if (bytes.includes(0)) throw new EnvFileError(file, `${file} contains a NUL byte, which no environment variable can hold`);
    return bytes.toString('utf8');
  } catch (err) {
    if (err instanceof EnvFileError) throw err;
    throw new EnvFileError(file, `cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  } finally {
    await handle.close();
  }
}
