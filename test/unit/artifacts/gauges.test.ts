// Limit gauges: the text bar of the risk register and the gauge's level and rule-of-thumb note.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../../server/src/core/analysis';
import { figureNote, gaugeBar, gaugeLevel, textBar } from '../../../server/src/core/artifacts/gauges';

describe('limit gauges', () => {
  it('draws ten cells of 10%, marks at 50% and 100%, never filling past a mark not reached, and ▶ past the limit', () => {
    assert.equal(textBar(0), '░░░░░│░░░░░│');
    assert.equal(textBar(0.09), '░░░░░│░░░░░│');
    assert.equal(textBar(0.4), '████░│░░░░░│');
    assert.equal(textBar(0.499), '████░│░░░░░│', '49.9% does not reach the 50% mark');
    assert.equal(textBar(0.5), '█████│░░░░░│');
    assert.equal(textBar(0.6), '█████│█░░░░│');
    assert.equal(textBar(0.999), '█████│████░│');
    assert.equal(textBar(1), '█████│█████│');
    assert.equal(textBar(1.2), '█████│█████│▶');
    assert.equal(textBar(Infinity), '█████│█████│▶');
  });

  it('names the level against the risk threshold and the limit', () => {
    assert.deepEqual([0.2, 0.5, 0.99, 1, 1.01].map(gaugeLevel), ['below', 'near', 'near', 'at', 'over']);
  });

  it('says when the limit is a historical or unconfirmed figure, not when it is confirmed or the design\'s', () => {
    const measured = (yaml: string, id: string) => analyze(`version: 1\npaths:\n${yaml}`).measurements.find((m) => m.id === id)!;
    assert.equal(figureNote(measured('  heroku_connect:\n    plan: enterprise\n    polling_interval: 4m\n', 'connect-polling-minimum')), 'a historical figure (rule of thumb)');
    assert.equal(figureNote(measured('  heroku_connect:\n    plan: demo\n    polling_interval: 20m\n', 'connect-polling-minimum')), undefined);
    assert.equal(figureNote(measured('  heroku_connect:\n    plan: enterprise\n    contracted_rows: 10\n    mappings:\n      - { object: A, rows: 5 }\n', 'connect-rows-contract')), undefined);
    const bar = gaugeBar(measured('  heroku_connect:\n    plan: enterprise\n    polling_interval: 4m\n', 'connect-polling-minimum'));
    assert.equal(bar.attrs['aria-label'], '50% of a historical figure (rule of thumb); marks at 50% and 100%');
  });

  it('measures the Connect recovery objective against the plan\'s trigger-log archive', () => {
    const m = (yaml: string) => analyze(`version: 1\npaths:\n  heroku_connect:\n${yaml}`).measurements.find((x) => x.id === 'connect-trigger-log-retention');
    const paid = m('    plan: enterprise\n    recovery_objective: 14d\n')!;
    assert.deepEqual([paid.value, paid.limit, paid.unit, paid.fact, paid.exceededRule], [14, 31, 'days', 'connect-paid-trigger-log-retention', 'connect-trigger-log-retention']);
    assert.match(m('    recovery_objective: 14d\n')!.label, /demo plan's trigger-log archive \(no plan stated: demo, the default\)/);
    assert.equal(m('    plan: gold\n    recovery_objective: 14d\n'), undefined, 'a plan written but invalid is not guessed at');
    assert.equal(m('    plan: demo\n'), undefined);
  });
});
