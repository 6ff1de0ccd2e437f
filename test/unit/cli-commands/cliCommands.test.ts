// Runbook commands checked against the real CLIs: the manifests of the pinned heroku and sf packages
// (test/cli-commands/versions.json), fetched from the npm registry on the first run and cached in .cache/.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { checkMarkdownCommands, checkShellText, type CommandProblemKind } from '../../helpers/cliCommands';
import { pinnedClis } from '../../helpers/cliManifests';
import type { CatalogCommand, CliSpec } from '../../helpers/cliModel';

/** Heroku Connect plugin commands, not on the npm registry; from its README (heroku/heroku-connect-plugin 0.13.3). */
const CONNECT_SOURCE = 'https://github.com/heroku/heroku-connect-plugin/blob/main/README.md';
const connectCommand = (id: string, args: CatalogCommand['args'] = []): CatalogCommand => ({
  cli: 'heroku',
  id,
  plugin: '@heroku-cli/heroku-connect-plugin',
  source: CONNECT_SOURCE,
  flags: [{ name: 'app', char: 'a', required: true, env: 'HEROKU_APP' }, { name: 'resource' }, { name: 'prompt', type: 'boolean' }],
  args,
});
const CATALOG: CatalogCommand[] = [connectCommand('connect:info'), connectCommand('connect:import', [{ name: 'file' }])];
const INSTALL_CONNECT = 'heroku plugins:install @heroku-cli/heroku-connect-plugin';

let clis: CliSpec[];
before(async () => {
  clis = await pinnedClis();
});

describe('commands the real CLIs accept', () => {
  const accepted = [
    'heroku addons:create heroku-postgresql:standard-0 -a my-app',
    'heroku pg:info -a my-app',
    'sf org login jwt --username u --jwt-key-file server.key --client-id X --instance-url https://x.my.salesforce.com --alias a',
    'sf project deploy start --source-dir force-app --target-org a',
    'sf org display --target-org a',
    'heroku addons:create heroku-postgresql:<plan> --app <heroku-app> --wait',
    'heroku addons:create heroku-postgresql:standard-0 -a my-app -- --fork DATABASE',
    'heroku logs --tail -a my-app',
    'heroku ps:scale worker=1 -a my-app',
    'heroku config:set SF_USERNAME=u SF_LOGIN_URL=https://login.salesforce.com -a my-app',
    'heroku releases:rollback v12 -a my-app',
    'heroku pg:info -amy-app',
    'heroku pg:info --app=my-app',
    'HEROKU_APP=my-app heroku pg:info',
    'heroku addons:create --help',
    'heroku --version',
    'sf org login web --instance-url https://x.my.salesforce.com --alias prod',
    'sf org login jwt -o u -f server.key -i X -r https://x.my.salesforce.com -a prod',
    'sf data query --query "SELECT Id, Name FROM PushTopic" --use-tooling-api --target-org a',
    'sf org list limits --target-org a',
    'sf alias set prod=integration@example.com',
    'sf org:display --target-org a --json',
    'sf project deploy start --source-dir force-app other-dir --target-org a --test-level RunLocalTests',
    'sf project deploy start --metadata-dir mdapi --single-package --target-org a',
    'sf org login jwt --help',
  ];
  for (const line of accepted) {
    it(line, () => {
      const { commands, problems } = checkShellText(line, clis);
      assert.deepEqual(problems, []);
      assert.equal(commands.length, 1, 'checked one command');
      assert.ok(commands[0].definedBy, 'found in a manifest');
    });
  }
});

