import { scalar } from '../../yamlEdit/entries';
import type { PathModule } from '../pathModule';
import { CANVAS_RULES } from './rules';

export const CANVAS: PathModule<'canvas'> = {
  key: 'canvas',
  category: 'canvas',
  rules: CANVAS_RULES,
  // The table's approach: Canvas with a signed request.
  skeleton: () => [{ key: 'auth', value: scalar('signed-request') }],
  snippets: {
    completionKeys: { '': ['auth', 'locations', 'url', 'external_client_app', 'app'] },
    editor: [
      {
        name: 'Canvas path',
              prefix: 'canvas',
        description: 'paths.canvas: the Heroku app\'s UI embedded in Salesforce with Canvas.',
        body: [
          'canvas:',
          '\tauth: ${1|signed-request,oauth-web-server,oauth-user-agent|}',
          '\truns_outside_salesforce: ${2|false,true|}',
          '\tlocations: [${3|lightning-component,visualforce,page-layout,chatter-tab,chatter-feed,mobile-nav,open-cti,publisher,service-desk,app-launcher|}]',
          '\tapp: ${4:panel-app}',
          '\texternal_client_app: ${5:Panel}',
          '\turl: ${6:https://panel.example.com/canvas}',
          '$0',
        ],
      },
    ],
  },
};
