// The guard of the web bundles (scripts/build.mjs): an esbuild plugin that fails the build when
// any module in a bundle imports a Node built-in, whether written `node:fs` or `fs`, and even
// when esbuild alone would quietly resolve it to an npm look-alike (`buffer`, `punycode`,
// `string_decoder` are installed as transitive dependencies) or to an empty module (a
// dependency's package.json "browser": { "fs": false }); and when a module uses a Node global
// (`process.env`, `Buffer.from`, `__dirname`, `setImmediate`) without testing for it first.
// test/unit/buildGuard.test.ts shows what esbuild alone lets through and what this stops.
//
//   build({ platform: 'browser', plugins: [noNodeBuiltins({ allow: { fs: /some-lib/ } })], … })
//
// `allow` maps a built-in name to a RegExp of importer paths for which it is tolerated (use for
// a dependency that only requires it behind a runtime check and maps it away for browsers).
import { readFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';

const BUILTINS = new Set(builtinModules.flatMap((name) => [name, name.split('/')[0]]));

/** 'node:fs/promises' → 'fs'; 'fs/promises' → 'fs'; 'lodash' → undefined. */
export function builtinName(path) {
  const bare = path.startsWith('node:') ? path.slice(5) : path;
  const top = bare.split('/')[0];
  if (path.startsWith('node:') || BUILTINS.has(bare) || BUILTINS.has(top)) return top;
  return undefined;
}

/**
 * Node globals a web bundle must not use unguarded. A heuristic on source text (comments
 * stripped): a use counts unless the same file tests `typeof <global>` or declares its own.
 */
const NODE_GLOBALS = [
  { name: '__dirname', use: /(?<![\w$.'"`])__dirname\b/, guard: null },
  { name: '__filename', use: /(?<![\w$.'"`])__filename\b/, guard: null },
  { name: 'process', use: /(?<![\w$.'"`])process\s*\.\s*(env|argv|cwd|exit|platform|versions|nextTick|on|stdout|stderr|hrtime|memoryUsage|execPath)\b/, guard: /typeof\s+process\b/ },
  { name: 'Buffer', use: /(?<![\w$.'"`])Buffer\s*\.\s*(from|alloc|allocUnsafe|isBuffer|concat|byteLength)\b/, guard: /typeof\s+Buffer\b/ },
  // A call, not a method definition (`setImmediate(callback) {` in vscode-jsonrpc's browser RIL).
  { name: 'setImmediate', use: /(?<![\w$.'"`])setImmediate\s*\((?![^)]*\)\s*\{)/, guard: /typeof\s+setImmediate\b/ },
];

function stripComments(text) {
  // Keeps the line breaks, so reported line numbers stay right.
  return text.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, '')).replace(/(^|[\s;{}()])\/\/.*$/gm, '$1');
}

/** [{ global, line }] for each unguarded Node global in `text`. */
export function unguardedNodeGlobals(text) {
  const code = stripComments(text);
  const found = [];
  for (const g of NODE_GLOBALS) {
    if (g.guard?.test(code)) continue;
    // A file that defines or imports its own (a polyfill, e.g. mocha's browser build, or
    // `import { Buffer } from 'buffer'`, which the import check handles) is not using Node's global.
    if (new RegExp(`(?:function|var|let|const|class)\\s+${g.name}\\b|import\\s*\\{[^}]*\\b${g.name}\\b[^}]*\\}|import\\s+${g.name}\\b`).test(code)) continue;
    const match = g.use.exec(code);
    if (match) found.push({ global: g.name, line: code.slice(0, match.index).split('\n').length, excerpt: match[0] });
  }
  return found;
}

export function noNodeBuiltins({ allow = {}, globals = true } = {}) {
  return {
    name: 'no-node-builtins',
    setup(build) {
      if (globals) {
        build.onLoad({ filter: /\.[cm]?[jt]sx?$/ }, async (args) => {
          const found = unguardedNodeGlobals(await readFile(args.path, 'utf8'));
          if (found.length === 0) return undefined; // esbuild loads the file as usual
          return {
            errors: found.map((f) => ({
              text: `Node global "${f.global}" used in a web bundle (${f.excerpt})`,
              location: { file: args.path, line: f.line, column: 0 },
              notes: [{ text: `Guard it with typeof ${f.global}, or keep this module out of web bundles.` }],
            })),
          };
        });
      }
      // Every import path is offered to onResolve before esbuild resolves it (or applies a
      // "browser" field mapping), so this sees every import of a built-in in the bundle.
      build.onResolve({ filter: /^[a-z_:][\w./:-]*$/ }, (args) => {
        const name = builtinName(args.path);
        if (name === undefined) return undefined;
        if (allow[name]?.test(args.importer)) return undefined;
        return {
          errors: [{
            text: `Node built-in "${args.path}" imported by a web bundle`,
            detail: { importer: args.importer, builtin: name },
            notes: [{ text: `Imported from ${args.importer}. Web bundles run in a browser Web Worker: no Node built-ins. Move the Node-only code behind an interface, or allow it explicitly (allow: { ${name}: /importer/ }).` }],
          }],
        };
      });
    },
  };
}

/**
 * The second check, on a finished build's metafile: no input may be an npm stand-in for a
 * built-in or a module that a "browser" field disabled (esbuild lists those as "(disabled):…").
 */
export function nodeLeftoversIn(metafile) {
  const suspicious = [];
  for (const [input, info] of Object.entries(metafile.inputs)) {
    if (input.startsWith('(disabled):')) suspicious.push(`${input} (a "browser" field mapped it to an empty module)`);
    for (const imp of info.imports ?? []) {
      if (imp.external && builtinName(imp.path)) suspicious.push(`${input} imports external built-in "${imp.path}"`);
    }
  }
  return suspicious;
}
