import { formatPath, type ModelNode, type ScalarNode } from '../model/node';
import type { ModelDocument } from '../model/parse';
import type { TextRange } from '../text';
import { schemaAt } from '../schema/schema';
import type { Rule } from '../rule';

/**
 * Finds credentials written into a design: by what a value looks like (PEM private keys,
 * JWTs, Salesforce access and refresh tokens, URLs with a password, `password=…` or
 * `client_secret: …` written inside a value or a comment) anywhere, including comments and
 * unknown keys, and by key name (client_secret, password, api_key…) for keys the format does
 * not define. Messages name the kind and place, never the value.
 */
export const SECURITY_RULES: readonly Rule[] = [
  {
    id: 'secret-in-design',
    title: 'Secret written into the design',
    category: 'security',
    defaultSeverity: 'error',
    rationale: 'A design file is shared and committed: any client secret, private key, password, token or connection string in it is readable by everyone with the repository and stays in its history. Secrets belong in Heroku config vars or a Salesforce Named Credential, and a committed one must be rotated.',
    facts: ['named-credentials'],
    check({ model, report }) {
      const blockScalars: TextRange[] = [];
      const reportAt = (range: TextRange, kind: string, where: string): void => report({ range, message: secretMessage(kind, where) });
      walk(model.root, undefined, (node, key) => {
        if (node.style === 'BLOCK_LITERAL' || node.style === 'BLOCK_FOLDED') blockScalars.push(node.range);
        const kind = secretInValue(node, key);
        if (kind) reportAt(withoutTrailingBreaks(model.text, node.range), kind, `at ${formatPath(node.path)}`);
      });
      scanComments(model, blockScalars, (range, kind) => reportAt(range, kind, 'in a comment'));
    },
  },
];

function secretMessage(kind: string, where: string): string {
  return `${capitalize(kind)} is written into the design ${where}. Anyone who can read this file or its history can use it. Move it to a Heroku config var (heroku config:set NAME=…) or a Salesforce Named Credential, refer to it by name here, and rotate it, since it may already have been committed or shared.`;
}

// ---- What a value looks like ----------------------------------------------------------

interface Pattern {
  readonly kind: string;
  readonly pattern: RegExp;
}

const PEM_BEGIN = /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----/;
const PEM_END = /-----END (?:[A-Z0-9]+ )*PRIVATE KEY-----/;

/*
 * The patterns only start where a token starts (lookbehinds) and their repeated parts
 * cannot overlap, so a hostile multi-megabyte value is scanned in linear time.
 */
