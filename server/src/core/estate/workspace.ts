import { INTERNAL_ERROR_RULE_ID, shortenMessage } from '../analysis';
import { compareFindings, type Finding } from '../findings';
import type { Estate, EstateDesign, EstateOrgFile, EstateReport, LeftOutDesign, SettledFigure } from '../estateModel';
import { relativeLocation } from '../files';
import { allocationsChain, byOrg } from '../rules/estate';
import { CROSS_DOCUMENT_RULES } from '../rules/registry';
import { splitSuppressed } from '../rules/suppressions';
import type { Rule } from '../rule';
import type { LineIndex } from '../text';
import type { EstateFigure, OrgFigures } from '../model/orgFigures';
import { compareText } from '../format/compare';
import { INHERITED_FIGURE_KEYS } from './allocations';
import { allocationUses } from './sums';
import { orgOfSummary, type DocumentSummary } from './summarize';

/** What a document's findings were last reported with, to tell a change. */
interface Reported {
  readonly findings: readonly Finding[];
  /** The documents' line indexes the findings were positioned in. */
  readonly lines: ReadonlyMap<string, LineIndex | undefined>;
}

/** A position as one number (line and column), or the offset itself where the text is unknown. */
function positionKey(lines: LineIndex | undefined, offset: number): number | string {
  if (!lines) return `@${offset}`;
  const p = lines.positionAt(offset);
  return p.line * 0x100000 + p.character;
}

export interface EstateOptions {
  /** The rules to run (every rule that compares documents by default); tests pass one. */
  readonly rules?: readonly Rule[];
}

/**
 * The estates of a workspace (or of the files given to the CLI), kept up to date as documents
 * come, change and go. Documents are given as summaries (summarize.ts); `update()` recomputes only
 * the estates whose documents changed (and the org-file checks when an org file changed), and says
 * which documents' findings changed, so a front republishes only those.
 *
 * Findings carry their rules' default severities; each document's suppression comments apply.
 */
export class EstateWorkspace {
  private readonly documents = new Map<string, DocumentSummary>();
  /** The documents of each org (designs, left-out designs, org files), so an estate is built from its own. */
  private readonly members = new Map<string, Set<string>>();
  private readonly orgFileUris = new Set<string>();
  private readonly estates = new Map<string, { estate: Estate; findings: Map<string, Finding[]> }>();
  private orgFileFindings = new Map<string, Finding[]>();
  private readonly dirtyOrgs = new Set<string>();
  private orgFilesDirty = false;
  /** The findings each document was last reported with (non-empty), and the texts they were positioned in. */
  private readonly reported = new Map<string, Reported>();
  /** The org figures each design of an estate settled as of the last update() (none: not in the map). */
  private readonly settledFigures = new Map<string, OrgFigures>();
  private readonly rules: readonly Rule[];
  /** relativeLocation(from, to) by `from`: messages name the same few documents on every update. */
  private readonly locations = new Map<string, Map<string, string>>();
  /** Where `toUri` is, as seen from `fromUri` (memoized; a document's entries go with it). */
  private readonly where = (fromUri: string, toUri: string): string => {
    let from = this.locations.get(fromUri);
    if (!from) this.locations.set(fromUri, (from = new Map()));
    let location = from.get(toUri);
    if (location === undefined) from.set(toUri, (location = relativeLocation(fromUri, toUri)));
    return location;
  };

  constructor(options: EstateOptions = {}) {
    this.rules = options.rules ?? CROSS_DOCUMENT_RULES;
  }

  /** Adds or replaces a document. Returns false when nothing the estate reads changed. */
  set(summary: DocumentSummary): boolean {
    const previous = this.documents.get(summary.uri);
    if (previous && previous.fingerprint === summary.fingerprint && previous.kind === summary.kind) {
      this.documents.set(summary.uri, summary); // newer line index, same content for the estate
      return false;
    }
    this.documents.set(summary.uri, summary);
    this.unindex(previous);
    this.index(summary);
    this.touch(previous);
    this.touch(summary);
    return true;
  }

  delete(uri: string): boolean {
    const previous = this.documents.get(uri);
    if (!previous) return false;
    this.documents.delete(uri);
    this.locations.delete(uri);
    this.unindex(previous);
    this.touch(previous);
    return true;
  }

  has(uri: string): boolean {
    return this.documents.has(uri);
  }

  summary(uri: string): DocumentSummary | undefined {
    return this.documents.get(uri);
  }

  /** Whether an update() would recompute anything. */
  get dirty(): boolean {
    return this.dirtyOrgs.size > 0 || this.orgFilesDirty;
  }

