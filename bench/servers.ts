import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SERVER_ENV, SERVER_NODE_FLAGS } from '../server/src/protocol';
import type { ServerTransport } from '../test/helpers/serverTransports';

/** A language server the benchmark drives, and how an editor would configure it. */
export interface ServerSpec {
  readonly id: 'ours' | 'peer';
  readonly name: string;
  readonly command: string;
  readonly args: string[];
  /** Added to the benchmark's environment when the server is started. */
  readonly env: Readonly<Record<string, string>>;
  readonly languageId: string;
  readonly settings: Record<string, unknown>;
  /**
   * Our server puts the document version on every publish. yaml-language-server does not, so
   * its publishes are matched by content (the typing burst) or by order (one edit at a time).
   */
  readonly versioned: boolean;
  /** Open documents only once the server has pulled its settings (the peer configures its schemas from them). */
  readonly settingsBeforeOpen: boolean;
  /** Another way to reach the server than stdio to `command args` (the extension's server over IPC). */
  readonly transport?: () => Promise<ServerTransport>;
}

export const BENCH_FILE_SUFFIX = '.integration.yaml';

/**
 * Our bundled server, started as the VS Code client starts it (server/src/protocol/launchProfile.ts)
 * unless `launch` says otherwise (the benchmark's comparison with plain `node`).
 */
export function ourServer(bundleDir: string, extraNodeArgs: string[] = [], launch: 'extension' | 'plain node' = 'extension'): ServerSpec {
  const profile = launch === 'extension';
  return {
    id: 'ours',
    name: 'ours',
    command: process.execPath,
    args: [...(profile ? SERVER_NODE_FLAGS : []), ...extraNodeArgs, join(bundleDir, 'server/main.js'), '--stdio'],
    env: profile ? SERVER_ENV : {},
    languageId: 'integration-yaml',
    settings: { integrationDesigner: { validate: 'onType', rules: {} } },
    versioned: true,
    settingsBeforeOpen: false,
  };
}

/**
 * yaml-language-server (the server of Red Hat's YAML extension) with this project's JSON
 * Schema associated to *.integration.yaml, as `yaml.schemas` does in VS Code. Schema store and
 * Kubernetes CRD lookups are off: they would go to the network.
 */
export function peerServer(root: string): ServerSpec {
  const schema = pathToFileURL(join(root, 'server/schema/integration.schema.json')).href;
  return {
    id: 'peer',
    name: `yaml-language-server ${peerVersion(root)}`,
    command: process.execPath,
    args: [join(root, 'node_modules/yaml-language-server/bin/yaml-language-server'), '--stdio'],
    env: {},
    languageId: 'yaml',
    settings: {
      yaml: {
        validate: true,
        hover: true,
        completion: true,
        schemas: { [schema]: [`*${BENCH_FILE_SUFFIX}`] },
        schemaStore: { enable: false },
        kubernetesCRDStore: { enable: false },
      },
    },
    versioned: false,
    settingsBeforeOpen: true,
  };
}

export function peerVersion(root: string): string {
  return JSON.parse(readFileSync(join(root, 'node_modules/yaml-language-server/package.json'), 'utf8')).version;
}

/**
 * yaml-language-server waits this long after each change before validating (its
 * `validationDelayMs`, not a setting): read from the installed copy so the report says the truth.
 */
export function peerValidationDelayMs(root: string): number | null {
  try {
    const source = readFileSync(join(root, 'node_modules/yaml-language-server/out/src/yamlSettings.js'), 'utf8');
    const match = /validationDelayMs\s*=\s*(\d+)/.exec(source);
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}
