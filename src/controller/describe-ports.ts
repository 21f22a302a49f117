/** Ports as conditions and events word them: "3000 20000-20001/tcp 20002/udp". */
import type { InstancePorts } from '../ports/types.js';

export function describePorts(ports: InstancePorts): string {
  const parts: string[] = [];
  if (ports.port !== undefined) parts.push(String(ports.port));
  const block = (list: number[], proto: string) =>
    list.length === 0 ? undefined : list.length === 1 ? `${list[0]}/${proto}` : `${list[0]}-${list.at(-1)}/${proto}`;
  for (const part of [block(ports.tcp, 'tcp'), block(ports.udp, 'udp')]) if (part) parts.push(part);
  return parts.join(' ') || 'none';
}
