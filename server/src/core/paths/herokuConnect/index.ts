import type { DecisionInput, PlanTier } from '../../decision/types';
import { scalar } from '../../yamlEdit/entries';
import type { PathModule } from '../pathModule';
import { measureConnect } from './measures';
import { CONNECT_RULES } from './rules';

/** The plan a newly added Connect path starts on: the decision table's, else Shield for regulated data, else Enterprise. */
export function newConnectPlan(answers: DecisionInput, tablePlan: PlanTier | undefined): PlanTier {
  return tablePlan ?? (answers.regulatedData ? 'shield' : 'enterprise');
}

export const HEROKU_CONNECT: PathModule<'heroku_connect'> = {
  key: 'heroku_connect',
  category: 'connect',
  rules: CONNECT_RULES,
  measure: measureConnect,
  login: {
    how: () => 'authorizes as a Salesforce user to read and write records',
    newUser: { id: 'connect_user', permissions: ['api-enabled', 'view-all'] },
  },
  skeleton: ({ answers, tablePlan }) => [{ key: 'plan', value: scalar(newConnectPlan(answers, tablePlan)) }],
  snippets: {
    completionKeys: { '': ['plan', 'polling_interval', 'mappings', 'app', 'addon'], 'mappings[]': ['object', 'mode', 'rows'], database: ['name', 'plan'] },
    editor: [
      {
        name: 'Heroku Connect path',
              prefix: 'heroku_connect',
        description: 'paths.heroku_connect: sync Salesforce objects with Heroku Postgres.',
        body: [
          'heroku_connect:',
          '\tplan: ${1|enterprise,shield,demo|}',
          '\tpolling_interval: ${2:10m}',
          '\tprovisioning: ${3|cli,dashboard,app-json,review-app|}',
          '\tmappings:',
          '\t\t- object: ${4:Account}',
          '\t\t\tmode: ${5|read-only,read-write|}',
          '\t\t\trows: ${6:50_000}',
          '\tapp: ${7:sync-app}',
          '\taddon: ${8:sync-connect}',
          '\tdatabase:',
          '\t\tname: ${9:sync-db}',
          '\t\tplan: ${10:standard-0}',
          '$0',
        ],
      },
      {
        name: 'Heroku Connect mapping',
              prefix: 'mapping',
        description: 'One Heroku Connect mapping (an item of paths.heroku_connect.mappings).',
        body: [
          '- object: ${1:Contact}',
          '\tmode: ${2|read-only,read-write|}',
          '\trows: ${3:50_000}',
          '$0',
        ],
      },
    ],
  },
};
