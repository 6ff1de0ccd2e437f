// One design per row of the skill document's Decision Guidance table, stating that row's
// situation: shared by the decision engine's tests and the walkthrough page's tests.

const design = (environment: string, requirements: string): string =>
  `version: 1\nname: Row case\nenvironment: ${environment}\nrequirements:\n${requirements.trim().split('\n').map((l) => `  ${l}`).join('\n')}\npaths: {}\n`;

/** A design in `environment` with these lines under `requirements:`. */
export const rowCaseDesign = design;

export const ROW_DESIGNS: Readonly<Record<string, { readonly yaml: string; readonly path: string }>> = {
  'local-postgres-copy': { path: 'heroku_connect', yaml: design('sandbox', 'direction: salesforce-to-heroku\nheroku_needs_local_copy: true') },
  'salesforce-calls-heroku-logic': { path: 'heroku_applink', yaml: design('production', 'salesforce_calls_heroku:\n  from: [flow]\n  synchronous: true') },
  'salesforce-users-view-heroku-data': { path: 'external_objects', yaml: design('production', 'source_of_truth: heroku\nsalesforce_users_view_heroku_data: true') },
  'react-to-changes-within-seconds': { path: 'platform_events', yaml: design('production', 'acceptable_lag: 5s\nheroku_reacts_to_salesforce_changes: true') },
  'occasional-salesforce-data': { path: 'rest_api', yaml: design('production', 'heroku_needs_occasional_salesforce_data: true') },
  'trigger-needs-synchronous-data': { path: 'apex_callout', yaml: design('production', 'salesforce_calls_heroku:\n  from: [apex-trigger]\n  synchronous: true') },
  'embed-heroku-ui': { path: 'canvas', yaml: design('production', 'ui_embedded_in_salesforce: true') },
  'proof-of-concept-demo-plan': { path: 'heroku_connect', yaml: design('proof-of-concept', 'heroku_needs_local_copy: true\nacceptable_lag: 1d\nvolume:\n  rows: 1_000') },
  'production-scale-connect': { path: 'heroku_connect', yaml: design('production', 'heroku_needs_local_copy: true\nacceptable_lag: 30s\nvolume:\n  rows: 1_200_000') },
  'cross-org-passthrough': { path: 'none', yaml: design('production', 'cross_org_passthrough: true') },
};
