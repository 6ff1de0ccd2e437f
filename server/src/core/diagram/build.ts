import type { Analysis } from '../analysis';
import type { Finding } from '../findings';
import { describeDuration, formatCount } from '../format/quantities';
import { listSome } from '../format/suggest';
import { chosenPathsInOrder, integrationUsers, statedPathApp, type Design, type Field, type SalesforceOrg } from '../model/design';
import type { ModelNode } from '../model/node';
import { eventTypeName } from '../paths/platformEvents/measures';
import { connectRowTotal } from '../paths/herokuConnect/rows';
import type { TextRange } from '../text';
import { PATH_NAMES, type PathKey } from '../vocabulary';
import type { Diagram, DiagramElement, DiagramFinding, DiagramGroup, DiagramLink, DiagramSide, ElementKind, LinkDirection } from './model';

/**
 * The lines the org's box shows, each from what the design states about the org, in order.
 * A new key of `salesforce` (say, the org id) is one more line here.
 */
const ORG_LINES: readonly ((org: SalesforceOrg) => string | undefined)[] = [
  (org) => org.my_domain?.value,
  (org) => [org.edition && `${org.edition.value} edition`, org.org_type && `${org.org_type.value} org`].filter(Boolean).join(', ') || undefined,
  (org) => org.instance && `instance ${org.instance.value}`,
];

/** How many names a link's detail line lists before "and N more". */
const LISTED = 4;

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends readonly (infer U)[] ? U[] : T[K] };

/** Who a finding is drawn on: the part of the design a range belongs to, most specific first. */
interface Claim {
  readonly range: TextRange;
  readonly findings: DiagramFinding[];
}

/** The diagram of a design: its parts, the paths between them, the regions they run in, and the findings on each. */
export function buildDiagram(analysis: Analysis, fallbackTitle: string): Diagram {
  return new DiagramBuilder(analysis, fallbackTitle).build();
}

class DiagramBuilder {
  private readonly groups: Mutable<DiagramGroup>[] = [];
  private readonly elements: Mutable<DiagramElement>[] = [];
  private readonly links: Mutable<DiagramLink>[] = [];
  private readonly claims: Claim[] = [];
  private readonly groupByKey = new Map<string, Mutable<DiagramGroup>>();
  private readonly design: Design | undefined;

  constructor(private readonly analysis: Analysis, private readonly fallbackTitle: string) {
    this.design = analysis.design;
  }

  build(): Diagram {
    const design = this.design;
    const paths = chosenPathsInOrder(design);
    this.addOrg();
    const appOf = this.addApps(paths);
    const connect = paths.includes('heroku_connect') || paths.includes('external_objects') ? this.addConnect(paths) : undefined;
    const appLink = paths.includes('heroku_applink') ? this.addAppLink() : undefined;
    const database = connect ? this.addDatabase() : undefined;
    for (const path of paths) this.addPathLink(path, path === 'heroku_connect' || path === 'external_objects' ? connect! : path === 'heroku_applink' ? appLink! : appOf.get(path)!);
    if (connect && database) this.addConnectLinks(paths, connect, database, appOf);
    if (appLink) this.link(appLink, appOf.get('heroku_applink')!, 'forward', 'invokes');
    this.claimUsers();
    this.claimRegions();
    const unattached = this.attach(this.analysis.findings);
    return {
      title: design?.name?.value.trim() || this.fallbackTitle,
      groups: this.groups, elements: this.elements, links: this.links, unattached,
    };
  }

  private claim(node: ModelNode | undefined, findings: DiagramFinding[]): void {
    if (node) this.claims.push({ range: node.pairRange ?? node.range, findings });
  }

  /** The region group of one side and region (created on first use). */
  private group(side: DiagramSide, region: Field<string> | undefined): Mutable<DiagramGroup> {
    const key = `${side} ${region?.value ?? ''}`;
    let group = this.groupByKey.get(key);
    if (!group) {
      const label = `${side === 'salesforce' ? 'Salesforce' : 'Heroku'} · ${region ? region.value : 'region not stated'}`;
      group = { id: side === 'salesforce' ? 'sf' : `h${this.groupByKey.size}`, side, label, findings: [] };
      this.groupByKey.set(key, group);
      this.groups.push(group);
    }
    return group;
  }

