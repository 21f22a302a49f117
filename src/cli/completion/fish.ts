/** `berth completion fish`: `berth completion fish > ~/.config/fish/completions/berth.fish`. */
import { OUTPUT_VALUES, PATH_OPTIONS, type CompletionCommand } from './completion-model.js';

const quote = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

export function fishCompletion(commands: CompletionCommand[]): string {
  const lines = ['# berth completion for fish. Save it: berth completion fish > ~/.config/fish/completions/berth.fish', 'complete -c berth -f'];
  const all = commands.flatMap((c) => [c.name, ...c.aliases]).join(' ');
  for (const c of commands) {
    for (const name of [c.name, ...c.aliases]) lines.push(`complete -c berth -n 'not __fish_seen_subcommand_from ${all}' -a ${name} -d ${quote(c.description)}`);
    const when = `-n '__fish_seen_subcommand_from ${[c.name, ...c.aliases].join(' ')}'`;
    for (const o of c.options) {
      const value = o.long === 'output' ? ` -xa '${OUTPUT_VALUES.join(' ')}'` : PATH_OPTIONS.includes(o.long) || o.long === 'filename' ? ' -rF' : o.value ? ' -r' : '';
      lines.push(`complete -c berth ${when} -l ${o.long}${o.short ? ` -s ${o.short}` : ''}${value}`);
    }
  }
  const targets = commands.filter((c) => c.targets).flatMap((c) => [c.name, ...c.aliases]).join(' ');
  lines.push(`complete -c berth -n '__fish_seen_subcommand_from ${targets}' -a '(berth list -o name 2>/dev/null; berth list -o name 2>/dev/null | string replace -r "/.*" "" | sort -u; echo all)'`);
  lines.push(`complete -c berth -n '__fish_seen_subcommand_from completion' -a 'bash zsh fish'`);
  return `${lines.join('\n')}\n`;
}
