#!/usr/bin/env node
// The command manifests of the real `heroku` and `sf` CLIs, for tests that check runbook commands (test-only, never
// bundled). Each pinned package is fetched with `npm pack` (the npm registry only) and only its oclif.manifest.json and
// package.json are kept, in .cache/cli-manifests/; installing both CLIs with their dependencies would take ~550 MB.
//   node scripts/cli-manifests.mjs                fetch what the cache lacks (nothing on a cache hit), print a summary
//   node scripts/cli-manifests.mjs --update-pins  pin the current latest versions in test/cli-commands/versions.json
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));
export const VERSIONS_FILE = join(root, 'test/cli-commands/versions.json');
export const CACHE_DIR = join(root, '.cache/cli-manifests');
/** The files kept from each package; everything else in the tarball is dropped. */
const KEPT_FILES = ['package/oclif.manifest.json', 'package/package.json'];

/** @typedef {{ package: string, track: string, version: string, plugins: Record<string, string> }} CliPins */

/** @returns {Record<string, CliPins>} the pins by CLI binary name ('heroku', 'sf') */
export function readPins() {
  const { $comment, ...pins } = JSON.parse(readFileSync(VERSIONS_FILE, 'utf8'));
  return pins;
}

/** The cache folder of one package version: holds oclif.manifest.json and package.json once fetched. */
export function packageDir(name, version) {
  return join(CACHE_DIR, `${name.replace('/', '+')}@${version}`);
}

function isCached(name, version) {
  const dir = packageDir(name, version);
  return existsSync(join(dir, 'oclif.manifest.json')) && existsSync(join(dir, 'package.json'));
}

