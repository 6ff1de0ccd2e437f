/**
 * Designs used by the protocol tests. ORDER_SYNC maps more rows than the demo plan allows
 * (connect-demo-row-limit, with a fix and related locations) and misspells `source_of_truth`
 * under `requirements` (unknown-key, with a did-you-mean fix).
 */
export const ORDER_SYNC = `# Order sync between Salesforce and the fulfilment app
# owner: data team
version: 1
name: Order sync
environment: proof-of-concept
requirements:
  direction: salesforce-to-heroku
  acceptable_lag: 10m
  sourse_of_truth: salesforce
paths:
  heroku_connect:
    plan: demo
    mappings:
      - object: Account
        rows: 8_000
      - object: Contact
        rows: 6_000
`;

/** Valid YAML with nothing the demo-row rule objects to. */
export const SMALL = `version: 1
name: Small
paths:
  heroku_connect:
    plan: demo
    mappings:
      - object: Account
        rows: 100
`;
