import { analyze, type Analysis } from '../core/analysis';
import { EstateWorkspace, estateViewOf, summarize, type DocumentSummary, type EstateView } from '../core/estate';
import { FileAccessError, fileNameOf, uriIdentity } from '../core/files';
import type { Finding } from '../core/findings';
import type { LineIndex } from '../core/text';
import type { OrgFigures } from '../core/model/orgFigures';
import { documentKindOf, documentKindOfName, DOCUMENT_FILE_PATTERNS } from '../core/vocabulary';
import type { ServerContext } from './context';
import { errorText } from './diagnostics';

/** What the index needs of the server. */
export type EstateIndexContext = Pick<ServerContext, 'connection' | 'documents' | 'host' | 'files'>;

/** Disk work done per turn of the message loop before yielding, so typing is never held up. */
const BATCH_FILES = 16;
const BATCH_MS = 8;

/** Glob patterns of the files the index watches. */
export const WATCHED_PATTERNS: readonly string[] = DOCUMENT_FILE_PATTERNS.map((p) => `**/${p}`);

const ORG_NOT_DESCRIBED = 'estate-org-not-described';

/** How the log line that ends a run of disk work starts. */
export const INDEX_LOG_PREFIX = 'Workspace index:';

interface DiskWork {
  readonly uri: string;
  readonly work: 'read' | 'delete';
}

/**
 * The workspace's designs and org files, for the rules that compare documents. Open documents
 * are summarised from their current analysis (the editor's text is the truth); the others from
 * disk, read through the host: listed when a workspace folder is added, re-read when the client
 * reports a file created or changed. Disk work is queued and done in small batches that yield to
 * the message loop, so a checkout that changes hundreds of files never holds up a keystroke;
 * closed designs that name no org are not even parsed. After each batch run (and after each
 * analysis of an open document) the estates whose documents changed are recomputed, and
 * `publish` gets the URIs whose findings changed.
 *
 * Files are known by their identity (uriIdentity): the editor and the host may spell one file's URI
 * differently; the estate holds each file once, under the editor's URI once it has been opened.
 */
export class EstateIndex {
  readonly workspace = new EstateWorkspace();
  /** Workspace folders, by identity. */
  private readonly folders = new Set<string>();
  /** Files known on disk inside the workspace folders (open or not), by identity. */
  private readonly onDisk = new Set<string>();
  /** Identity → the URI the estate holds the file under. */
  private readonly held = new Map<string, string>();
  /** Identities of the documents open in the editor (their text is the truth). */
  private readonly open = new Set<string>();
  /** Disk work by identity, in arrival order. */
  private readonly queue = new Map<string, DiskWork>();
  private running = false;
  /** The current run of disk work: when it started and how many files it read. */
  private run = { started: 0, read: 0 };

  /** The analysis each open document was last summarized from. */
  private readonly analysed = new Map<string, Analysis>();
  constructor(private readonly context: EstateIndexContext, private readonly publish: (uris: ReadonlySet<string>) => void) {}

  /** Whether the host can list folders (else only open documents are indexed). */
  get canList(): boolean {
    return this.context.host.findDocuments !== undefined;
  }

  /** Adds workspace folders and indexes their files. */
  async addFolders(uris: readonly string[]): Promise<void> {
    for (const raw of uris) {
      const folder = uriIdentity(raw.replace(/\/+$/, ''));
      if (this.folders.has(folder)) continue;
      this.folders.add(folder);
      if (!this.context.host.findDocuments) continue;
      let found: readonly string[];
      try {
        found = await this.context.host.findDocuments(this.context.connection, raw.replace(/\/+$/, ''));
      } catch (error) {
        this.context.connection.console.warn(`Could not list ${raw}: ${errorText(error)}. Its designs are indexed as they are opened.`);
        continue;
      }
      for (const uri of found) this.enqueue(uri, 'read');
    }
    this.kick();
  }

  /** Drops workspace folders: their files leave the index, except those still open. */
  removeFolders(uris: readonly string[]): void {
    for (const raw of uris) {
      const folder = uriIdentity(raw.replace(/\/+$/, ''));
      this.folders.delete(folder);
      for (const id of this.onDisk) if (id.startsWith(`${folder}/`) && !this.inFolders(id)) this.enqueue(this.held.get(id) ?? id, 'delete');
    }
    this.kick();
  }

  /** A file event from the client (created, changed, deleted: renames come as a delete and a create). */
  fileEvent(uri: string, type: 'created' | 'changed' | 'deleted'): void {
    const id = uriIdentity(uri);
    if (type === 'deleted') {
      if (this.onDisk.has(id) || this.held.has(id)) this.enqueue(uri, 'delete');
      else {
        // A deleted folder is reported once, for the folder: its files go with it.
        for (const known of this.onDisk) if (known.startsWith(`${id}/`)) this.enqueue(this.held.get(known) ?? known, 'delete');
      }
    } else if (isDocumentUri(uri) && this.inFolders(id)) {
      this.enqueue(uri, 'read');
    }
    this.kick();
  }

  /**
   * An open document was analysed: its summary replaces what the index had. Returns the URIs whose
   * findings from the rules that compare documents changed (the document's own included).
   */
  documentAnalysed(uri: string, analysis: Analysis): ReadonlySet<string> {
    const id = uriIdentity(uri);
    this.open.add(id);
    this.queue.delete(id);
    // A run for the estate or the settings brings the same analysis again: nothing new to summarize.
    const known = this.analysed.get(id) === analysis;
    this.analysed.set(id, analysis);
    if ((known || !this.hold(summarize(uri, analysis))) && !this.workspace.dirty) return new Set();
    return this.workspace.update();
  }

