/** `envFile`: dotenv files parsed as `node --env-file` does, read safely, merged under spec.env. */
export { parseDotenv } from './parse-dotenv.js';
export { EnvFileError, MAX_ENV_FILE_BYTES, readEnvFile } from './read-env-file.js';
export { resolveAllEnvFiles, resolveEnvFiles, withEnvFiles, type EnvFileReader } from './resolve-env-files.js';
