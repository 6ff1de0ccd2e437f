// The pinned CLI manifests: fetched once from the npm registry (scripts/cli-manifests.mjs), then read from the cache.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { pinnedClis } from '../../helpers/cliManifests';
import type { CliSpec } from '../../helpers/cliModel';

const ROOT = join(__dirname, '../../..');

interface ManifestFetcher {
  ensureCliManifests(): { clis: Record<string, { package: string; version: string; plugins: unknown[] }>; fetched: number };
  readPins(): Record<string, { package: string; track: string; version: string; plugins: Record<string, string> }>;
  filesFromTarball(tgz: Buffer, wanted: string[]): Map<string, Buffer>;
}
const fetcher = import(pathToFileURL(join(ROOT, 'scripts/cli-manifests.mjs')).href) as Promise<ManifestFetcher>;

/** One tar header block (ustar) for a file of `size` bytes. */
function tarHeader(name: string, size: number, type: string, prefix = ''): Buffer {
  const block = Buffer.alloc(512);
  block.write(name, 0, 100, 'utf8');
  block.write('0000644\0', 100);
  block.write('0000000\0', 108);
  block.write('0000000\0', 116);
  block.write(`${size.toString(8).padStart(11, '0')}\0`, 124);
  block.write('00000000000\0', 136);
  block.write(type, 156);
  block.write('ustar\0', 257);
  block.write('00', 263);
  block.write(prefix, 345, 155, 'utf8');
  block.write('        ', 148);
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  return block;
}

function tarEntry(name: string, body: string, type = '0', prefix = ''): Buffer {
  const data = Buffer.from(body, 'utf8');
  return Buffer.concat([tarHeader(name, data.length, type, prefix), data, Buffer.alloc((512 - (data.length % 512)) % 512)]);
}

/** A pax extended-header record: its length counts its own digits. */
function paxRecord(key: string, value: string): string {
  const rest = ` ${key}=${value}\n`;
  let length = rest.length + 1;
  while (String(length).length + rest.length !== length) length = String(length).length + rest.length;
  return `${length}${rest}`;
}

let clis: CliSpec[];
before(async () => {
  clis = await pinnedClis();
});

describe('pinned CLI manifests', () => {
  it('are read from the cache once fetched (no registry call on the second run)', async () => {
    const { ensureCliManifests } = await fetcher;
    assert.equal(ensureCliManifests().fetched, 0);
  });

  it('pin heroku 11.x and @salesforce/cli with every plugin they bundle', async () => {
    const { readPins, ensureCliManifests } = await fetcher;
    const pins = readPins();
    assert.deepEqual(Object.keys(pins).sort(), ['heroku', 'sf']);
    assert.match(pins.heroku.version, /^11\.\d+\.\d+$/);
    assert.equal(pins.sf.package, '@salesforce/cli');
    for (const plugin of ['@salesforce/plugin-auth', '@salesforce/plugin-org', '@salesforce/plugin-deploy-retrieve', '@salesforce/plugin-settings', '@salesforce/plugin-data', '@salesforce/plugin-limits']) {
      assert.ok(pins.sf.plugins[plugin], `${plugin} is pinned`);
    }
    // ensureCliManifests throws when the pins and the CLI's own plugin list disagree.
    assert.equal(Object.keys(ensureCliManifests().clis).length, 2);
  });

  it('give each CLI its commands and its parsing settings from package.json', () => {
    const heroku = clis.find((c) => c.bin === 'heroku')!;
    const sf = clis.find((c) => c.bin === 'sf')!;
    assert.ok(heroku.commands.size > 300, `heroku has ${heroku.commands.size} commands`);
    assert.ok(heroku.commands.has('addons:create') && heroku.commands.has('plugins:install'), 'heroku core and bundled plugin commands');
    assert.equal(heroku.topicSeparator, ':');
    assert.equal(sf.topicSeparator, ' ');
    assert.equal(sf.flexibleTaxonomy, true);
    assert.ok(sf.commands.has('org:login:jwt') && sf.commands.has('project:deploy:start') && sf.commands.has('alias:set'));
    assert.deepEqual([...heroku.helpFlags].sort(), ['--help', '-h']);
    assert.deepEqual([...sf.helpFlags].sort(), ['--help', '-h']);
  });

  it('keep the global flags the manifests list on each command (--json, --flags-dir, --prompt)', () => {
    const sf = clis.find((c) => c.bin === 'sf')!;
    const heroku = clis.find((c) => c.bin === 'heroku')!;
    assert.ok(sf.commands.get('org:display')!.flags.json && sf.commands.get('org:display')!.flags['flags-dir']);
    assert.ok(heroku.commands.get('pg:info')!.flags.prompt);
    assert.equal(heroku.commands.get('addons:create')!.flags.json, undefined, 'addons:create has no --json');
  });
});

describe('reading a package tarball', () => {
  it('keeps only the wanted files, with ustar prefixes, pax and GNU long names', async () => {
    const { filesFromTarball } = await fetcher;
    const longName = `package/${'d'.repeat(120)}/oclif.manifest.json`;
    const tgz = gzipSync(Buffer.concat([
      tarEntry('package/README.md', 'not wanted'),
      tarEntry('package.json', '{"name":"x"}', '0', 'package'),
      tarEntry('PaxHeader', paxRecord('path', longName), 'x'),
      tarEntry('placeholder', '{"commands":{}}'),
      tarEntry('././@LongLink', 'package/oclif.manifest.json\0', 'L'),
      tarEntry('truncated', '{"version":"1"}'),
      Buffer.alloc(1024),
    ]));
    const files = filesFromTarball(tgz, ['package/package.json', 'package/oclif.manifest.json', longName]);
    assert.deepEqual([...files.keys()].sort(), [longName, 'package/oclif.manifest.json', 'package/package.json'].sort());
    assert.equal(files.get('package/package.json')!.toString(), '{"name":"x"}');
    assert.equal(files.get(longName)!.toString(), '{"commands":{}}');
    assert.equal(files.get('package/oclif.manifest.json')!.toString(), '{"version":"1"}');
  });
});
