// A design whose free-text names (the ones the schema gives no pattern) are attacks on the
// places they end up: SVG and HTML (markup, script, links), Mermaid (closing a label,
// directives, click callbacks, styles, Markdown strings, edge-label pipes, brackets, new
// lines) and Markdown (code spans, links, mentions). The diagram, its text alternative, the
// gauges and the artifacts must show each as text.

/** Each attack, as the design states it (a YAML double-quoted string's content, unescaped). */
export const HOSTILE_NAMES = {
  name: '"><script>window.__pwned=1</script>',
  instance: '<img src=x onerror="window.__pwned=2">',
  object: 'javascript:window.__pwned=3',
  object2: '%%{init: {"securityLevel": "loose", "theme": "forest"}}%%',
  user: 'click org call alert(4)',
  username: '`**bold**` [x](javascript:alert(5)) @admin',
  table: 'style org fill:#f00;classDef x fill:#f00',
  table2: 'a|b"] --> evil["x',
  credential: '</text><foreignObject><script>window.__pwned=6</script></foreignObject>',
  plan: 'line one\nline two ~~struck~~ www.example.com',
} as const;

const yamlString = (text: string): string => JSON.stringify(text);

export const HOSTILE_DESIGN = `version: 1
name: ${yamlString(HOSTILE_NAMES.name)}
environment: production
salesforce:
  edition: enterprise
  instance: ${yamlString(HOSTILE_NAMES.instance)}
regions:
  heroku_app: us
  heroku_postgres: us
  salesforce: us-east
requirements:
  direction: bidirectional
  source_of_truth: salesforce
  heroku_needs_local_copy: true
  salesforce_users_view_heroku_data: true
integration_users:
  ${yamlString(HOSTILE_NAMES.user)}:
    username: ${yamlString(HOSTILE_NAMES.username)}
    kind: integration
    permissions: [api-enabled, view-all-data]
    used_by: [heroku_connect]
paths:
  heroku_connect:
    app: hostile-sync
    plan: enterprise
    contracted_rows: 100_000
    database:
      plan: ${yamlString(HOSTILE_NAMES.plan)}
    mappings:
      - object: ${yamlString(HOSTILE_NAMES.object)}
        mode: read-write
        rows: 60_000
      - object: ${yamlString(HOSTILE_NAMES.object2)}
        rows: 10
  external_objects:
    odata_version: "4.0"
    tables: [${yamlString(HOSTILE_NAMES.table)}, ${yamlString(HOSTILE_NAMES.table2)}]
  apex_callout:
    app: hostile-callout
    context: queueable
    named_credential: ${yamlString(HOSTILE_NAMES.credential)}
    timeout: 10s
`;
