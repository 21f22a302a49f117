/** `berth reload NAME [--port SPEC]`. */
import { appActionCommand } from '../app-action-command.js';

export const command = appActionCommand('reload', { withPort: true });
