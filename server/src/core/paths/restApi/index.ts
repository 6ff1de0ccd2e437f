import { scalar } from '../../yamlEdit/entries';
import type { PathModule } from '../pathModule';
import { measureRest } from './measures';
import { REST_RULES } from './rules';

export const REST_API: PathModule<'rest_api'> = {
  key: 'rest_api',
  category: 'rest',
  rules: REST_RULES,
  measure: measureRest,
  login: {
    how: () => 'calls Salesforce as the user its OAuth flow logs in',
    newUser: { id: 'rest_user', permissions: ['api-enabled'] },
  },
  // The table's approach: the REST API with the JWT bearer flow.
  skeleton: () => [{ key: 'auth_flow', value: scalar('jwt-bearer') }],
  snippets: {
    completionKeys: { '': ['auth_flow', 'app_type', 'external_client_app', 'app'] },
    editor: [
      {
        name: 'REST API path',
              prefix: 'rest_api',
        description: 'paths.rest_api: the Heroku app calls Salesforce\'s REST API.',
        body: [
          'rest_api:',
          '\tauth_flow: ${1|jwt-bearer,client-credentials,web-server,refresh-token|}',
          '\tapp_type: ${2|external-client-app,connected-app,new-connected-app|}',
          '\tapp: ${3:portal-app}',
          '\texternal_client_app: ${4:Portal}',
          '$0',
        ],
      },
    ],
  },
};
