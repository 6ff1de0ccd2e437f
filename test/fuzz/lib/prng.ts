/**
 * A small seeded PRNG (mulberry32): the same seed gives the same inputs on every machine,
 * so a failure is reproduced by re-running with the seed the suite printed.
 */
export class Prng {
  private state: number;

  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  /** An independent generator derived from this one (so adding inputs to one category does not reshuffle another). */
  fork(label: string): Prng {
    let h = this.seed ^ 0x9e3779b9;
    for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x85ebca6b) >>> 0;
    return new Prng(h >>> 0);
  }
}

/** The default seed: fixed, so CI runs are reproducible. `FUZZ_SEED=random` draws a fresh one. */
export const DEFAULT_SEED = 20_251_125;
/** Random mutations of the example designs (random inputs are a quarter of this). */
export const DEFAULT_ITERATIONS = 600;

export interface FuzzSettings {
  readonly seed: number;
  readonly iterations: number;
}

export function fuzzSettings(env: NodeJS.ProcessEnv = process.env): FuzzSettings {
  const rawSeed = env.FUZZ_SEED?.trim();
  let seed = DEFAULT_SEED;
  if (rawSeed === 'random') seed = Math.floor(Math.random() * 2 ** 31);
  else if (rawSeed) {
    seed = Number(rawSeed);
    if (!Number.isSafeInteger(seed) || seed < 0) throw new Error(`FUZZ_SEED must be a whole number of 0 or more, or 'random'; got '${rawSeed}'.`);
  }
  const rawIterations = env.FUZZ_ITERATIONS?.trim();
  const iterations = rawIterations ? Number(rawIterations) : DEFAULT_ITERATIONS;
  if (!Number.isSafeInteger(iterations) || iterations < 0) throw new Error(`FUZZ_ITERATIONS must be a whole number of 0 or more; got '${rawIterations}'.`);
  return { seed, iterations };
}
