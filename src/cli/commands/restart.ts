/** `berth restart NAME [--port SPEC]`. */
import { appActionCommand } from '../app-action-command.js';

export const command = appActionCommand('restart', { withPort: true });
