import type { Diagnostic } from 'vscode-languageserver';
import { DiagnosticTag } from './lspLibrary';
import { compareFindings, type Finding } from '../core/findings';
import { relativeLocation } from '../core/files';
import { applySeverities } from '../core/severities';
import type { LineIndex } from '../core/text';
import type { ClientSupport, ServerContext } from './context';
import { toRange, toSeverity, toTextEdit } from './convert';
import { waitBeforeRunMs } from './validationTiming';
import { DIAGNOSTIC_SOURCE, STATUS_NOTIFICATION, type DiagnosticData, type StatusParams } from '../protocol';

/**
 * A finding as an LSP diagnostic: rule id in `code`, docs link, fix edits in `data`. Related
 * locations in other documents (the rules that compare documents) are converted with those
 * documents' lines (`linesOf`). `version` is absent for a document that is not open.
 */
export function toDiagnostic(finding: Finding, lines: LineIndex, uri: string, version: number | undefined, support: ClientSupport, ruleDocUri: (ruleId: string) => string, linesOf: (uri: string) => LineIndex | undefined = () => undefined): Diagnostic {
  const data: DiagnosticData = {
    ruleId: finding.ruleId,
    version: version ?? null,
    fix: finding.fix ? { title: finding.fix.title, edits: finding.fix.edits.map((e) => toTextEdit(lines, e)) } : undefined,
  };
  let message = finding.message;
  const diagnostic: Diagnostic = {
    range: toRange(lines, finding.range),
    severity: toSeverity(finding.severity),
    code: finding.ruleId,
    codeDescription: { href: ruleDocUri(finding.ruleId) },
    source: DIAGNOSTIC_SOURCE,
    message,
    data,
  };
  const related = (finding.related ?? []).flatMap((r) => {
    const other = r.uri !== undefined && r.uri !== uri;
    const at = other ? linesOf(r.uri!) : lines;
    return at ? [{ uri: other ? r.uri! : uri, other, lines: at, range: r.range, message: r.message }] : [];
  });
  if (related.length > 0) {
    if (support.relatedInformation) {
      diagnostic.relatedInformation = related.map((r) => ({ location: { uri: r.uri, range: toRange(r.lines, r.range) }, message: r.message }));
    } else {
      // Without related information the locations would be lost: list them in the message.
      message += related.map((r) => `\n  ${r.other ? `${relativeLocation(uri, r.uri)} ` : ''}line ${r.lines.positionAt(r.range.start).line + 1}: ${r.message}`).join('');
      diagnostic.message = message;
    }
  }
  if (finding.unnecessary) diagnostic.tags = [DiagnosticTag.Unnecessary];
  return diagnostic;
}

/** Why a document is validated; 'estate': the findings of the rules that compare documents changed. */
type Trigger = 'open' | 'change' | 'save' | 'settings' | 'estate';

interface Pending {
  readonly triggers: Set<Trigger>;
  /** The version seen when the run was last put off. */
  version: number;
  hops: number;
  /** When the run was scheduled (performance.now()). */
  readonly since: number;
}

/**
 * Enough hops to drain any realistic burst of queued changes; past it a run happens anyway,
 * so diagnostics keep appearing during a long stream of changes.
 */
const MAX_HOPS = 100;

/**
 * Validates documents as they change, with no fixed delay. A change schedules at most one
 * run per document (later changes join it). The run waits a turn of the message loop while changes to
 * the document are still being read (the JSON-RPC layer handles one message per tick, so a
 * burst already received drains first), then analyses the newest version only. A run whose
 * document or settings moved on while it waited publishes nothing: a newer run follows.
 * Documents whose analysis is slow also wait for a pause in typing (validationTiming.ts).
 */
export class DiagnosticsPublisher {
  private readonly pending = new Map<string, Pending>();
  private readonly published = new Map<string, number>();
  /** Per document: how long its last analysis took, and when its last change arrived. */
  private readonly analysisMs = new Map<string, number>();
  private readonly lastChangeAt = new Map<string, number>();
  private stopped = false;

  constructor(private readonly context: ServerContext) {}

  schedule(uri: string, trigger: Trigger): void {
    if (this.stopped) return;
    if (trigger === 'change') this.lastChangeAt.set(uri, performance.now());
    const pending = this.pending.get(uri);
    if (pending) {
      pending.triggers.add(trigger);
      return;
    }
    const version = this.context.documents.get(uri)?.version ?? -1;
    this.pending.set(uri, { triggers: new Set([trigger]), version, hops: 0, since: performance.now() });
    this.context.host.afterPendingMessages(() => this.fire(uri));
  }

  private fire(uri: string): void {
    const pending = this.pending.get(uri);
    if (!pending || this.stopped) return;
    const document = this.context.documents.get(uri);
    if (!document) {
      this.pending.delete(uri);
      return;
    }
    // Always let the next queued message through once; then wait while the version moves.
    if ((pending.hops === 0 || document.version !== pending.version) && pending.hops < MAX_HOPS) {
      pending.version = document.version;
      pending.hops++;
      this.context.host.afterPendingMessages(() => this.fire(uri));
      return;
    }
    const now = performance.now();
    const waitMs = waitBeforeRunMs({
      lastAnalysisMs: this.analysisMs.get(uri) ?? 0,
      msSinceChange: now - (this.lastChangeAt.get(uri) ?? -Infinity),
      msSinceScheduled: now - pending.since,
      changed: pending.triggers.has('change'),
      assumedAnalysisMs: this.context.host.assumedAnalysisMs,
    });
    if (waitMs > 0) {
      setTimeout(() => this.fire(uri), waitMs);
      return;
    }
    this.pending.delete(uri);
    this.run(uri, pending.triggers).catch((error) => this.context.connection.console.error(`Validating ${uri} failed: ${errorText(error)}`));
  }

