import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, totalmem } from 'node:os';
import { join } from 'node:path';
import { TOOL_LIMITS } from '../../../server/src/core/limits';
import { BOUNDS } from './bounds';
import { ROOT, type Corpus, type FuzzInput } from './corpus';
import type { FuzzSettings } from './prng';

/** Where the suite writes its figures; scripts/reliability-report.mjs renders docs/reliability.md from it. */
export const SUMMARY_PATH = join(ROOT, 'test-results/fuzz-summary.json');

export interface Worst {
  readonly input: string;
  readonly category: string;
  readonly chars: number;
  readonly value: number;
}

export interface Violation {
  readonly part: 'core' | 'cli' | 'server';
  readonly input: string;
  readonly category: string;
  readonly problems: readonly string[];
}

/** Keeps the `size` largest values. */
export class TopList {
  readonly items: Worst[] = [];
  constructor(private readonly size = 5) {}
  add(input: Pick<FuzzInput, 'name' | 'category' | 'text'> | { name: string; category: string; text: { length: number } }, value: number): void {
    if (!Number.isFinite(value)) return;
    this.items.push({ input: input.name, category: input.category, chars: input.text.length, value: Math.round(value * 10) / 10 });
    this.items.sort((a, b) => b.value - a.value);
    this.items.length = Math.min(this.items.length, this.size);
  }
  get max(): number {
    return this.items[0]?.value ?? 0;
  }
}

export interface PartFigures {
  completed: boolean;
  inputs: number;
  readonly time: TopList;
  readonly memory: TopList;
  notes: Record<string, number | string>;
}

export class Summary {
  readonly violations: Violation[] = [];
  readonly parts: Record<'core' | 'cli' | 'server', PartFigures> = {
    core: { completed: false, inputs: 0, time: new TopList(), memory: new TopList(), notes: {} },
    cli: { completed: false, inputs: 0, time: new TopList(), memory: new TopList(), notes: {} },
    server: { completed: false, inputs: 0, time: new TopList(), memory: new TopList(), notes: {} },
  };
  private readonly started = Date.now();

  constructor(private readonly settings: FuzzSettings, private readonly corpus: Corpus) {}

  violation(part: Violation['part'], input: Pick<FuzzInput, 'name' | 'category'>, problems: readonly string[]): void {
    if (problems.length > 0) this.violations.push({ part, input: input.name, category: input.category, problems: problems.slice(0, 10) });
  }

  write(): void {
    const byCategory: Record<string, number> = {};
    for (const i of this.corpus.inputs) byCategory[i.category] = (byCategory[i.category] ?? 0) + 1;
    const part = (p: PartFigures) => ({ completed: p.completed, inputs: p.inputs, worstTime: p.time.items, worstMemory: p.memory.items, ...p.notes });
    const summary = {
      producedAt: new Date().toISOString(),
      durationS: Math.round((Date.now() - this.started) / 100) / 10,
      seed: this.settings.seed,
      iterations: this.settings.iterations,
      reproduce: `FUZZ_SEED=${this.settings.seed} FUZZ_ITERATIONS=${this.settings.iterations} node scripts/test.mjs fuzz`,
      environment: { node: process.version, platform: `${process.platform} ${process.arch}`, cores: availableParallelism(), memoryGb: Math.round(totalmem() / 2 ** 30) },
      limits: TOOL_LIMITS,
      bounds: BOUNDS,
      corpus: {
        inputs: this.corpus.inputs.length,
        chars: this.corpus.inputs.reduce((n, i) => n + i.text.length, 0),
        byCategory,
        yamlTestSuite: this.corpus.yamlTestSuite,
        seedDesigns: this.corpus.seedDesigns.map((s) => s.name),
        hostile: this.corpus.inputs.filter((i) => i.category === 'hostile').map((i) => i.name),
      },
      core: part(this.parts.core),
      cli: part(this.parts.cli),
      server: part(this.parts.server),
      violations: this.violations.slice(0, 100),
      violationCount: this.violations.length,
    };
    mkdirSync(join(ROOT, 'test-results'), { recursive: true });
    writeFileSync(SUMMARY_PATH, `${JSON.stringify(summary, null, 2)}\n`);
  }
}
