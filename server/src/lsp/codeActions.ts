import type { CodeAction, CodeActionParams, Diagnostic, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { CodeActionKind } from './lspLibrary';
import { nonOverlappingFixEdits } from '../core/editing/fixAll';
import { disableForFileEdit, disableForLineEdit, isSuppressible } from '../core/rules/suppressionEdits';
import { RULES_BY_ID } from '../core/rules/registry';
import type { Finding } from '../core/findings';
import type { CachedAnalysis } from './analysisCache';
import { analysisOf, type ServerContext } from './context';
import { sameRange, toRange, toTextEdit } from './convert';
import { DIAGNOSTIC_SOURCE, FIX_ALL_KIND, SHOW_RULE_DOCUMENTATION_COMMAND, type DiagnosticData } from '../protocol';

/**
 * Quick fixes for our diagnostics (found by `code` and `data`, never by message), the
 * disable-line / disable-file / documentation actions per rule, and the fix-all source action.
 */
export async function provideCodeActions(context: ServerContext, params: CodeActionParams): Promise<CodeAction[]> {
  const current = await analysisOf(context, params.textDocument.uri);
  if (!current) return [];
  const { document, entry, findings } = current;
  const uri = document.uri;
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((k) => k === '' || k === kind || kind.startsWith(`${k}.`));
  const edit = (edits: TextEdit[]): WorkspaceEdit => context.support.documentChanges
    ? { documentChanges: [{ textDocument: { uri, version: document.version }, edits }] }
    : { changes: { [uri]: edits } };

  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    const ours = params.context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE && typeof d.code === 'string');
    const fixes: CodeAction[] = [];
    const disables: CodeAction[] = [];
    const perRule: CodeAction[] = [];
    const seenLine = new Set<string>();
    const seenRule = new Set<string>();
    const { model } = entry.analysis;
    for (const diagnostic of ours) {
      const ruleId = ruleIdOf(diagnostic);
      const fix = fixOf(diagnostic, ruleId, document.version, entry, findings);
      if (fix) {
        fixes.push({ title: fix.title, kind: CodeActionKind.QuickFix, isPreferred: true, diagnostics: [diagnostic], edit: edit([...fix.edits]) });
      }
      if (!RULES_BY_ID.has(ruleId)) continue;
      const line = diagnostic.range.start.line;
      if (isSuppressible(ruleId) && line < model.lines.lineCount && !seenLine.has(`${ruleId}:${line}`)) {
        seenLine.add(`${ruleId}:${line}`);
        disables.push({
          title: `Disable ${ruleId} for this line`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic],
          edit: edit([toTextEdit(model.lines, disableForLineEdit(model, ruleId, line))]),
        });
      }
      if (seenRule.has(ruleId)) continue;
      seenRule.add(ruleId);
      if (isSuppressible(ruleId)) {
        perRule.push({
          title: `Disable ${ruleId} for this file`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic],
          edit: edit([toTextEdit(model.lines, disableForFileEdit(model, ruleId))]),
        });
      }
      perRule.push({
        title: `Show documentation for ${ruleId}`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic],
        command: { title: `Show documentation for ${ruleId}`, command: SHOW_RULE_DOCUMENTATION_COMMAND, arguments: [ruleId] },
      });
    }
    actions.push(...fixes, ...disables, ...perRule);
  }
  if (wants(FIX_ALL_KIND)) {
    const { edits, applied } = nonOverlappingFixEdits(findings);
    if (edits.length > 0) {
      actions.push({
        title: `Fix all auto-fixable integration-lint problems (${applied.length})`,
        kind: FIX_ALL_KIND,
        edit: edit(edits.map((e) => toTextEdit(entry.analysis.model.lines, e))),
      });
    }
  }
  return actions;
}

function ruleIdOf(diagnostic: Diagnostic): string {
  const data = diagnostic.data as Partial<DiagnosticData> | undefined;
  return typeof data?.ruleId === 'string' ? data.ruleId : String(diagnostic.code);
}

/**
 * The fix for a diagnostic: from its `data` when it was computed on this version; otherwise
 * from the current analysis's finding of the same rule at the same range (the client moved
 * the range as the user typed), so stale edits are never applied.
 */
function fixOf(diagnostic: Diagnostic, ruleId: string, version: number, entry: CachedAnalysis, findings: readonly Finding[]): { title: string; edits: readonly TextEdit[] } | undefined {
  const data = diagnostic.data as Partial<DiagnosticData> | undefined;
  if (data?.version === version && entry.version === version) return data.fix;
  const lines = entry.analysis.model.lines;
  const finding = findings.find((f) => f.ruleId === ruleId && f.fix && sameRange(toRange(lines, f.range), diagnostic.range));
  return finding?.fix ? { title: finding.fix.title, edits: finding.fix.edits.map((e) => toTextEdit(lines, e)) } : undefined;
}