  /** An open document was closed: the disk's version counts again (or, outside the workspace, none). */
  documentClosed(uri: string): void {
    const id = uriIdentity(uri);
    this.open.delete(id);
    this.analysed.delete(id);
    this.enqueue(uri, this.inFolders(id) && isDocumentUri(uri) ? 'read' : 'delete');
    this.kick();
  }

  findingsOf(uri: string): readonly Finding[] {
    const findings = this.workspace.findingsOf(uri);
    // Outside the workspace folders the org files are not indexed: "no org file describes it" would be a guess.
    if (findings.length === 0 || this.inFolders(uriIdentity(uri))) return findings;
    return findings.filter((f) => f.ruleId !== ORG_NOT_DESCRIBED);
  }

  linesOf(uri: string): LineIndex | undefined {
    return this.workspace.linesOf(uri);
  }

  /** The org figures a design's own checks use (its estate's, stated elsewhere), or undefined. */
  orgFiguresOf(uri: string): OrgFigures | undefined {
    return this.workspace.orgFiguresOf(uri);
  }

  /** What a design takes part in, for the walkthrough and the risk register. */
  viewOf(uri: string): EstateView | undefined {
    return estateViewOf(this.workspace, uri, this.findingsOf(uri));
  }

  /** Puts a summary in the estate, replacing the file's under another spelling of its URI. */
  private hold(summary: DocumentSummary): boolean {
    const id = uriIdentity(summary.uri);
    const previous = this.held.get(id);
    if (previous !== undefined && previous !== summary.uri) this.workspace.delete(previous);
    this.held.set(id, summary.uri);
    return this.workspace.set(summary);
  }

  /** Takes a file out of the estate (deleted, unreadable, in no estate). */
  private release(id: string): void {
    const previous = this.held.get(id);
    if (previous !== undefined) this.workspace.delete(previous);
    this.held.delete(id);
  }

  private isOpen(id: string, uri: string): boolean {
    return this.open.has(id) || this.context.documents.get(uri) !== undefined;
  }

  private inFolders(id: string): boolean {
    for (const folder of this.folders) if (id.startsWith(`${folder}/`)) return true;
    return false;
  }

  private enqueue(uri: string, work: DiskWork['work']): void {
    const id = uriIdentity(uri);
    this.queue.delete(id); // the latest event wins, in arrival order
    this.queue.set(id, { uri, work });
  }

  private kick(): void {
    if (this.running || this.queue.size === 0) return;
    this.running = true;
    this.run = { started: performance.now(), read: 0 };
    this.context.host.afterPendingMessages(() => void this.step());
  }

  private async step(): Promise<void> {
    const started = performance.now();
    let done = 0;
    try {
      while (this.queue.size > 0 && done < BATCH_FILES && performance.now() - started < BATCH_MS) {
        const [id, { uri, work }] = this.queue.entries().next().value!;
        this.queue.delete(id);
        done++;
        if (this.isOpen(id, uri)) continue; // the editor's text is the truth
        if (work === 'delete') {
          this.onDisk.delete(id);
          this.release(id);
        } else {
          await this.readFromDisk(id, uri);
          this.run.read++;
        }
      }
    } catch (error) {
      this.context.connection.console.error(`Indexing the workspace failed: ${errorText(error)}`);
    }
    if (this.queue.size > 0) {
      this.context.host.afterPendingMessages(() => void this.step());
      return;
    }
    this.running = false;
    const changed = this.workspace.dirty ? this.workspace.update() : new Set<string>();
    if (this.run.read > 0) {
      // The benchmark reads the cold index time from this line (INDEX_LOG_PREFIX).
      this.context.connection.console.info(`${INDEX_LOG_PREFIX} ${this.run.read} files read, ${this.workspace.allEstates().length} estates, ${changed.size} documents' findings changed, in ${Math.round(performance.now() - this.run.started)} ms.`);
    }
    if (changed.size > 0) this.publish(changed);
  }

  private async readFromDisk(id: string, uri: string): Promise<void> {
    let text: string | undefined;
    try {
      text = await this.context.files.read(uri);
    } catch (error) {
      // Unreadable: left out (it may belong to an estate, but nothing can be known of it).
      this.context.connection.console.warn(`Could not read ${uri} for the workspace index: ${error instanceof FileAccessError ? error.reason : errorText(error)}. It is left out of its org's estate.`);
      this.onDisk.delete(id);
      this.release(id);
      return;
    }
    if (this.isOpen(id, uri)) return; // opened while it was read
    if (text === undefined) {
      this.onDisk.delete(id);
      this.release(id);
      return;
    }
    this.onDisk.add(id);
    const kind = documentKindOf(uri);
    // A design that never says `org:` is in no estate: no need to parse it.
    if (kind === 'design' && !/\borg\s*:/.test(text)) {
      this.release(id);
      return;
    }
    // Parse and schema only: the estate reads what the design states, not the per-design rules.
    this.hold(summarize(uri, analyze(text, { kind, rules: [] })));
  }
}

/** Whether a URI names a design or an org file. */
function isDocumentUri(uri: string): boolean {
  return documentKindOfName(fileNameOf(uri)) !== undefined;
}
