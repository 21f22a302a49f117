/** `berth completion zsh`: `source <(berth completion zsh)`, or save it as _berth in $fpath. */
import { OUTPUT_VALUES, PATH_OPTIONS, type CompletionCommand } from './completion-model.js';

const quote = (text: string) => `'${text.replace(/'/g, `'\\''`).replace(/:/g, '\\:')}'`;

export function zshCompletion(commands: CompletionCommand[]): string {
  const described = commands.flatMap((c) => [c.name, ...c.aliases].map((n) => quote(`${n}:${c.description}`)));
  const flags = (c: CompletionCommand) => c.options.flatMap((o) => [`--${o.long}`, ...(o.short ? [`-${o.short}`] : [])]).join(' ');
  return `#compdef berth
# berth completion for zsh. Load it with: source <(berth completion zsh)
_berth() {
  local -a commands
  commands=(${described.join(' ')})
  local i cmd=""
  for ((i = 2; i < CURRENT; i++)); do
    case $words[i] in
      --home) ((i++)) ;;
      -*) ;;
      *) cmd=$words[i]; break ;;
    esac
  done
  if [[ -z $cmd ]]; then
    _describe 'command' commands
    return
  fi
  case $words[CURRENT-1] in
    -o|--output) compadd -- ${OUTPUT_VALUES.join(' ')}; return ;;
    ${PATH_OPTIONS.map((o) => `--${o}`).concat('-f').join('|')}) _files; return ;;
  esac
  if [[ $PREFIX == -* ]]; then
    case $cmd in
${commands.map((c) => `      ${[c.name, ...c.aliases].join('|')}) compadd -- ${flags(c)} ;;`).join('\n')}
    esac
    return
  fi
  case $cmd in
    ${commands.filter((c) => c.targets).flatMap((c) => [c.name, ...c.aliases]).join('|')})
      local -a rows
      rows=(\${(f)"$(berth list -o name 2>/dev/null)"})
      compadd -- all $rows \${(u)rows%%/*} ;;
    completion) compadd -- bash zsh fish ;;
    *) _files ;;
  esac
}
if [[ $funcstack[1] == _berth ]]; then
  _berth "$@"
else
  compdef _berth berth
fi
`;
}
