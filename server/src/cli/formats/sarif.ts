import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fact, formatFactValue } from '../../core/knowledge/facts';
import type { Finding, Severity } from '../../core/findings';
import type { LineIndex, TextRange } from '../../core/text';
import { RULES } from '../../core/rules/registry';
import { citedFacts, isRuleOfThumb, type Rule } from '../../core/rule';
import type { SeverityOverride } from '../../core/severities';
import { cannotRead, PROGRAM } from '../context';
import { toPosix } from '../inputs';
import { lineColumn, relatedDocument, type LintRun } from '../lintRun';
import { packageInfo, ruleDocUri } from '../packageInfo';

/** SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html), as GitHub code scanning reads it. */
const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SOURCE_ROOT = '%SRCROOT%';

type SarifLevel = 'error' | 'warning' | 'note' | 'none';

export function sarifLevel(severity: Severity): SarifLevel {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note';
}

export interface SarifOptions {
  readonly cwd: string;
  /** Rule documentation at `<url>/<id>.md` instead of the copy in the package. */
  readonly docsBaseUrl?: string;
}

/**
 * `--format sarif`: one run whose driver lists every registered rule (so ruleIndex is stable
 * across designs), results with 1-based regions (columns in UTF-16 code units, SARIF's
 * default), related locations, fixes, and the inputs that could not be read as notifications.
 */
export function formatSarif(run: LintRun, options: SarifOptions): string {
  const ruleIndex = new Map(RULES.map((rule, index) => [rule.id, index]));
  const artifact = (display: string) => artifactLocation(display);
  const results = run.files.flatMap((file) => file.findings.map((f) => {
    const index = ruleIndex.get(f.ruleId);
    return {
      ruleId: f.ruleId,
      ...(index === undefined ? {} : { ruleIndex: index }),
      level: sarifLevel(f.severity),
      message: { text: f.message },
      locations: [{ physicalLocation: { artifactLocation: artifact(file.input.display), region: region(file.lines, f.range) } }],
      ...(f.related?.length ? {
        relatedLocations: f.related.map((r, id) => {
          const at = relatedDocument(run, file, r.uri);
          return { id, physicalLocation: { artifactLocation: artifact(at.display), region: region(at.lines, r.range) }, message: { text: r.message } };
        }),
      } : {}),
      ...(f.fix ? { fixes: [sarifFix(f, file.lines, artifact(file.input.display))] } : {}),
    };
  }));
  const overrides = Object.entries(run.severities).filter(([id]) => ruleIndex.has(id));
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: PROGRAM,
          version: packageInfo().version,
          semanticVersion: packageInfo().version,
          ...(options.docsBaseUrl ? { informationUri: options.docsBaseUrl } : {}),
          rules: RULES.map((rule) => ruleDescriptor(rule, options.docsBaseUrl)),
        },
      },
      invocations: [{
        executionSuccessful: run.problems.length === 0,
        ...(overrides.length ? { ruleConfigurationOverrides: overrides.map(([id, level]) => configurationOverride(id, ruleIndex.get(id)!, level)) } : {}),
        ...(run.problems.length ? {
          toolExecutionNotifications: run.problems.map((p) => ({
            level: 'error',
            message: { text: cannotRead(p.display, p.reason) },
            locations: [{ physicalLocation: { artifactLocation: artifact(p.display) } }],
          })),
        } : {}),
      }],
      originalUriBaseIds: { [SOURCE_ROOT]: { uri: directoryUri(options.cwd) } },
      columnKind: 'utf16CodeUnits',
      results,
    }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function ruleDescriptor(rule: Rule, docsBaseUrl: string | undefined) {
  const facts = citedFacts(rule).map((id) => fact(id));
  const factLines = facts.map((f) => `- ${f.title}${f.value === undefined ? '' : `: ${formatFactValue(f)}`} (${f.sourceRef.title}${f.confirmed ? '' : ', rule of thumb: no official source confirms it'})`);
  const help = [rule.rationale, rule.fix ? `Quick fix: ${rule.fix}` : '', factLines.length ? `Facts:\n${factLines.join('\n')}` : ''].filter(Boolean).join('\n\n');
  return {
    id: rule.id,
    name: pascalCase(rule.title),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.rationale },
    help: { text: help },
    helpUri: ruleDocUri(rule.id, docsBaseUrl),
    defaultConfiguration: { level: sarifLevel(rule.defaultSeverity) },
    properties: { category: rule.category, tags: [rule.category], ruleOfThumb: isRuleOfThumb(rule) },
  };
}

function configurationOverride(id: string, index: number, level: SeverityOverride) {
  return {
    descriptor: { id, index },
    configuration: level === 'off' ? { enabled: false } : { level: sarifLevel(level) },
  };
}

function region(lines: LineIndex, range: TextRange) {
  const start = lineColumn(lines, range.start);
  const end = lineColumn(lines, range.end);
  return { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column };
}

function sarifFix(finding: Finding, lines: LineIndex, location: ReturnType<typeof artifactLocation>) {
  const fix = finding.fix!;
  return {
    description: { text: fix.title },
    artifactChanges: [{
      artifactLocation: location,
      replacements: fix.edits.map((edit) => ({ deletedRegion: region(lines, edit.range), insertedContent: { text: edit.newText } })),
    }],
  };
}

/** Relative to the working directory (`%SRCROOT%`) when inside it; an absolute file URI otherwise. */
function artifactLocation(display: string): { uri: string; uriBaseId?: string } {
  if (isAbsolute(display)) return { uri: pathToFileURL(display).href };
  return { uri: toPosix(display).split('/').map(encodeURIComponent).join('/'), uriBaseId: SOURCE_ROOT };
}

function directoryUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/** "Demo plan row cap exceeded" → "DemoPlanRowCapExceeded" (SARIF's reportingDescriptor.name). */
function pascalCase(title: string): string {
  return title.split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w[0].toUpperCase() + w.slice(1)).join('');
}