  private element(id: string, kind: ElementKind, group: DiagramGroup, title: string, name: string | undefined, details: (string | undefined | false)[]): Mutable<DiagramElement> {
    const element: Mutable<DiagramElement> = { id, kind, group: group.id, title, name, details: details.filter((d): d is string => Boolean(d)), findings: [] };
    this.elements.push(element);
    return element;
  }

  private link(from: DiagramElement, to: DiagramElement, direction: LinkDirection, label: string, path?: PathKey, details: (string | undefined | false)[] = [], users: string[] = []): Mutable<DiagramLink> {
    const link: Mutable<DiagramLink> = {
      id: path ? `p-${path}` : `l${this.links.filter((l) => !l.path).length + 1}`,
      from: from.id, to: to.id, direction, path, label, details: details.filter((d): d is string => Boolean(d)), users, findings: [],
    };
    this.links.push(link);
    return link;
  }

  private addOrg(): void {
    const org = this.design?.salesforce;
    const lines = org ? ORG_LINES.map((line) => line(org)) : [];
    const element = this.element('org', 'org', this.group('salesforce', this.design?.regions?.salesforce), 'Salesforce org', undefined, lines);
    this.claim(org?.$node, element.findings);
  }

  /** The apps of `heroku.apps` and those the paths name; a path whose app is not named gets one of its own. */
  private addApps(paths: readonly PathKey[]): Map<PathKey, DiagramElement> {
    const heroku = this.design?.heroku;
    const group = this.group('heroku', this.design?.regions?.heroku_app);
    const byName = new Map<string, Mutable<DiagramElement>>();
    const named = (name: string): Mutable<DiagramElement> => {
      let app = byName.get(name);
      if (!app) {
        app = this.element(`app${this.elements.filter((e) => e.kind === 'app').length + 1}`, 'app', group, 'Heroku app', name, []);
        byName.set(name, app);
      }
      return app;
    };
    (heroku?.apps?.value ?? []).forEach((name, i) => this.claim(heroku?.apps?.nodes[i], named(name).findings));
    const appOf = new Map<PathKey, DiagramElement>();
    for (const path of paths) {
      const name = statedPathApp(this.design, path);
      let app: Mutable<DiagramElement> | undefined;
      if (name !== undefined) app = named(name);
      else if (path === 'external_objects' && appOf.has('heroku_connect')) app = appOf.get('heroku_connect') as Mutable<DiagramElement>;
      else app = this.element(`app${this.elements.filter((e) => e.kind === 'app').length + 1}`, 'app', group, 'Heroku app', undefined, [`name not stated (${PATH_NAMES[path]})`]);
      appOf.set(path, app);
      this.claim(this.design?.paths?.[path]?.app?.node, app.findings);
    }
    if (heroku) {
      const space = heroku.private_space;
      const extras = [
        space?.name && `Private Space ${space.name.value}${space.shield?.value ? ' (Shield)' : ''}`,
        heroku.team && `team ${heroku.team.value}`,
      ].filter(Boolean);
      if (extras.length && byName.size + appOf.size > 0) {
        group.label = [group.label, ...extras].join(' · ');
        this.claim(space?.$node, group.findings);
        this.claim(heroku.team?.node, group.findings);
      }
    }
    // No app (and so no path): the apps' region has nothing to group.
    if (!this.elements.some((e) => e.group === group.id)) {
      this.groups.splice(this.groups.indexOf(group), 1);
      this.groupByKey.delete(`heroku ${this.design?.regions?.heroku_app?.value ?? ''}`);
    }
    return appOf;
  }

  private addConnect(paths: readonly PathKey[]): DiagramElement {
    const connect = this.design?.paths?.heroku_connect;
    const objects = this.design?.paths?.external_objects;
    // Connect runs in its app's region (connect-same-region-as-app) unless the design places it elsewhere.
    const regions = this.design?.regions;
    const element = this.element('connect', 'addon', this.group('heroku', regions?.heroku_connect ?? regions?.heroku_app), 'Heroku Connect add-on', connect?.addon?.value, [
      connect?.plan && `${connect.plan.value} plan`,
      paths.includes('external_objects') && `External Objects${objects?.odata_version ? ` (OData ${objects.odata_version.value})` : ''}`,
    ]);
    this.claim(connect?.$node, element.findings);
    return element;
  }

