/**
 * The file access the core needs, given to it by each front: the CLI and the Node language
 * server use the disk (server/src/node/files.ts); the language server on the web asks the
 * editor (its workspace file system). Locations are URI strings, so one design works for
 * `file:` and for virtual file systems alike.
 */
export interface FileStore {
  /** The file's text, or undefined when there is no such file. Other failures throw FileAccessError. */
  read(uri: string): Promise<string | undefined>;
  exists(uri: string): Promise<boolean>;
  /**
   * Replaces the file's content all at once (never leaving it half-written), creating missing
   * folders. Throws FileAccessError; the existing file is then as it was.
   */
  write(uri: string, text: string): Promise<void>;
}

/** A file could not be read or written; `reason` says why in words for the user. */
export class FileAccessError extends Error {
  constructor(readonly uri: string, readonly reason: string, readonly code?: string) {
    super(`${uri}: ${reason}`);
  }
}

/** The folder of a URI (`…/designs/orders.integration.yaml` → `…/designs`). */
export function folderOf(uri: string): string {
  const cut = uri.lastIndexOf('/');
  return cut > uri.indexOf('//') + 1 ? uri.slice(0, cut) : uri;
}

/** The last segment of a URI, decoded (`orders.integration.yaml`). */
export function fileNameOf(uri: string): string {
  const name = uri.slice(uri.lastIndexOf('/') + 1).replace(/[?#].*$/, '');
  try {
    return decodeURIComponent(name) || uri;
  } catch {
    return name || uri;
  }
}

/** A location as people read it: a `file:` URI as its path, any other URI as it is. */
export function displayLocation(uri: string): string {
  if (!uri.startsWith('file://')) return uri;
  let path = uri.slice('file://'.length).replace(/^[^/]*/, '');
  try {
    path = decodeURIComponent(path);
  } catch { /* keep it encoded */ }
  return /^\/[a-zA-Z]:\//.test(path) ? path.slice(1) : path;
}

/**
 * One key per file however its URI is spelled: editors and Node encode file: URIs differently
 * (`C%2B%2B` or `C++`, `c%3A` or `C:`), so the same file must not count as two documents.
 */
export function uriIdentity(uri: string): string {
  const match = /^file:\/\/([^/]*)(.*)$/.exec(uri);
  if (!match) return uri;
  let path = match[2];
  try {
    path = decodeURIComponent(path);
  } catch { /* keep it encoded */ }
  return `file://${match[1].toLowerCase()}${path.replace(/^\/([A-Za-z]):/, (_all, drive: string) => `/${drive.toLowerCase()}:`)}`;
}

/** A file in a folder: the name is encoded as a URI path segment. */
export function childUri(folderUri: string, name: string): string {
  return `${folderUri.replace(/\/+$/, '')}/${encodeURIComponent(name)}`;
}

/**
 * A folder given relative to another (a setting such as `docs/integration`, `../shared` or an
 * absolute path), as a URI on the same file system. Backslashes count as separators.
 */
export function resolveFolder(baseFolderUri: string, relative: string): string {
  const path = relative.trim().replace(/\\/g, '/');
  if (path === '' || path === '.') return baseFolderUri;
  // A Windows drive path (C:/x) is absolute: on file: URIs it is written /C:/x.
  const absolute = /^[a-zA-Z]:\//.test(path) ? `/${path}` : path;
  const resolved = new URL(absolute.split('/').map((segment) => encodeURIComponent(segment).replace(/%3A/gi, ':')).join('/'), `${baseFolderUri.replace(/\/+$/, '')}/`).href;
  return resolved.replace(/\/+$/, '');
}

/**
 * Where `toUri` is, as seen from the document `fromUri`: its file name when both are in one folder,
 * else a relative path (`../billing/billing.integration.yaml`) on the same file system, else the
 * whole location. For messages that name another file.
 */
export function relativeLocation(fromUri: string, toUri: string): string {
  const decode = (segment: string) => {
    try {
      return decodeURIComponent(segment);
    } catch {
      return segment;
    }
  };
  const split = (uri: string) => {
    const cut = uri.indexOf('//');
    const pathStart = cut < 0 ? uri.indexOf(':') + 1 : uri.indexOf('/', cut + 2);
    return { root: uri.slice(0, pathStart).toLowerCase(), segments: uri.slice(pathStart).split('/').map(decode) };
  };
  const from = split(fromUri);
  const to = split(toUri);
  if (from.root !== to.root) return displayLocation(toUri);
  const folder = from.segments.slice(0, -1);
  let common = 0;
  while (common < folder.length && common < to.segments.length - 1 && folder[common] === to.segments[common]) common++;
  return [...Array<string>(folder.length - common).fill('..'), ...to.segments.slice(common)].join('/');
}
