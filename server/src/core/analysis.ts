import { compareFindings, type Finding } from './findings';
import { parseModel, SYNTAX_RULE_IDS, type ModelDocument } from './model/parse';
import type { Design } from './model/design';
import type { OrgDescription } from './model/org';
import type { OrgFigures } from './model/orgFigures';
import { validateAgainstSchema } from './schema/validate';
import { schemaFor } from './schema/schema';
import type { DocumentKind } from './vocabulary';
import { decide, decisionInputFromDesign } from './decision/engine';
import type { DecisionResult } from './decision/types';
import { measure } from './paths/measure';
import type { Measurement } from './measurement';
import type { Rule, RuleContext } from './rule';
import { CROSS_DOCUMENT_RULE_IDS, RULES, RULES_BY_ID } from './rules/registry';
import { applySuppressions, type Suppression } from './rules/suppressions';
import { TOOL_LIMITS } from './limits';
import { formatNumber } from './format/numbers';

export const INTERNAL_ERROR_RULE_ID = 'internal-error';

export interface AnalysisOptions {
  /** The rules to run (all registered rules by default); tests pass one. */
  readonly rules?: readonly Rule[];
  /** What the text is: a design (the default) or an org file. The file name tells (vocabulary.ts `documentKindOf`). */
  readonly kind?: DocumentKind;
  /**
   * For a design of an estate: the org's figures the estate settled (estate/ `orgFiguresOf`). The
   * design's measures and rules then count against the org's allocations as the estate does.
   */
  readonly org?: OrgFigures;
}

/**
 * Everything known about one version of a document, computed once and shared by every
 * feature (diagnostics, hovers, fixes, walkthrough, artifacts). It depends on the text alone:
 * findings carry their rules' default severities; a user's severity settings are applied by
 * whoever shows them (severities.ts), so one analysis serves every setting.
 */
export interface Analysis {
  readonly kind: DocumentKind;
  readonly model: ModelDocument;
  /** The typed view of a design (undefined for org files and for text that is no design). */
  readonly design: Design | undefined;
  /** The typed view of an org file (undefined for designs). */
  readonly org: OrgDescription | undefined;
  readonly decision: DecisionResult;
  readonly measurements: readonly Measurement[];
  /** After suppression comments, sorted by position. */
  readonly findings: readonly Finding[];
  readonly suppressed: readonly Finding[];
  /** The suppression comments of the document. */
  readonly suppressions: readonly Suppression[];
}

/**
 * Parse → schema → rules (→ decision and usage, on demand): the whole pipeline, in order. An org
 * file gets the parse and its own schema; what it means for the designs that name its org is the
 * estate's (core/estate/), as are the findings of the rules that compare documents.
 */
export function analyze(text: string, options: AnalysisOptions = {}): Analysis {
  const kind = options.kind ?? 'design';
  const model = parseModel(text);
  // A document too large to read gets that one finding, not also "Empty design".
  const unread = model.findings.some((f) => f.ruleId === SYNTAX_RULE_IDS.tooLarge);
  const schema = unread ? { design: undefined, findings: [] } : validateAgainstSchema(model.root, schemaFor(kind), kind === 'org' ? 'org file' : 'design');
  const design = kind === 'design' ? withOrg(schema.design, options.org) : undefined;
  const org = kind === 'org' ? schema.design as OrgDescription | undefined : undefined;
  let decision: DecisionResult | undefined;
  const getDecision = (): DecisionResult => (decision ??= decide(decisionInputFromDesign(design)));
  let measurements: readonly Measurement[] | undefined;
  const getMeasurements = (): readonly Measurement[] => (measurements ??= design ? measure(design) : []);

  const raw: Finding[] = [...model.findings, ...schema.findings];
  const rules = options.rules ?? RULES;
  if (design) {
    for (const rule of rules) {
      if (!rule.check) continue;
      const found: Finding[] = [];
      const context: RuleContext = {
        design, model,
        get decision() { return getDecision(); },
        get measurements() { return getMeasurements(); },
        report: (r) => found.push({ ruleId: rule.id, severity: r.severity ?? rule.defaultSeverity, message: r.message, range: r.range, related: r.related, fix: r.fix }),
      };
      try {
        rule.check(context);
        for (const f of found) raw.push(f); // no spread: a huge list would overflow the call stack
      } catch (error) {
        raw.push({
          ruleId: INTERNAL_ERROR_RULE_ID, severity: 'error', range: { start: 0, end: Math.min(model.text.length, model.lines.lineEnd(0)) },
          message: `Internal error in rule '${rule.id}': ${error instanceof Error ? error.message : String(error)}. The other rules still ran; please report this.`,
        });
      }
    }
  }
  const known = new Set(RULES_BY_ID.keys());
  // Suppressions of the rules that compare documents are judged by the estate, which sees their findings.
  const { kept, suppressed, unused, suppressions } = applySuppressions(model, raw, known, CROSS_DOCUMENT_RULE_IDS);
  const findings = capPerRule([...kept, ...unused].map(shortenMessage).sort(compareFindings));
  return { kind, model, design, org, get decision() { return getDecision(); }, get measurements() { return getMeasurements(); }, findings, suppressed, suppressions };
}

function withOrg(design: Design | undefined, org: OrgFigures | undefined): Design | undefined {
  return design && org && org.figures.size > 0 ? { ...design, $org: org } : design;
}

/**
 * Keeps the first TOOL_LIMITS.maxFindingsPerRule findings of each rule (by position); the
 * last one kept says how many more there are. Other rules' findings are never crowded out.
 */
function capPerRule(sorted: Finding[]): Finding[] {
  const limit = TOOL_LIMITS.maxFindingsPerRule;
  const totals = new Map<string, number>();
  for (const f of sorted) totals.set(f.ruleId, (totals.get(f.ruleId) ?? 0) + 1);
  if (![...totals.values()].some((n) => n > limit)) return sorted;
  const listed = new Map<string, number>();
  const out: Finding[] = [];
  for (const f of sorted) {
    const n = (listed.get(f.ruleId) ?? 0) + 1;
    listed.set(f.ruleId, n);
    const total = totals.get(f.ruleId)!;
    if (n < limit || (n === limit && total === limit)) out.push(f);
    else if (n === limit) out.push({ ...f, message: `${f.message} (${formatNumber(total - limit)} more '${f.ruleId}' findings after this one are not listed.)` });
  }
  return out;
}

/** Elides the middle of an over-long message (see TOOL_LIMITS.maxMessageChars). */
export function shortenMessage(finding: Finding): Finding {
  const max = TOOL_LIMITS.maxMessageChars;
  if (finding.message.length <= max) return finding;
  const head = Math.floor(max * 0.6);
  const tail = max - head - 1;
  return { ...finding, message: `${finding.message.slice(0, head)}…${finding.message.slice(-tail)}` };
}
