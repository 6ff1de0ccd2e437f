// CONTRIBUTING.md and docs/architecture.md name files and folders; each must exist, so the guide
// stays true as the code moves. A name with a placeholder (`paths/<path>/`) must have its fixed part.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const ROOT = join(__dirname, '../..');
const GUIDES = ['CONTRIBUTING.md', 'docs/architecture.md'];
/** Top-level names every repository-relative path in the guides starts with. */
const TOP = /^(server|client|test|scripts|bench|docs|examples|syntaxes|snippets|package\.json|README\.md|CONTRIBUTING\.md)(\/|$)/;

/** Repository paths written in backticks, as written. */
function namedPaths(markdown: string): string[] {
  return [...markdown.matchAll(/`([^`\s]+)`/g)].map((m) => m[1]).filter((token) => TOP.test(token));
}

/** Paths inside a guide's folder (`lsp/diagnostics.ts` in docs/architecture.md) are resolved from server/src or server/src/core. */
function shortPaths(markdown: string): string[] {
  return [...markdown.matchAll(/`((?:lsp|node|cli|protocol|core|artifacts|walkthrough|decision|rules|paths|model|schema|editing|yamlEdit|knowledge|format)\/[^`\s]*)`/g)].map((m) => m[1]);
}

const exists = (path: string) => existsSync(join(ROOT, path.replace(/<[^>]+>.*$/, '')));

describe('the contributor guides name what exists', () => {
  for (const guide of GUIDES) {
    const text = readFileSync(join(ROOT, guide), 'utf8');
    it(`${guide}: every file and folder it names exists`, () => {
      const named = namedPaths(text);
      assert.ok(named.length > 10, 'the guide names paths (the check sees them)');
      assert.deepEqual(named.filter((p) => !exists(p)), []);
    });
    it(`${guide}: every short path resolves under server/src or server/src/core`, () => {
      const missing = shortPaths(text).filter((p) => !exists(`server/src/${p}`) && !exists(`server/src/core/${p}`));
      assert.deepEqual(missing, []);
    });
  }

  it('the check notices a path that does not exist', () => {
    assert.deepEqual(namedPaths('see `server/src/core/nowhere.ts` and `x`').filter((p) => !exists(p)), ['server/src/core/nowhere.ts']);
  });
});
