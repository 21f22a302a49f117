/** `berth stop NAME`. */
import { appActionCommand } from '../app-action-command.js';

export const command = appActionCommand('stop', { withPort: false });
