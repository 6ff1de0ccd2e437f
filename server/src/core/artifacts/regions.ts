import type { Field, HerokuRegion } from '../model/design';
import { listWords } from '../format/suggest';
import type { ArtifactContext } from './context';
import { code, table } from './markdown';

const COMMON_RUNTIME: readonly HerokuRegion[] = ['us', 'eu'];

interface Part {
  readonly label: string;
  readonly field: Field<string> | undefined;
  readonly heroku: boolean;
}

/** The parts whose region matters for this design (Connect only when it is used or stated). */
function parts(ctx: ArtifactContext): Part[] {
  const r = ctx.design?.regions;
  const usesConnect = ctx.chosenPaths.includes('heroku_connect') || r?.heroku_connect !== undefined;
  const usesPostgres = usesConnect || ctx.chosenPaths.includes('external_objects') || r?.heroku_postgres !== undefined;
  const out: Part[] = [{ label: 'Heroku app', field: r?.heroku_app, heroku: true }];
  if (usesPostgres) out.push({ label: 'Heroku Postgres', field: r?.heroku_postgres, heroku: true });
  if (usesConnect) out.push({ label: 'Heroku Connect', field: r?.heroku_connect, heroku: true });
  out.push({ label: 'Salesforce org', field: r?.salesforce, heroku: false });
  return out;
}

/** The regions in one sentence, for the recommendation's summary paragraph. */
export function describeRegions(ctx: ArtifactContext): string {
  const all = parts(ctx);
  const heroku = all.filter((p) => p.heroku);
  const stated = heroku.filter((p) => p.field);
  const unstated = all.filter((p) => !p.field).map((p) => p.label);
  const salesforce = ctx.design?.regions?.salesforce;
  if (stated.length === 0 && !salesforce) return 'The design states no regions.';
  const sentences: string[] = [];
  const values = new Set(stated.map((p) => p.field!.value));
  if (stated.length > 0) {
    sentences.push(values.size === 1
      ? `${stated.length > 1 ? `The ${listWords(stated.map((p) => p.label), 'and')} are` : `The ${stated[0].label} is`} pinned to ${code([...values][0])}`
      : `The Heroku parts are **not co-located**: ${listWords(stated.map((p) => `${p.label} in ${code(p.field!.value)}`), 'and')}`);
  }
  if (salesforce) sentences.push(`${stated.length > 0 ? 'and the' : 'The'} Salesforce org is in ${code(salesforce.value)}`);
  let sentence = sentences.join(', ');
  if (unstated.length > 0) sentence += `; the region of the ${listWords(unstated, 'and')} is not stated`;
  return `${sentence}.`;
}

/** The regions table and what the knowledge base says about them. */
export function regionFacts(ctx: ArtifactContext): string[] {
  const all = parts(ctx);
  const r = ctx.design?.regions;
  const lines = [table(['Part', 'Region', 'Stated at'], all.map((p) => [p.label, p.field ? code(p.field.value) : 'not stated', p.field ? ctx.at(p.field.node) : '—']))];
  const bullets: string[] = [];
  const herokuStated = all.filter((p) => p.heroku && p.field);
  const distinct = new Set(herokuStated.map((p) => p.field!.value));
  if (herokuStated.length > 1 && distinct.size === 1) bullets.push(`The ${listWords(herokuStated.map((p) => p.label), 'and')} are co-located in ${code([...distinct][0])}.`);
  if (distinct.size > 1) {
    bullets.push(ctx.chosenPaths.includes('heroku_connect')
      ? `The Heroku parts are not co-located. The skill document says mismatched regions can multiply sync lag by up to ${ctx.cite.value('region-latency-multiplier')}; no official source gives a multiplier, so treat it as a rule of thumb.`
      : 'The Heroku parts are not co-located: every query from the app to its database crosses between regions.');
  }
  if (r?.heroku_connect && r.heroku_app && r.heroku_connect.value !== r.heroku_app.value) {
    bullets.push(`Heroku Connect runs in the region of the app it is attached to ${ctx.cite.ref('connect-same-region-as-app')}, so ${code(r.heroku_connect.value)} for Connect cannot hold with the app in ${code(r.heroku_app.value)}.`);
  } else if (all.some((p) => p.label === 'Heroku Connect')) {
    bullets.push(`Heroku Connect runs in the region of the app it is attached to ${ctx.cite.ref('connect-same-region-as-app')}.`);
  }
  for (const value of distinct) {
    const kind = COMMON_RUNTIME.includes(value as HerokuRegion) ? 'a Common Runtime region' : 'a Private Space region';
    bullets.push(`${code(value)} is ${kind} ${ctx.cite.ref('heroku-regions')}.`);
  }
  const instance = ctx.design?.salesforce?.instance;
  if (instance) bullets.push(`The Salesforce org's instance is ${code(instance.value)} (${ctx.at(instance.node)}).`);
  if (bullets.length) lines.push('', ...bullets.map((b) => `- ${b}`));
  return lines;
}
