import { list, scalar } from '../../yamlEdit/entries';
import type { PathModule } from '../pathModule';
import { measureAppLink } from './measures';
import { APPLINK_RULES } from './rules';

export const HEROKU_APPLINK: PathModule<'heroku_applink'> = {
  key: 'heroku_applink',
  category: 'applink',
  rules: APPLINK_RULES,
  measure: measureAppLink,
  login: {
    // Otherwise the code runs with the calling Salesforce user's context.
    how: (design) => (design.paths?.heroku_applink?.user_mode?.value === 'authorized-user' ? 'in authorized-user mode runs as a pre-authorized Salesforce user' : undefined),
    newUser: { id: 'applink_user', permissions: ['api-enabled'] },
  },
  skeleton: ({ answers, tableCallers }) => {
    const callers = (answers.callers ?? []).filter((c) => tableCallers.includes(c));
    return [
      ...(callers.length ? [{ key: 'callers', value: list(callers) }] : []),
      ...(answers.synchronousCalls !== undefined ? [{ key: 'synchronous', value: scalar(String(answers.synchronousCalls)) }] : []),
    ];
  },
  snippets: {
    completionKeys: { '': ['callers', 'user_mode', 'synchronous', 'connection_name', 'client_name', 'api_spec', 'app', 'addon'] },
    editor: [
      {
        name: 'Heroku AppLink path',
              prefix: 'heroku_applink',
        description: 'paths.heroku_applink: Salesforce (Flow, Apex, Agentforce) calls a Heroku app.',
        body: [
          'heroku_applink:',
          '\tcallers: [${1|flow,apex,apex-trigger,agentforce,data-cloud|}]',
          '\tuser_mode: ${2|user,user-plus,authorized-user|}',
          '\tsynchronous: ${3|false,true|}',
          '\tresponse_time: ${4:5s}',
          '\tapp: ${5:scoring-app}',
          '\taddon: ${6:scoring-applink}',
          '\tconnection_name: ${7:production_org}',
          '\tclient_name: ${8:Scoring}',
          '\tapi_spec: ${9:api-spec.yaml}',
          '$0',
        ],
      },
    ],
  },
};
