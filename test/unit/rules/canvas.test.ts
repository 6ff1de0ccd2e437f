import { ruleCases } from '../../helpers/ruleCases';

const header = 'version: 1\nname: Embedded portal\nenvironment: production\n';

ruleCases('canvas-oauth-where-signed-request-fits', [
  {
    name: 'OAuth web server flow (single value) for an embedded-only app',
    doc: `${header}paths:\n  canvas:\n    auth: ⟦oauth-web-server⟧ # consent screen\n`,
    messages: [/runs only inside Salesforce but authenticates with the OAuth web server flow.*Signed request is Canvas's default.*never prompted.*auth: signed-request/],
    fixed: `${header}paths:\n  canvas:\n    auth: signed-request # consent screen\n`,
  },
  {
    name: 'both OAuth flows as a block list, runs_outside_salesforce false',
    doc: `${header}paths:\n  canvas:\n    auth:\n      ⟦- oauth-web-server\n      - oauth-user-agent⟧\n    runs_outside_salesforce: false\n`,
    messages: ['the OAuth web server flow and the OAuth user-agent flow'],
    related: 1,
    fixed: `${header}paths:\n  canvas:\n    auth:\n      - signed-request\n    runs_outside_salesforce: false\n`,
  },
  {
    name: 'OAuth as a flow list',
    doc: `${header}paths:\n  canvas:\n    auth: ⟦[oauth-user-agent]⟧\n`,
    messages: ['OAuth user-agent flow'],
    fixed: `${header}paths:\n  canvas:\n    auth: [signed-request]\n`,
  },
  { name: 'OAuth for an app that also runs standalone', doc: `${header}paths:\n  canvas:\n    auth: oauth-web-server\n    runs_outside_salesforce: true\n` },
  { name: 'signed request', doc: `${header}paths:\n  canvas:\n    auth: signed-request\n` },
  { name: 'auth not stated (signed request by default)', doc: `${header}paths:\n  canvas:\n    locations: [page-layout]\n` },
  { name: 'mixed auth is left to canvas-auth-mixed', doc: `${header}paths:\n  canvas:\n    auth: [signed-request, oauth-web-server]\n` },
]);

ruleCases('canvas-auth-mixed', [
  {
    name: 'signed request with the web server flow, embedded only',
    doc: `${header}paths:\n  canvas:\n    auth: ⟦[signed-request, oauth-web-server]⟧\n`,
    messages: [/signed request together with the OAuth web server flow\. They are not interchangeable.*confused-deputy.*\(Rule of thumb: no official Heroku or Salesforce source confirms this\.\)$/],
    fixed: `${header}paths:\n  canvas:\n    auth: [signed-request]\n`,
  },
  {
    name: 'mixed, and the app also runs standalone: keep the OAuth flow',
    doc: `${header}paths:\n  canvas:\n    runs_outside_salesforce: true\n    auth:\n      ⟦- oauth-user-agent\n      - signed-request⟧\n`,
    messages: ['together with the OAuth user-agent flow'],
    fixed: `${header}paths:\n  canvas:\n    runs_outside_salesforce: true\n    auth:\n      - oauth-user-agent\n`,
  },
  { name: 'signed request only', doc: `${header}paths:\n  canvas:\n    auth: [signed-request]\n` },
  { name: 'OAuth flows only', doc: `${header}paths:\n  canvas:\n    auth: [oauth-web-server, oauth-user-agent]\n    runs_outside_salesforce: true\n` },
]);

ruleCases('canvas-signed-request-standalone', [
  {
    name: 'signed request only, also used standalone',
    doc: `${header}paths:\n  canvas:\n    auth: ⟦signed-request⟧\n    runs_outside_salesforce: true\n`,
    messages: [/uses only signed request, but it also runs outside Salesforce\. Standalone, it gets no Salesforce-signed context and needs its own OAuth identity/],
    related: 1,
    fixed: `${header}paths:\n  canvas:\n    auth: oauth-web-server\n    runs_outside_salesforce: true\n`,
  },
  {
    name: 'default auth, also used standalone',
    doc: `${header}paths:\n  canvas:\n    runs_outside_salesforce: ⟦true⟧\n`,
    messages: ['uses the default auth, signed request'],
    fixed: `${header}paths:\n  canvas:\n    runs_outside_salesforce: true\n    auth: oauth-web-server\n`,
  },
  { name: 'signed request, embedded only', doc: `${header}paths:\n  canvas:\n    auth: signed-request\n    runs_outside_salesforce: false\n` },
  { name: 'OAuth, also used standalone', doc: `${header}paths:\n  canvas:\n    auth: oauth-web-server\n    runs_outside_salesforce: true\n` },
  { name: 'invalid auth is left to validation', doc: `${header}paths:\n  canvas:\n    auth: saml\n    runs_outside_salesforce: true\n` },
]);
