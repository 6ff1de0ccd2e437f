// The diagram model built from the typed design: the parts, each path as a link with its
// direction and users, the region groups, and each finding on the part it concerns.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../../server/src/core/analysis';
import { buildDiagram } from '../../../server/src/core/diagram/build';
import type { Diagram } from '../../../server/src/core/diagram/model';

const ROOT = join(__dirname, '../../..');
const diagramOf = (text: string): Diagram => buildDiagram(analyze(text), 'd.integration.yaml');
const example = (file: string): Diagram => diagramOf(readFileSync(join(ROOT, 'examples', file), 'utf8'));
const ids = (d: Diagram) => d.elements.map((e) => `${e.id}:${e.title}${e.name ? ` ${e.name}` : ''}@${e.group}`);

describe('the diagram model', () => {
  it('draws the org, the named apps, the Connect add-on and its database, in their region groups', () => {
    const d = example('orders-production.integration.yaml');
    assert.equal(d.title, 'Orders platform');
    assert.deepEqual(d.groups.map((g) => [g.id, g.label]), [
      ['sf', 'Salesforce · us-east'],
      ['h1', 'Heroku · virginia · Private Space orders-space · team orders-platform'],
    ]);
    assert.deepEqual(ids(d), [
      'org:Salesforce org@sf', 'app1:Heroku app orders-sync@h1', 'app2:Heroku app orders-events@h1', 'app3:Heroku app orders-panel@h1',
      'connect:Heroku Connect add-on orders-connect@h1', 'db:Heroku Postgres orders-db@h1',
    ]);
    assert.deepEqual(d.elements[0].details, ['orders.my.salesforce.com', 'unlimited edition, production org', 'instance USA596S']);
  });

  it('draws each chosen path from the org to where it lands, in the direction it works, with the users it logs in as', () => {
    const d = example('orders-production.integration.yaml');
    assert.deepEqual(d.links.map((l) => `${l.from} ${l.direction} ${l.to}: ${l.label}${l.users.length ? ` as ${l.users.join(', ')}` : ''}`), [
      'org both connect: Heroku Connect as connect (heroku-connect@orders.example.com)',
      'org forward app2: Platform Events / Pub/Sub as events (order-events@orders.example.com)',
      'org forward app3: Salesforce Canvas',
      'connect both db: syncs tables with',
      'db none app1: is used by',
    ]);
    assert.deepEqual(d.links[0].details, ['syncs Account, Contact and Order (read-write)', '1,200,000 rows', 'polls every 2 minutes']);
  });

  it('directions: read-only Connect to Heroku, REST from Heroku, External Objects to Salesforce unless writable, AppLink through its add-on', () => {
    const direction = (yaml: string) => diagramOf(`version: 1\npaths:\n${yaml}`).links.map((l) => `${l.label}: ${l.from}→${l.to} ${l.direction}`);
    assert.deepEqual(direction('  heroku_connect:\n    mappings:\n      - { object: Account, mode: read-only }\n'), ['Heroku Connect: org→connect forward', 'syncs tables with: connect→db forward', 'is used by: db→app1 none']);
    assert.deepEqual(direction('  rest_api:\n    auth_flow: jwt-bearer\n'), ['Heroku → Salesforce REST API: org→app1 back']);
    assert.deepEqual(direction('  external_objects:\n    writable: false\n'), ['Heroku External Objects: org→connect back', 'reads tables from: connect→db back', 'is used by: db→app1 none']);
    assert.deepEqual(direction('  external_objects:\n    writable: true\n')[0], 'Heroku External Objects: org→connect both');
    assert.deepEqual(direction('  heroku_applink:\n    addon: scoring\n'), ['Heroku AppLink: org→applink forward', 'invokes: applink→app1 forward']);
    assert.deepEqual(direction('  platform_events:\n    api: pub-sub\n  apex_callout:\n    context: queueable\n  canvas:\n    auth: signed-request\n').map((l) => l.split(':')[1].trim()),
      ['org→app1 forward', 'org→app2 forward', 'org→app3 forward']);
  });

  it('gives a path whose app is not named an app of its own, and External Objects Connect\'s app', () => {
    const d = diagramOf('version: 1\npaths:\n  heroku_connect:\n    plan: enterprise\n  external_objects:\n    writable: false\n  rest_api:\n    auth_flow: jwt-bearer\n');
    assert.deepEqual(d.elements.filter((e) => e.kind === 'app').map((e) => [e.id, e.name, e.details[0]]), [
      ['app1', undefined, 'name not stated (Heroku Connect)'],
      ['app2', undefined, 'name not stated (Heroku → Salesforce REST API)'],
    ]);
    const one = diagramOf('version: 1\nheroku:\n  apps: [only-app]\npaths:\n  rest_api:\n    auth_flow: jwt-bearer\n  canvas:\n    auth: signed-request\n');
    assert.deepEqual(one.elements.filter((e) => e.kind === 'app').map((e) => e.name), ['only-app'], 'the design\'s only app runs every path');
  });

  it('groups Connect with its app when the design states no Connect region (Connect runs in the app\'s region)', () => {
    const d = example('paths/external-objects.integration.yaml');
    assert.equal(d.elements.find((e) => e.id === 'connect')!.group, d.elements.find((e) => e.kind === 'app')!.group);
  });

  it('puts each finding on the part it concerns: the org, an add-on, a path, a user\'s first path, a region group', () => {
    const d = example('gotchas.integration.yaml');
    const on = (id: string) => [...d.groups, ...d.elements, ...d.links].find((x) => x.id === id)!.findings.map((f) => f.ruleId);
    assert.deepEqual(on('org'), ['unknown-key']);
    assert.ok(on('connect').includes('connect-demo-row-limit') && on('connect').includes('connect-trigger-log-retention'));
    assert.ok(on('db').includes('connect-connection-pooling'));
    assert.ok(on('p-heroku_connect').includes('connect-unmappable-object'), 'mappings are what the link syncs');
    assert.ok(on('p-heroku_connect').includes('integration-user-is-person'), 'jane logs in for Connect first');
    assert.ok(on('p-rest_api').includes('rest-token-approvals'));
    assert.deepEqual(on('h2').sort(), ['connect-region-differs-from-app', 'region-app-postgres-mismatch', 'region-not-colocated'].sort());
    const all = [...d.groups, ...d.elements, ...d.links].flatMap((x) => x.findings);
    const findings = analyze(readFileSync(join(ROOT, 'examples/gotchas.integration.yaml'), 'utf8')).findings;
    assert.equal(all.length + d.unattached, findings.length, 'each finding is drawn once or counted as unattached');
    assert.ok(all.every((f) => f.line >= 1));
  });

  it('draws just the org for a design with no path, and nothing breaks on an empty or broken document', () => {
    const d = diagramOf('version: 1\nname: Nothing yet\n');
    assert.deepEqual(ids(d), ['org:Salesforce org@sf']);
    assert.deepEqual(d.links, []);
    assert.deepEqual(ids(diagramOf('')), ['org:Salesforce org@sf']);
    assert.deepEqual(ids(diagramOf('paths: [\n')), ['org:Salesforce org@sf']);
  });
});
