import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type Analysis } from '../core/rules/engine';
import type { EffectiveSettings } from './settings';

export interface CachedAnalysis {
  readonly uri: string;
  readonly version: number;
  readonly settingsKey: string;
  readonly analysis: Analysis;
  /** Time the analysis took, in milliseconds. */
  readonly ms: number;
}

/**
 * One analysis per document version (and settings): diagnostics, hovers, code actions,
 * completion and symbols all read the same one, so each version is parsed once.
 */
export class AnalysisCache {
  private readonly entries = new Map<string, CachedAnalysis>();
  /** How many analyses ran (tests and logs use it to see that versions are parsed once). */
  runs = 0;

  get(document: TextDocument, settings: EffectiveSettings): CachedAnalysis {
    const cached = this.entries.get(document.uri);
    if (cached && cached.version === document.version && cached.settingsKey === settings.key) return cached;
    // Let go of the stale analysis first: kept alive while the new version is parsed, its
    // whole tree would be traced by every garbage collection the parse triggers.
    if (cached) this.entries.delete(document.uri);
    const started = performance.now();
    const analysis = analyze(document.getText(), { severities: settings.severities });
    const entry: CachedAnalysis = { uri: document.uri, version: document.version, settingsKey: settings.key, analysis, ms: performance.now() - started };
    this.runs++;
    this.entries.set(document.uri, entry);
    return entry;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }

  clear(): void {
    this.entries.clear();
  }
}
