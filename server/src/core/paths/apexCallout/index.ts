import { scalar } from '../../yamlEdit/entries';
import type { PathModule } from '../pathModule';
import { measureApex } from './measures';
import { APEX_RULES } from './rules';

export const APEX_CALLOUT: PathModule<'apex_callout'> = {
  key: 'apex_callout',
  category: 'apex',
  rules: APEX_RULES,
  measure: measureApex,
  // A trigger runs inside DML, so its callout has to run asynchronously.
  skeleton: () => [{ key: 'context', value: scalar('queueable') }],
  snippets: {
    completionKeys: { '': ['context', 'timeout', 'named_credential', 'endpoint', 'external_credential', 'auth_protocol', 'permission_set', 'app'] },
    editor: [
      {
        name: 'Apex callout path',
              prefix: 'apex_callout',
        description: 'paths.apex_callout: Apex calls the Heroku app over HTTP.',
        body: [
          'apex_callout:',
          '\tcontext: ${1|queueable,future,batch,scheduled,invocable,trigger,lwc-controller|}',
          '\tsynchronous: ${2|false,true|}',
          '\tnamed_credential: ${3:Heroku_App}',
          '\tapp: ${4:pricing-app}',
          '\tendpoint: ${5:https://pricing.example.com}',
          '\texternal_credential: ${6:Pricing_Auth}',
          '\tauth_protocol: ${7|custom,jwt,oauth-jwt-bearer,oauth-client-credentials|}',
          '\tpermission_set: ${8:Pricing_Callout}',
          '$0',
        ],
      },
    ],
  },
};
