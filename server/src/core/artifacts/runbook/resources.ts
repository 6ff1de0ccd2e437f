import { listWords } from '../../format/suggest';
import { statedPathApp, type HerokuRegion, type IntegrationUser, type PathKey } from '../../model/design';
import type { ArtifactContext } from '../context';
import { code } from '../markdown';
import { fill, known, unknown, type Fill, StepWriter } from './commands';
import { pathUsers, sandboxOrg } from './common';
import type { Part } from './step';

/** The placeholder of a path's app when the design names none: each path its own, so two unnamed apps stay apart. */
const APP_PLACEHOLDERS: Readonly<Record<PathKey, string>> = {
  heroku_connect: '<connect-app>',
  heroku_applink: '<applink-app>',
  external_objects: '<connect-app>',
  platform_events: '<subscriber-app>',
  rest_api: '<rest-client-app>',
  apex_callout: '<callout-app>',
  canvas: '<canvas-app>',
};

const COMMON_RUNTIME: readonly HerokuRegion[] = ['us', 'eu'];

/**
 * The Heroku app a path runs on: its own `app`, External Objects on Connect's app, or the
 * design's only app; otherwise a placeholder and the question.
 */
export function pathApp(ctx: ArtifactContext, path: PathKey): Fill {
  const stated = statedPathApp(ctx.design, path);
  if (stated !== undefined) return known(stated);
  if (path === 'external_objects' && ctx.design?.paths?.heroku_connect) return pathApp(ctx, 'heroku_connect');
  const apps = ctx.design?.heroku?.apps?.value ?? [];
  return unknown(APP_PLACEHOLDERS[path], `Which Heroku app ${ctx.pathName(path)} runs on: the design states no \`paths.${path}.app\`${apps.length > 1 ? ` and declares ${apps.length} apps in \`heroku.apps\`` : ''}.`);
}

/** The Salesforce CLI alias the `sf` commands target. */
export function orgAlias(ctx: ArtifactContext): Fill {
  return fill(ctx.design?.salesforce?.cli_alias, '<org-alias>', 'The Salesforce CLI alias of the org: the design states no `salesforce.cli_alias`.');
}

/** `https://` and the org's My Domain: where logins go. */
export function instanceUrl(ctx: ArtifactContext): Fill {
  const domain = ctx.design?.salesforce?.my_domain;
  return domain ? known(`https://${domain.value}`) : unknown('https://<my-domain>', 'The org\'s My Domain (for logins and the instance URL): the design states no `salesforce.my_domain`.');
}

/** The username a path logs in as, from its one integration user. */
export function pathUsername(ctx: ArtifactContext, path: PathKey): Fill {
  const users = pathUsers(ctx, path);
  const username = users.length === 1 ? users[0][1].username : undefined;
  if (username) return known(username.value);
  return unknown('<integration-username>', users.length === 0
    ? `The username ${ctx.pathName(path)} logs in as: no entry of \`integration_users\` lists \`${path}\` in \`used_by\`.`
    : users.length > 1 ? `The username ${ctx.pathName(path)} logs in as: the design lists ${users.length} users for it.` : `The username of \`integration_users.${users[0][0]}\`: the design states no \`username\`.`);
}

/** A path's one integration user, when it has exactly one. */
export function pathUser(ctx: ArtifactContext, path: PathKey): [string, IntegrationUser] | undefined {
  const users = pathUsers(ctx, path);
  return users.length === 1 ? users[0] : undefined;
}

/** What every runbook starts with: both CLIs logged in, the org reachable by its alias. */
export function beforeYouStart(ctx: ArtifactContext): Part {
  const alias = orgAlias(ctx);
  const login = new StepWriter(ctx, 'Log in to Heroku and to the Salesforce org')
    .say('Run the commands below from a terminal with the Heroku CLI (`heroku`) and the Salesforce CLI (`sf`) installed. Placeholders in angle brackets (`<connect-app>`) are values the design does not state yet: see “Open decisions” above.')
    .run('Log in to Heroku as a member of the team that will own the apps', [['heroku-login', {}]])
    .check('`heroku auth:whoami` prints the account you logged in as', [['heroku-whoami', {}]])
    .run(`Log in to the org as an administrator and give it the alias the \`sf\` commands below use${sandboxOrg(ctx).sandbox ? ' (the org is a sandbox: its My Domain has the form `<name>--<sandbox>.sandbox.my.salesforce.com`)' : ''}`, [['sf-login-web', { instance_url: instanceUrl(ctx), alias }]])
    .check('`sf org display` shows the org\'s Id, instance URL and the username you logged in as, with `Connected Status` `Connected`', [['sf-org-display', { alias }]]);
  return { title: 'Before you start', steps: [login.step()] };
}

/** The Heroku apps, and the Private Space they run in: created before any add-on. */
export function herokuResources(ctx: ArtifactContext): Part {
  const heroku = ctx.design?.heroku;
  const space = heroku?.private_space;
  const region = ctx.design?.regions?.heroku_app;
  const team = fill(heroku?.team, '<heroku-team>', 'The Heroku Team that owns the apps: the design states no `heroku.team`.');
  const steps = [];
  if (space) {
    const name = fill(space.name, '<private-space>', 'The Private Space\'s name: the design states no `heroku.private_space.name`.');
    const spaceRegion = region && !COMMON_RUNTIME.includes(region.value)
      ? known(region.value)
      : unknown('<space-region>', region
        ? `The Private Space's region: \`regions.heroku_app\` is \`${region.value}\`, a Common Runtime region; a Private Space runs in one of the Private Space regions.`
        : 'The Private Space\'s region: the design states no `regions.heroku_app`.');
    const w = new StepWriter(ctx, space.shield?.value ? 'Create the Shield Private Space' : 'Create the Private Space');
    if (space.shield?.value) {
      w.say(`The design asks for a Shield Private Space (${ctx.at(space.shield.node)}): Shield is what regulated data needs ${ctx.cite.ref('shield-regulated-data')}. \`heroku spaces:create\` keeps its Shield flag out of its help (a hidden flag), so create the space in the Dashboard.`);
      w.ui(`Create it as a Shield Private Space ${ctx.cite.source('shieldPrivateSpace')}, named as below, in the team and region below`, 'space-create');
      w.say('', `- Name: ${code(displayed(name))}`, `- Team: ${code(displayed(team))}`, `- Region: ${code(displayed(spaceRegion))}`);
      w.run('Then wait until it is allocated', [['space-wait', { space: name }]]);
    } else {
      const fir = space.generation?.value === 'fir';
      w.run(`Create the ${fir ? 'Fir-generation' : 'Cedar-generation'} Private Space${space.generation ? ` (\`generation: ${space.generation.value}\`, ${ctx.at(space.generation.node)})` : ' (the design states no `generation`: Cedar, the default)'} and wait until it is allocated, which can take a few minutes`,
        [[fir ? 'space-create-fir' : 'space-create', { space: name, team, region: spaceRegion }], ['space-wait', { space: name }]]);
    }
    w.check('`heroku spaces:info` shows the space with `State: allocated`, in the region above', [['space-info', { space: name }]]);
    steps.push(w.step());
  }
  steps.push(appsStep(ctx, team));
  return { title: 'Heroku apps', steps };
}

function appsStep(ctx: ArtifactContext, team: Fill): ReturnType<StepWriter['step']> {
  const heroku = ctx.design?.heroku;
  const space = heroku?.private_space;
  const region = ctx.design?.regions?.heroku_app;
  const apps = new Map<string, { fill: Fill; for: string[] }>();
  const add = (app: Fill, use: string | undefined) => {
    const key = 'value' in app ? app.value : app.placeholder;
    const entry = apps.get(key) ?? { fill: app, for: [] };
    if (use && !entry.for.includes(use)) entry.for.push(use);
    apps.set(key, entry);
  };
  for (const name of heroku?.apps?.value ?? []) add(known(name), undefined);
  for (const path of ctx.chosenPaths) add(pathApp(ctx, path), ctx.pathName(path));
  const w = new StepWriter(ctx, apps.size === 1 ? 'Create the app' : 'Create the apps');
  const undeclared = ctx.chosenPaths.map((p) => ctx.design?.paths?.[p]?.app).filter((f): f is NonNullable<typeof f> => Boolean(f) && !(heroku?.apps?.value ?? []).includes(f!.value));
  if (undeclared.length) w.say(`- **Not in \`heroku.apps\`:** ${listWords(undeclared.map((f) => `${code(f.value)} (${ctx.at(f.node)})`), 'and')}. Declare every app of the integration there.`, '');
  w.say(...[...apps.values()].map((a) => `- ${code(displayed(a.fill))}${a.for.length ? `: ${listWords(a.for, 'and')}` : ''}`));
  w.say('', 'Once an app exists, deploy its code the way your team does; this runbook connects the apps to Salesforce and checks each connection.');
  const fills = [...apps.values()].map((a) => a.fill);
  if (space) {
    const name = fill(space.name, '<private-space>', 'The Private Space\'s name: the design states no `heroku.private_space.name`.');
    w.run('Create each app in the Private Space; its region is the space\'s', fills.map((app) => ['app-create-in-space', { app, space: name }] as const));
  } else {
    const crRegion: Fill = region && COMMON_RUNTIME.includes(region.value)
      ? known(region.value)
      : unknown('<region>', region
        ? `Where the apps run: \`regions.heroku_app\` is \`${region.value}\`, a Private Space region, but the design declares no \`heroku.private_space\`.`
        : 'The apps\' region: the design states no `regions.heroku_app`.');
    const inTeam = Boolean(heroku?.team);
    w.run(`Create each app in the Common Runtime${inTeam ? ', owned by the team' : ''}`, fills.map((app) => (inTeam ? ['app-create-in-team', { app, team, region: crRegion }] as const : ['app-create', { app, region: crRegion }] as const)));
  }
  w.check('`heroku apps:info` shows each app with the region above' + (space ? ' and the space' : ''), fills.map((app) => ['app-info', { app }] as const));
  return w.step();
}

/** How a fill is shown in prose. */
export function displayed(f: Fill): string {
  return 'value' in f ? f.value : f.placeholder;
}