const CONTENT_PATTERNS: readonly Pattern[] = [
  { kind: 'a private key (PEM block)', pattern: PEM_BEGIN },
  { kind: 'a JSON Web Token', pattern: /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/ },
  // An org id (00D…, 15 or 18 characters), '!', then the token: Salesforce access tokens and session ids.
  { kind: 'a Salesforce access token or session id', pattern: /(?<![A-Za-z0-9])00D[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?![A-Za-z0-9._]{20,}/ },
  { kind: 'a Salesforce refresh token', pattern: /(?<![A-Za-z0-9._])5Aep[A-Za-z0-9._]{40,}/ },
  { kind: 'a Heroku API token', pattern: /(?<![A-Za-z0-9_-])HRKU-[A-Za-z0-9_-]{20,}/ },
];

// The user may be empty (`redis://:password@host`).
const CREDENTIALS_AFTER_SCHEME = /([^\s:@/]*):([^\s@/]+)@\S/y;

/** `scheme://user:password@host` with a real password: found from each `://`, never by backtracking over the text. */
function connectionString(text: string): { index: number; length: number } | undefined {
  for (let at = text.indexOf('://'); at >= 0; at = text.indexOf('://', at + 3)) {
    let start = at;
    while (start > 0 && at - start < 32 && /[a-z0-9+.-]/i.test(text[start - 1])) start--;
    if (start === at || !/[a-z]/i.test(text[start])) continue;
    CREDENTIALS_AFTER_SCHEME.lastIndex = at + 3;
    const match = CREDENTIALS_AFTER_SCHEME.exec(text);
    if (match && !isPlaceholder(match[2])) return { index: start, length: CREDENTIALS_AFTER_SCHEME.lastIndex - start };
  }
  return undefined;
}

/*
 * `password=…` and `Pwd=…;` (ADO.NET, JDBC and ODBC connection strings), `client_secret: …`
 * pasted into a comment or a longer value. The key is one token of at most 64 characters right
 * before `=` or `:`, so each position is looked at a bounded number of times.
 */
const ASSIGNMENT = /(?<![A-Za-z0-9_.-])([A-Za-z][A-Za-z0-9_.-]{0,63})[ \t]*[:=][ \t]*["']?([^\s"';,)\]}]+)/g;

/** The assigned value is a credential, not prose, a number, a URL or a placeholder. */
function looksAssignedSecret(value: string, kind: string): boolean {
  if (value.length < 6 || isPlaceholder(value)) return false;
  if (/^[A-Z]?[a-z]+(?:[-_.][a-z]+)*$/.test(value)) return false; // a word: "password: rotated"
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return false; // a URL (one with a password is found as such)
  return kind === 'a password' || !/^[0-9_]+$/.test(value); // "max_tokens=100000" is a count
}

function assignedSecret(text: string): { kind: string; index: number; length: number } | undefined {
  ASSIGNMENT.lastIndex = 0;
  for (let match = ASSIGNMENT.exec(text); match; match = ASSIGNMENT.exec(text)) {
    const kind = secretKeyKind(match[1]);
    const value = match[2];
    if (kind && looksAssignedSecret(value, kind)) return { kind, index: match.index + match[0].length - value.length, length: value.length };
  }
  return undefined;
}

function secretInText(text: string): { kind: string; index: number; length: number } | undefined {
  for (const p of CONTENT_PATTERNS) {
    const match = p.pattern.exec(text);
    if (match) return { kind: p.kind, index: match.index, length: match[0].length };
  }
  const url = connectionString(text);
  return url ? { kind: 'a connection string with a password', ...url } : assignedSecret(text);
}

// ---- What a key's name says -----------------------------------------------------------

/** Normalized key endings (lowercase, separators removed) and the secret they name. */
const SECRET_KEY_ENDINGS: readonly (readonly [string, string])[] = [
  ['privatekey', 'a private key'], ['signingkey', 'a private key'], ['encryptionkey', 'a private key'],
  ['clientsecret', 'a client secret'], ['consumersecret', 'a client secret'],
  ['refreshtoken', 'a refresh token'],
  ['accesstoken', 'an access token'], ['authtoken', 'an access token'], ['bearertoken', 'an access token'], ['sessionid', 'a session id'],
  ['password', 'a password'], ['passwd', 'a password'], ['pwd', 'a password'], ['passphrase', 'a password'],
  ['apikey', 'an API key'], ['accesskey', 'an API key'], ['secretkey', 'an API key'],
  ['secret', 'a secret'], ['secrets', 'a secret'],
  ['token', 'a token'], ['tokens', 'a token'],
];

function secretKeyKind(key: string): string | undefined {
  const normalized = key.toLowerCase().replace(/[^a-z0-9]/g, '');
  return SECRET_KEY_ENDINGS.find(([ending]) => normalized.endsWith(ending))?.[1];
}

/** Values that stand for a secret rather than being one: references, masks, examples, prose. */
export function isPlaceholder(raw: string): boolean {
  const v = raw.trim();
  if (v === '' || /\s/.test(v)) return true; // prose such as "in the SF_KEY config var"
  return [
    /^\$\{?[A-Za-z_][A-Za-z0-9_]*\}?$/, // $VAR, ${VAR}
    /^\{\{.*\}\}$/, /^<[^>]*>$/, /^%[A-Za-z_][A-Za-z0-9_]*%$/, // templates
    /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/, // a config var name: SF_CLIENT_SECRET
    /^(?:env|config|vault|secret|secrets|ssm|heroku|callout|keychain|op):/i, // references
    /^(?:process\.env\.|ENV\[)/,
    /^(?:\.{0,2}\/|~\/)\S*$/, /\.(?:key|pem|p12|pfx|jks|crt|cer)$/i, // file paths
    /^(?:x+|\*+|\u2022+|\.{3}|\u2026|-+|_+|\?+)$/i, // masks
    /^(?:redacted|todo|tbd|changeme|change-me|placeholder|none|null|nil|n\/a|unset|empty|secret|password|token|example|sample|dummy)$/i,
    /^(?:your|my)[-_]/i,
  ].some((p) => p.test(v));
}

function secretInValue(node: ScalarNode, key: string | undefined): string | undefined {
  const value = node.value;
  if (typeof value === 'string') {
    const found = secretInText(value);
    if (found) return found.kind;
  }
  // Key names only count where the format defines nothing: no key of the format holds a secret.
  if (key === undefined || schemaAt(node.path) !== undefined) return undefined;
  const kind = secretKeyKind(key);
  if (!kind) return undefined;
  if (typeof value === 'string') return isPlaceholder(value) ? undefined : kind;
  // `password: 123456` is read as a number and is still a password.
  return typeof value === 'number' && kind === 'a password' ? kind : undefined;
}

// ---- Walking the tree and the comments ------------------------------------------------

/** Visits every scalar with the name of the key it is under (list items inherit their list's key). */
function walk(node: ModelNode | undefined, key: string | undefined, visit: (node: ScalarNode, key: string | undefined) => void): void {
  if (!node) return;
  if (node.kind === 'scalar') visit(node, key);
  else if (node.kind === 'seq') for (const item of node.items) walk(item, key, visit);
  else for (const [childKey, child] of node.entries) walk(child, childKey, visit);
}

/** Comments: a PEM block spread over several comment lines is one finding, BEGIN to END. */
function scanComments(model: ModelDocument, skip: readonly TextRange[], found: (range: TextRange, kind: string) => void): void {
  const comments = outside(model.comments.map((c) => c.range), skip)
    .map((r) => ({ start: r.start, text: model.text.slice(r.start, r.end) }));
  // The first comment at or after each index with a PEM END line, computed once (linear).
  const nextEnd: number[] = new Array(comments.length + 1).fill(-1);
  for (let j = comments.length - 1; j >= 0; j--) nextEnd[j] = PEM_END.test(comments[j].text) ? j : nextEnd[j + 1];
  for (let i = 0; i < comments.length; i++) {
    const { start, text } = comments[i];
    const hit = secretInText(text);
    if (!hit) continue;
    let end = start + hit.index + hit.length;
    if (PEM_BEGIN.test(text.slice(hit.index, hit.index + hit.length))) {
      const sameLine = PEM_END.exec(text.slice(hit.index + hit.length));
      const j = sameLine ? i : nextEnd[i + 1];
      if (sameLine) end += sameLine.index + sameLine[0].length;
      else if (j >= 0) {
        const close = PEM_END.exec(comments[j].text)!;
        end = comments[j].start + close.index + close[0].length;
        i = j;
      }
    }
    found({ start: start + hit.index, end }, hit.kind);
  }
}

/** The ranges that do not start inside any of `skip` (both in document order: one sweep). */
function outside(ranges: readonly TextRange[], skip: readonly TextRange[]): TextRange[] {
  const sorted = [...skip].sort((a, b) => a.start - b.start);
  const out: TextRange[] = [];
  let k = 0;
  for (const r of ranges) {
    while (k < sorted.length && sorted[k].end <= r.start) k++;
    if (!(k < sorted.length && sorted[k].start <= r.start)) out.push(r);
  }
  return out;
}

/** A block scalar's range ends after its last line break; the squiggle should not. */
function withoutTrailingBreaks(text: string, range: TextRange): TextRange {
  let end = range.end;
  while (end > range.start && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
  return { start: range.start, end };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

