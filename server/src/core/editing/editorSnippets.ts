import { PATHS } from '../paths';
import { PATH_KEYS } from '../vocabulary';
import type { EditorSnippet } from '../paths/pathModule';
import { ORG_SCHEMA, enumValues, schemaAt } from '../schema/schema';

/*
 * The VS Code snippets (snippets/integration-yaml.code-snippets, written by `npm run manifest`):
 * a whole design, one per path (from each path's module), an integration user and a whole org file.
 */

const DESIGN: EditorSnippet = {
  name: 'Integration design',
  prefix: ['integration', 'design'],
  isFileTemplate: true,
  description: 'A whole integration design: the org, the Heroku resources, requirements, regions, integration user and one path (Heroku Connect).',
  body: [
    'version: 1',
    'name: ${1:Order sync}',
    'summary: ${2:Orders created in Salesforce reach the Heroku app; the app never writes back.}',
    'environment: ${3|production,sandbox,proof-of-concept|}',
    'salesforce:',
    '\tedition: ${4|enterprise,unlimited,performance,professional,developer|}',
    '\torg_type: ${5|production,sandbox,developer,scratch|}',
    '\tmy_domain: ${21:acme.my.salesforce.com}',
    '\tcli_alias: ${22:acme}',
    'heroku:',
    '\tteam: ${23:acme-integrations}',
    '\tapps: [${24:order-sync}]',
    'requirements:',
    '\tdirection: ${6|salesforce-to-heroku,heroku-to-salesforce,bidirectional|}',
    '\tsource_of_truth: ${7|salesforce,heroku,shared|}',
    '\theroku_needs_local_copy: ${8|true,false|}',
    '\tacceptable_lag: ${9:15m}',
    '\tvolume:',
    '\t\trows: ${10:50_000}',
    'regions:',
    '\theroku_app: ${11|us,eu,dublin,frankfurt,london,montreal,mumbai,oregon,singapore,sydney,tokyo,virginia|}',
    '\theroku_postgres: ${12|us,eu,dublin,frankfurt,london,montreal,mumbai,oregon,singapore,sydney,tokyo,virginia|}',
    '\theroku_connect: ${13|us,eu,dublin,frankfurt,london,montreal,mumbai,oregon,singapore,sydney,tokyo,virginia|}',
    '\tsalesforce: ${14|us-east,us-west,canada,brazil,ireland,germany,uk,france,india,singapore,australia,japan|}',
    'integration_users:',
    '\t${15:sync}:',
    '\t\tusername: ${16:integration@example.com}',
    '\t\tkind: integration',
    '\t\tlicense: salesforce-integration',
    '\t\tpermissions: [api-enabled]',
    '\t\tpermission_set: ${25:Order_Sync}',
    '\t\tused_by: [heroku_connect]',
    'paths:',
    '\theroku_connect:',
    '\t\tapp: ${26:order-sync}',
    '\t\taddon: ${27:order-sync-connect}',
    '\t\tplan: ${17|enterprise,shield,demo|}',
    '\t\tdatabase:',
    '\t\t\tname: ${28:order-sync-db}',
    '\t\t\tplan: ${29:standard-0}',
    '\t\tmappings:',
    '\t\t\t- object: ${18:Order}',
    '\t\t\t\tmode: ${19|read-only,read-write|}',
    '\t\t\t\trows: ${20:50_000}',
    '$0',
  ],
};

const INTEGRATION_USER: EditorSnippet = {
  name: 'Integration user',
  prefix: 'integration_user',
  description: 'One entry of integration_users: the Salesforce user a path runs as.',
  body: [
    '${1:sync}:',
    '\tusername: ${2:integration@example.com}',
    '\tkind: ${3|integration,person|}',
    '\tlicense: ${4|salesforce-integration,salesforce,salesforce-platform|}',
    '\tpermissions: [api-enabled]',
    '\tpermission_set: ${6:Sync_Access}',
    `\tused_by: [\${5|${PATH_KEYS.join(',')}|}]`,
    '$0',
  ],
};

const HEROKU: EditorSnippet = {
  name: 'Heroku resources',
  prefix: 'heroku',
  description: 'The heroku section: the team, the Private Space and the apps the runbook creates.',
  body: [
    'heroku:',
    '\tteam: ${1:acme-integrations}',
    '\tprivate_space:',
    '\t\tname: ${2:acme-space}',
    '\t\tgeneration: ${3|cedar,fir|}',
    '\t\tshield: ${4|false,true|}',
    '\tapps: [${5:acme-sync}]',
    '$0',
  ],
};

/** The org schema's allowed values of a top-level key, as a snippet choice list. */
function orgChoices(key: string): string {
  return (enumValues(schemaAt([key], ORG_SCHEMA) ?? {}) ?? []).join(',');
}

/** A whole org file (`<name>.salesforce-org.yaml`). Allocations are the org's own figures: named, never guessed. */
const ORG_FILE: EditorSnippet = {
  name: 'Salesforce org file',
  prefix: ['salesforce-org', 'org'],
  isFileTemplate: true,
  description: 'A whole org file (<name>.salesforce-org.yaml): the org that designs name in salesforce.org, its edition, licenses and daily allocations.',
  body: [
    'version: 1',
    'org: ${1:acme-prod}',
    'name: ${2:Acme production}',
    `edition: \${3|${orgChoices('edition')}|}`,
    `org_type: \${4|${orgChoices('org_type')}|}`,
    'licenses:',
    '\tsalesforce: ${5:0}',
    '\tsalesforce_integration: ${6:0}',
    '# The org\'s own figures, as its limits show them:',
    '# daily_api_requests: <API requests per 24 hours>',
    '# event_deliveries_per_day: <platform event and Change Data Capture deliveries per 24 hours>',
    '$0',
  ],
};

/** Every snippet, in the file's order. */
export function editorSnippets(): EditorSnippet[] {
  return [DESIGN, HEROKU, ...PATHS.flatMap((p) => p.snippets.editor), INTEGRATION_USER, ORG_FILE];
}

/** The snippets file as VS Code reads it: snippets by name. */
export function renderEditorSnippets(): string {
  return `${JSON.stringify(Object.fromEntries(editorSnippets().map(({ name, ...snippet }) => [name, snippet])), null, 2)}\n`;
}
