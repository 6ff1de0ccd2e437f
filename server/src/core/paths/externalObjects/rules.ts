import { fact, factValue, formatFactValue } from '../../knowledge/facts';
import { formatCount } from '../../format/quantities';
import type { ScalarNode } from '../../model/node';
import { fix } from '../../findings';
import { replaceValue } from '../../yamlEdit/scalar';
import type { Rule } from '../../rule';

/** `4.0` written the way the user wrote the old version: same quotes, or double quotes for a plain number. */
function odataFourText(node: ScalarNode | undefined): string {
  const quote = node?.style === 'QUOTE_SINGLE' ? "'" : '"';
  return `${quote}4.0${quote}`;
}

export const EXTERNAL_OBJECTS_RULES: readonly Rule[] = [
  {
    id: 'external-objects-odata2-writable',
    title: 'Writable external objects on OData 2.0',
    category: 'external-objects',
    defaultSeverity: 'error',
    rationale: 'Heroku External Objects serves OData 2.0 read-only; only OData 4.0 supports creating, editing and deleting records from Salesforce.',
    facts: ['odata-v2-read-only'],
    fix: 'Change odata_version to "4.0".',
    check({ design, model, report }) {
      const eo = design.paths?.external_objects;
      const version = eo?.odata_version;
      if (version?.value !== '2.0' || eo?.writable?.value !== true) return;
      report({
        range: version.node.range,
        message: 'OData 2.0 is read-only for Heroku External Objects, but this design needs writable external objects. Use OData 4.0: set the external data source to "Salesforce Connect: OData 4.0" and tick "Writable External Objects".',
        related: [{ range: eo.writable.node.range, message: 'Writes are needed here' }],
        fix: fix('Change odata_version to "4.0"', replaceValue(model, version.node, odataFourText(version.node.kind === 'scalar' ? version.node : undefined))),
      });
    },
  },
  {
    id: 'external-objects-rate-limit',
    title: 'External Objects request rate exceeded',
    category: 'external-objects',
    defaultSeverity: 'warning',
    rationale: 'The Heroku External Objects service is rate-limited per hour on paid plans, and Salesforce makes a callout for every list view, detail page, search and report run, so peaks add up fast.',
    facts: ['external-objects-rate-limit', 'odata-callout-per-action'],
    check({ design, report }) {
      const requests = design.paths?.external_objects?.requests_per_hour;
      if (!requests || requests.value <= factValue('external-objects-rate-limit')) return;
      report({
        range: requests.node.range,
        message: `Heroku External Objects is rate-limited to ${formatFactValue(fact('external-objects-rate-limit'))} on paid plans; this design expects ${formatCount(requests.value)} at peak. Each list view, detail page, related list, search and report run is a callout, so over the limit pages showing external objects fail. Ask Heroku to raise the limit (it can be raised on request), or cut callouts (fewer related lists and list views, cache in Apex).`,
      });
    },
  },
  {
    id: 'external-objects-standard-reports',
    title: 'External objects cannot be used in standard reports',
    category: 'external-objects',
    defaultSeverity: 'error',
    rationale: 'Heroku External Objects data is available by reference only: Salesforce queries it on demand and cannot use it in standard reports.',
    facts: ['external-objects-no-reports'],
    check({ design, report }) {
      const reports = design.paths?.external_objects?.standard_reports;
      if (reports?.value !== true) return;
      report({
        range: reports.node.range,
        message: 'Heroku External Objects data is available by reference only and cannot be used in standard reports. If users must report on it in Salesforce, copy it in with Heroku Connect; otherwise report from Heroku Postgres.',
      });
    },
  },
];
