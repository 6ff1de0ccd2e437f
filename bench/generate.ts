/**
 * Synthetic designs for the benchmark: a realistic header plus many Connect mappings and
 * integration users, so cost can be seen growing with size. Deterministic.
 */
const OBJECTS = ['Account', 'Contact', 'Opportunity', 'Case', 'Lead', 'Order__c', 'Invoice__c', 'Shipment__c'];

export function generateDesign(targetLines: number): string {
  const header = [
    'version: 1',
    'name: Benchmark design',
    'summary: Heroku order service mirrors Salesforce objects and writes order status back.',
    'environment: production',
    'salesforce:',
    '  edition: unlimited',
    '  org_type: production',
    'requirements:',
    '  direction: bidirectional',
    '  source_of_truth: salesforce',
    '  heroku_needs_local_copy: true',
    '  acceptable_lag: 5m',
    '  volume:',
    '    rows: 900_000',
    'regions:',
    '  heroku_app: virginia',
    '  heroku_postgres: virginia',
    '  heroku_connect: virginia',
    '  salesforce: us-east',
    'integration_users:',
    '  connect_sync:',
    '    username: connect-sync@example.com',
    '    kind: integration',
    '    license: salesforce-integration',
    '    permissions: [api-enabled, view-all-data, modify-all-data]',
    '    used_by: [heroku_connect]',
    'paths:',
    '  heroku_connect:',
    '    plan: enterprise',
    '    contracted_rows: 2_000_000',
    '    polling_interval: 10m',
    '    recovery_objective: 14d',
    '    mappings:',
  ];
  const lines = [...header];
  let i = 0;
  while (lines.length + 5 <= Math.max(targetLines, header.length + 5)) {
    lines.push(`      - object: ${OBJECTS[i % OBJECTS.length]}${i >= OBJECTS.length ? `_${i}__c` : ''}`);
    lines.push(`        mode: ${i % 3 === 0 ? 'read-write' : 'read-only'}`);
    lines.push(`        rows: ${100 + (i % 50)}`);
    lines.push('        accelerated_polling: false');
    lines.push(`        polling_interval: ${10 + (i % 20)}m`);
    i++;
  }
  return `${lines.join('\n')}\n`;
}

/** The offset of the value the benchmark edits: the first mapping's row count. */
export function editTarget(text: string): { start: number; end: number } {
  const at = text.indexOf('rows: ', text.indexOf('mappings:')) + 'rows: '.length;
  let end = at;
  while (/[0-9_]/.test(text[end])) end++;
  return { start: at, end };
}
