import type { PathKey } from '../vocabulary';
import { APEX_CALLOUT } from './apexCallout';
import { HEROKU_APPLINK } from './appLink';
import { CANVAS } from './canvas';
import { EXTERNAL_OBJECTS } from './externalObjects';
import { HEROKU_CONNECT } from './herokuConnect';
import type { PathModule } from './pathModule';
import { PLATFORM_EVENTS } from './platformEvents';
import { REST_API } from './restApi';

/**
 * Every integration path's checks, in the vocabulary's order (vocabulary.ts names the paths).
 * A new path is a folder beside these and one line here; CONTRIBUTING.md ("Add an integration
 * path") lists the places outside the folder, and test/unit/paths.test.ts checks they agree.
 * Nothing under a path's folder may import this file (test/unit/architecture.test.ts).
 */
export const PATHS: readonly PathModule[] = [HEROKU_CONNECT, HEROKU_APPLINK, EXTERNAL_OBJECTS, PLATFORM_EVENTS, REST_API, APEX_CALLOUT, CANVAS];



const BY_KEY: ReadonlyMap<PathKey, PathModule> = new Map(PATHS.map((p) => [p.key, p]));

export function pathModule(key: PathKey): PathModule {
  const found = BY_KEY.get(key);
  if (!found) throw new Error(`No path module for '${key}'`);
  return found;
}
