import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ruleDocPath } from '../core/rules/registry';

interface PackageJson {
  readonly version?: string;
  readonly bin?: Readonly<Record<string, string>>;
}

let cached: { root: string; version: string } | undefined;

/**
 * The installed package this CLI belongs to: the nearest directory above this file whose
 * package.json declares the `integration-lint` bin. Works from the bundle (dist/cli/main.js)
 * and from the sources (server/src/cli/*.ts) alike.
 */
export function packageInfo(): { root: string; version: string } {
  if (cached) return cached;
  let dir = __dirname;
  for (let i = 0; i < 8; i++) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        const json = JSON.parse(readFileSync(manifest, 'utf8')) as PackageJson;
        if (json.bin?.['integration-lint']) return (cached = { root: dir, version: json.version ?? '0.0.0' });
      } catch {
        // An unreadable manifest is not ours; keep looking upwards.
      }
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return (cached = { root: join(__dirname, '..', '..'), version: '0.0.0' });
}

/** Where a rule's documentation is: `<base>/<id>.md`, or the copy shipped in the package. */
export function ruleDocUri(ruleId: string, docsBaseUrl?: string): string {
  if (docsBaseUrl) return `${docsBaseUrl.replace(/\/+$/, '')}/${encodeURIComponent(ruleId)}.md`;
  return pathToFileURL(join(packageInfo().root, ruleDocPath(ruleId))).href;
}
