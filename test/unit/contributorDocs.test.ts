// CONTRIBUTING.md and docs/architecture.md name files and folders; each must exist, so the guide
// stays true as the code moves. A name with a placeholder (`paths/<path>/`) must have its fixed part.
// A code name placed in a file (`name` (`file`), or `file` (`name`, `name`)) must be in that file.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
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

const NAME = '[A-Za-z_$][\\w$.]*(?:\\([^`]*\\))?';
const NAMES = `((?:\`${NAME}\`(?:, | and | or )?)+)`;
const PLACE = '`([^`\\s<]*/[^`\\s<]*)`';

/** [names, file] pairs: `name` (`file`), `name` and `name` (in `file`), `file` (`name`, `name`). */
function placedNames(markdown: string): [string[], string][] {
  const text = markdown.replace(/\s+/g, ' ');
  const names = (list: string) => [...list.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
  return [
    ...[...text.matchAll(new RegExp(`${NAMES} \\((?:in )?${PLACE}`, 'g'))].map((m): [string[], string] => [names(m[1]), m[2]]),
    ...[...text.matchAll(new RegExp(`${PLACE} \\(${NAMES}\\)`, 'g'))].map((m): [string[], string] => [names(m[2]), m[1]]),
  ];
}

/** The text of a file, or of every file under a folder; the path as written, or under server/src(/core). */
function placeText(path: string): { dir?: string; text: string } | undefined {
  const full = [path, `server/src/${path}`, `server/src/core/${path}`].map((p) => join(ROOT, p)).find((p) => existsSync(p));
  if (!full) return undefined;
  if (!statSync(full).isDirectory()) return { text: readFileSync(full, 'utf8') };
  const all = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? all(join(dir, n)) : [join(dir, n)]));
  return { dir: full, text: all(full).map((f) => readFileSync(f, 'utf8')).join('\n') };
}

/** The names not found where the guide places them, as `name (file)`. */
function misplacedNames(markdown: string): string[] {
  return placedNames(markdown).flatMap(([names, path]) => {
    const place = placeText(path);
    return names.filter((name) => {
      if (!place) return true;
      if (place.dir && /\.(ts|mjs|json|md)$/.test(name)) return !existsSync(join(place.dir, name));
      const words = name.replace(/\(.*$/, '').split('.');
      return !words.every((w) => new RegExp(`(^|[^\\w$])${w.replace(/\$/g, '\\$')}($|[^\\w$])`).test(place.text));
    }).map((name) => `${name} (${path})`);
  });
}

describe('the contributor guides name what exists', () => {
  for (const guide of GUIDES) {
    const text = readFileSync(join(ROOT, guide), 'utf8');
    it(`${guide}: every file and folder it names exists`, () => {
      const named = namedPaths(text);
      assert.ok(named.length > 10, 'the guide names paths (the check sees them)');
      assert.deepEqual(named.filter((p) => !exists(p)), []);
    });
    it(`${guide}: every code name it places in a file is in that file`, () => {
      assert.ok(placedNames(text).length >= 3, 'the guide places names (the check sees them)');
      assert.deepEqual(misplacedNames(text), []);
    });
    it(`${guide}: every short path resolves under server/src or server/src/core`, () => {
      const missing = shortPaths(text).filter((p) => !exists(`server/src/${p}`) && !exists(`server/src/core/${p}`));
      assert.deepEqual(missing, []);
    });
  }

  it('the check notices a path that does not exist', () => {
    assert.deepEqual(namedPaths('see `server/src/core/nowhere.ts` and `x`').filter((p) => !exists(p)), ['server/src/core/nowhere.ts']);
  });

  it('the check notices a name that is not in the file the guide places it in', () => {
    const guide = 'listed in `restrictedConfigurations` (`client/src/restrictedMode.ts`); `lsp/settings.ts` (`SettingsStore.normalize`, `noSuchSetting`); `rules/` (`users.ts`, `nowhere.ts`)';
    assert.deepEqual(misplacedNames(guide), ['restrictedConfigurations (client/src/restrictedMode.ts)', 'noSuchSetting (lsp/settings.ts)', 'nowhere.ts (rules/)']);
  });
});
