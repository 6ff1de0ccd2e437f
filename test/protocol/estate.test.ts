// The estate over stdio: the server indexes the workspace's designs and org files (open or not),
// keeps the index up to date from edits, file events and folder changes, and publishes the
// findings that compare designs in every design involved, with related locations in the others.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, it } from 'node:test';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';
import { LspDriver, startServer } from '../helpers/lspDriver';
import { INDEX_LOG_PREFIX } from '../../server/src/lsp/estateIndex';
import { editsFor, messageOf, positionOf } from './lspText';

const SHARED = 'estate-integration-user-shared';

function design(name: string, username: string, org = 'acme-prod'): string {
  return `version: 1\nname: ${name}\nsalesforce:\n  org: ${org}\nintegration_users:\n  sync:\n    username: ${username}\n    kind: integration\n    permissions: [api-enabled]\n    used_by: [rest_api]\npaths:\n  rest_api: { auth_flow: jwt-bearer }\n`;
}
const ORG = 'version: 1\norg: acme-prod\nedition: unlimited\n';

const codes = (p: PublishDiagnosticsParams | undefined) => (p?.diagnostics ?? []).map((d) => String(d.code));
const shared = (p: PublishDiagnosticsParams | undefined): Diagnostic[] => (p?.diagnostics ?? []).filter((d) => d.code === SHARED);

