// The few globals the platform-neutral server code (core/, lsp/, protocol/) uses: each exists in
// Node and in a browser Web Worker alike. Declared here instead of pulling in Node's types or the
// DOM, so that the project server/src/tsconfig.json fails on anything only one platform has.
// Only what is used, with the members used.

declare class URL {
  constructor(url: string, base?: string | URL);
  readonly href: string;
  readonly protocol: string;
  readonly pathname: string;
  toString(): string;
}

declare class TextEncoder {
  encode(input?: string): Uint8Array;
}

declare const performance: { now(): number };

declare function setTimeout(handler: () => void, timeout?: number): unknown;
declare function clearTimeout(handle: unknown): void;
