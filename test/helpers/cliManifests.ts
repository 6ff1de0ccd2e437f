// The pinned `heroku` and `sf` CLIs as the checker sees them, from the manifests scripts/cli-manifests.mjs keeps in
// .cache/cli-manifests/ (fetched from the npm registry on the first run, read from disk after).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cliFromManifests, type CliSpec } from './cliModel';

const ROOT = join(__dirname, '../..');

interface CachedCli {
  readonly bin: string;
  readonly package: string;
  readonly version: string;
  readonly dir: string;
  readonly plugins: readonly { readonly name: string; readonly version: string; readonly dir: string }[];
}

interface ManifestFetcher {
  ensureCliManifests(): { clis: Record<string, CachedCli>; fetched: number; bytes: number; ms: number };
}

const readJson = (dir: string, file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8'));

let loaded: Promise<CliSpec[]> | undefined;

/** The pinned CLIs (heroku, sf), fetching their manifests first if the cache lacks them. Loaded once per process. */
export function pinnedClis(): Promise<CliSpec[]> {
  loaded ??= (async () => {
    // The fetcher is plain JavaScript (also run as a script); loaded by URL so the type comes from the interface above.
    const fetcher = (await import(pathToFileURL(join(ROOT, 'scripts/cli-manifests.mjs')).href)) as ManifestFetcher;
    const { clis } = fetcher.ensureCliManifests();
    return Object.values(clis).map((cli) =>
      cliFromManifests(
        cli.bin,
        { name: cli.package, version: cli.version, packageJson: readJson(cli.dir, 'package.json'), manifest: readJson(cli.dir, 'oclif.manifest.json') },
        cli.plugins.map((plugin) => ({ name: plugin.name, version: plugin.version, manifest: readJson(plugin.dir, 'oclif.manifest.json') })),
      ),
    );
  })();
  return loaded;
}
