// Every command line of every generated runbook, checked against the real CLIs: the oclif manifests of the pinned
// heroku and sf packages (fetched from the npm registry on the first run, cached in .cache/), and, for the Heroku
// Connect and AppLink plugins the registry does not serve, the product's command catalog. The runbooks are those of
// every example design (examples/, examples/paths/) and of the path fixtures below, which leave values out (so
// placeholders are checked too) or take the branches the examples do not.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { generateArtifact } from '../../../server/src/core/artifacts/generate';
import { commandLine } from '../../../server/src/core/artifacts/runbook/commands';
import { ArtifactContext } from '../../../server/src/core/artifacts/context';
import { analyze } from '../../../server/src/core/analysis';
import { COMMANDS, type CommandId } from '../../../server/src/core/knowledge/commands';
import { PATH_KEYS } from '../../../server/src/core/vocabulary';
import { checkMarkdownCommands, type CommandProblem } from '../../helpers/cliCommands';
import { catalogCommands } from '../../helpers/commandCatalog';
import { pinnedClis } from '../../helpers/cliManifests';
import type { CliSpec } from '../../helpers/cliModel';
import { PATH_FIXTURES } from '../../helpers/runbookFixtures';

const EXAMPLES = join(__dirname, '../../../examples');
const catalog = catalogCommands();

/** Example designs by name, then the path fixtures. */
const designs: [string, string][] = [
  ...readdirSync(EXAMPLES).filter((n) => n.endsWith('.integration.yaml')).map((n): [string, string] => [n, readFileSync(join(EXAMPLES, n), 'utf8')]),
  ...readdirSync(join(EXAMPLES, 'paths')).filter((n) => n.endsWith('.integration.yaml')).map((n): [string, string] => [`paths/${n}`, readFileSync(join(EXAMPLES, 'paths', n), 'utf8')]),
  ...Object.entries(PATH_FIXTURES).map(([name, yaml]): [string, string] => [`fixture ${name}`, yaml]),
];

const runbook = (yaml: string) => generateArtifact('runbook', yaml, 'design.integration.yaml').content;
const describeProblems = (problems: readonly CommandProblem[]) => problems.map((p) => `line ${p.line}: ${p.kind}: ${p.message}\n    ${p.command}`).join('\n');

let clis: CliSpec[];
before(async () => {
  clis = await pinnedClis();
});

describe('runbook commands against the real CLIs', () => {
  for (const [name, yaml] of designs) {
    it(`${name}: every heroku and sf command exists, with flags and arguments the CLI accepts`, () => {
      const { commands, problems } = checkMarkdownCommands(runbook(yaml), clis, catalog);
      assert.deepEqual(problems, [], describeProblems(problems));
      assert.ok(commands.length > 0, 'the runbook has commands');
      assert.ok(commands.every((c) => c.definedBy), 'each command was found in a manifest or the catalog');
    });
  }

  it('the runbooks use both CLIs and both plugins', () => {
    const ids = new Set(designs.flatMap(([, yaml]) => checkMarkdownCommands(runbook(yaml), clis, catalog).commands.map((c) => `${c.cli} ${c.id}`)));
    for (const id of ['heroku addons:create', 'heroku spaces:create', 'heroku connect:sf:auth', 'heroku connect:import', 'heroku salesforce:publish', 'heroku salesforce:connect', 'sf org:login:jwt', 'sf project:deploy:start', 'sf data:query']) {
      assert.ok(ids.has(id), `no runbook uses ${id}`);
    }
  });

  it('every template of the catalog, with its slots as placeholders, is a valid command line', () => {
    const ctx = new ArtifactContext(analyze('version: 1\n'), 'd.integration.yaml');
    const install = ['heroku plugins:install @heroku-cli/heroku-connect-plugin', 'heroku plugins:install @heroku-cli/plugin-applink'];
    const lines = (Object.keys(COMMANDS) as CommandId[]).map((id) => {
      const slots = [...COMMANDS[id].line.matchAll(/\{([a-z_]+)\}/g)].map((m) => m[1]);
      return commandLine(ctx, id, Object.fromEntries(slots.map((s) => [s, { placeholder: `<${s.replace(/_/g, '-')}>`, ask: s }]))).line;
    });
    const { commands, problems } = checkMarkdownCommands(['```sh', ...install, ...lines, '```'].join('\n'), clis, catalog);
    assert.deepEqual(problems, [], describeProblems(problems));
    assert.equal(commands.length, install.length + lines.filter((l) => /^(heroku|sf) /.test(l)).length);
  });
});

