// Untrusted workspaces (Restricted Mode): what the extension says it does there. The behaviour
// itself (the Generate commands write nothing, the status item says what is limited) is checked
// in real VS Code (test/vscode/suite/restrictedMode.test.ts).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ARTIFACTS_FOLDER_SETTING } from '../../client/src/artifacts/ids';
import { artifactsNeedTrust, RESTRICTED_MODE_DESCRIPTION, RESTRICTED_MODE_STATUS } from '../../client/src/restrictedMode';

const manifest = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8'));
const untrusted = manifest.capabilities.untrustedWorkspaces;

describe('Restricted Mode (untrusted workspaces)', () => {
  it('the manifest declares limited support and says what is limited, in the client\'s words', () => {
    assert.equal(untrusted.supported, 'limited');
    assert.equal(untrusted.description, RESTRICTED_MODE_DESCRIPTION);
  });

  it('the folder artifacts are written to is a restricted setting: a workspace cannot point it elsewhere', () => {
    assert.deepEqual(untrusted.restrictedConfigurations, [ARTIFACTS_FOLDER_SETTING]);
    assert.ok(manifest.contributes.configuration.properties[ARTIFACTS_FOLDER_SETTING], `${ARTIFACTS_FOLDER_SETTING} is a contributed setting`);
  });

  it('every message names what still works and what needs trust', () => {
    for (const text of [RESTRICTED_MODE_DESCRIPTION, RESTRICTED_MODE_STATUS, artifactsNeedTrust('the connection runbook')]) {
      assert.match(text, /validat/, text);
      assert.match(text, /trust/, text);
    }
    assert.match(artifactsNeedTrust('the connection runbook'), /^Generating the connection runbook writes files into the workspace/);
    assert.match(RESTRICTED_MODE_STATUS, /^Restricted Mode: .*decision walkthrough work.*generating artifacts needs a trusted workspace\.$/);
  });
});
