import { ruleOfThumbNote } from '../../knowledge/facts';
import type { CanvasAuth, CanvasPath } from '../../model/design';
import type { ModelNode } from '../../model/node';
import type { ModelDocument } from '../../model/parse';
import type { TextEdit } from '../../text';
import { fix } from '../../findings';
import { contentRange, replaceValue } from '../../yamlEdit/scalar';
import { insertKey } from '../../yamlEdit/keys';
import type { Rule } from '../../rule';

const OAUTH_NAMES: Record<Exclude<CanvasAuth, 'signed-request'>, string> = {
  'oauth-web-server': 'the OAuth web server flow',
  'oauth-user-agent': 'the OAuth user-agent flow',
};

function isOAuth(auth: CanvasAuth): auth is Exclude<CanvasAuth, 'signed-request'> {
  return auth !== 'signed-request';
}

/** Replaces `auth` with one model, keeping the user's shape: a scalar, `[a]` or a `- a` list. */
function replaceAuth(model: ModelDocument, node: ModelNode, auth: CanvasAuth): TextEdit {
  if (node.kind !== 'seq') return replaceValue(model, node, auth);
  return { range: contentRange(model.text, node.range), newText: node.flow ? `[${auth}]` : `- ${auth}` };
}

function listWords(names: readonly string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function oauthFlows(canvas: CanvasPath): Exclude<CanvasAuth, 'signed-request'>[] {
  return (canvas.auth?.value ?? []).filter(isOAuth);
}

export const CANVAS_RULES: readonly Rule[] = [
  {
    id: 'canvas-oauth-where-signed-request-fits',
    title: 'OAuth for a Canvas app that only runs inside Salesforce',
    category: 'canvas',
    defaultSeverity: 'warning',
    rationale: 'Signed request is Canvas\'s default: Salesforce POSTs a context signed with the consumer secret, and admin-approved users are never prompted. OAuth adds an authorization step only an app that also runs outside Salesforce needs.',
    facts: ['canvas-signed-request-default', 'canvas-oauth-flow'],
    fix: 'Change auth to signed-request.',
    check({ design, model, report }) {
      const canvas = design.paths?.canvas;
      const auth = canvas?.auth;
      if (!canvas || !auth || auth.value.length === 0 || !auth.value.every(isOAuth)) return;
      if (canvas.runs_outside_salesforce?.value === true) return;
      report({
        range: contentRange(model.text, auth.node.range),
        message: `This Canvas app runs only inside Salesforce but authenticates with ${listWords(oauthFlows(canvas).map((f) => OAUTH_NAMES[f]))}, so users go through an OAuth authorization. Signed request is Canvas's default: Salesforce POSTs the user's context signed with the consumer secret, and admin-approved users are never prompted. Use auth: signed-request (set runs_outside_salesforce: true if the app is also used standalone).`,
        related: canvas.runs_outside_salesforce ? [{ range: canvas.runs_outside_salesforce.node.range, message: 'Used only inside Salesforce' }] : undefined,
        fix: fix('Use signed request', replaceAuth(model, auth.node, 'signed-request')),
      });
    },
  },
  {
    id: 'canvas-auth-mixed',
    title: 'Canvas signed request mixed with OAuth',
    category: 'canvas',
    defaultSeverity: 'warning',
    rationale: 'Signed request and the OAuth flows are two different ways for the app to learn who the user is. Signing a request and then re-running OAuth in the same app can let one identity act with the other\'s authority (a confused deputy). Pick one per app.',
    facts: ['canvas-auth-not-interchangeable', 'canvas-signed-request-default', 'canvas-oauth-flow'],
    fix: 'Keep one auth model: signed request, or OAuth when the app also runs outside Salesforce.',
    check({ design, model, report }) {
      const canvas = design.paths?.canvas;
      const auth = canvas?.auth;
      if (!canvas || !auth || !auth.value.includes('signed-request')) return;
      const oauth = oauthFlows(canvas);
      if (oauth.length === 0) return;
      const standalone = canvas.runs_outside_salesforce?.value === true;
      const keep: CanvasAuth = standalone ? oauth[0] : 'signed-request';
      report({
        range: contentRange(model.text, auth.node.range),
        message: `This Canvas app uses signed request together with ${listWords(oauth.map((f) => OAUTH_NAMES[f]))}. They are not interchangeable: signing a request and then re-running OAuth in the same app creates a confused-deputy risk. Pick one: signed request for an app used only inside Salesforce, OAuth for one also used standalone.${ruleOfThumbNote('canvas-auth-not-interchangeable')}`,
        fix: fix(standalone ? `Use only ${OAUTH_NAMES[oauth[0]]}` : 'Use only signed request', replaceAuth(model, auth.node, keep)),
      });
    },
  },
  {
    id: 'canvas-signed-request-standalone',
    title: 'Signed request only, but the app also runs outside Salesforce',
    category: 'canvas',
    defaultSeverity: 'info',
    rationale: 'A signed request exists only when Salesforce loads the app in the Canvas frame. Used standalone, the app gets no Salesforce-signed context and needs its own OAuth identity.',
    facts: ['canvas-signed-request-default', 'canvas-oauth-flow'],
    fix: 'Change auth to oauth-web-server.',
    check({ design, model, report }) {
      const canvas = design.paths?.canvas;
      const outside = canvas?.runs_outside_salesforce;
      if (!canvas || outside?.value !== true) return;
      const auth = canvas.auth;
      // An invalid `auth` is reported by validation; an absent one means the default, signed request.
      if (!auth && canvas.$node.entries.has('auth')) return;
      if (auth && (auth.value.length !== 1 || auth.value[0] !== 'signed-request')) return;
      report({
        range: auth ? contentRange(model.text, auth.node.range) : outside.node.range,
        message: `${auth ? 'This Canvas app uses only signed request' : 'This Canvas app uses the default auth, signed request'}, but it also runs outside Salesforce. Standalone, it gets no Salesforce-signed context and needs its own OAuth identity: use the OAuth web server flow (auth: oauth-web-server).`,
        related: auth ? [{ range: outside.node.range, message: 'Also used outside Salesforce' }] : undefined,
        fix: fix('Use the OAuth web server flow', auth ? replaceAuth(model, auth.node, 'oauth-web-server') : insertKey(model, canvas.$node, 'auth', 'oauth-web-server')),
      });
    },
  },
];
