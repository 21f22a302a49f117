/**
 * Whether output to a stream may carry ANSI colours: only on a terminal, and
 * never when NO_COLOR is set to anything but the empty string (no-color.org).
 *
 * @example useColour(process.stdout) // false in a pipe, or with NO_COLOR=1
 */
export function useColour(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(stream.isTTY) && !env.NO_COLOR;
}
