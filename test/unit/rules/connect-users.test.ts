import { ruleCases } from '../../helpers/ruleCases';

// The Salesforce user Heroku Connect authorizes as.
const header = 'version: 1\nname: Orders\nenvironment: proof-of-concept\n';
const connect = 'paths:\n  heroku_connect:\n    plan: demo\n';

ruleCases('connect-user-missing-view-all', [
  {
    name: 'block list without view-all: the fix appends it',
    doc: `${header}integration_users:\n  sync:\n    username: sync@example.com\n    ⟦permissions⟧:\n      - api-enabled\n      - modify-all\n    used_by: [heroku_connect]\n${connect}`,
    messages: [/'sync' authorizes Heroku Connect but has neither view-all nor view-all-data\. Heroku Connect requires View All.*Add view-all\..*OPERATION_TOO_LARGE \(queries over 100,000 records\).*\(Rule of thumb/],
    fixed: `${header}integration_users:\n  sync:\n    username: sync@example.com\n    permissions:\n      - api-enabled\n      - modify-all\n      - view-all\n    used_by: [heroku_connect]\n${connect}`,
  },
  {
    name: 'flow list, one finding per Connect user',
    doc: `${header}integration_users:\n  sync:\n    ⟦permissions⟧: [api-enabled]\n    used_by: [heroku_connect, rest_api]\n  other:\n    ⟦permissions⟧: []\n    used_by: [heroku_connect]\n${connect}`,
    messages: ["'sync' authorizes", "'other' authorizes"],
    fixed: `${header}integration_users:\n  sync:\n    permissions: [api-enabled, view-all]\n    used_by: [heroku_connect, rest_api]\n  other:\n    permissions: []\n    used_by: [heroku_connect]\n${connect}`,
  },
  { name: 'view-all present', doc: `${header}integration_users:\n  sync:\n    permissions: [api-enabled, view-all]\n    used_by: [heroku_connect]\n${connect}` },
  { name: 'view-all-data present', doc: `${header}integration_users:\n  sync:\n    permissions: [api-enabled, view-all-data]\n    used_by: [heroku_connect]\n${connect}` },
  { name: 'user not used by Connect', doc: `${header}integration_users:\n  api:\n    permissions: [api-enabled]\n    used_by: [rest_api]\n${connect}` },
  { name: 'permissions not stated', doc: `${header}integration_users:\n  sync:\n    used_by: [heroku_connect]\n${connect}` },
]);

ruleCases('connect-user-modify-all-tip', [
  {
    name: 'no modify-all: a tip, not a requirement',
    doc: `${header}integration_users:\n  sync:\n    ⟦permissions⟧: [api-enabled, view-all]\n    used_by: [heroku_connect]\n${connect}`,
    messages: [/^Tip: .*extra sharing query.*performance recommendation, not a Heroku Connect requirement/],
  },
  { name: 'modify-all present', doc: `${header}integration_users:\n  sync:\n    permissions: [api-enabled, view-all, modify-all]\n    used_by: [heroku_connect]\n${connect}` },
  { name: 'modify-all-data present', doc: `${header}integration_users:\n  sync:\n    permissions: [api-enabled, view-all-data, modify-all-data]\n    used_by: [heroku_connect]\n${connect}` },
  { name: 'user not used by Connect', doc: `${header}integration_users:\n  api:\n    permissions: [api-enabled]\n    used_by: [rest_api]\n${connect}` },
]);