  private addAppLink(): DiagramElement {
    const appLink = this.design?.paths?.heroku_applink;
    const element = this.element('applink', 'addon', this.group('heroku', this.design?.regions?.heroku_app), 'Heroku AppLink add-on', appLink?.addon?.value, [
      appLink?.connection_name && `connection ${appLink.connection_name.value}`,
      appLink?.user_mode && `runs as ${appLink.user_mode.value}`,
    ]);
    this.claim(appLink?.$node, element.findings);
    return element;
  }

  private addDatabase(): DiagramElement {
    const database = this.design?.paths?.heroku_connect?.database;
    const element = this.element('db', 'database', this.group('heroku', this.design?.regions?.heroku_postgres), 'Heroku Postgres', database?.name?.value, [
      database?.plan && `plan ${database.plan.value}`,
    ]);
    this.claim(database?.$node, element.findings);
    return element;
  }

  /** One chosen path: a labelled link from the org to where it lands on Heroku, with the users it logs in as. */
  private addPathLink(path: PathKey, target: DiagramElement): void {
    const org = this.elements[0];
    const { direction, details } = this.describePath(path);
    const users = this.design ? integrationUsers(this.design).filter(([, u]) => u.used_by?.value.includes(path)) : [];
    const link = this.link(org, target, direction, PATH_NAMES[path], path, details,
      users.map(([id, u]) => (u.username ? `${id} (${u.username.value})` : id)));
    const section = this.design?.paths?.[path];
    // Connect's settings are its add-on's; what it syncs (the mappings) is the link's.
    if (path === 'heroku_connect') this.claim(this.design?.paths?.heroku_connect?.mappings?.node, link.findings);
    else if (path !== 'heroku_applink') this.claim(section?.$node, link.findings);
  }

  private describePath(path: PathKey): { direction: LinkDirection; details: (string | undefined | false)[] } {
    const design = this.design;
    const p = design?.paths;
    switch (path) {
      case 'heroku_connect': {
        const connect = p?.heroku_connect;
        const mappings = connect?.mappings?.items ?? [];
        const objects = mappings.flatMap((m) => (m.object ? [`${m.object.value}${m.mode?.value === 'read-write' ? ' (read-write)' : ''}`] : []));
        const writes = mappings.some((m) => m.mode?.value === 'read-write');
        const stated = mappings.some((m) => m.mode);
        const wanted = design?.requirements?.direction?.value;
        const rows = design ? connectRowTotal(design, connect) : undefined;
        return {
          direction: writes || (!stated && (wanted === 'bidirectional' || wanted === 'heroku-to-salesforce')) ? 'both' : 'forward',
          details: [
            objects.length > 0 && `syncs ${listed(objects)}`,
            rows && `${formatCount(rows.total)} rows`,
            connect?.polling_interval && `polls every ${describeDuration(connect.polling_interval.value)}`,
          ],
        };
      }
      case 'heroku_applink': {
        const appLink = p?.heroku_applink;
        const synchronous = appLink?.synchronous ?? design?.requirements?.salesforce_calls_heroku?.synchronous;
        return {
          direction: 'forward',
          details: [
            appLink?.callers && appLink.callers.value.length > 0 && `called from ${listed(appLink.callers.value)}`,
            synchronous && (synchronous.value ? `synchronous${appLink?.response_time ? `, answers within ${describeDuration(appLink.response_time.value)}` : ''}` : 'asynchronous'),
          ],
        };
      }
      case 'external_objects': {
        const objects = p?.external_objects;
        return {
          direction: objects?.writable?.value ? 'both' : 'back',
          details: [
            objects?.tables && objects.tables.value.length > 0 && `shows tables ${listed(objects.tables.value)}`,
            objects?.writable && (objects.writable.value ? 'writable' : 'read-only'),
            objects?.requests_per_hour && `${formatCount(objects.requests_per_hour.value)} requests an hour`,
          ],
        };
      }
      case 'platform_events': {
        const events = p?.platform_events;
        const api = events?.api?.value === 'cometd' ? 'CometD' : events?.api ? 'Pub/Sub API' : undefined;
        return {
          direction: 'forward',
          details: [
            events && `${eventTypeName(events)}${events.entities && events.entities.value.length > 0 ? ` on ${listed(events.entities.value)}` : ''}`,
            [api && `via ${api}`, events?.events_per_day && `${formatCount(events.events_per_day.value)} a day`].filter(Boolean).join(', '),
          ],
        };
      }
      case 'rest_api': {
        const rest = p?.rest_api;
        return {
          direction: 'back',
          details: [
            'Heroku calls Salesforce',
            [rest?.auth_flow && `${rest.auth_flow.value} flow`, rest?.api_requests_per_day && `${formatCount(rest.api_requests_per_day.value)} requests a day`].filter(Boolean).join(', '),
          ],
        };
      }
      case 'apex_callout': {
        const apex = p?.apex_callout;
        return {
          direction: 'forward',
          details: [
            `Apex calls Heroku${apex?.context ? ` from a ${apex.context.value} context` : ''}`,
            [apex?.named_credential && `Named Credential ${apex.named_credential.value}`, apex?.timeout && `timeout ${describeDuration(apex.timeout.value)}`].filter(Boolean).join(', '),
          ],
        };
      }
      case 'canvas': {
        const canvas = p?.canvas;
        return {
          direction: 'forward',
          details: [
            'Heroku UI shown in Salesforce',
            [canvas?.auth && canvas.auth.value.join(' + '), canvas?.locations && canvas.locations.value.length > 0 && `in ${listed(canvas.locations.value)}`].filter(Boolean).join(', '),
          ],
        };
      }
    }
  }