describe('commands the real CLIs refuse (or a runbook must not use)', () => {
  const refused: { line: string; kind: CommandProblemKind; message: RegExp }[] = [
    { line: 'heroku connect:mapping:create -a my-app', kind: 'unknown-command', message: /`heroku connect:mapping:create` is not a command of heroku@11\.\d+\.\d+ nor in the catalog/ },
    { line: 'heroku addons:create heroku-postgresql -a my-app --made-up-flag', kind: 'unknown-flag', message: /`heroku addons:create` has no flag `--made-up-flag`.*words after `--`/ },
    { line: 'sf org login jwt --username u --jwt-key-file server.key --instance-url https://x.my.salesforce.com', kind: 'missing-required-flag', message: /`sf org login jwt` requires `--client-id` \(`-i`\)/ },
    { line: 'sf org login jwtx --username u', kind: 'unknown-command', message: /`sf org login jwtx` is not a command.*did you mean `org login jwt`/ },
    { line: 'sf org', kind: 'topic-not-command', message: /`sf org` is a topic, not a command/ },
    { line: 'heroku pg:info', kind: 'missing-required-flag', message: /requires `--app` \(`-a`\) \(heroku may fill it in from \$HEROKU_APP/ },
    { line: 'heroku pg:info -a', kind: 'flag-needs-value', message: /`--app` of `heroku pg:info` needs a value/ },
    { line: 'sf org display --target-org --json', kind: 'flag-needs-value', message: /`--target-org` of `sf org display` needs a value/ },
    { line: 'sf org display <org-alias>', kind: 'unexpected-argument', message: /`sf org display` takes no argument, so sf reads `<org-alias>` as part of the command name/ },
    { line: 'heroku releases:rollback v1 v2 -a my-app', kind: 'unexpected-argument', message: /at most 1 argument\(s\); unexpected `v2`/ },
    { line: 'heroku addons:create -a my-app', kind: 'missing-argument', message: /`heroku addons:create` needs the argument SERVICE:PLAN/ },
    { line: 'sf project deploy start --source-dir force-app --manifest package.xml --target-org a', kind: 'conflicting-flags', message: /`--manifest` and `--source-dir` cannot be given together|`--source-dir` and `--manifest` cannot be given together/ },
    { line: 'sf project deploy start --single-package --target-org a', kind: 'missing-dependent-flag', message: /`--single-package` of `sf project deploy start` needs `--metadata-dir`/ },
    { line: 'sf project deploy start --test-level Sometimes --target-org a', kind: 'invalid-flag-value', message: /`--test-level Sometimes`: .*accepts `NoTestRun`/ },
    { line: 'sf force:org:display --target-org a', kind: 'deprecated-command', message: /`force:org:display` is a deprecated alias of `org display`/ },
    { line: 'sf org open authoring-bundle --target-org a', kind: 'deprecated-command', message: /is deprecated.*org open agent/ },
    { line: 'sf org display -u a', kind: 'deprecated-flag', message: /`-u` is a deprecated alias of `--target-org`/ },
    { line: 'sf org display --target-org a --loglevel debug', kind: 'deprecated-flag', message: /`--loglevel` on `sf org display`: The loglevel flag is no longer in use/ },
    { line: 'sf login org jwt --username u --jwt-key-file k --client-id c', kind: 'non-canonical-command', message: /sf runs `login org jwt` as `org login jwt`/ },
    { line: 'heroku addons:add heroku-postgresql -a my-app', kind: 'non-canonical-command', message: /`addons:add` is a hidden alias of `addons:create`/ },
    { line: 'sf org display -o a -o b', kind: 'repeated-flag', message: /`--target-org` can only be given once/ },
    { line: 'heroku spaces:create my-space --team my-team --shield', kind: 'hidden-flag', message: /`--shield` is hidden from the help of `heroku spaces:create`/ },
    { line: 'heroku <command> -a my-app', kind: 'unknown-command', message: /holds a placeholder or variable/ },
    { line: 'heroku', kind: 'missing-command', message: /`heroku` alone shows help/ },
  ];
  for (const c of refused) {
    it(`${c.line}: ${c.kind}`, () => {
      const { problems } = checkShellText(c.line, clis);
      assert.equal(problems.length, 1, `one problem expected, got ${JSON.stringify(problems, null, 2)}`);
      assert.equal(problems[0].kind, c.kind);
      assert.match(problems[0].message, c.message);
      assert.equal(problems[0].command, c.line);
      assert.equal(problems[0].line, 1);
    });
  }
});

describe('commands from plugins not on the npm registry (catalog)', () => {
  it('checks a catalog command once its plugin is installed', () => {
    const { commands, problems } = checkShellText(`${INSTALL_CONNECT}\nheroku connect:info -a my-app\nheroku connect:import mapping.json -a my-app`, clis, CATALOG);
    assert.deepEqual(problems, []);
    assert.deepEqual(commands.map((c) => c.id), ['plugins:install', 'connect:info', 'connect:import']);
    assert.match(commands[0].definedBy ?? '', /^@oclif\/plugin-plugins@/);
    assert.deepEqual(commands.slice(1).map((c) => c.definedBy), [CONNECT_SOURCE, CONNECT_SOURCE]);
  });

  it('checks flags and arguments of a catalog command like any other', () => {
    const { problems } = checkShellText(`${INSTALL_CONNECT}\nheroku connect:info --verbose\nheroku connect:import a.json b.json -a app`, clis, CATALOG);
    assert.deepEqual(problems.map((p) => [p.line, p.kind]), [[2, 'unknown-flag'], [2, 'missing-required-flag'], [3, 'unexpected-argument']]);
  });

  it('asks for the plugin install before the first catalog command', () => {
    const { problems } = checkShellText(`heroku connect:info -a my-app\n${INSTALL_CONNECT}`, clis, CATALOG);
    assert.deepEqual(problems.map((p) => p.kind), ['plugin-not-installed']);
    assert.match(problems[0].message, /install it in an earlier step: `heroku plugins:install @heroku-cli\/heroku-connect-plugin`/);
  });

  it('does not know a plugin command without its catalog entry', () => {
    const { problems } = checkShellText(`${INSTALL_CONNECT}\nheroku connect:info -a my-app`, clis);
    assert.deepEqual(problems.map((p) => [p.line, p.kind]), [[2, 'unknown-command']]);
  });

  it('refuses a catalog entry for a command a manifest defines', () => {
    const duplicate: CatalogCommand = { cli: 'heroku', id: 'pg:info', flags: [], source: 'a note' };
    assert.throws(() => checkShellText('heroku pg:info -a my-app', clis, [duplicate]), /catalog entry heroku pg:info: heroku@[\d.]+ defines it/);
  });
});

describe('problems in a runbook document', () => {
  it('are reported at the line of the offending word, with the command as written', () => {
    const runbook = [
      '# Connection runbook', //              1
      '', //                                  2
      '1. Create the database.', //           3
      '', //                                  4
      '```sh', //                             5
      'heroku addons:create heroku-postgresql:standard-0 \\', // 6
      '  --app <heroku-app> \\', //           7
      '  --wiat', //                          8
      '```', //                               9
      '', //                                  10
      '2. Log in to Salesforce.', //          11
      '', //                                  12
      '```sh', //                             13
      'sf org login jwt --username u --jwt-key-file server.key', // 14
      '```', //                               15
    ].join('\n');
    const { commands, problems } = checkMarkdownCommands(runbook, clis);
    assert.deepEqual(commands.map((c) => [c.line, c.cli, c.id]), [[6, 'heroku', 'addons:create'], [14, 'sf', 'org:login:jwt']]);
    assert.deepEqual(problems.map((p) => [p.line, p.kind]), [[8, 'unknown-flag'], [14, 'missing-required-flag']]);
    assert.match(problems[0].message, /no flag `--wiat`; did you mean `--wait`\?/);
    assert.equal(problems[0].command, 'heroku addons:create heroku-postgresql:standard-0 --app <heroku-app> --wiat');
    assert.match(problems[1].message, /requires `--client-id`/);
  });

  it('leaves other programs alone', () => {
    const { commands, problems } = checkMarkdownCommands('```sh\npsql "$DATABASE_URL" -c \'select 1\'\ncurl -s https://example.com | jq .\n```\n', clis);
    assert.deepEqual([commands, problems], [[], []]);
  });

  it('reports shell it cannot read', () => {
    const { problems } = checkMarkdownCommands('```sh\nheroku pg:info -a app\nheroku config:set A="x -a app\n```\n', clis);
    assert.deepEqual(problems.filter((p) => p.kind === 'shell-syntax').map((p) => [p.line, p.message]), [[3, 'unclosed "']]);
  });
});