  /**
   * Recomputes the estates whose documents changed; returns the URIs whose findings changed since
   * the last update (including documents that left, whose findings are now none).
   */
  update(): Set<string> {
    const touchedUris = new Set<string>();
    if (this.orgFilesDirty) {
      // Every estate reads its figures through the org files: an org file change can move any of them.
      for (const org of this.allOrgs()) this.dirtyOrgs.add(org);
      for (const uri of this.orgFileFindings.keys()) touchedUris.add(uri);
      this.orgFileFindings = this.checkOrgFiles();
      for (const uri of this.orgFileFindings.keys()) touchedUris.add(uri);
      this.orgFilesDirty = false;
    }
    const members = new Set<string>();
    // Every estate reads the org files (its own, and the production org's of a sandbox): sorted and grouped once.
    const allOrgFiles = this.dirtyOrgs.size ? this.orgFiles() : [];
    const described = byOrg(allOrgFiles);
    for (const org of this.dirtyOrgs) {
      const before = this.estates.get(org);
      for (const uri of before?.findings.keys() ?? []) touchedUris.add(uri);
      for (const design of before?.estate.designs ?? []) members.add(design.uri);
      const estate = this.buildEstate(org, allOrgFiles, described);
      if (!estate) {
        this.estates.delete(org);
        continue;
      }
      const findings = this.checkEstate(estate);
      this.estates.set(org, { estate, findings });
      for (const uri of findings.keys()) touchedUris.add(uri);
      for (const design of estate.designs) members.add(design.uri);
    }
    this.dirtyOrgs.clear();
    const changed = new Set<string>();
    // A design whose org figures moved is checked again by its own rules (its analysis reads them).
    for (const uri of members) {
      const figures = this.figuresOf(uri);
      if ((this.settledFigures.get(uri)?.key ?? '') === (figures?.key ?? '')) continue;
      if (figures) this.settledFigures.set(uri, figures);
      else this.settledFigures.delete(uri);
      changed.add(uri);
    }
    for (const uri of touchedUris) {
      const findings = this.collect(uri);
      const before = this.reported.get(uri);
      const same = before ? this.sameAsReported(uri, findings, before) : findings.length === 0;
      // Kept even when seen the same: their offsets are into the documents' current texts.
      if (findings.length === 0) this.reported.delete(uri);
      else this.reported.set(uri, { findings, lines: this.linesSnapshot(uri, findings) });
      if (!same) changed.add(uri);
    }
    return changed;
  }

  /** The document's findings as of the last update(), sorted by position. */
  findingsOf(uri: string): readonly Finding[] {
    return this.reported.get(uri)?.findings ?? [];
  }

  /** The URIs that have findings as of the last update(). */
  urisWithFindings(): string[] {
    return [...this.reported.keys()];
  }

  /** Every estate as of the last update(), by org id. */
  allEstates(): Estate[] {
    return [...this.estates.values()].map((e) => e.estate).sort((a, b) => compareText(a.org, b.org));
  }

  /** The estate a document belongs to (as a design, a left-out design or an org file), as of the last update(). */
  estateOf(uri: string): Estate | undefined {
    const summary = this.documents.get(uri);
    const org = summary && orgOfSummary(summary);
    return org === undefined ? undefined : this.estates.get(org)?.estate;
  }

  /**
   * The org figures a design's own checks use, as of the last update(): its estate's settled
   * figures stated in another document (the org file, its production org's, another design), or
   * undefined when there are none or the design is in no estate. `analyze(text, { org })` takes them.
   */
  orgFiguresOf(uri: string): OrgFigures | undefined {
    return this.settledFigures.get(uri);
  }

  /** orgFiguresOf computed from the estates as they are now (update() keeps what it returns). */
  private figuresOf(uri: string): OrgFigures | undefined {
    const estate = this.estateOf(uri);
    if (!estate || !estate.designs.some((d) => d.uri === uri)) return undefined;
    const figures = new Map<string, EstateFigure>();
    for (const [key, f] of estate.figures) {
      if (f.uri === uri) continue;
      const where = `${this.where(uri, f.uri)}, line ${this.lineOf(f.uri, f.range.start)}${f.via ? ` (production org '${f.via}')` : ''}`;
      figures.set(key, { value: f.value, uri: f.uri, range: f.range, where });
    }
    if (figures.size === 0) return undefined;
    return { org: estate.org, figures, key: JSON.stringify([estate.org, ...[...figures].map(([k, f]) => [k, f.value, f.where])]) };
  }

