import { ruleCases } from '../../helpers/ruleCases';
import { TOOL_LIMITS } from '../../../server/src/core/limits';
import type { Rule } from '../../../server/src/core/rule';

// The rules the parser, the schema validator and the engine itself report: syntax, structure,
// suppressions and rule failures. Same table shape as every other rule.
const head = 'version: 1\nname: Orders\n';

// ---- Syntax (model/parse.ts) ------------------------------------------------------------

ruleCases('yaml-syntax', [
  {
    name: 'an unclosed quote is reported at the quote that opens it, not where the text ends',
    doc: `version: 1\nname: ⟦"⟧Orders\nenvironment: production\npaths: {}\n`,
    messages: [/^YAML syntax error: this quoted string is never closed \(Missing closing "quote\)$/],
  },
  {
    name: 'a block mapping inside a flow mapping',
    doc: `${head}paths: { heroku_connect: ⟦plan: demo ⟧}\n`,
    messages: ['YAML syntax error: Block collections are not allowed within flow collections'],
  },
  {
    name: 'an alias without its anchor',
    doc: `version: 1\nname: ⟦*orders⟧\npaths: {}\n`,
    messages: ['YAML syntax error: the alias *orders has no anchor &orders before it.'],
  },
  { name: 'valid YAML with anchors, aliases, flow and block style', doc: `${head}summary: &s Mirror orders.\npaths:\n  heroku_connect: { plan: enterprise }\n# a comment: with a colon\n` },
]);

ruleCases('duplicate-key', [
  {
    name: 'the second key is reported, with the first as related location',
    doc: `${head}paths:\n  heroku_connect:\n    plan: enterprise\n    ⟦plan⟧: demo\n`,
    messages: ["Duplicate key 'plan': only the first one is read."],
    related: 1,
  },
  {
    name: 'each repetition is reported once',
    doc: `${head}⟦name⟧: Again\n⟦name⟧: And again\npaths: {}\n`,
    messages: ["Duplicate key 'name'", "Duplicate key 'name'"],
  },
  { name: 'the same key in two different mappings', doc: `${head}paths:\n  heroku_connect: { plan: demo }\n  canvas: { auth: signed-request }\nregions: { heroku_app: us }\n` },
]);

ruleCases('multiple-documents', [
  {
    name: 'a second document after ---',
    doc: `${head}paths: {}\n⟦--- # the next design⟧\nversion: 1\n`,
    messages: ['A design file holds one integration: this second YAML document is ignored. Put it in its own file.'],
  },
  { name: 'a leading --- and a trailing ... do not start a second document', doc: `---\n${head}paths: {}\n...\n` },
]);

const tooLong = (chars: number): string => {
  const first = 'version: 1';
  return `${first}\n#${'x'.repeat(chars - first.length - 2)}`;
};

ruleCases('document-too-large', [
  {
    name: 'one character over the limit: one finding on the first line, nothing else read',
    doc: `⟦version: 1⟧${tooLong(TOOL_LIMITS.maxDocumentChars + 1).slice('version: 1'.length)}`,
    messages: [/^Document too large to validate: 1,048,577 characters, over the 1,048,576 this tool reads\./],
  },
  { name: 'exactly at the limit it is read', doc: tooLong(TOOL_LIMITS.maxDocumentChars) },
]);

const laughs = (last: string): string => [
  '  a: &a [x, x, x, x, x, x, x, x, x, x]',
  '  b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
  '  c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
  last,
].join('\n');

ruleCases('alias-expansion-limit', [
  {
    name: 'billion laughs: reported once, at the alias whose expansion passes the limit',
    // The budget is spent by the time the 8th *c of d expands (b: 110 nodes, c: 1,110, each *c: 1,111).
    doc: `${head}paths: {}\nsummary:\n${laughs('  d: &d [*c, *c, *c, *c, *c, *c, *c, ⟦*c⟧, *c, *c]\n  e: [*d, *d]')}\n`,
    messages: ['Alias expansion limit: aliases here expand to more than 10,000 nodes, so the rest is not read.'],
  },
  { name: 'aliases that expand to a few thousand nodes', doc: `${head}paths: {}\nsummary:\n${laughs('  d: [*c, *c]')}\n` },
]);

ruleCases('nesting-too-deep', [
  {
    name: 'reported once, where the depth limit is first passed',
    doc: `${head}paths: {}\nsummary: ${'['.repeat(TOOL_LIMITS.maxDepth)}⟦[[]]⟧${']'.repeat(TOOL_LIMITS.maxDepth)}\n`,
    messages: [/^Nesting deeper than 64 levels is not read; the design format is at most 6 levels deep\.$/],
  },
  { name: 'exactly at the depth limit', doc: `${head}paths: {}\nsummary: ${'['.repeat(TOOL_LIMITS.maxDepth - 1)}${']'.repeat(TOOL_LIMITS.maxDepth - 1)}\n` },
]);

ruleCases('unsupported-key', [
  {
    name: 'a list used as a key',
    doc: `${head}? ⟦[heroku_connect, canvas]⟧\n: chosen\npaths: {}\n`,
    messages: ['Keys must be plain words such as `plan`; this key is not read.'],
  },
  {
    name: 'a mapping used as a key in flow style',
    doc: `${head}paths: { ⟦{ a: 1 }⟧: x }\n`,
    messages: ['Keys must be plain words'],
  },
  { name: 'plain, quoted and numeric keys', doc: `${head}"summary": quoted keys are plain words\npaths: {}\n` },
]);

// ---- Structure (schema/validate.ts) -----------------------------------------------------

ruleCases('unknown-key', [
  {
    name: 'a misspelt key gets a did-you-mean and a rename fix that keeps the comment',
    doc: `${head}paths:\n  heroku_connect:\n    ⟦plna⟧: enterprise # paid\n`,
    messages: ["Unknown key 'plna' in 'paths.heroku_connect'. Did you mean 'plan'?"],
    fixed: `${head}paths:\n  heroku_connect:\n    plan: enterprise # paid\n`,
  },
  {
    name: 'a key like nothing known lists the allowed keys',
    doc: `${head}⟦owner⟧: team-a\npaths: {}\n`,
    messages: ["Unknown key 'owner' at the top level. Allowed: 'version', 'name', 'summary', 'environment', 'salesforce', 'heroku', 'requirements', 'regions', 'integration_users' or 'paths'."],
  },
  {
    name: 'the suggestion leaves out keys already present',
    doc: `${head}salesforce:\n  instance: NA1\n  ⟦instanse⟧: NA2\npaths: {}\n`,
    messages: ["Unknown key 'instanse' in 'salesforce'. Allowed: 'org', 'edition', 'org_type', 'instance', 'event_deliveries_per_day', 'daily_api_requests', 'my_domain' or 'cli_alias'."],
  },
  { name: 'every key known; user ids are free names', doc: `${head}integration_users:\n  any_name_at_all:\n    kind: integration\n    used_by: [heroku_connect]\npaths:\n  heroku_connect: { plan: enterprise }\n` },
]);

ruleCases('missing-required', [
  {
    name: 'an empty file',
    doc: '⟦⟧',
    messages: ["Empty design: start with 'version', 'name' and 'paths'."],
  },
  {
    name: 'a design without a name',
    doc: '⟦⟧version: 1\npaths: {}\n',
    messages: ["The design is missing 'name'."],
  },
  {
    name: 'a mapping without its object, reported at the mapping',
    doc: `${head}paths:\n  heroku_connect:\n    mappings:\n      - ⟦⟧mode: read-only\n`,
    messages: ["'paths.heroku_connect.mappings[0]' is missing 'object'."],
  },
  {
    name: 'an integration user without used_by, reported at its id',
    doc: `${head}integration_users:\n  ⟦sync⟧:\n    kind: integration\npaths: {}\n`,
    messages: ["'integration_users.sync' is missing 'used_by'."],
  },
  { name: 'the minimal design', doc: `${head}paths: {}\n` },
]);

ruleCases('wrong-type', [
  {
    name: 'yes is text in YAML 1.2: the fix writes true',
    doc: `${head}requirements:\n  heroku_needs_local_copy: ⟦yes⟧ # mirror\npaths: {}\n`,
    messages: ["'heroku_needs_local_copy' must be true or false, not the text 'yes'."],
    fixed: `${head}requirements:\n  heroku_needs_local_copy: true # mirror\npaths: {}\n`,
  },
  {
    name: 'a list where a mapping belongs is reported at its key',
    doc: `${head}⟦requirements⟧: [direction]\npaths: {}\n`,
    messages: ["'requirements' must be a mapping of keys, not a list."],
  },
  {
    name: 'a key without a value is reported at the key',
    doc: `${head}paths:\n  heroku_connect:\n    ⟦plan⟧:\n`,
    messages: ["'plan' needs a value: 'demo', 'enterprise' or 'shield'."],
  },
  { name: 'booleans, text and numbers where they belong', doc: `${head}requirements:\n  heroku_needs_local_copy: false\npaths:\n  heroku_connect:\n    api_version: 62.0\n    plan: enterprise\n` },
]);

ruleCases('invalid-value', [
  {
    name: 'a near miss gets a did-you-mean and a fix',
    doc: `${head}environment: ⟦sandbx⟧\npaths: {}\n`,
    messages: ["'sandbx' is not a valid environment: use 'production', 'sandbox' or 'proof-of-concept'. Did you mean 'sandbox'?"],
    fixed: `${head}environment: sandbox\npaths: {}\n`,
  },
  {
    name: 'a value like nothing allowed lists the allowed values',
    doc: `${head}requirements:\n  direction: ⟦both-ways⟧\npaths: {}\n`,
    messages: ["'both-ways' is not a valid direction: use 'salesforce-to-heroku', 'heroku-to-salesforce' or 'bidirectional'."],
  },
  {
    name: 'a value listed twice in a list of unique values',
    doc: `${head}integration_users:\n  sync:\n    permissions: [api-enabled, ⟦api-enabled⟧]\n    used_by: [heroku_connect]\npaths:\n  heroku_connect: { plan: enterprise }\n`,
    messages: ["'api-enabled' is listed twice in 'permissions'."],
    related: 1,
  },
  { name: 'allowed values, including a version written as a number', doc: `${head}environment: proof-of-concept\npaths:\n  external_objects:\n    odata_version: 4.0\n` },
]);

ruleCases('invalid-duration', [
  {
    name: 'a bare number has no unit',
    doc: `${head}requirements:\n  acceptable_lag: ⟦30⟧\npaths: {}\n`,
    messages: ["'acceptable_lag': a duration needs a unit: write `30s`, `10m`, `72h`, `31d` or `1h30m`."],
  },
  {
    name: 'a unit spelt out is not a unit',
    doc: `${head}paths:\n  heroku_connect:\n    plan: enterprise\n    polling_interval: ⟦10 minutes⟧\n`,
    messages: ["'polling_interval': 'minutes' is not a unit (use ms, s, m, h, d or w)"],
  },
  { name: 'durations with units, alone and combined', doc: `${head}requirements:\n  acceptable_lag: 1h30m\npaths:\n  heroku_connect:\n    plan: enterprise\n    recovery_objective: 14d\n` },
]);

ruleCases('invalid-number', [
  {
    name: 'a suffix',
    doc: `${head}requirements:\n  volume:\n    rows: ⟦1.2M⟧\npaths: {}\n`,
    messages: ["'rows': '1.2M' uses a suffix: write the number in full, e.g. 1_200_000."],
  },
  {
    name: 'separators not in threes',
    doc: `${head}requirements:\n  volume:\n    rows: ⟦1_20_000⟧\npaths: {}\n`,
    messages: ["'rows': '1_20_000' is not a whole number: group thousands with '_' in threes, e.g. 1_200_000."],
  },
  { name: 'plain and grouped whole numbers', doc: `${head}requirements:\n  volume:\n    rows: 1_200_000\n    events_per_day: 90000\npaths: {}\n` },
]);

// ---- Analysis (rules/suppressions.ts, analysis.ts) ------------------------------------------

ruleCases('unused-suppression', [
  {
    name: 'a next-line directive with nothing to suppress; the fix removes the comment line',
    doc: `${head}# integration-lint-disable-next-line ⟦invalid-value⟧ -- legacy\nenvironment: production\npaths: {}\n`,
    messages: ["Unused suppression: 'invalid-value' reports nothing on the line it covers."],
    fixed: `${head}environment: production\npaths: {}\n`,
  },
  {
    name: 'a rule id that does not exist',
    doc: `${head}# integration-lint-disable ⟦no-such-rule⟧\npaths: {}\n`,
    messages: ["Unknown rule 'no-such-rule' in suppression: it suppresses nothing."],
  },
  { name: 'a directive on the line above that suppresses a finding', doc: `${head}# integration-lint-disable-next-line invalid-value -- kept for the old tooling\nenvironment: prod\npaths: {}\n` },
  { name: 'a directive at the end of the line it suppresses', doc: `${head}environment: prod # integration-lint-disable-next-line invalid-value\npaths: {}\n` },
  { name: 'a file directive that suppresses a finding', doc: `${head}# integration-lint-disable invalid-value\nenvironment: prod\npaths: {}\n` },
]);

const failing: Rule = {
  id: 'test-failing-rule', title: 'Fails', category: 'engine', defaultSeverity: 'error', rationale: 'A rule that throws.', facts: [],
  check({ design }) {
    if (design.paths?.canvas) throw new Error('boom');
  },
};

ruleCases('internal-error', [
  {
    name: 'a rule that throws becomes one finding on the first line, naming the rule',
    doc: `⟦version: 1⟧\nname: Orders\npaths:\n  canvas: { auth: signed-request }\n`,
    messages: ["Internal error in rule 'test-failing-rule': boom. The other rules still ran; please report this."],
  },
  { name: 'the same rule not throwing', doc: `${head}paths:\n  heroku_connect: { plan: enterprise }\n` },
], { rules: [failing] });
