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

export interface EditTargets {
  /** The value the keystroke edits change: the first mapping's row count (else the first `rows:` or the `name:`). */
  readonly value: { readonly start: number; readonly original: string; readonly alternate: string };
  /** Where the typing burst types: the end of that value's key (each keystroke makes a new, unknown key). */
  readonly keyEnd: number;
}

/**
 * What the benchmark edits in `text`. A value edit flips the value's last character
 * (`100` ↔ `101`): the document stays the same size and shape, as when a number is retyped.
 */
export function editTargets(text: string): EditTargets {
  const mappings = text.indexOf('mappings:');
  const candidates = [/^[ \t]*(?:- )?rows: *([0-9][0-9_]*)/m, /^name: *(\S[^#\n]*?)[ \t]*$/m];
  for (const pattern of candidates) {
    const from = pattern === candidates[0] && mappings >= 0 ? mappings : 0;
    const match = pattern.exec(text.slice(from));
    if (!match) continue;
    const start = from + match.index + match[0].length - match[1].length;
    const original = match[1];
    const last = original[original.length - 1];
    const flipped = /[0-9]/.test(last) ? String((Number(last) + 1) % 10) : last === 'x' ? 'y' : 'x';
    const lineStart = text.lastIndexOf('\n', start) + 1;
    const keyEnd = text.indexOf(':', lineStart);
    return { value: { start, original, alternate: original.slice(0, -1) + flipped }, keyEnd };
  }
  throw new Error('the document has neither a `rows:` count nor a `name:` to edit');
}
