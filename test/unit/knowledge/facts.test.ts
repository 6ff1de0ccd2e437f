// The knowledge base itself: units, dates, and what the rules built on it claim.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CLI_PLUGINS, COMMANDS, UI_PATHS } from '../../../server/src/core/knowledge/commands';
import { describe, it } from 'node:test';
import { FACTS, fact, formatFactValue, toFact } from '../../../server/src/core/knowledge/facts';
import { SOURCES } from '../../../server/src/core/knowledge/sources';
import { RULES_BY_ID } from '../../../server/src/core/rules/registry';
import { isRuleOfThumb } from '../../../server/src/core/rule';
import { generateAllArtifacts } from '../../../server/src/core/artifacts/generate';
import { isCalendarDate, knowledgeEntries, monthsBefore, staleEntries } from '../../../server/src/core/knowledgeReport';

const root = join(__dirname, '../../..');
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

describe('knowledge base: when each fact was checked', () => {
  it('every source says when it was read, as a date', () => {
    for (const [id, source] of Object.entries(SOURCES)) {
      assert.match(source.checked, ISO_DATE, `${id}: checked '${source.checked}'`);
      assert.ok(!Number.isNaN(Date.parse(source.checked)), `${id}: ${source.checked} is a real date`);
    }
  });

  it('a fact\'s checked date is its own, else its source\'s', () => {
    for (const f of FACTS.values()) assert.match(f.checked, ISO_DATE, f.id);
    assert.equal(fact('connect-demo-max-rows').checked, SOURCES.herokuConnect.checked);
    const data = { title: 'T', statement: 'S.', source: 'herokuConnect', confirmed: true } as const;
    assert.equal(toFact('connect-plans', data).checked, SOURCES.herokuConnect.checked);
    assert.equal(toFact('connect-plans', { ...data, checked: '2027-01-15' }).checked, '2027-01-15');
  });
});

describe('knowledge base: figures stated with the unit and scope the source gives', () => {
  it('the OData ID-mapping cap counts new external record IDs, not requests, and is lifted for OData 4.01', () => {
    const f = fact('odata-id-mapping-rate');
    assert.equal(formatFactValue(f), '100,000 external record IDs per hour');
    assert.doesNotMatch(formatFactValue(f), /requests/);
    assert.match(`${f.statement} ${f.note}`, /4\.01/);
  });

  it('the 2014 paid polling range is historical, hence not confirmed', () => {
    for (const id of ['connect-paid-min-polling', 'connect-paid-max-polling'] as const) {
      assert.equal(fact(id).confirmed, false, id);
      assert.equal(fact(id).historical, true, id);
    }
  });
});

describe('knowledge base: rules of thumb are the rules that rely on an unconfirmed fact', () => {
  it('connect-user-missing-view-all relies on the confirmed View All requirement; the OPERATION_TOO_LARGE link is only mentioned', () => {
    const rule = RULES_BY_ID.get('connect-user-missing-view-all')!;
    assert.equal(isRuleOfThumb(rule), false);
    assert.deepEqual(rule.mentions, ['operation-too-large']);
    const page = readFileSync(join(root, 'docs/rules/connect-user-missing-view-all.md'), 'utf8');
    assert.match(page, /\| `connect-user-missing-view-all` \| warning \| connect \| yes \| no \|/);
    assert.match(page, /## Facts its message mentions[\s\S]*operation-too-large/);
  });
});

describe('artifacts cite the skill document by its title, never by a path readers cannot open', () => {
  const designs = ['examples', 'examples/paths'].flatMap((dir) => readdirSync(join(root, dir)).filter((n) => n.endsWith('.integration.yaml')).map((n) => join(dir, n)));
  for (const design of designs) {
    it(design, () => {
      for (const artifact of generateAllArtifacts(readFileSync(join(root, design), 'utf8'), design.split('/').pop()!)) {
        assert.doesNotMatch(artifact.content, /shared\/reference|heroku-salesforce-integration-skill\.md/, `${artifact.fileName}`);
      }
    });
  }
});

describe('knowledge report: stale facts by calendar months', () => {
  it('counts months on the calendar, clamping to the end of a shorter month', () => {
    assert.equal(monthsBefore('2027-05-26', 6), '2026-11-26');
    assert.equal(monthsBefore('2027-03-31', 1), '2027-02-28');
    assert.equal(monthsBefore('2026-01-15', 13), '2024-12-15');
    assert.equal(monthsBefore('2026-12-03', 0), '2026-12-03');
    assert.equal(isCalendarDate('2026-02-30'), false);
    assert.equal(isCalendarDate('2026-12-03'), true);
  });

  it('lists the facts checked on or before the cutoff, with the rules that use them', () => {
    const entries = knowledgeEntries();
    assert.equal(entries.length, FACTS.size);
    const stale = staleEntries(entries, '2027-05-25', 6);
    assert.ok(stale.length > 0 && stale.every((e) => e.checked <= '2026-11-25'));
    assert.deepEqual(staleEntries(entries, '2026-12-03', 12), []);
    const multiplier = entries.find((e) => e.id === 'region-latency-multiplier')!;
    assert.deepEqual(multiplier.mentionedBy, ['region-not-colocated']);
  });

  it('every source is used: by a fact, a command, a Setup path, or a document that cites it', () => {
    const cited = new Set<string>([
      ...[...FACTS.values()].map((f) => f.source),
      ...Object.values(COMMANDS).map((c) => c.source),
      ...Object.values(UI_PATHS).map((p) => p.source),
      ...Object.values(CLI_PLUGINS).map((p) => p.source),
    ]);
    // Documents cite pages directly (`ctx.cite.source('<id>')`, or a source id handed to a helper).
    const code = sourceFilesUnder(join(__dirname, '../../../server/src/core')).filter((f) => !f.endsWith('sources.ts')).map((f) => readFileSync(f, 'utf8')).join('\n');
    for (const id of Object.keys(SOURCES)) if (code.includes(`'${id}'`)) cited.add(id);
    assert.deepEqual(Object.keys(SOURCES).filter((id) => !cited.has(id)), []);
  });
});

function sourceFilesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => statSync(join(dir, name)).isDirectory() ? sourceFilesUnder(join(dir, name)) : name.endsWith('.ts') ? [join(dir, name)] : []);
}
