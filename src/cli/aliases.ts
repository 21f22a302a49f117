/** Other names of commands (kubectl's `get`, PM2's `ls` and `status`), for cli.ts and the bin's own routing of `list`. */
export const ALIASES: Record<string, string> = { ls: 'list', get: 'list', describe: 'info', status: 'list' };
