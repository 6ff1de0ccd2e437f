import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findingsOf, ruleCases } from '../../helpers/ruleCases';

const header = 'version: 1\nname: Orders\n';
const paths = 'paths:\n  rest_api: { auth_flow: jwt-bearer }\n';

// Fake credentials, shaped like the real ones.
const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiIzTVZHOUZha2VDbGllbnQiLCJzdWIiOiJzeW5jQGV4YW1wbGUuY29tIn0.c2lnbmF0dXJlLW5vdC1yZWFsLWF0LWFsbA';
const ACCESS_TOKEN = '00D5g000004XyZ1!AQ4AQFakeAccessTokenValue.ForTestsOnly_1234567890';
const REFRESH_TOKEN = '5Aep861TSESvWeug_xvFHRBTTbf_YrTWgEyjBJo7Xr34yOQ7GvTyv8qyRDyYgXV2NLePk9X9wQ';
const HEROKU_TOKEN = 'HRKU-AAbbCCddEEff0011223344556677889900aabb';
const CLIENT_SECRET = '3F8A9B2C1D0E4F5A6B7C8D9E0F1A2B3C4D5E6F708192A3B4C5D6E7F8091A2B3C';
const PEM = '-----BEGIN RSA PRIVATE KEY-----\n      MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\n      -----END RSA PRIVATE KEY-----';
const ADVICE = /Move it to a Heroku config var \(heroku config:set NAME=…\) or a Salesforce Named Credential.*rotate it/;