  /** Connect writes to and reads from its database; the app(s) of Connect and External Objects use it. */
  private addConnectLinks(paths: readonly PathKey[], connect: DiagramElement, database: DiagramElement, appOf: ReadonlyMap<PathKey, DiagramElement>): void {
    const sync = this.links.find((l) => l.path === 'heroku_connect');
    const objects = this.links.find((l) => l.path === 'external_objects');
    const directions = new Set([sync?.direction, objects && (objects.direction === 'both' ? 'both' : 'back')].filter((d): d is LinkDirection => d !== undefined));
    const direction: LinkDirection = directions.size === 1 ? [...directions][0] : 'both';
    this.link(connect, database, direction, sync ? 'syncs tables with' : 'reads tables from');
    const apps = new Set(paths.filter((p) => p === 'heroku_connect' || p === 'external_objects').map((p) => appOf.get(p)!));
    for (const app of apps) this.link(database, app, 'none', 'is used by');
  }

  /** A user's findings go on the first path it logs in for (its `used_by` order) that the diagram draws. */
  private claimUsers(): void {
    for (const [, user] of this.design ? integrationUsers(this.design) : []) {
      const link = (user.used_by?.value ?? []).map((p) => this.links.find((l) => l.path === p)).find((l) => l !== undefined);
      if (link) this.claim(user.$node, link.findings);
    }
  }

  /** Region findings go to the group of the parts in that region; the Private Space and team to the apps' group. */
  private claimRegions(): void {
    const regions = this.design?.regions;
    const groupOf = (id: string) => this.groups.find((g) => g.id === this.elements.find((e) => e.id === id)?.group);
    const firstApp = this.elements.find((e) => e.kind === 'app')?.id ?? '';
    const owners: [ModelNode | undefined, string][] = [
      [regions?.salesforce?.node, 'org'], [regions?.heroku_app?.node, firstApp],
      [regions?.heroku_postgres?.node, 'db'], [regions?.heroku_connect?.node, 'connect'],
    ];
    for (const [node, id] of owners) {
      const group = groupOf(id);
      if (group) this.claim(node, group.findings);
    }
  }

  /** Puts each finding on the most specific part whose design text holds it; returns how many found none. */
  private attach(findings: readonly Finding[]): number {
    const lines = this.analysis.model.lines;
    let unattached = 0;
    for (const f of findings) {
      let best: Claim | undefined;
      for (const c of this.claims) {
        if (f.range.start < c.range.start || f.range.start > c.range.end) continue;
        if (!best || c.range.end - c.range.start < best.range.end - best.range.start) best = c;
      }
      if (best) best.findings.push({ ruleId: f.ruleId, severity: f.severity, message: f.message, line: lines.positionAt(f.range.start).line + 1 });
      else unattached++;
    }
    return unattached;
  }
}

/** "A, B, C and 2 more". */
function listed(names: readonly string[]): string {
  return listSome(names, LISTED);
}
