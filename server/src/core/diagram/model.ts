import type { Severity } from '../findings';
import type { PathKey } from '../vocabulary';

/**
 * The architecture of a design as plain data: the one source of both pictures (the Mermaid
 * flowchart of the artifacts, mermaid.ts, and the walkthrough's SVG, layout.ts and svg.ts).
 * Every name in it comes from the design and is untrusted text: each renderer escapes it.
 */
export interface Diagram {
  /** "Orders platform": the design's name, else the file's. */
  readonly title: string;
  /** Region groups, Salesforce's first, then Heroku's in the order their first element appears. */
  readonly groups: readonly DiagramGroup[];
  /** The Salesforce org first, then add-ons, apps and the database in the order the design names them. */
  readonly elements: readonly DiagramElement[];
  /** Each chosen path as a labelled link from the org, in the vocabulary's order, then the links among Heroku parts. */
  readonly links: readonly DiagramLink[];
  /** Findings that concern no drawn part (requirements, the design as a whole). */
  readonly unattached: number;
}

export type DiagramSide = 'salesforce' | 'heroku';
export type ElementKind = 'org' | 'addon' | 'app' | 'database';

/**
 * Which way a link goes, from its `from` end to its `to` end: data or calls, as the path does
 * it ('none' for a part that only uses another, like an app reading its database).
 */
export type LinkDirection = 'forward' | 'back' | 'both' | 'none';

export interface DiagramFinding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  /** 1-based. */
  readonly line: number;
}

export interface DiagramGroup {
  /** Safe for ids: `sf`, `h1`, `h2`… */
  readonly id: string;
  readonly side: DiagramSide;
  /** "Salesforce · us-east", "Heroku · virginia · Private Space orders-space · team orders-platform". */
  readonly label: string;
  readonly findings: readonly DiagramFinding[];
}

export interface DiagramElement {
  /** Safe for ids: `org`, `connect`, `applink`, `app1`, `db`. */
  readonly id: string;
  readonly kind: ElementKind;
  readonly group: string;
  /** What it is: "Salesforce org", "Heroku app", "Heroku Connect add-on", "Heroku Postgres". */
  readonly title: string;
  /** Its name in the design (app, add-on or database name, My Domain), if stated. */
  readonly name?: string;
  /** Short facts about it from the design, one per line. */
  readonly details: readonly string[];
  readonly findings: readonly DiagramFinding[];
}

export interface DiagramLink {
  /** Safe for ids: `path-heroku_connect`, `link1`. */
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly direction: LinkDirection;
  /** Set on the labelled links: the integration path this link is. */
  readonly path?: PathKey;
  /** "Heroku Connect"; for links among Heroku parts, what `from` does to `to` ("syncs tables with"). */
  readonly label: string;
  /** What the path does, from the design: "syncs Account, Contact, Order", "every 2 minutes". */
  readonly details: readonly string[];
  /** The integration users this path logs in as: "connect (heroku-connect@orders.example.com)". */
  readonly users: readonly string[];
  readonly findings: readonly DiagramFinding[];
}

/** "both ways", "to Heroku", "to Salesforce", for a link from the org (or among Heroku parts). */
export function directionWords(link: DiagramLink, fromName: string, toName: string): string {
  switch (link.direction) {
    case 'both': return `both ways between ${fromName} and ${toName}`;
    case 'forward': return `from ${fromName} to ${toName}`;
    case 'back': return `from ${toName} to ${fromName}`;
    default: return `between ${fromName} and ${toName}`;
  }
}

/** A link in one sentence: "Heroku Connect, both ways between …", "Heroku Postgres orders-db is used by Heroku app orders-sync". */
export function linkSentence(link: DiagramLink, fromName: string, toName: string): string {
  if (link.path) return `${link.label}, ${directionWords(link, fromName, toName)}`;
  return `${fromName} ${link.label} ${toName}${link.direction === 'both' ? ', both ways' : link.direction === 'back' ? `, from ${toName}` : ''}`;
}

/** An element's name for sentences: "Heroku app orders-sync", "Salesforce org". */
export function elementName(element: DiagramElement): string {
  return element.name ? `${element.title} ${element.name}` : element.title;
}
