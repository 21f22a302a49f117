/** `berth completion bash`: `source <(berth completion bash)` in ~/.bashrc. */
import { OUTPUT_VALUES, PATH_OPTIONS, type CompletionCommand } from './completion-model.js';

const flags = (c: CompletionCommand) => c.options.flatMap((o) => [`--${o.long}`, ...(o.short ? [`-${o.short}`] : [])]).join(' ');
const names = (c: CompletionCommand) => [c.name, ...c.aliases].join('|');

export function bashCompletion(commands: CompletionCommand[]): string {
  const pathFlags = PATH_OPTIONS.map((o) => `--${o}`).concat('-f').join('|');
  return `# berth completion for bash. Load it with: source <(berth completion bash)
_berth_targets() {
  local home="" i
  for ((i=1; i<COMP_CWORD; i++)); do [[ "\${COMP_WORDS[i]}" == --home ]] && home="\${COMP_WORDS[i+1]}"; done
  local rows
  rows=$(berth \${home:+--home "$home"} list -o name 2>/dev/null)
  printf '%s\\n' all $rows $(printf '%s\\n' $rows | sed 's,/.*,,' | sort -u)
}

_berth() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}" cmd="" i
  for ((i=1; i<COMP_CWORD; i++)); do
    case "\${COMP_WORDS[i]}" in
      --home) ((i++)) ;;
      -*) ;;
      *) cmd="\${COMP_WORDS[i]}"; break ;;
    esac
  done
  if [[ -z "$cmd" ]]; then
    COMPREPLY=($(compgen -W "${commands.flatMap((c) => [c.name, ...c.aliases]).join(' ')} --help --version --home" -- "$cur"))
    return
  fi
  case "$prev" in
    -o|--output) COMPREPLY=($(compgen -W "${OUTPUT_VALUES.join(' ')}" -- "$cur")); return ;;
    ${pathFlags}) COMPREPLY=($(compgen -f -- "$cur")); return ;;
  esac
  if [[ "$cur" == -* ]]; then
    case "$cmd" in
${commands.map((c) => `      ${names(c)}) COMPREPLY=($(compgen -W "${flags(c)}" -- "$cur")) ;;`).join('\n')}
    esac
    return
  fi
  case "$cmd" in
    ${commands.filter((c) => c.targets).map(names).join('|')}) COMPREPLY=($(compgen -W "$(_berth_targets)" -- "$cur")) ;;
    completion) COMPREPLY=($(compgen -W "bash zsh fish" -- "$cur")) ;;
    *) COMPREPLY=($(compgen -f -- "$cur")) ;;
  esac
}
complete -F _berth berth
`;
}
