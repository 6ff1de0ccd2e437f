// The vocabulary (server/src/core/vocabulary.ts) names the paths, answers and artifact kinds
// once; the core's tables that list them must follow it, in its order.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ARTIFACT_KINDS, ANSWER_KEYS, PATH_KEYS } from '../../server/src/core/vocabulary';
import { ARTIFACT_KINDS as PROTOCOL_ARTIFACT_KINDS, PATH_KEYS as PROTOCOL_PATH_KEYS } from '../../server/src/protocol';
import { PATH_NAMES } from '../../server/src/core/vocabulary';
import { FACTS } from '../../server/src/core/knowledge/facts';
import { QUESTIONS } from '../../server/src/core/walkthrough/questions';
import { parseWebviewMessage } from '../../client/src/webview/messages';

describe('the shared vocabulary', () => {
  it('the walkthrough asks one question per answer key, in the vocabulary\'s order', () => {
    assert.deepEqual(QUESTIONS.map((q) => q.key), [...ANSWER_KEYS]);
  });

  it('every path has a name, and the names are of paths (and none)', () => {
    assert.deepEqual(Object.keys(PATH_NAMES).filter((k) => k !== 'none'), [...PATH_KEYS]);
  });

  it('the protocol hands the client the vocabulary itself, not a copy', () => {
    assert.equal(PROTOCOL_PATH_KEYS, PATH_KEYS);
    assert.equal(PROTOCOL_ARTIFACT_KINDS, ARTIFACT_KINDS);
  });

  it('the panel may ask for the source of every fact of the knowledge base', () => {
    for (const id of FACTS.keys()) assert.deepEqual(parseWebviewMessage({ type: 'openSource', factId: id }), { type: 'openSource', factId: id });
  });
});