describe('the check fails on what a runbook must never hold', () => {
  const connect = () => runbook(readFileSync(join(EXAMPLES, 'paths/heroku-connect.integration.yaml'), 'utf8'));

  it('a made-up command', () => {
    const text = connect().replace(/^heroku connect:export (.*)$/m, 'heroku connect:mapping:create $1');
    const { problems } = checkMarkdownCommands(text, clis, catalog);
    assert.deepEqual(problems.map((p) => p.kind), ['unknown-command'], describeProblems(problems));
    assert.match(problems[0].message, /`heroku connect:mapping:create` is not a command of heroku@11\.[\d.]+ nor in the catalog/);
  });

  it('a made-up flag on a command of the heroku manifest', () => {
    const text = connect().replace(/--wait$/m, '--wait --made-up-flag');
    const { problems } = checkMarkdownCommands(text, clis, catalog);
    assert.deepEqual(problems.map((p) => [p.kind, p.command.split(' ').slice(0, 2).join(' ')]), [['unknown-flag', 'heroku addons:create']], describeProblems(problems));
  });

  it('a made-up flag on a catalog command (a plugin not on the registry)', () => {
    const text = connect().replace(/^(heroku connect:db:set .*)$/m, '$1 --sync-now');
    const { problems } = checkMarkdownCommands(text, clis, catalog);
    assert.deepEqual(problems.map((p) => p.kind), ['unknown-flag'], describeProblems(problems));
    assert.match(problems[0].message, /`heroku connect:db:set` has no flag `--sync-now`/);
  });

  it('a made-up flag on an sf command', () => {
    const text = runbook(readFileSync(join(EXAMPLES, 'paths/rest-api.integration.yaml'), 'utf8')).replace(/^(sf org login jwt .*)$/m, '$1 --skip-certificate');
    const { problems } = checkMarkdownCommands(text, clis, catalog);
    assert.deepEqual(problems.map((p) => p.kind), ['unknown-flag'], describeProblems(problems));
  });

  it('a plugin command before its plugin is installed', () => {
    const text = connect().replace(/^heroku plugins:install @heroku-cli\/heroku-connect-plugin$/m, '');
    const { problems } = checkMarkdownCommands(text, clis, catalog);
    assert.ok(problems.length > 0 && problems.every((p) => p.kind === 'plugin-not-installed'), describeProblems(problems));
  });

  it('a catalog entry that no longer matches a real flag name (the catalog is what is checked)', () => {
    const known_ = catalogCommands().map((c) => (c.id === 'connect:db:set' ? { ...c, flags: c.flags.filter((f) => f.name !== 'schema') } : c));
    const { problems } = checkMarkdownCommands(connect(), clis, known_);
    // --schema unknown, so its value reads as an argument the command does not take.
    assert.deepEqual(problems.map((p) => p.kind), ['unknown-flag', 'unexpected-argument'], describeProblems(problems));
  });
});

describe('path fixtures', () => {
  it('cover every path', () => {
    for (const key of PATH_KEYS) assert.ok(Object.values(PATH_FIXTURES).some((yaml) => yaml.includes(`  ${key}:`)), `no fixture for ${key}`);
  });
});

describe('values that are not plain names never reach the shell', () => {
  const hostile = `version: 1
name: Hostile values
environment: production
salesforce: { my_domain: acme.my.salesforce.com, cli_alias: acme }
integration_users:
  connect:
    username: "x'; touch /tmp/pwned; echo '"
    permissions: [api-enabled, view-all-data]
    used_by: [heroku_connect]
paths:
  heroku_connect:
    app: acme-sync
    addon: acme-connect
    plan: enterprise
    mappings:
      - { object: "Account; rm -rf ~", rows: 10 }
  apex_callout:
    app: acme-sync
    named_credential: "Pricing\\nEOF\\nrm -rf ~\\ncat <<'EOF'"
    auth_protocol: custom
`;

  it('each becomes a placeholder and an open decision; the runbook is still valid shell with only catalog commands', () => {
    const text = runbook(hostile);
    const { problems } = checkMarkdownCommands(text, clis, catalog);
    assert.deepEqual(problems, [], describeProblems(problems));
    const fenced = text.split('```sh').slice(1).map((f) => f.split('```')[0]).join('\n');
    assert.ok(!/rm -rf|touch \/tmp\/pwned/.test(fenced), 'a design value reached a shell fence');
    assert.match(text, /OPEN DECISION:\*\* The design's value for `named_credential` cannot be put on a command line/);
    assert.match(text, /OPEN DECISION:\*\* The design's value for `username` cannot be put on a command line/);
    assert.match(text, /OPEN DECISION:\*\* The design's value for `object` cannot be put on a command line/);
  });
});
