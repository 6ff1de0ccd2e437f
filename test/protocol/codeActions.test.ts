import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver';
import { ORDER_SYNC } from './fixtures';
import { docUri, type LspDriver, startServer } from '../helpers/lspDriver';
import { applyTextEdits, changesFor, editsFor, ofRule } from './lspText';

const ROW_LIMIT = 'connect-demo-row-limit';

describe('code actions over stdio', () => {
  let client: LspDriver;
  before(async () => { client = await startServer(); });
  after(async () => { await client.stop(); });

  /** Opens ORDER_SYNC (or `text`) and returns its diagnostics. */
  async function open(text = ORDER_SYNC): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
    const uri = docUri('actions');
    client.open(uri, text);
    return { uri, diagnostics: (await client.waitForDiagnostics(uri, 1)).diagnostics };
  }

  /** Applies an action's edit as the editor would, sends it as version 2, returns the new text and diagnostics. */
  async function apply(uri: string, text: string, action: CodeAction): Promise<{ text: string; diagnostics: Diagnostic[] }> {
    const edits = editsFor(action.edit, uri);
    assert.ok(edits.length > 0, `${action.title} edits the document`);
    client.change(uri, 2, changesFor(text, edits));
    return { text: applyTextEdits(text, edits), diagnostics: (await client.waitForDiagnostics(uri, 2)).diagnostics };
  }

  it('offers the fix of a finding as the preferred quick fix, and applying it removes the diagnostic', async () => {
    const { uri, diagnostics } = await open();
    const [rowLimit] = ofRule(diagnostics, ROW_LIMIT);
    const actions = await client.codeActions(uri, rowLimit.range, [rowLimit]);
    const fix = actions.find((a) => a.isPreferred);
    assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(fix.kind, CodeActionKind.QuickFix);
    assert.equal(fix.title, 'Change the plan to enterprise');
    assert.deepEqual(fix.diagnostics, [rowLimit]);
    const after = await apply(uri, ORDER_SYNC, fix);
    assert.ok(after.text.includes('    plan: enterprise\n    mappings:'), 'only the value changed');
    assert.equal(ofRule(after.diagnostics, ROW_LIMIT).length, 0);
  });

  it('lists fix, disable-line, disable-file and documentation actions in that order, then fix-all', async () => {
    const { uri, diagnostics } = await open();
    const [rowLimit] = ofRule(diagnostics, ROW_LIMIT);
    const actions = await client.codeActions(uri, rowLimit.range, [rowLimit]);
    const titles = actions.map((a) => a.title);
    assert.equal(actions.at(-1)!.kind, 'source.fixAll.integrationDesigner', 'without `only`, the source action comes last');
    assert.deepEqual(titles.slice(0, -1), [
      'Change the plan to enterprise',
      `Disable ${ROW_LIMIT} for this line`,
      `Disable ${ROW_LIMIT} for this file`,
      `Show documentation for ${ROW_LIMIT}`,
    ]);
  });

  it('disables a rule for a line with a comment above it at its indentation', async () => {
    const { uri, diagnostics } = await open();
    const [rowLimit] = ofRule(diagnostics, ROW_LIMIT);
    const action = (await client.codeActions(uri, rowLimit.range, [rowLimit])).find((a) => a.title === `Disable ${ROW_LIMIT} for this line`)!;
    const after = await apply(uri, ORDER_SYNC, action);
    assert.ok(after.text.includes(`  heroku_connect:\n    # integration-lint-disable-next-line ${ROW_LIMIT}\n    plan: demo\n`), after.text);
    assert.equal(ofRule(after.diagnostics, ROW_LIMIT).length, 0);
    assert.equal(ofRule(after.diagnostics, 'unused-suppression').length, 0);
  });

  it('appends the rule to a directive already on the line above', async () => {
    const text = ORDER_SYNC.replace('    plan: demo', '    # integration-lint-disable-next-line connect-demo-inactivity\n    plan: demo');
    const { uri, diagnostics } = await open(text);
    const [rowLimit] = ofRule(diagnostics, ROW_LIMIT);
    const action = (await client.codeActions(uri, rowLimit.range, [rowLimit])).find((a) => a.title === `Disable ${ROW_LIMIT} for this line`)!;
    const after = await apply(uri, text, action);
    assert.ok(after.text.includes(`    # integration-lint-disable-next-line connect-demo-inactivity, ${ROW_LIMIT}\n    plan: demo\n`), after.text);
    assert.equal(ofRule(after.diagnostics, ROW_LIMIT).length, 0);
  });

  it('disables a rule for the file below the leading comment block', async () => {
    const { uri, diagnostics } = await open();
    const [rowLimit] = ofRule(diagnostics, ROW_LIMIT);
    const action = (await client.codeActions(uri, rowLimit.range, [rowLimit])).find((a) => a.title === `Disable ${ROW_LIMIT} for this file`)!;
    const after = await apply(uri, ORDER_SYNC, action);
    const lines = after.text.split('\n');
    assert.equal(lines[2], `# integration-lint-disable ${ROW_LIMIT}`);
    assert.equal(lines[3], 'version: 1');
    assert.equal(ofRule(after.diagnostics, ROW_LIMIT).length, 0);
  });

  it('opens a rule\'s documentation through window/showDocument', async () => {
    const { uri, diagnostics } = await open();
    const [rowLimit] = ofRule(diagnostics, ROW_LIMIT);
    const action = (await client.codeActions(uri, rowLimit.range, [rowLimit])).find((a) => a.title === `Show documentation for ${ROW_LIMIT}`)!;
    assert.deepEqual(action.command, { title: `Show documentation for ${ROW_LIMIT}`, command: 'integrationDesigner.showRuleDocumentation', arguments: [ROW_LIMIT] });
    await client.executeCommand(action.command!.command, action.command!.arguments!);
    const shown = client.shownDocuments.at(-1);
    assert.ok(shown, 'window/showDocument was requested');
    assert.equal(shown.uri, rowLimit.codeDescription!.href);
    assert.match(shown.uri, /\/docs\/rules\/connect-demo-row-limit\.md$/);
  });

  it('fixes everything fixable with source.fixAll.integrationDesigner', async () => {
    const { uri, diagnostics } = await open();
    assert.equal(ofRule(diagnostics, 'unknown-key').length, 1);
    const top = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    // `only: [QuickFix]` with the open diagnostics: quick fixes come back, the source action does not.
    const quickFixesOnly = await client.codeActions(uri, top, diagnostics, [CodeActionKind.QuickFix]);
    assert.ok(quickFixesOnly.length > 0, 'quick fixes are offered for the open diagnostics');
    assert.ok(quickFixesOnly.every((a) => a.kind === CodeActionKind.QuickFix), JSON.stringify(quickFixesOnly.map((a) => a.kind)));
    assert.ok(!quickFixesOnly.some((a) => a.kind === 'source.fixAll.integrationDesigner'), 'no fix-all when only quick fixes are asked for');
    const actions = await client.codeActions(uri, top, [], ['source.fixAll.integrationDesigner']);
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'source.fixAll.integrationDesigner');
    const after = await apply(uri, ORDER_SYNC, actions[0]);
    assert.ok(after.text.includes('  source_of_truth: salesforce\n') && after.text.includes('    plan: enterprise\n'), after.text);
    assert.equal(ofRule(after.diagnostics, ROW_LIMIT).length + ofRule(after.diagnostics, 'unknown-key').length, 0);
  });

  it('takes fixes from the current text when a diagnostic is from an older version', async () => {
    const { uri, diagnostics } = await open();
    const [rowLimit] = ofRule(diagnostics, ROW_LIMIT);
    // Version 2 adds a line at the top: the old diagnostic's data edits no longer fit.
    client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# new first line\n' }]);
    await client.waitForDiagnostics(uri, 2);
    const moved = { ...rowLimit, range: { start: { ...rowLimit.range.start, line: rowLimit.range.start.line + 1 }, end: { ...rowLimit.range.end, line: rowLimit.range.end.line + 1 } } };
    const fix = (await client.codeActions(uri, moved.range, [moved])).find((a) => a.isPreferred)!;
    const [edit] = editsFor(fix.edit, uri);
    assert.deepEqual(edit.range, moved.range, 'the edit targets the moved range, not the stale one');
  });
});
