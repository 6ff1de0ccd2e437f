/**
 * The floor: the bare `yaml` parse (parseDocument) of one file, timed in a fresh process so
 * the benchmark's own garbage does not land in it. Warms up, then samples for at least 25 runs
 * and 500 ms; prints the median in ms.   node --import tsx bench/parseFloor.ts <file>
 */
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { median } from './stats';

export const MIN_RUNS = 25;
export const MIN_SAMPLING_MS = 500;

function parseFloorMs(text: string): number {
  for (let i = 0; i < 5; i++) parseDocument(text);
  const runs: number[] = [];
  const started = performance.now();
  while (runs.length < MIN_RUNS || (performance.now() - started < MIN_SAMPLING_MS && runs.length < 5_000)) {
    const t = performance.now();
    parseDocument(text);
    runs.push(performance.now() - t);
  }
  return median(runs);
}

if (require.main === module) {
  process.stdout.write(`${parseFloorMs(readFileSync(process.argv[2], 'utf8'))}\n`);
}
