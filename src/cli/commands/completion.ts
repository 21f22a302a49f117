/** `berth completion bash|zsh|fish`: a completion script built from the command table. */
import type { Command } from '../command.js';
import { UsageError } from '../../errors.js';
import { completionModel } from '../completion/completion-model.js';
import { bashCompletion } from '../completion/bash.js';
import { zshCompletion } from '../completion/zsh.js';
import { fishCompletion } from '../completion/fish.js';
import { examplesHelp } from '../format/examples.js';

const SHELLS = { bash: bashCompletion, zsh: zshCompletion, fish: fishCompletion } as const;

export const command: Command = {
  name: 'completion',
  summary: 'Print a shell completion script: commands, flags, -o values, and app names and NAME/INDEX from `berth list`.',
  usage: 'berth completion bash|zsh|fish',
  help: examplesHelp(['source <(berth completion bash)          # in ~/.bashrc', 'source <(berth completion zsh)           # in ~/.zshrc', 'berth completion fish > ~/.config/fish/completions/berth.fish']),
  options: {},
  async run({ positionals }, ctx) {
    const shell = positionals[0] as keyof typeof SHELLS | undefined;
    if (positionals.length !== 1 || !shell || !(shell in SHELLS)) throw new UsageError('completion takes one shell: bash, zsh or fish');
    const { COMMANDS, ALIASES } = await import('../cli.js');
    ctx.out(SHELLS[shell](await completionModel(COMMANDS, ALIASES)).trimEnd());
    return 0;
  },
};
