import { ruleCases } from '../../helpers/ruleCases';

const header = 'version: 1\nname: Orders\nenvironment: proof-of-concept\n';

ruleCases('connect-demo-row-limit', [
  {
    name: 'demo plan with mappings summing over the cap',
    doc: `${header}paths:\n  heroku_connect:\n    plan: ⟦demo⟧ # free\n    mappings:\n      - object: Account\n        rows: 6_000\n      - object: Contact\n        rows: 5_000\n`,
    messages: [/at most 10,000 rows across all mappings; this design maps 11,000/],
    related: 2,
    fixed: `${header}paths:\n  heroku_connect:\n    plan: enterprise # free\n    mappings:\n      - object: Account\n        rows: 6_000\n      - object: Contact\n        rows: 5_000\n`,
  },
  {
    name: 'demo plan with stated volume over the cap and no mapping rows',
    doc: `${header}requirements:\n  volume:\n    rows: 1_200_000\npaths:\n  heroku_connect: { plan: ⟦demo⟧ }\n`,
    messages: ['states 1,200,000'],
  },
  { name: 'demo plan exactly at the cap', doc: `${header}paths:\n  heroku_connect:\n    plan: demo\n    mappings:\n      - object: Account\n        rows: 10_000\n` },
  { name: 'enterprise plan over the demo cap', doc: `${header}paths:\n  heroku_connect:\n    plan: enterprise\n    contracted_rows: 2_000_000\n    mappings:\n      - object: Account\n        rows: 1_000_000\n` },
  { name: 'demo plan with no volume stated', doc: `${header}paths:\n  heroku_connect:\n    plan: demo\n` },
]);
