// How commands are read out of a runbook's shell fences before they are checked against the CLIs.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { shellCommandsInMarkdown } from '../../helpers/shellCommands';

const sh = (...lines: string[]) => ['# Step', '', '```sh', ...lines, '```', ''].join('\n');
/** The words of each command found, for compact expectations. */
const wordsOf = (markdown: string) => shellCommandsInMarkdown(markdown).commands.map((c) => c.words.map((w) => w.text));

describe('shell commands in Markdown fences', () => {
  const cases: { name: string; markdown: string; words: string[][] }[] = [
    { name: 'one command per line', markdown: sh('heroku pg:info -a my-app', 'sf org display --target-org a'), words: [['heroku', 'pg:info', '-a', 'my-app'], ['sf', 'org', 'display', '--target-org', 'a']] },
    { name: 'a `\\` continuation joins lines', markdown: sh('sf org login jwt --username u \\', '  --client-id X'), words: [['sf', 'org', 'login', 'jwt', '--username', 'u', '--client-id', 'X']] },
    { name: 'a `$ ` prompt is dropped', markdown: sh('$ heroku logs --tail -a app'), words: [['heroku', 'logs', '--tail', '-a', 'app']] },
    { name: 'comments are dropped, whole-line and trailing', markdown: sh('# set up', 'heroku apps:create my-app # the app', 'echo a#b'), words: [['heroku', 'apps:create', 'my-app'], ['echo', 'a#b']] },
    { name: 'pipes and lists split commands', markdown: sh('heroku pg:info -a a | grep Plan && sf org display -o b; heroku logs -a a || true'), words: [['heroku', 'pg:info', '-a', 'a'], ['grep', 'Plan'], ['sf', 'org', 'display', '-o', 'b'], ['heroku', 'logs', '-a', 'a'], ['true']] },
    { name: 'quotes group words and are removed', markdown: sh(`sf data query --query "SELECT Id FROM PushTopic" --target-org 'my org'`), words: [['sf', 'data', 'query', '--query', 'SELECT Id FROM PushTopic', '--target-org', 'my org']] },
    { name: 'placeholders are values, not redirections', markdown: sh('heroku addons:create heroku-postgresql:<plan> -a <heroku-app>', 'sf org login web --instance-url https://<my-domain>.my.salesforce.com'), words: [['heroku', 'addons:create', 'heroku-postgresql:<plan>', '-a', '<heroku-app>'], ['sf', 'org', 'login', 'web', '--instance-url', 'https://<my-domain>.my.salesforce.com']] },
    { name: 'redirections and their targets are not arguments', markdown: sh('heroku config:get DATABASE_URL -a app > url.txt 2>&1', 'sf org display -o a >/dev/null'), words: [['heroku', 'config:get', 'DATABASE_URL', '-a', 'app'], ['sf', 'org', 'display', '-o', 'a']] },
    { name: 'commands inside $( ) are found too', markdown: sh('heroku config:set SF_URL="$(sf org display -o a --json)" -a app'), words: [['heroku', 'config:set', 'SF_URL=$(sf org display -o a --json)', '-a', 'app'], ['sf', 'org', 'display', '-o', 'a', '--json']] },
    { name: 'here-document bodies are not commands', markdown: sh('cat <<EOF > mapping.json', 'heroku not:a:command', 'EOF', 'heroku connect:import mapping.json -a app'), words: [['cat'], ['heroku', 'connect:import', 'mapping.json', '-a', 'app']] },
    { name: 'a console fence runs only the lines after a prompt', markdown: ['```console', '$ heroku pg:info -a app', '=== DATABASE_URL', 'Plan: standard-0', '```'].join('\n'), words: [['heroku', 'pg:info', '-a', 'app']] },
    { name: 'bash and shell fences count; other fences do not', markdown: ['```bash', 'heroku ps -a a', '```', '```shell', 'sf org list', '```', '```yaml', 'heroku: not a command', '```', '```', 'heroku apps', '```'].join('\n'), words: [['heroku', 'ps', '-a', 'a'], ['sf', 'org', 'list']] },
    { name: 'text outside fences is ignored', markdown: 'Run `heroku addons:create heroku-applink` first.\n\nheroku apps:create\n', words: [] },
  ];
  for (const c of cases) {
    it(c.name, () => assert.deepEqual(wordsOf(c.markdown), c.words));
  }

  it('keeps leading environment assignments apart from the words', () => {
    const [command] = shellCommandsInMarkdown(sh('HEROKU_APP=my-app FOO=1 heroku pg:info')).commands;
    assert.deepEqual(command.env, { HEROKU_APP: 'my-app', FOO: '1' });
    assert.deepEqual(command.words.map((w) => w.text), ['heroku', 'pg:info']);
  });

  it('gives each word its document line and marks unknown values opaque', () => {
    const { commands } = shellCommandsInMarkdown(sh('sf org login jwt \\', '  --client-id $CLIENT_ID \\', '  --alias <org-alias> --username u'));
    const words = commands[0].words;
    assert.equal(commands[0].line, 4);
    assert.deepEqual(words.map((w) => [w.text, w.line, w.opaque]), [
      ['sf', 4, false], ['org', 4, false], ['login', 4, false], ['jwt', 4, false],
      ['--client-id', 5, false], ['$CLIENT_ID', 5, true],
      ['--alias', 6, false], ['<org-alias>', 6, true], ['--username', 6, false], ['u', 6, false],
    ]);
    assert.equal(commands[0].source, 'sf org login jwt --client-id $CLIENT_ID --alias <org-alias> --username u');
  });

  it('reports shell it cannot read', () => {
    assert.deepEqual(shellCommandsInMarkdown(sh(`heroku config:set A='x -a app`)).problems.map((p) => [p.line, p.message]), [[4, "unclosed '"]]);
    assert.deepEqual(shellCommandsInMarkdown(sh('cat <<EOF', 'never closed')).problems.map((p) => [p.line, p.message]), [[4, 'here-document <<EOF is not closed']]);
  });
});
