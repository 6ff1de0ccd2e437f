// protocol.ts copies a few names of the core so that the client needs none of it: the answer
// keys, the path keys and the artifact kinds. They must stay the core's, in the core's order.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ARTIFACT_KINDS as CORE_ARTIFACT_KINDS } from '../../server/src/core/artifacts/kinds';
import { FACTS } from '../../server/src/core/knowledge/facts';
import { PATH_KEYS as CORE_PATH_KEYS } from '../../server/src/core/paths';
import { QUESTIONS } from '../../server/src/core/walkthrough/questions';
import { ANSWER_KEYS, ARTIFACT_KINDS, PATH_KEYS } from '../../server/src/lsp/protocol';
import { parseWebviewMessage } from '../../client/src/webview/messages';

describe('the protocol\'s copies of core names', () => {
  it('answer keys are the walkthrough\'s questions', () => {
    assert.deepEqual([...ANSWER_KEYS], QUESTIONS.map((q) => q.key));
  });

  it('path keys are the path registry\'s', () => {
    assert.deepEqual([...PATH_KEYS], [...CORE_PATH_KEYS]);
  });

  it('artifact kinds and titles are the generators\'', () => {
    assert.deepEqual(ARTIFACT_KINDS.map((k) => [k.kind, k.title]), CORE_ARTIFACT_KINDS.map((k) => [k.kind, k.title]));
  });

  it('the panel may ask for the source of every fact of the knowledge base', () => {
    for (const id of FACTS.keys()) assert.deepEqual(parseWebviewMessage({ type: 'openSource', factId: id }), { type: 'openSource', factId: id });
  });
});
