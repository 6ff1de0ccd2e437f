import { ErrorCodes, ResponseError } from './lspLibrary';
import { analyze, type Analysis } from '../core/analysis';
import { documentKindOf } from '../core/vocabulary';
import type { ServerContext } from './context';
import type { DesignDocumentParams } from '../protocol';

/** The text a custom request is about, and its analysis. */
export interface DesignText {
  readonly uri: string;
  readonly text: string;
  readonly analysis: Analysis;
}

/** Analyses of texts the server has no synced copy of, kept for the next request (the panel asks often). */
const MAX_OTHER_TEXTS = 8;

/**
 * Resolves the document of a custom request (walkthrough, artifacts). The synced copy's cached
 * analysis is reused when it is exactly the text the client means (the usual case), so a
 * version is parsed once; otherwise the text sent with the request is analysed, and kept while
 * it stays the latest text of that URI. Analyses carry default severities, as the CLI's do,
 * so a rule turned off in an editor cannot hide a syntax error from Apply or the artifacts.
 */
export class DesignTexts {
  private readonly others = new Map<string, { text: string; orgKey: string; analysis: Analysis }>();

  constructor(private readonly context: ServerContext) {}

  get(params: DesignDocumentParams): DesignText {
    if (!isDesignDocumentParams(params)) throw new ResponseError(ErrorCodes.InvalidParams, 'Expected { uri, version?, text? }.');
    const { uri, version, text } = params;
    if (documentKindOf(uri) === 'org') {
      throw new ResponseError(ErrorCodes.InvalidParams, `${uri} is a Salesforce org file, not a design: the walkthrough and the artifacts are a design's.`);
    }
    const synced = this.context.documents.get(uri);
    if (synced && (version === undefined || synced.version === version) && (text === undefined || text === synced.getText())) {
      return { uri, text: synced.getText(), analysis: this.context.cache.get(synced).analysis };
    }
    if (text === undefined) {
      throw new ResponseError(ErrorCodes.InvalidParams, `The server has no copy of ${uri}${version === undefined ? '' : ` at version ${version}`}: send the document's text with the request.`);
    }
    return this.analyzeOther(uri, text);
  }

  forget(uri: string): void {
    this.others.delete(uri);
  }

  private analyzeOther(uri: string, text: string): DesignText {
    const org = this.context.estate.orgFiguresOf(uri);
    const kept = this.others.get(uri);
    if (kept && kept.text === text && kept.orgKey === (org?.key ?? '')) return { uri, text, analysis: kept.analysis };
    const analysis = analyze(text, { org });
    this.others.delete(uri);
    this.others.set(uri, { text, orgKey: org?.key ?? '', analysis });
    // Oldest first: drop what no panel has asked about for longest.
    while (this.others.size > MAX_OTHER_TEXTS) this.others.delete(this.others.keys().next().value!);
    return { uri, text, analysis };
  }
}

function isDesignDocumentParams(params: unknown): params is DesignDocumentParams {
  if (typeof params !== 'object' || params === null) return false;
  const p = params as Record<string, unknown>;
  return typeof p.uri === 'string' && (p.version === undefined || Number.isSafeInteger(p.version)) && (p.text === undefined || typeof p.text === 'string');
}