describe('the estate over stdio', () => {
  let client: LspDriver | undefined;
  let dir: string;
  const uri = (name: string) => pathToFileURL(join(dir, name)).href;
  const write = (name: string, text: string) => writeFileSync(join(dir, name), text);
  /** A fresh folder with these files, and a server whose workspace it is. */
  async function workspace(files: Record<string, string>, options: Parameters<typeof startServer>[0] = {}): Promise<LspDriver> {
    dir = mkdtempSync(join(tmpdir(), 'estate-'));
    for (const [name, text] of Object.entries(files)) write(name, text);
    client = await startServer({ rootDir: dir, ...options });
    return client;
  }
  afterEach(async () => {
    await client?.stop();
    client = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('indexes closed designs and publishes the shared user in both, each pointing at the other\'s line', async () => {
    const a = design('Orders', 'sf-connect@acme.com');
    const b = design('Events', 'sf-connect@acme.com');
    const server = await workspace({ 'a.integration.yaml': a, 'b.integration.yaml': b, 'acme.salesforce-org.yaml': ORG, 'notes.yaml': 'not: a design\n' });
    const [pa, pb] = await Promise.all([
      server.waitForPublish(uri('a.integration.yaml'), (p) => shared(p).length === 1),
      server.waitForPublish(uri('b.integration.yaml'), (p) => shared(p).length === 1),
    ]);
    assert.equal(pa.version, undefined, 'a closed file is published without a version');
    const [finding] = shared(pa);
    assert.deepEqual(finding.range.start, positionOf(a, 'sf-connect@acme.com'));
    assert.match(messageOf(finding), /also used by another design of org 'acme-prod': b\.integration\.yaml \(Heroku → Salesforce REST API, line 7\)/);
    assert.deepEqual(finding.relatedInformation?.map((r) => [r.location.uri, r.location.range.start, r.message]), [
      [uri('b.integration.yaml'), positionOf(b, 'sf-connect@acme.com'), 'Also used by Events (Heroku → Salesforce REST API)'],
    ]);
    assert.deepEqual(shared(pb)[0].relatedInformation?.map((r) => r.location.uri), [uri('a.integration.yaml')]);
    assert.ok(server.logs.some((l) => l.message.startsWith(INDEX_LOG_PREFIX) && l.message.includes('3 files read')), 'the three documents were read (not notes.yaml)');
    assert.equal(server.publishes.some((p) => p.uri === uri('acme.salesforce-org.yaml') && p.diagnostics.length > 0), false);

    // Opened, a design gets its own findings and its estate's, with the editor's version.
    server.open(uri('a.integration.yaml'), a);
    const opened = await server.waitForDiagnostics(uri('a.integration.yaml'), 1);
    assert.deepEqual(shared(opened).map((d) => d.relatedInformation?.[0].location.uri), [uri('b.integration.yaml')]);
  });

  it('editing one design updates the other\'s diagnostics, open or closed', async () => {
    const a = design('Orders', 'sf-connect@acme.com');
    const server = await workspace({ 'a.integration.yaml': a, 'b.integration.yaml': design('Events', 'sf-connect@acme.com'), 'acme.salesforce-org.yaml': ORG });
    const b = uri('b.integration.yaml');
    await server.waitForPublish(b, (p) => shared(p).length === 1);
    server.open(uri('a.integration.yaml'), a);
    await server.waitForDiagnostics(uri('a.integration.yaml'), 1);
    // a gets its own user: b's finding goes (b is closed).
    const end = positionOf(a, 'sf-connect', 'sf-connect'.length);
    server.change(uri('a.integration.yaml'), 2, [{ range: { start: end, end }, text: '-orders' }]);
    const own = await server.waitForDiagnostics(uri('a.integration.yaml'), 2);
    assert.deepEqual(shared(own), []);
    await server.waitForPublish(b, (p) => p === server.latest(b) && shared(p).length === 0, 'b without the shared user');
    // Undo: the finding comes back in b.
    const typed = { line: end.line, character: end.character + '-orders'.length };
    server.change(uri('a.integration.yaml'), 3, [{ range: { start: end, end: typed }, text: '' }]);
    await server.waitForDiagnostics(uri('a.integration.yaml'), 3);
    await server.waitForPublish(b, (p) => p === server.latest(b) && shared(p).length === 1, 'b with the shared user again');
    // Opened too, b is validated again when a changes (with its version).
    server.open(b, design('Events', 'sf-connect@acme.com'));
    await server.waitForDiagnostics(b, 1);
    const from = server.publishes.length;
    server.change(uri('a.integration.yaml'), 4, [{ range: { start: end, end }, text: 'x' }]);
    await server.waitForPublish(b, (p) => server.publishes.indexOf(p) >= from && p.version === 1 && shared(p).length === 0, 'open b republished');
  });

  it('an allocation exceeded only together shows in both designs\' problems, each pointing at the other and at the org\'s figure', async () => {
    const requests = (name: string, user: string, perDay: string) => design(name, user).replace('rest_api: { auth_flow: jwt-bearer }', `rest_api: { auth_flow: jwt-bearer, api_requests_per_day: ${perDay} }`);
    const org = `${ORG}daily_api_requests: 700_000\n`;
    const a = requests('Portal', 'sf-portal@acme.com', '380_000');
    const b = requests('Writeback', 'sf-writeback@acme.com', '350_000');
    const server = await workspace({ 'a.integration.yaml': a, 'b.integration.yaml': b, 'acme.salesforce-org.yaml': org });
    const over = (p: PublishDiagnosticsParams | undefined) => (p?.diagnostics ?? []).filter((d) => d.code === 'estate-allocation-exceeded');
    const limits = (p: PublishDiagnosticsParams | undefined) => codes(p).filter((c) => /allocation|limit/.test(c)).sort();
    const [pa, pb] = await Promise.all([uri('a.integration.yaml'), uri('b.integration.yaml')].map((u) => server.waitForPublish(u, (p) => over(p).length === 1)));
    assert.equal(over(pa)[0].severity, 1, 'an error');
    assert.match(messageOf(over(pa)[0]), /use 104% of its API requests per 24 hours \(730,000 of 700,000 requests per 24 hours, stated in acme\.salesforce-org\.yaml, line 4\)\. This design adds 380,000/);
    assert.deepEqual(over(pa)[0].range.start, positionOf(a, '380_000'));
    assert.deepEqual(over(pa)[0].relatedInformation?.map((r) => [r.location.uri, r.location.range.start]), [
      [uri('b.integration.yaml'), positionOf(b, '350_000')],
      [uri('acme.salesforce-org.yaml'), positionOf(org, '700_000')],
    ]);
    assert.deepEqual(over(pb)[0].relatedInformation?.map((r) => r.location.uri), [uri('a.integration.yaml'), uri('acme.salesforce-org.yaml')]);

    // Opened, a's own measure counts against the org file's figure too: 54%, not over the 100,000 paid editions start at.
    server.open(uri('a.integration.yaml'), a);
    const opened = await server.waitForDiagnostics(uri('a.integration.yaml'), 1);
    assert.deepEqual(limits(opened), ['estate-allocation-exceeded', 'limit-approaching']);
    assert.match(messageOf(opened.diagnostics.find((d) => d.code === 'limit-approaching')!), /At 54% of API requests to Salesforce per day \(REST API\) vs the org's stated allocation \(daily_api_requests in acme\.salesforce-org\.yaml, line 4\)/);

    // a asks for less: together they are under the figure, in b (closed) too.
    const at = positionOf(a, '380_000');
    server.change(uri('a.integration.yaml'), 2, [{ range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '2' }]);
    await server.waitForPublish(uri('b.integration.yaml'), (p) => p === server.latest(uri('b.integration.yaml')) && over(p).length === 0 && codes(p).includes('estate-allocation-approaching'), 'b: 93%, approaching');

    // The org file changes on disk: a (open) is checked again by its own rules, against the new figure.
    write('acme.salesforce-org.yaml', `${ORG}daily_api_requests: 400_000\n`);
    server.fileEvents([{ uri: uri('acme.salesforce-org.yaml'), type: 2 }]);
    const after = await server.waitForPublish(uri('a.integration.yaml'), (p) => p === server.latest(uri('a.integration.yaml')) && p.version === 2 && limits(p).includes('limit-approaching'), 'a\'s own 280,000 against the new 400,000');
    assert.match(messageOf(after.diagnostics.find((d) => d.code === 'limit-approaching')!), /At 70% of API requests to Salesforce per day/);
    assert.deepEqual(limits(after), ['estate-allocation-exceeded', 'limit-approaching']);
    await server.waitForPublish(uri('b.integration.yaml'), (p) => p === server.latest(uri('b.integration.yaml')) && over(p).length === 1, 'b over again');
  });

  it('offers to disable the rule for the line; the comment silences it in that design only', async () => {
    const a = design('Orders', 'sf-connect@acme.com');
    const server = await workspace({ 'a.integration.yaml': a, 'b.integration.yaml': design('Events', 'sf-connect@acme.com'), 'acme.salesforce-org.yaml': ORG });
    const aUri = uri('a.integration.yaml');
    server.open(aUri, a);
    const [finding] = shared(await server.waitForDiagnostics(aUri, 1));
    const actions = await server.codeActions(aUri, finding.range, [finding]);
    const disable = actions.find((x) => x.title === `Disable ${SHARED} for this line`);
    assert.ok(disable, actions.map((x) => x.title).join(', '));
    const [edit] = editsFor(disable.edit, aUri);
    server.change(aUri, 2, [{ range: edit.range, text: edit.newText }]);
    const after = await server.waitForDiagnostics(aUri, 2);
    assert.deepEqual(codes(after).filter((c) => c === SHARED || c === 'unused-suppression'), []);
    assert.equal(shared(server.latest(uri('b.integration.yaml'))).length, 1, 'b still reports it');
  });

  it('follows file events: created, changed, renamed and deleted designs, and a deleted folder', async () => {
    const server = await workspace({ 'a.integration.yaml': design('Orders', 'sf-connect@acme.com'), 'acme.salesforce-org.yaml': ORG });
    const a = uri('a.integration.yaml');
    await server.waitFor(() => server.logs.find((l) => l.message.startsWith(INDEX_LOG_PREFIX)), () => 'the first index run');
    write('c.integration.yaml', design('Billing', 'SF-Connect@acme.com'));
    server.fileEvents([{ uri: uri('c.integration.yaml'), type: 1 }]);
    await server.waitForPublish(a, (p) => p === server.latest(a) && shared(p).length === 1, 'a shares its user with the new c');
    write('c.integration.yaml', design('Billing', 'sf-billing@acme.com'));
    server.fileEvents([{ uri: uri('c.integration.yaml'), type: 2 }]);
    await server.waitForPublish(a, (p) => p === server.latest(a) && shared(p).length === 0, 'c changed on disk');
    write('c.integration.yaml', design('Billing', 'sf-connect@acme.com'));
    server.fileEvents([{ uri: uri('c.integration.yaml'), type: 2 }]);
    await server.waitForPublish(a, (p) => p === server.latest(a) && shared(p).length === 1, 'c shares again');
    renameSync(join(dir, 'c.integration.yaml'), join(dir, 'd.integration.yaml'));
    server.fileEvents([{ uri: uri('c.integration.yaml'), type: 3 }, { uri: uri('d.integration.yaml'), type: 1 }]);
    await server.waitForPublish(uri('c.integration.yaml'), (p) => p === server.latest(uri('c.integration.yaml')) && p.diagnostics.length === 0, 'the old name is cleared');
    await server.waitForPublish(a, (p) => p === server.latest(a) && shared(p)[0]?.relatedInformation?.[0].location.uri === uri('d.integration.yaml'), 'a points at the new name');
    unlinkSync(join(dir, 'd.integration.yaml'));
    server.fileEvents([{ uri: uri('d.integration.yaml'), type: 3 }]);
    await server.waitForPublish(a, (p) => p === server.latest(a) && shared(p).length === 0, 'd deleted');
    // A folder deleted as a whole is reported once, for the folder.
    const sub = join(dir, 'team');
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, 'e.integration.yaml'), design('Team', 'sf-connect@acme.com'));
    server.fileEvents([{ uri: pathToFileURL(join(sub, 'e.integration.yaml')).href, type: 1 }]);
    await server.waitForPublish(a, (p) => p === server.latest(a) && shared(p).length === 1, 'e created');
    rmSync(sub, { recursive: true });
    server.fileEvents([{ uri: pathToFileURL(sub).href, type: 3 }]);
    await server.waitForPublish(a, (p) => p === server.latest(a) && shared(p).length === 0, 'the folder of e deleted');
  });

  it('counts a file once, however the editor spells its URI', async () => {
    // Node writes `team+1`, VS Code `team%2B1`: the same folder.
    dir = mkdtempSync(join(tmpdir(), 'estate-'));
    mkdirSync(join(dir, 'team+1'));
    const a = design('Orders', 'sf-connect@acme.com');
    writeFileSync(join(dir, 'team+1', 'a.integration.yaml'), a);
    writeFileSync(join(dir, 'team+1', 'b.integration.yaml'), design('Events', 'sf-connect@acme.com'));
    writeFileSync(join(dir, 'acme.salesforce-org.yaml'), ORG);
    client = await startServer({ rootDir: dir });
    const nodeSpelling = pathToFileURL(join(dir, 'team+1', 'b.integration.yaml')).href;
    await client.waitForPublish(nodeSpelling, (p) => shared(p).length === 1);
    const editorSpelling = pathToFileURL(join(dir, 'team+1', 'a.integration.yaml')).href.replace('team+1', 'team%2B1');
    client.open(editorSpelling, a);
    const opened = await client.waitForDiagnostics(editorSpelling, 1);
    assert.match(messageOf(shared(opened)[0]), /is also used by another design of org 'acme-prod': b\.integration\.yaml/, 'not by itself under its other spelling');
    const from = client.publishes.length;
    const end = positionOf(a, 'sf-connect', 'sf-connect'.length);
    client.change(editorSpelling, 2, [{ range: { start: end, end }, text: '-orders' }]);
    await client.waitForDiagnostics(editorSpelling, 2);
    await client.waitForPublish(nodeSpelling, (p) => client!.publishes.indexOf(p) >= from && shared(p).length === 0, 'b alone with its user once a is edited');
  });

  it('follows workspace folders as they are added and removed', async () => {
    dir = mkdtempSync(join(tmpdir(), 'estate-'));
    write('a.integration.yaml', design('Orders', 'sf-connect@acme.com'));
    write('b.integration.yaml', design('Events', 'sf-connect@acme.com'));
    write('acme.salesforce-org.yaml', ORG);
    client = await startServer({ workspaceFolders: [] });
    const folder = pathToFileURL(dir).href;
    client.changeWorkspaceFolders([folder]);
    await client.waitForPublish(uri('a.integration.yaml'), (p) => shared(p).length === 1, 'the added folder is indexed');
    client.changeWorkspaceFolders([], [folder]);
    await client.waitForPublish(uri('a.integration.yaml'), (p) => p === client!.latest(uri('a.integration.yaml')) && p.diagnostics.length === 0, 'the removed folder\'s findings are cleared');
  });

  it('a broken design is left out with a note, and never hides the others\' findings', async () => {
    const broken = 'version: 1\nname: Broken\nsalesforce:\n  org: acme-prod\nsummary: "never closed\nintegration_users:\n  x:\n    username: sf-connect@acme.com\n    used_by: [rest_api]\npaths: {}\n';
    const server = await workspace({ 'a.integration.yaml': design('Orders', 'sf-connect@acme.com'), 'b.integration.yaml': design('Events', 'sf-connect@acme.com'), 'broken.integration.yaml': broken, 'acme.salesforce-org.yaml': ORG });
    const pa = await server.waitForPublish(uri('a.integration.yaml'), (p) => shared(p).length === 1);
    assert.match(messageOf(shared(pa)[0]), /also used by another design/, 'the broken design is not counted');
    const left = await server.waitForPublish(uri('broken.integration.yaml'), (p) => codes(p).includes('estate-design-left-out'));
    assert.match(messageOf(left.diagnostics[0]), /left out of the estate of org 'acme-prod' because its YAML has a syntax error/);
    server.open(uri('broken.integration.yaml'), broken);
    const opened = await server.waitForDiagnostics(uri('broken.integration.yaml'), 1);
    assert.ok(codes(opened).includes('yaml-syntax') && codes(opened).includes('estate-design-left-out'), codes(opened).join(', '));
  });

  it('without a workspace folder, a design\'s org is not called undescribed (its org files are not indexed)', async () => {
    dir = mkdtempSync(join(tmpdir(), 'estate-'));
    client = await startServer();
    const text = design('Orders', 'sf-connect@acme.com');
    const a = pathToFileURL(join(dir, 'a.integration.yaml')).href;
    const b = pathToFileURL(join(dir, 'b.integration.yaml')).href;
    client.open(a, text);
    client.open(b, design('Events', 'sf-connect@acme.com'));
    const pb = await client.waitForDiagnostics(b, 1);
    assert.deepEqual(codes(pb).filter((c) => c.startsWith('estate-')), [SHARED], 'open documents still form an estate');
    await client.waitForPublish(a, (p) => p.version === 1 && shared(p).length === 1);
    assert.ok(!client.publishes.some((p) => codes(p).includes('estate-org-not-described')));
  });

  it('lists the other files\' locations in the message for clients without related information', async () => {
    const server = await workspace({ 'a.integration.yaml': design('Orders', 'sf-connect@acme.com'), 'b.integration.yaml': design('Events', 'sf-connect@acme.com'), 'acme.salesforce-org.yaml': ORG }, { relatedInformation: false });
    const pa = await server.waitForPublish(uri('a.integration.yaml'), (p) => shared(p).length === 1);
    const [finding] = shared(pa);
    assert.equal(finding.relatedInformation, undefined);
    assert.match(messageOf(finding), /\n {2}b\.integration\.yaml line 7: Also used by Events \(Heroku → Salesforce REST API\)$/);
  });

  it('registers its file watchers when the client can, and says when it cannot', async () => {
    const server = await workspace({ 'a.integration.yaml': design('Orders', 'a@acme.com') });
    const registration = await server.waitFor(() => server.registrations.find((r) => (r as { method: string }).method === 'workspace/didChangeWatchedFiles') as { registerOptions: { watchers: { globPattern: string; kind?: number }[] } } | undefined, () => 'no watcher registration');
    assert.deepEqual(registration.registerOptions.watchers, [
      { globPattern: '**/integration.yaml' }, { globPattern: '**/*.integration.yaml' },
      { globPattern: '**/salesforce-org.yaml' }, { globPattern: '**/*.salesforce-org.yaml' },
      { globPattern: '**/*', kind: 4 },
    ]);
    await client!.stop();
    client = await startServer({ rootDir: dir, watchFiles: false });
    await client.waitForLog((l) => /ready/.test(l.message));
    assert.match(client.logs.find((l) => /ready/.test(l.message))!.message, /the client cannot watch files/);
    assert.equal(client.registrations.some((r) => (r as { method: string }).method === 'workspace/didChangeWatchedFiles'), false);
  });

  it('a checkout that rewrites hundreds of designs at once does not hold up typing, and the estate is right at the end', async () => {
    const files: Record<string, string> = { 'acme.salesforce-org.yaml': ORG, 'typed.integration.yaml': design('Typed', 'sf-typed@acme.com') };
    for (let i = 0; i < 300; i++) files[`d${i}.integration.yaml`] = design(`D${i}`, `sf-${i}@acme.com`);
    const server = await workspace(files);
    await server.waitFor(() => server.logs.find((l) => l.message.startsWith(INDEX_LOG_PREFIX)), () => 'the first index run');
    const typed = uri('typed.integration.yaml');
    server.open(typed, files['typed.integration.yaml']);
    await server.waitForDiagnostics(typed, 1);
    // The checkout: every design now logs in as one user, reported in one notification.
    for (let i = 0; i < 300; i++) write(`d${i}.integration.yaml`, design(`D${i}`, 'sf-shared@acme.com'));
    const logsBefore = server.logs.length;
    server.fileEvents(Array.from({ length: 300 }, (_, i) => ({ uri: uri(`d${i}.integration.yaml`), type: 2 as const })));
    const end = positionOf(files['typed.integration.yaml'], 'name: Typed', 'name: Typed'.length);
    server.change(typed, 2, [{ range: { start: end, end }, text: ' design' }]);
    await server.waitForDiagnostics(typed, 2);
    const indexedAfterKeystroke = server.logs.slice(logsBefore).some((l) => l.message.startsWith(INDEX_LOG_PREFIX));
    assert.equal(indexedAfterKeystroke, false, 'the keystroke was validated while the checkout was still being read (batches yield to typing)');
    await server.waitFor(() => server.logs.slice(logsBefore).find((l) => l.message.startsWith(INDEX_LOG_PREFIX)), () => 'the checkout indexed');
    const last = uri('d299.integration.yaml');
    const p = await server.waitForPublish(last, (x) => shared(x).length === 1, 'the last design of the checkout shares its user');
    assert.match(messageOf(shared(p)[0]), /is also used by 299 other designs of org 'acme-prod'/);
  });

  it('an org file gets its own schema: validation, completion and hovers', async () => {
    const org = 'version: 1\norg: acme-prod\nalocations_from: x\n';
    const server = await workspace({ 'acme.salesforce-org.yaml': org });
    const orgUri = uri('acme.salesforce-org.yaml');
    server.open(orgUri, org);
    const published = await server.waitForDiagnostics(orgUri, 1);
    const unknown = published.diagnostics.find((d) => d.code === 'unknown-key');
    assert.match(unknown ? messageOf(unknown) : "", /Unknown key 'alocations_from' at the top level\. Did you mean 'allocations_from'\?/);
    const items = await server.completion(orgUri, { line: 3, character: 0 });
    const labels = items.map((i) => i.label);
    for (const key of ['daily_api_requests', 'event_deliveries_per_day', 'licenses', 'edition']) assert.ok(labels.includes(key), labels.join(', '));
    assert.ok(!labels.includes('paths') && !labels.includes('org'), 'a design\'s keys, and the keys already there, are not offered');
    const hover = await server.hover(orgUri, positionOf(org, 'org:'));
    assert.match(JSON.stringify(hover?.contents), /designs name it in `salesforce\.org`/);
  });
});

