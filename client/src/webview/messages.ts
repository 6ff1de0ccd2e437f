// Validation of what the webview sends. The webview renders document data, so the host treats
// every message as untrusted input: unknown shapes are dropped, not guessed at.
import { isAnswerKey, isPathKey } from '../../../server/src/protocol';
import type { PersistedState, WebviewMessage } from './protocol';

const MAX_TEXT = 200;
const MAX_LIST = 16;
/**
 * A knowledge-base fact id (`connect-demo-max-rows`). The panel opens a source only for a fact
 * it shows (looked up in its state), so the shape is all a message needs to have here.
 */
const FACT_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function isShortText(value: unknown, max = MAX_TEXT): value is string {
  return typeof value === 'string' && value.length <= max;
}

function isRawAnswer(value: unknown): boolean {
  if (typeof value === 'boolean') return true;
  if (isShortText(value)) return true;
  return Array.isArray(value) && value.length <= MAX_LIST && value.every((v) => isShortText(v, 40));
}

/** The message, if it is one the webview may send; undefined otherwise. */
export function parseWebviewMessage(raw: unknown): WebviewMessage | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const m = raw as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
    case 'discard':
      return { type: m.type };
    case 'answer':
      return isAnswerKey(m.key) && isRawAnswer(m.value) ? { type: 'answer', key: m.key, value: m.value as string | boolean | string[] } : undefined;
    case 'apply': {
      const paths = m.addPaths;
      if (!Array.isArray(paths) || paths.length > MAX_LIST || !paths.every(isPathKey)) return undefined;
      return { type: 'apply', addPaths: [...new Set(paths)] };
    }
    case 'openSource':
      return isShortText(m.factId, 100) && FACT_ID.test(m.factId) ? { type: 'openSource', factId: m.factId } : undefined;
    case 'revealLine':
      return Number.isSafeInteger(m.line) && (m.line as number) >= 1 ? { type: 'revealLine', line: m.line as number } : undefined;
    case 'revealPath':
      return isPathKey(m.path) ? { type: 'revealPath', path: m.path } : undefined;
    case 'rendered':
      return Number.isSafeInteger(m.version) && isShortText(m.title, 4000) && isShortText(m.recommendation, 4000) && typeof m.styled === 'boolean'
        && isShortText(m.diagram, 4000) && Number.isSafeInteger(m.gauges) && (m.gauges as number) >= 0
        ? { type: 'rendered', version: m.version as number, title: m.title, recommendation: m.recommendation, styled: m.styled, diagram: m.diagram, gauges: m.gauges as number }
        : undefined;
    default:
      return undefined;
  }
}

/** The state a restored panel was saved with, if it is well-formed. */
export function parsePersistedState(raw: unknown): PersistedState | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const s = raw as Record<string, unknown>;
  if (!isShortText(s.documentUri, 4096) || s.documentUri === '') return undefined;
  const answers = typeof s.answers === 'object' && s.answers !== null && !Array.isArray(s.answers) ? s.answers as PersistedState['answers'] : {};
  return { documentUri: s.documentUri, answers };
}
