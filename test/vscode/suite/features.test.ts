// What the language server gives VS Code for one design, seen through VS Code's own API.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { fact, formatFactValue } from '../../../server/src/core/knowledge/facts';
import schema from '../../../server/schema/integration.schema.json';
import { DIAGNOSTIC_SOURCE } from '../../../server/src/protocol';
import { activeApi, codeOf, hoverText, openFixture, positionOf, rangeOf, waitFor, waitForFinding, withCode } from './helpers';

const DEMO_ROWS = fact('connect-demo-max-rows');
const connectSchema = schema.properties.paths.properties.heroku_connect;

function labels(list: vscode.CompletionList): string[] {
  return list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
}

function findSymbol(symbols: readonly vscode.DocumentSymbol[], name: string): vscode.DocumentSymbol | undefined {
  for (const symbol of symbols) {
    if (symbol.name === name) return symbol;
    const inner = findSymbol(symbol.children, name);
    if (inner) return inner;
  }
  return undefined;
}

describe('Language features on integration.yaml', () => {
  let document: vscode.TextDocument;
  before(async () => {
    document = await openFixture('integration.yaml');
  });

  it('reports the demo plan row cap as an error on the plan, with its code, source and documentation link', async () => {
    const diagnostic = await waitForFinding(document.uri, 'connect-demo-row-limit');
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.ok(diagnostic.range.isEqual(rangeOf(document, 'demo', 'plan: demo')), `the range is the plan's value, not ${JSON.stringify(diagnostic.range)}`);
    assert.match(diagnostic.message, new RegExp(formatFactValue(DEMO_ROWS).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    assert.equal(diagnostic.source, DIAGNOSTIC_SOURCE);
    assert.ok(typeof diagnostic.code === 'object' && diagnostic.code !== null, 'the code carries a documentation link');
    assert.match(diagnostic.code.target.toString(), /connect-demo-row-limit/);
    assert.ok((diagnostic.relatedInformation ?? []).length > 0, 'related information points at the counted rows');
    const all = vscode.languages.getDiagnostics(document.uri);
    assert.equal(new Set(all.map((d) => d.source)).size, 1, 'every finding has the same source');
  });

  it('explains the demo plan on hover with the limit and its source', async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, rangeOf(document, 'demo', 'plan: demo').start);
    const text = hoverText(hovers);
    assert.ok(text.includes(formatFactValue(DEMO_ROWS)), `the hover states ${formatFactValue(DEMO_ROWS)}:\n${text}`);
    assert.ok(text.includes(DEMO_ROWS.sourceRef.url!), `the hover links ${DEMO_ROWS.sourceRef.url}:\n${text}`);
    assert.ok(text.includes(`checked ${DEMO_ROWS.checked}`), `the hover says when the fact was checked:\n${text}`);
  });

  it('explains a key on hover from the schema', async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, 'polling_interval'));
    const firstWords = connectSchema.properties.polling_interval.description.split(',')[0];
    assert.ok(hoverText(hovers).includes(firstWords), `the hover contains "${firstWords}":\n${hoverText(hovers)}`);
  });

  it('completes the plan\'s allowed values', async () => {
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, positionOf(document, 'plan: ', { atEnd: true }));
    for (const plan of connectSchema.properties.plan.enum) assert.ok(labels(list).includes(plan), `"${plan}" among ${labels(list).join(', ')}`);
  });

  it('completes the keys of a Heroku Connect path', async () => {
    const draft = await vscode.workspace.openTextDocument({ language: 'integration-yaml', content: 'version: 1\nname: Draft\npaths:\n  heroku_connect:\n    \n' });
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', draft.uri, new vscode.Position(4, 4));
    for (const key of ['plan', 'contracted_rows', 'mappings']) assert.ok(labels(list).includes(key), `"${key}" among ${labels(list).join(', ')}`);
  });

  it('outlines the design (document symbols)', async () => {
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
    const paths = findSymbol(symbols, 'paths');
    assert.ok(paths, `a "paths" symbol among ${symbols.map((s) => s.name).join(', ')}`);
    assert.ok(findSymbol(paths.children, 'heroku_connect'), 'heroku_connect is inside paths');
  });

  it('folds sections', async () => {
    const ranges = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', document.uri);
    const pathsLine = positionOf(document, 'paths:').line;
    assert.ok(ranges.some((r) => r.start === pathsLine && r.end >= document.lineCount - 2), `a folding range starts at "paths:" (line ${pathsLine})`);
  });

  it('shows the finding counts and validation time in the language status item', async () => {
    const api = await activeApi();
    await vscode.window.showTextDocument(document, { preview: false });
    const diagnostics = vscode.languages.getDiagnostics(document.uri);
    const errors = diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    assert.ok(withCode(diagnostics, 'connect-demo-row-limit').length === 1 && errors >= 1);
    const expected = `${errors} error${errors === 1 ? '' : 's'}`;
    const status = await waitFor(`the language status to show "${expected}"`, () => {
      const s = api.languageStatus();
      return s.text.includes(expected) ? s : undefined;
    }, api.onDidChangeLanguageStatus);
    assert.match(status.detail ?? '', /Validated in \d+ ms/);
    // Findings by code, for the record in the test output.
    console.log(`      findings: ${diagnostics.map(codeOf).join(', ')}`);
  });
});