function npm(args, cwd) {
  const result = spawnSync('npm', args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw new Error(`npm ${args.join(' ')}: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`npm ${args.join(' ')} failed (exit ${result.status}):\n${result.stderr}`);
  return result.stdout;
}

/** The named regular files of a .tgz, read with Node's zlib and the tar header layout (ustar, pax and GNU long names). */
export function filesFromTarball(tgz, wanted) {
  const tar = gunzipSync(tgz);
  const found = new Map();
  let longName;
  for (let offset = 0; offset + 512 <= tar.length && tar[offset] !== 0;) {
    const field = (start, length) => tar.toString('utf8', offset + start, offset + start + length).replace(/\0.*$/s, '');
    const size = parseInt(field(124, 12).trim() || '0', 8);
    const type = String.fromCharCode(tar[offset + 156] || 48);
    const body = tar.subarray(offset + 512, offset + 512 + size);
    const prefix = field(345, 155);
    const name = longName ?? (prefix ? `${prefix}/${field(0, 100)}` : field(0, 100));
    longName = undefined;
    if (type === 'x') longName = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(body.toString('utf8'))?.[1];
    else if (type === 'L') longName = body.toString('utf8').replace(/\0.*$/s, '');
    else if ((type === '0' || type === '7') && wanted.includes(name)) found.set(name, body);
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return found;
}

/** Packs the missing packages in one `npm pack` call and keeps their two files; returns the tarball bytes fetched. */
function fetchPackages(specs) {
  if (specs.length === 0) return 0;
  mkdirSync(CACHE_DIR, { recursive: true });
  const scratch = mkdtempSync(join(CACHE_DIR, '.pack-'));
  try {
    const packed = JSON.parse(npm(['pack', ...specs.map(({ name, version }) => `${name}@${version}`), '--json', '--pack-destination', scratch, '--ignore-scripts', '--prefer-offline'], scratch));
    let bytes = 0;
    for (const { name, version, filename } of packed) {
      const tgz = readFileSync(join(scratch, filename));
      bytes += tgz.length;
      const files = filesFromTarball(tgz, KEPT_FILES);
      if (!files.has('package/package.json')) throw new Error(`${name}@${version}: no package.json in its tarball`);
      if (!files.has('package/oclif.manifest.json')) throw new Error(`${name}@${version} ships no oclif.manifest.json: its commands cannot be checked from the registry`);
      // Written beside the cache entry, then renamed: test processes running at once never see half a file.
      const staging = join(scratch, `${filename}.files`);
      mkdirSync(staging);
      for (const [path, body] of files) writeFileSync(join(staging, path.slice('package/'.length)), body);
      try {
        renameSync(staging, packageDir(name, version));
      } catch (error) {
        // Another process may have cached the same package meanwhile.
        if (!isCached(name, version)) throw new Error(`${packageDir(name, version)}: ${error.message} (delete ${CACHE_DIR} and run again)`);
      }
    }
    return bytes;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function readCachedPackageJson(name, version) {
  return JSON.parse(readFileSync(join(packageDir(name, version), 'package.json'), 'utf8'));
}

/** The pins must list the plugins the CLI's own package.json bundles (and, for exact pins there, the same versions). */
function checkPinsMatchCli(bin, pins) {
  const { oclif = {}, dependencies = {} } = readCachedPackageJson(pins.package, pins.version);
  const bundled = [...(oclif.plugins ?? [])].sort();
  const pinned = Object.keys(pins.plugins).sort();
  if (bundled.join() !== pinned.join()) {
    throw new Error(`${VERSIONS_FILE}: the ${bin} plugins pinned (${pinned.join(', ')}) are not the ones ${pins.package}@${pins.version} bundles (${bundled.join(', ')}). Run node scripts/cli-manifests.mjs --update-pins.`);
  }
  for (const [plugin, version] of Object.entries(pins.plugins)) {
    const wanted = dependencies[plugin];
    if (/^\d+\.\d+\.\d+$/.test(wanted ?? '') && wanted !== version) {
      throw new Error(`${VERSIONS_FILE}: ${plugin}@${version} is pinned, but ${pins.package}@${pins.version} ships ${wanted}. Run node scripts/cli-manifests.mjs --update-pins.`);
    }
  }
}

/**
 * Makes sure every pinned manifest is in the cache (fetching only what is missing) and says where they are.
 * @returns {{ clis: Record<string, { bin: string, package: string, version: string, dir: string, plugins: { name: string, version: string, dir: string }[] }>, fetched: number, bytes: number, ms: number }}
 */
export function ensureCliManifests() {
  const started = performance.now();
  const pins = readPins();
  const all = Object.values(pins).flatMap((cli) => [{ name: cli.package, version: cli.version }, ...Object.entries(cli.plugins).map(([name, version]) => ({ name, version }))]);
  const unique = [...new Map(all.map((pkg) => [`${pkg.name}@${pkg.version}`, pkg])).values()];
  const missing = unique.filter(({ name, version }) => !isCached(name, version));
  const bytes = fetchPackages(missing);
  const clis = {};
  for (const [bin, cli] of Object.entries(pins)) {
    checkPinsMatchCli(bin, cli);
    clis[bin] = {
      bin,
      package: cli.package,
      version: cli.version,
      dir: packageDir(cli.package, cli.version),
      plugins: Object.entries(cli.plugins).map(([name, version]) => ({ name, version, dir: packageDir(name, version) })),
    };
  }
  return { clis, fetched: missing.length, bytes, ms: Math.round(performance.now() - started) };
}

/** Orders release versions (x.y.z); prereleases are not considered by the caller. */
function compareVersions(a, b) {
  const [pa, pb] = [a, b].map((v) => v.split('.').map(Number));
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i] - pb[i];
  return 0;
}

/** The newest release of `name` that `range` allows ('latest' = the latest dist-tag). */
function newestRelease(name, range) {
  if (range === 'latest') return JSON.parse(npm(['view', `${name}@latest`, 'version', '--json']));
  const listed = [JSON.parse(npm(['view', `${name}@${range}`, 'version', '--json']))].flat();
  const releases = listed.filter((v) => /^\d+\.\d+\.\d+$/.test(v)).sort(compareVersions);
  if (releases.length === 0) throw new Error(`no release of ${name} matches ${range}`);
  return releases.at(-1);
}

/** Pins each CLI at the newest release of its track and its bundled plugins at the versions it ships (or the newest its range allows). */
function updatePins() {
  const file = JSON.parse(readFileSync(VERSIONS_FILE, 'utf8'));
  for (const [bin, cli] of Object.entries(readPins())) {
    const version = newestRelease(cli.package, cli.track);
    fetchPackages(isCached(cli.package, version) ? [] : [{ name: cli.package, version }]);
    const pjson = readCachedPackageJson(cli.package, version);
    const plugins = {};
    for (const plugin of [...(pjson.oclif?.plugins ?? [])].sort()) {
      const wanted = pjson.dependencies?.[plugin];
      if (!wanted) throw new Error(`${cli.package}@${version} bundles ${plugin} but does not depend on it`);
      plugins[plugin] = /^\d+\.\d+\.\d+$/.test(wanted) ? wanted : newestRelease(plugin, wanted);
    }
    file[bin] = { ...cli, version, plugins };
    console.log(`${bin}: ${cli.package}@${version}, ${Object.keys(plugins).length} bundled plugins`);
  }
  writeFileSync(VERSIONS_FILE, `${JSON.stringify(file, null, 2)}\n`);
}

/** Drops cache entries that are no longer pinned. */
function pruneCache() {
  if (!existsSync(CACHE_DIR)) return;
  const pinned = new Set(Object.values(readPins()).flatMap((cli) => [packageDir(cli.package, cli.version), ...Object.entries(cli.plugins).map(([n, v]) => packageDir(n, v))]));
  for (const entry of readdirSync(CACHE_DIR)) {
    if (!pinned.has(join(CACHE_DIR, entry)) && !entry.startsWith('.pack-')) rmSync(join(CACHE_DIR, entry), { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes('--update-pins')) updatePins();
  const { clis, fetched, bytes, ms } = ensureCliManifests();
  if (process.argv.includes('--update-pins')) pruneCache();
  for (const cli of Object.values(clis)) console.log(`${cli.bin}: ${cli.package}@${cli.version} + ${cli.plugins.length} plugins`);
  console.log(fetched === 0 ? `all manifests cached in ${CACHE_DIR} (${ms} ms)` : `fetched ${fetched} packages, ${bytes} tarball bytes, in ${ms} ms`);
}
