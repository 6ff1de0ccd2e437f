import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type Analysis } from '../core/analysis';
import type { Finding } from '../core/findings';
import { applySeverities } from '../core/severities';
import { documentKindOf } from '../core/vocabulary';
import type { EffectiveSettings } from './settings';
import type { OrgFigures } from '../core/model/orgFigures';

export interface CachedAnalysis {
  readonly uri: string;
  readonly version: number;
  /** The key of the org figures it was analysed with ('' for none). */
  readonly orgKey: string;
  readonly analysis: Analysis;
  /** Time the analysis took, in milliseconds. */
  readonly ms: number;
}

/**
 * One analysis per document version, whatever the settings: diagnostics, hovers, code actions,
 * completion, symbols, the walkthrough and the artifacts all read the same one, so each version
 * is parsed once. Severity settings are applied on top (`visibleFindings`).
 */
export class AnalysisCache {
  private readonly entries = new Map<string, CachedAnalysis>();

  /**
   * `orgOf` gives the org figures the design's estate settled (the workspace index's): a design is
   * analysed with them, and again when they change, so its own checks count as its estate does.
   */
  constructor(private readonly orgOf: (uri: string) => OrgFigures | undefined = () => undefined) {}
  private readonly visible = new WeakMap<CachedAnalysis, { key: string; findings: readonly Finding[] }>();
  /** How many analyses ran (tests and logs use it to see that versions are parsed once). */
  runs = 0;

  get(document: TextDocument): CachedAnalysis {
    const kind = documentKindOf(document.uri);
    const org = kind === 'design' ? this.orgOf(document.uri) : undefined;
    const orgKey = org?.key ?? '';
    const cached = this.entries.get(document.uri);
    if (cached && cached.version === document.version && cached.orgKey === orgKey) return cached;
    // Let go of the stale analysis first: kept alive while the new version is parsed, its
    // whole tree would be traced by every garbage collection the parse triggers.
    if (cached) this.entries.delete(document.uri);
    const started = performance.now();
    const analysis = analyze(document.getText(), { kind, org });
    const entry: CachedAnalysis = { uri: document.uri, version: document.version, orgKey, analysis, ms: performance.now() - started };
    this.runs++;
    this.entries.set(document.uri, entry);
    return entry;
  }

  /** The findings as the user's settings show them (rules turned off dropped, severities changed). */
  visibleFindings(entry: CachedAnalysis, settings: EffectiveSettings): readonly Finding[] {
    const known = this.visible.get(entry);
    if (known && known.key === settings.key) return known.findings;
    const findings = applySeverities(entry.analysis.findings, settings.severities);
    this.visible.set(entry, { key: settings.key, findings });
    return findings;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }

  clear(): void {
    this.entries.clear();
  }
}