  scheduleAll(trigger: Trigger): void {
    for (const document of this.context.documents.all()) this.schedule(document.uri, trigger);
    for (const uri of this.context.estate.workspace.urisWithFindings()) if (!this.context.documents.get(uri)) this.publishClosed(uri);
  }

  /**
   * The findings of the rules that compare documents changed for these documents: open ones are
   * validated again (their analysis is cached, so this is cheap); closed ones get those findings
   * alone, so the Problems view lists every design a cross-design problem involves.
   */
  publishEstate(uris: ReadonlySet<string>): void {
    for (const uri of uris) {
      if (this.context.documents.get(uri)) this.schedule(uri, 'estate');
      else this.publishClosed(uri);
    }
  }

  /** The document closed: forget it; what remains are the findings of its estate (none for most). */
  close(uri: string): void {
    this.pending.delete(uri);
    this.published.delete(uri);
    this.analysisMs.delete(uri);
    this.lastChangeAt.delete(uri);
    this.publishClosed(uri);
  }

  /** A closed document's diagnostics: the findings of the rules that compare documents (usually none). */
  private publishClosed(uri: string): void {
    if (this.stopped) return;
    const { estate, settings, connection, support } = this.context;
    const generation = settings.generation;
    if (estate.findingsOf(uri).length === 0) {
      void connection.sendDiagnostics({ uri, diagnostics: [] });
      return;
    }
    void settings.get(uri).then((effective) => {
      // Opened or re-configured meanwhile: a newer publish follows. Otherwise the findings are read
      // now, after the wait: an estate update in between may have changed them without a new publish.
      if (this.stopped || this.context.documents.get(uri) || settings.generation !== generation) return;
      const findings = estate.findingsOf(uri);
      const lines = estate.linesOf(uri);
      if (!lines) return;
      const visible = applySeverities(findings, effective.severities);
      const diagnostics = visible.map((f) => toDiagnostic(f, lines, uri, undefined, support, (id) => this.context.host.ruleDocUri(id), (other) => estate.linesOf(other)));
      void connection.sendDiagnostics({ uri, diagnostics });
    }).catch((error) => connection.console.error(`Publishing ${uri} failed: ${errorText(error)}`));
  }

  stop(): void {
    this.stopped = true;
    this.pending.clear();
  }

  private async run(uri: string, triggers: ReadonlySet<Trigger>): Promise<void> {
    const { documents, settings, cache, connection, support } = this.context;
    const scheduled = documents.get(uri);
    if (!scheduled || this.stopped) return;
    const generation = settings.generation;
    const effective = await settings.get(uri);
    const document = documents.get(uri);
    if (!document || this.stopped) return;
    if (document.version !== scheduled.version || settings.generation !== generation) {
      // Moved on while the settings were read: the run that change scheduled publishes, and
      // inherits why this one ran (a save must still validate in onSave mode).
      for (const trigger of triggers) this.schedule(uri, trigger);
      return;
    }
    if (effective.validate === 'onSave' && [...triggers].every((t) => t === 'change') && this.published.has(uri)) return;
    const last = this.published.get(uri);
    if (last !== undefined && last > document.version) return;
    // From here to the publish nothing awaits, so no change can slip in between.
    const first = cache.get(document);
    // The estate takes the new analysis first: this document's findings across the designs are current.
    const others = this.context.estate.documentAnalysed(uri, first.analysis);
    // ... and may have settled other org figures for it (a new org named, its org file read): then
    // it is analysed again with them (what the estate read of it does not depend on them).
    const entry = cache.get(document);
    const own = cache.visibleFindings(entry, effective);
    const across = this.context.estate.findingsOf(uri);
    const findings = across.length === 0 ? own : [...own, ...applySeverities(across, effective.severities)].sort(compareFindings);
    this.analysisMs.set(uri, entry.ms);
    const lines = entry.analysis.model.lines;
    const linesOf = (other: string) => this.context.estate.linesOf(other);
    const diagnostics = findings.map((f) => toDiagnostic(f, lines, uri, document.version, support, (id) => this.context.host.ruleDocUri(id), linesOf));
    void connection.sendDiagnostics({ uri, version: document.version, diagnostics });
    this.published.set(uri, document.version);
    const counts = { error: 0, warning: 0, info: 0, hint: 0 };
    for (const f of findings) counts[f.severity]++;
    const status: StatusParams = { uri, version: document.version, counts, validationMs: Math.round(entry.ms * 100) / 100 };
    void connection.sendNotification(STATUS_NOTIFICATION, status);
    if (others.size > 0) this.publishEstate(new Set([...others].filter((other) => other !== uri)));
  }
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.stack ?? error.message : String(error);
}
