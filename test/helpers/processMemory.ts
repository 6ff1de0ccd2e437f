// Resident memory of a process, from /proc (Linux): the fuzz suite's bound on the server and the
// benchmark's readings of the servers and of an empty Node.js process.
import { readFileSync } from 'node:fs';

export interface ProcessMemory {
  readonly rssMb: number;
  /** The highest resident size so far (VmHWM). */
  readonly peakRssMb: number;
  /** Resident pages backed by files: mostly the node executable's code, the same for any Node process. */
  readonly fileMb: number;
  /** Resident anonymous pages: the JavaScript heap, the C heap, thread stacks. */
  readonly anonMb: number;
}

export function processMemory(pid: number): ProcessMemory {
  return memoryFromStatus(readFileSync(`/proc/${pid}/status`, 'utf8'));
}

/** The memory fields of a /proc/<pid>/status text. */
export function memoryFromStatus(status: string): ProcessMemory {
  const mb = (field: string): number => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN) / 1024;
  return { rssMb: mb('VmRSS'), peakRssMb: mb('VmHWM'), fileMb: mb('RssFile'), anonMb: mb('RssAnon') };
}