  /** The lines of a document the estate knows (for converting related locations). */
  linesOf(uri: string): LineIndex | undefined {
    return this.documents.get(uri)?.lines;
  }

  private index(summary: DocumentSummary): void {
    if (summary.orgFile) this.orgFileUris.add(summary.uri);
    const org = orgOfSummary(summary);
    if (org === undefined) return;
    const set = this.members.get(org) ?? new Set<string>();
    set.add(summary.uri);
    this.members.set(org, set);
  }

  private unindex(summary: DocumentSummary | undefined): void {
    if (!summary) return;
    this.orgFileUris.delete(summary.uri);
    const org = orgOfSummary(summary);
    const set = org === undefined ? undefined : this.members.get(org);
    set?.delete(summary.uri);
    if (set?.size === 0) this.members.delete(org!);
  }

  private touch(summary: DocumentSummary | undefined): void {
    if (!summary) return;
    if (summary.kind === 'org') this.orgFilesDirty = true;
    const org = orgOfSummary(summary);
    if (org !== undefined) this.dirtyOrgs.add(org);
  }

  private allOrgs(): Set<string> {
    return new Set<string>([...this.estates.keys(), ...this.members.keys()]);
  }

  /** A set of documents' summaries, by URI. */
  private summaries(uris: Iterable<string>): DocumentSummary[] {
    return [...uris].sort(compareText).map((uri) => this.documents.get(uri)!);
  }

  private orgFiles(): EstateOrgFile[] {
    return this.summaries(this.orgFileUris).map((s) => s.orgFile!);
  }

  private buildEstate(org: string, allOrgFiles: readonly EstateOrgFile[], described: ReadonlyMap<string, readonly EstateOrgFile[]>): Estate | undefined {
    const designs: EstateDesign[] = [];
    const leftOut: LeftOutDesign[] = [];
    for (const summary of this.summaries(this.members.get(org) ?? [])) {
      if (summary.design?.org.value === org) designs.push(summary.design);
      else if (summary.leftOut?.org.value === org) leftOut.push(summary.leftOut);
    }
    const orgFiles = allOrgFiles.filter((f) => f.org?.value === org && !f.leftOut);
    const unreadableOrgFiles = allOrgFiles.filter((f) => f.org?.value === org && f.leftOut);
    if (designs.length === 0 && leftOut.length === 0 && orgFiles.length === 0 && unreadableOrgFiles.length === 0) return undefined;
    const chain = orgFiles[0] ? allocationsChain(orgFiles[0], described) : undefined;
    const figures = settleFigures(chain?.cycle ? orgFiles.slice(0, 1) : chain?.chain ?? [], designs);
    const production = chain && !chain.cycle && chain.chain.length > 1 ? chain.chain[chain.chain.length - 1].org?.value : undefined;
    return { org, designs, leftOut, orgFiles, unreadableOrgFiles, figures, allocationsFrom: production, allocations: allocationUses(designs, figures) };
  }

  private checkEstate(estate: Estate): Map<string, Finding[]> {
    const out = new Map<string, Finding[]>();
    for (const rule of this.rules) {
      if (!rule.checkEstate) continue;
      const report = this.reporter(rule, out);
      try {
        rule.checkEstate({ estate, where: this.where, line: (uri, offset) => this.lineOf(uri, offset), report });
      } catch (error) {
        const first = estate.designs[0] ?? estate.leftOut[0];
        if (first) report({ uri: first.uri, range: first.org.range, message: internalError(rule, error), severity: 'error' }, INTERNAL_ERROR_RULE_ID);
      }
    }
    return out;
  }

  private checkOrgFiles(): Map<string, Finding[]> {
    const out = new Map<string, Finding[]>();
    const orgFiles = this.orgFiles();
    for (const rule of this.rules) {
      if (!rule.checkOrgFiles) continue;
      const report = this.reporter(rule, out);
      try {
        rule.checkOrgFiles({ orgFiles, where: this.where, line: (uri, offset) => this.lineOf(uri, offset), report });
      } catch (error) {
        const first = orgFiles[0];
        if (first) report({ uri: first.uri, range: first.org?.range ?? { start: 0, end: 0 }, message: internalError(rule, error), severity: 'error' }, INTERNAL_ERROR_RULE_ID);
      }
    }
    return out;
  }

  private reporter(rule: Rule, out: Map<string, Finding[]>): (r: EstateReport, ruleId?: string) => void {
    return (r, ruleId = rule.id) => {
      if (!this.documents.has(r.uri)) return;
      const list = out.get(r.uri) ?? [];
      list.push(shortenMessage({ ruleId, severity: r.severity ?? rule.defaultSeverity, message: r.message, range: r.range, related: r.related, fix: r.fix }));
      out.set(r.uri, list);
    };
  }

