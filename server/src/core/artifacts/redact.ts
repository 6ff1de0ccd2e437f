import type { Finding } from '../findings';
import type { ModelNode, ScalarNode } from '../model/node';
import type { ModelDocument } from '../model/parse';
import type { TextRange } from '../text';
import { DESIGN_SCHEMA, resolve, type SchemaNode } from '../schema/schema';
import { gfmInlineText, inlineText } from './markdown';

/** The rule that flags secrets written into a design. */
export const SECRET_RULE_ID = 'secret-in-design';
export const REDACTED = '(redacted)';

/** Keys that name a secret: the value under one is never copied into an artifact. */
const SECRET_KEY = /secret|passw(or)?d|passphrase|pwd$|private[_-]?key|api[_-]?key|access[_-]?key|signing[_-]?key|(^|[_-])token$|^token[_-]|bearer|session[_-]?id|credentials?$|cert(ificate)?[_-]?(key|pem)/i;

/** The format's own keys (e.g. `named_credential`, `token_holders`) are never secrets. */
const SCHEMA_KEYS: ReadonlySet<string> = collectKeys(DESIGN_SCHEMA);

export function looksLikeSecretKey(key: string): boolean {
  return !SCHEMA_KEYS.has(key) && SECRET_KEY.test(key);
}

/**
 * Finds every secret in a design (values the `secret-in-design` rule flags, suppressed
 * or not, and values under keys that look like secrets) and removes them from any text.
 */
export class Redactor {
  private readonly secrets: string[];

  constructor(model: ModelDocument, findings: readonly Finding[]) {
    const flagged = findings.filter((f) => f.ruleId === SECRET_RULE_ID).map((f) => f.range);
    const values = new Set<string>();
    // What the rule flags may sit in a comment (a suppression reason is copied into the risk register).
    for (const r of flagged) {
      const text = model.text.slice(r.start, r.end).trim();
      if (text.length >= 6) values.add(text);
    }
    const add = (node: ScalarNode) => {
      if (node.value === null || node.value === '') return;
      values.add(String(node.value));
      values.add(node.source);
      for (const line of String(node.value).split(/\r?\n/)) if (line.trim().length >= 8) values.add(line.trim());
    };
    const visit = (node: ModelNode, underSecret: boolean) => {
      if (node.kind === 'scalar') {
        if (underSecret || flagged.some((r) => touches(r, node))) add(node);
        return;
      }
      const children: [string | undefined, ModelNode][] = node.kind === 'map' ? [...node.entries] : node.items.map((n) => [undefined, n]);
      for (const [key, child] of children) {
        const secret = underSecret || (key !== undefined && looksLikeSecretKey(key)) || flagged.some((r) => touchesKeyOrPair(r, child));
        visit(child, secret);
      }
    };
    if (model.root) visit(model.root, false);
    // As the documents print them, too: Markdown escapes (`redis\://…\@host`) change the text.
    for (const v of [...values]) for (const printed of [inlineText(v), gfmInlineText(v)]) if (printed.length >= 6) values.add(printed);
    // Longest first, so a secret containing another is replaced whole.
    this.secrets = [...values].filter((v) => v.trim() !== '').sort((a, b) => b.length - a.length);
  }

  get count(): number {
    return this.secrets.length;
  }

  /** Whether a text holds a secret of the design (so it must not be copied anywhere). */
  holdsSecret(text: string): boolean {
    return this.redact(text) !== text;
  }

  /** The text with every secret (and every truncated "prefix…" quote of one) replaced. */
  redact(text: string): string {
    let out = text;
    for (const secret of this.secrets) {
      if (secret.length < 6) {
        // Short values are only replaced as whole words, so "abc" does not eat "abcdef".
        out = out.replace(new RegExp(`(?<![A-Za-z0-9_])${escapeRegExp(secret)}(?![A-Za-z0-9_])`, 'g'), REDACTED);
        continue;
      }
      out = out.split(secret).join(REDACTED);
      // Messages shorten long values ("'sk_live_abcd…'"): a quoted prefix is a leak too.
      for (let k = secret.length - 1; k >= 6; k--) {
        const truncated = `${secret.slice(0, k)}…`;
        if (out.includes(truncated)) out = out.split(truncated).join(REDACTED);
      }
    }
    return out;
  }
}

function touches(range: TextRange, node: ModelNode): boolean {
  return overlaps(range, node.range) || touchesKeyOrPair(range, node);
}

function touchesKeyOrPair(range: TextRange, node: ModelNode): boolean {
  return (node.keyRange !== undefined && overlaps(range, node.keyRange)) || (node.pairRange !== undefined && overlaps(range, node.pairRange) && node.kind === 'scalar');
}

function overlaps(a: TextRange, b: TextRange): boolean {
  return a.start < b.end && b.start < a.end || (a.start === a.end && a.start >= b.start && a.start <= b.end);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function collectKeys(schema: SchemaNode, into = new Set<string>(), seen = new Set<SchemaNode>()): Set<string> {
  const node = resolve(schema);
  if (seen.has(node)) return into;
  seen.add(node);
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    into.add(key);
    collectKeys(child, into, seen);
  }
  if (typeof node.additionalProperties === 'object') collectKeys(node.additionalProperties, into, seen);
  if (node.items) collectKeys(node.items, into, seen);
  for (const option of node.oneOf ?? []) collectKeys(option, into, seen);
  return into;
}