ruleCases('secret-in-design', [
  {
    name: 'a client secret under an unknown key',
    doc: `${header}paths:\n  rest_api:\n    auth_flow: jwt-bearer\n    client_secret: ⟦${CLIENT_SECRET}⟧\n`,
    messages: [new RegExp(`^A client secret is written into the design at paths\\.rest_api\\.client_secret\\. .*${ADVICE.source}`)],
  },
  {
    name: 'a private key as a block scalar',
    doc: `${header}paths:\n  rest_api:\n    private_key: ⟦|\n      ${PEM}⟧\n    auth_flow: jwt-bearer\n`,
    messages: [/^A private key \(PEM block\) is written into the design at paths\.rest_api\.private_key/],
  },
  {
    name: 'a PEM block under a harmless key name',
    doc: `${header}notes: ⟦"-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBg"⟧\n${paths}`,
    messages: ['A private key (PEM block) is written into the design at notes'],
  },
  {
    name: 'a password, even one YAML reads as a number',
    doc: `${header}database:\n  user: orders\n  password: ⟦12345678⟧\n${paths}`,
    messages: [/^A password is written into the design at database\.password/],
  },
  {
    name: 'a connection string with credentials',
    doc: `${header}database_url: ⟦postgres://u8fk2:p4ssw0rdXyZ@ec2-1-2-3-4.compute-1.amazonaws.com:5432/d9x⟧\n${paths}`,
    messages: [/^A connection string with a password is written into the design at database_url/],
  },
  {
    name: 'an https URL with a user and password, in a known key',
    doc: `${header}paths:\n  apex_callout:\n    named_credential: ⟦https://admin:Sup3rS3cret@orders.herokuapp.com/api⟧\n`,
    messages: ['A connection string with a password is written into the design at paths.apex_callout.named_credential'],
  },
  {
    name: 'access, refresh and Heroku tokens in a list of an unknown key',
    doc: `${header}tokens:\n  - ⟦${ACCESS_TOKEN}⟧\n  - ⟦${REFRESH_TOKEN}⟧\n  - ⟦${HEROKU_TOKEN}⟧\n${paths}`,
    messages: ['A Salesforce access token or session id is written into the design at tokens[0]', 'A Salesforce refresh token', 'A Heroku API token'],
  },
  {
    name: 'a JWT in a trailing comment and an API key in a flow map',
    doc: `${header}paths:\n  rest_api: { auth_flow: jwt-bearer } # test with ⟦${JWT}⟧\nextras: { api_key: ⟦a1b2c3d4e5f6⟧ }\n`,
    messages: [/^A JSON Web Token is written into the design in a comment\./, 'An API key is written into the design at extras.api_key'],
  },
  {
    name: 'a PEM block pasted into comments is one finding',
    doc: `${header}# key used for the JWT flow:\n# ⟦-----BEGIN PRIVATE KEY-----\n# MIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n# -----END PRIVATE KEY-----⟧\n${paths}`,
    messages: ['A private key (PEM block) is written into the design in a comment'],
  },
  {
    name: 'a "comment" inside a block scalar is part of the value: one finding',
    doc: `${header}notes: ⟦|\n  pasted from the wiki # -----BEGIN EC PRIVATE KEY-----\n  MHcCAQEEIBkg\n  # -----END EC PRIVATE KEY-----⟧\n${paths}`,
    messages: ['A private key (PEM block) is written into the design at notes'],
  },
  {
    name: 'a refresh token under a token key',
    doc: `${header}integration_users:\n  sync:\n    used_by: [rest_api]\n    refresh_token: ⟦${REFRESH_TOKEN}⟧\n${paths}`,
    messages: ['A Salesforce refresh token is written into the design at integration_users.sync.refresh_token'],
  },
  {
    name: 'a connection string with an empty user (redis://:password@host), inside prose',
    doc: `${header}summary: ⟦"Cache at redis://:s3cr3tPassw0rd@cache.example.com:6379 for sessions"⟧\n${paths}`,
    messages: ['A connection string with a password is written into the design at summary'],
  },
  {
    name: 'key=value credentials in a value (an ADO.NET connection string) and in comments',
    doc: `${header}paths:\n  apex_callout:\n    named_credential: ⟦"Server=tcp:db.example.com;Database=orders;User Id=sa;Password=Hunter2Hunter2;"⟧\n# client_secret: ⟦${CLIENT_SECRET}⟧\n# login with PWD=⟦Tr0ub4dor&3horse⟧ until Friday\n# access_token = "⟦ya29.a0AfH6SMBx3-Fake_Token⟧"\n`,
    messages: [
      'A password is written into the design at paths.apex_callout.named_credential',
      'A client secret is written into the design in a comment',
      'A password is written into the design in a comment',
      'An access token is written into the design in a comment',
    ],
  },
  {
    name: 'prose, counts, URLs and references after a secret-sounding word are not secrets',
    doc: `${header}# password: rotated quarterly by the platform team\n# client_secret: SF_CLIENT_SECRET (config var)\n# max_tokens=100000\n# token endpoint: https://login.salesforce.com/services/oauth2/token\n# secret: in-the-vault\nsummary: "Auth: JWT bearer; the token: short-lived"\n${paths}`,
  },
  {
    name: 'references and placeholders are not secrets',
    doc: `${header}secrets:\n  client_secret: \${SF_CLIENT_SECRET}\n  consumer_secret: SF_CONSUMER_SECRET\n  password: "<password>"\n  private_key: env:SF_PRIVATE_KEY\n  private_key_path: certs/server.key\n  api_key: "****"\n  access_token: ""\n  refresh_token: stored in the SF_REFRESH_TOKEN config var\n  database_url: postgres://user:password@localhost:5432/orders\n  certificate: "-----BEGIN CERTIFICATE-----"\n  token_ttl: 3600\n# client_secret lives in the SF_CLIENT_SECRET config var\n${paths}`,
  },
  {
    name: 'keys of the format are never secrets by name',
    doc: `${header}integration_users:\n  sync:\n    username: sync@example.com\n    used_by: [rest_api]\npaths:\n  rest_api:\n    auth_flow: jwt-bearer\n    token_holders: 1_000\n  apex_callout:\n    named_credential: Orders_API\n`,
  },
]);

test('secret-in-design never repeats the secret in its message', () => {
  const secrets = [CLIENT_SECRET, JWT, ACCESS_TOKEN, REFRESH_TOKEN, 'p4ssw0rdXyZ', 'MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun'];
  const doc = `${header}client_secret: ${CLIENT_SECRET}\n# ${JWT}\naccess_token: ${ACCESS_TOKEN}\nrefresh: ${REFRESH_TOKEN}\nurl: postgres://u8fk2:p4ssw0rdXyZ@host/db\nkey: |\n  ${PEM.replace(/\n {6}/g, '\n  ')}\n${paths}`;
  const findings = findingsOf('secret-in-design', doc);
  assert.equal(findings.length, 6);
  for (const f of findings) {
    assert.equal(f.severity, 'error');
    for (const secret of secrets) {
      assert.ok(!f.message.includes(secret), `message repeats a secret: ${f.message}`);
      assert.ok(!(f.fix?.title ?? '').includes(secret));
    }
  }
});