  private lineOf(uri: string, offset: number): number {
    return (this.documents.get(uri)?.lines.positionAt(offset).line ?? 0) + 1;
  }

  /** The document's findings from its estate and the org-file checks, after its suppression comments. */
  private collect(uri: string): Finding[] {
    const summary = this.documents.get(uri);
    if (!summary) return [];
    const org = orgOfSummary(summary);
    const all = [...(org === undefined ? [] : this.estates.get(org)?.findings.get(uri) ?? []), ...(this.orgFileFindings.get(uri) ?? [])];
    return splitSuppressed(summary.suppressions, summary.lines, all).kept.sort(compareFindings);
  }

  /** The line index of every document the findings point into, as they are now. */
  private linesSnapshot(uri: string, findings: readonly Finding[]): Map<string, LineIndex | undefined> {
    const lines = new Map<string, LineIndex | undefined>([[uri, this.documents.get(uri)?.lines]]);
    for (const f of findings) for (const r of f.related ?? []) if (r.uri !== undefined && !lines.has(r.uri)) lines.set(r.uri, this.documents.get(r.uri)?.lines);
    return lines;
  }

  /**
   * Whether a document's findings read as they were last reported: the same rules, severities,
   * messages and related documents, at the same lines and columns (typing that moves offsets but
   * no position a finding shows changes nothing to republish). Compares without building anything:
   * in a large estate every design of an org is compared on each keystroke.
   */
  private sameAsReported(uri: string, findings: readonly Finding[], before: Reported): boolean {
    if (before.findings.length !== findings.length) return false;
    for (let i = 0; i < findings.length; i++) {
      const [a, b] = [before.findings[i], findings[i]];
      if (a.ruleId !== b.ruleId || a.severity !== b.severity || a.message !== b.message) return false;
      const [ra, rb] = [a.related ?? [], b.related ?? []];
      if (ra.length !== rb.length) return false;
      for (let j = 0; j < ra.length; j++) if (ra[j].uri !== rb[j].uri || ra[j].message !== rb[j].message) return false;
    }
    // Related locations without a uri are in the finding's own document, compared by offset as written.
    const was = (at: string | undefined, offset: number) => (at === undefined ? offset : positionKey(before.lines.get(at), offset));
    const is = (at: string | undefined, offset: number) => (at === undefined ? offset : positionKey(this.documents.get(at)?.lines, offset));
    for (let i = 0; i < findings.length; i++) {
      const [a, b] = [before.findings[i], findings[i]];
      if (was(uri, a.range.start) !== is(uri, b.range.start) || was(uri, a.range.end) !== is(uri, b.range.end)) return false;
      const [ra, rb] = [a.related ?? [], b.related ?? []];
      for (let j = 0; j < ra.length; j++) {
        if (was(ra[j].uri, ra[j].range.start) !== is(rb[j].uri, rb[j].range.start) || was(ra[j].uri, ra[j].range.end) !== is(rb[j].uri, rb[j].range.end)) return false;
      }
    }
    return true;
  }

}

function internalError(rule: Rule, error: unknown): string {
  return `Internal error in rule '${rule.id}': ${error instanceof Error ? error.message : String(error)}. The other rules still ran; please report this.`;
}

/**
 * The org's figures: what its org file states, then (for a sandbox) what its production org's file
 * states for the figures sandboxes share, then what the designs state (the lowest number, or the
 * first design's value).
 */
function settleFigures(chain: readonly EstateOrgFile[], designs: readonly EstateDesign[]): Map<string, SettledFigure> {
  const figures = new Map<string, SettledFigure>();
  chain.forEach((file, index) => {
    for (const [key, stated] of file.figures) {
      if (figures.has(key) || (index > 0 && !INHERITED_FIGURE_KEYS.includes(key))) continue;
      figures.set(key, { key, value: stated.value, uri: file.uri, range: stated.range, via: index > 0 ? file.org?.value : undefined });
    }
  });
  const fromOrgFiles = new Set(figures.keys());
  for (const design of designs) {
    for (const [key, stated] of design.figures) {
      if (fromOrgFiles.has(key)) continue;
      const current = figures.get(key);
      const lower = typeof stated.value === 'number' && typeof current?.value === 'number' && stated.value < current.value;
      if (current === undefined || lower) figures.set(key, { key, value: stated.value, uri: design.uri, range: stated.range });
    }
  }
  return figures;
}
