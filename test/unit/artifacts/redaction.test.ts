import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { generateAllArtifacts } from '../../../server/src/core/artifacts/generate';
import { looksLikeSecretKey, REDACTED } from '../../../server/src/core/artifacts/redact';

const base = `version: 1
name: Secrets test
environment: production
paths:
  rest_api:
    auth_flow: jwt-bearer
    app_type: external-client-app
`;

function allContent(text: string): string {
  return generateAllArtifacts(text, 'secrets.integration.yaml').map((a) => a.content).join('\n');
}

describe('secrets never reach an artifact', () => {
  it('a value under a secret-looking key (an unknown key, quoted in the errors banner) is redacted', () => {
    const secret = 'Zq8vT3kLmN0pR5sWx2yB';
    const out = allContent(`${base}    client_secret: ${secret}\n`);
    assert.ok(!out.includes(secret), 'the secret appears in an artifact');
    assert.match(out, /unknown-key/, 'the unknown key is still reported');
  });

  it('a value the secret-in-design rule flags is redacted wherever it is quoted (summary, instance, messages)', () => {
    const token = '00D5g000004ABCD!AQ0AQFakeTokenValue1234567890abcdef';
    const out = allContent(`${base.replace('name: Secrets test\n', `name: Secrets test\nsummary: "Use ${token} to log in"\n`)}salesforce:\n  instance: "${token}"\n`);
    assert.ok(!out.includes(token), 'the token appears in an artifact');
    assert.ok(!out.includes(token.slice(0, 30)), 'a prefix of the token appears in an artifact');
    assert.ok(out.includes(REDACTED), 'the redaction marker is shown');
    assert.match(out, /secret-in-design/, 'the finding is still listed');
  });

  it('a long secret quoted in shortened form ("abcdef…") is redacted too', () => {
    const secret = 'p4ssw0rd-that-is-very-long-and-would-be-cut-in-a-message-quote';
    const out = allContent(`${base}    password: ${secret}\n`);
    assert.ok(!out.includes(secret.slice(0, 20)), out.split('\n').find((l) => l.includes(secret.slice(0, 20))));
  });

  it('a password in a comment (a suppression reason copied into the risk register) is redacted', () => {
    const url = 'postgres://orders:hunter2hunter2@db.example.com:5432/orders';
    const out = allContent(`${base}# integration-lint-disable-next-line summary-missing -- see ${url}\nsalesforce:\n  edition: enterprise\n`);
    assert.ok(!out.includes('hunter2hunter2'), 'the password appears in an artifact');
  });

  it('a password in a summary or a Named Credential (both quoted by the artifacts) is redacted', () => {
    const design = `${base.replace('name: Secrets test\n', 'name: Secrets test\nsummary: "Sessions in redis://:s3cr3tPassw0rd@cache.example.com:6379"\n')}  apex_callout:\n    named_credential: "Server=tcp:db.example.com;User Id=sa;Password=Hunter2Hunter2;"\n`;
    const out = allContent(design);
    assert.ok(!out.includes('s3cr3tPassw0rd'), 'the summary\'s password appears in an artifact');
    assert.ok(!out.includes('Hunter2Hunter2'), 'the Named Credential\'s password appears in an artifact');
    assert.ok(out.includes(REDACTED));
  });

  it('the suppressed secret-in-design finding still redacts its value', () => {
    const token = '00D5g000004ABCD!AQ0AQFakeTokenValue1234567890abcdef';
    const out = allContent(`${base}salesforce:\n  # integration-lint-disable-next-line secret-in-design -- test fixture\n  instance: "${token}"\n`);
    assert.ok(!out.includes(token));
  });

  it('the format\'s own keys are not secrets, whatever their names', () => {
    assert.equal(looksLikeSecretKey('named_credential'), false);
    assert.equal(looksLikeSecretKey('token_holders'), false);
    assert.equal(looksLikeSecretKey('client_secret'), true);
    assert.equal(looksLikeSecretKey('refresh_token'), true);
    assert.equal(looksLikeSecretKey('password'), true);
    const out = allContent(`${base}  apex_callout:\n    named_credential: Orders_API\n`);
    assert.match(out, /Orders_API/, 'a Named Credential name is shown, not redacted');
  });
});

describe('secrets never reach a command line', () => {
  /** The lines inside the runbook's shell fences. */
  const commandLines = (markdown: string) => {
    const lines: string[] = [];
    let inFence = false;
    for (const line of markdown.split('\n')) {
      if (/^```/.test(line)) inFence = line.startsWith('```sh') ? true : false;
      else if (inFence) lines.push(line);
    }
    return lines;
  };

  it('a secret where a command takes a value (a Heroku API token as the username) becomes a placeholder and an open decision', () => {
    const token = 'HRKU-abcdefghijklmnopqrstuvwxyz0123456789';
    const design = `version: 1
name: Secret username
environment: production
salesforce: { my_domain: acme.my.salesforce.com, cli_alias: acme }
integration_users:
  connect:
    username: ${token}
    permissions: [api-enabled, view-all-data]
    used_by: [heroku_connect]
paths:
  heroku_connect: { app: acme-sync, addon: acme-connect, plan: enterprise }
`;
    const out = allContent(design);
    assert.ok(!out.includes(token), 'the token appears in an artifact');
    const runbook = generateAllArtifacts(design, 'secrets.integration.yaml').find((a) => a.kind === 'runbook')!.content;
    const commands = commandLines(runbook);
    assert.ok(commands.length > 10, 'the runbook has commands');
    assert.ok(!commands.some((l) => l.includes(REDACTED)), 'a command line holds the redaction marker instead of a placeholder');
    assert.ok(commands.some((l) => l.includes('--on-behalf-of <username>')), 'the username is a placeholder in the commands');
    assert.match(runbook, /OPEN DECISION:\*\* The design's value for `username` cannot be put on a command line as it is/);
  });

  it('the credentials the runbook handles come from files and shell variables, never from a value on the line', () => {
    const runbook = generateAllArtifacts(readFileSync(join(__dirname, '../../../examples/paths/rest-api.integration.yaml'), 'utf8'), 'rest-api.integration.yaml').find((a) => a.kind === 'runbook')!.content;
    const setters = commandLines(runbook).filter((l) => l.startsWith('heroku config:set'));
    assert.ok(setters.length > 0);
    for (const line of setters) assert.match(line, /^heroku config:set <[a-z-]+>="\$(\(cat server\.key\)|[A-Z_]+)" --app /, line);
  });
});
