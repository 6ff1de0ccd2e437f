// The recommendation, the Apply area, the decision table and the next steps. These are
// rebuilt on every state; main.ts puts focus back where it was.
import { el, externalLink, replace, srOnly, withCode } from './dom';
import type { FactView, FindingView, PathKey, StepView, TableRowView, WalkthroughState } from './protocol';

export interface ResultActions {
  openSource(factId: string): void;
  revealLine(line: number): void;
  revealPath(path: PathKey): void;
  /** The user's choice for an offered path, if they changed the default. */
  offerChoice(path: PathKey): boolean | undefined;
  setOfferChoice(path: PathKey, checked: boolean): void;
}

/** The one sentence the live region announces when the recommendation changes. */
export function recommendationSentence(state: WalkthroughState): string {
  const r = state.recommendation;
  if (!r) return 'No recommendation yet: no row of the decision table matches.';
  const plan = r.planTier ? ` (${r.planTier} plan)` : '';
  return `Recommended: ${r.approach}${plan}.`;
}

export function renderRecommendation(container: HTMLElement, live: HTMLElement, state: WalkthroughState, actions: ResultActions): void {
  const sentence = recommendationSentence(state);
  // Only a changed recommendation is announced.
  if (live.textContent !== sentence) live.textContent = sentence;
  const r = state.recommendation;
  const parts: (HTMLElement | null)[] = [];
  if (r) {
    parts.push(
      el('p', { className: 'situation' }, el('span', { className: 'label' }, 'Situation: '), r.situation),
      el('p', {}, el('span', { className: 'label' }, 'Reason: '), r.reason),
      el('p', {}, el('span', { className: 'label' }, 'Why not the alternative: '), r.whyNot),
      r.planTier ? el('p', {}, el('span', { className: 'label' }, 'Plan tier: '), `${r.planTier}. ${r.planReason ?? ''}`) : null,
    );
  } else if (state.noMatch) {
    parts.push(el('p', {}, state.noMatch));
  }
  if (state.additional.length) {
    parts.push(el('div', { className: 'additional' },
      el('p', { className: 'label' }, 'The answers also call for:'),
      el('ul', {}, ...state.additional.map((a) => el('li', {}, el('strong', {}, a.approach), ` for “${a.situation}”: ${a.reason}`)))));
  }
  if (state.conflict) {
    parts.push(el('div', { className: 'notice notice-warning', attrs: { role: 'note' }, id: 'conflict' },
      el('p', {}, el('strong', {}, 'Your design chose another path. '), state.conflict.message),
      el('div', { className: 'buttons' }, ...state.conflict.chosen.map((path) => {
        const button = el('button', { className: 'secondary', id: `reveal-${path}`, attrs: { type: 'button' } }, `Show paths.${path} in the editor`);
        button.addEventListener('click', () => actions.revealPath(path));
        return button;
      }))));
  }
  replace(container, ...parts);
}

export function renderApply(container: HTMLElement, state: WalkthroughState, actions: ResultActions): void {
  const apply = state.apply;
  const changes = apply.changes.length
    ? el('div', { id: 'changes' }, el('p', {}, 'Apply changes these answers in the file:'), el('ul', {}, ...apply.changes.map((c) => el('li', {}, el('code', {}, c)))))
    : el('p', { id: 'changes' }, 'The file already states every answer above.');
  const offers = apply.offers.length
    ? el('fieldset', { id: 'offers', className: 'offers' }, el('legend', {}, 'Paths to add under paths'),
      ...apply.offers.map((o) => {
        const input = el('input', { id: `offer-${o.path}`, attrs: { type: 'checkbox', name: 'offer', value: o.path } });
        input.checked = actions.offerChoice(o.path) ?? o.recommended;
        input.addEventListener('change', () => actions.setOfferChoice(o.path, input.checked));
        return el('label', { className: 'choice', attrs: { for: input.id } }, input, ' ',
          `Add ${o.pathName} `, el('code', {}, `paths.${o.path}`), o.settings ? ` with ${o.settings}` : '', o.recommended ? ' (recommended)' : ' (another need)');
      }))
    : null;
  replace(container,
    el('h3', {}, 'Write it into the file'),
    changes,
    offers,
    el('p', { className: 'hint' }, 'Apply writes everything as one edit: one undo in the editor takes it back. Paths you already have are never changed or removed.'),
    apply.blockedReason && !apply.canApply ? el('p', { className: 'notice', id: 'apply-blocked' }, apply.blockedReason) : null,
  );
}

const OUTCOME_TEXT: Record<TableRowView['outcome'], string> = {
  'decides': 'Decides',
  'also-matches': 'Also matches',
  'superseded': 'Matches, not chosen',
  'no-match': 'No match',
};

export function renderTable(table: HTMLTableElement, state: WalkthroughState): void {
  const head = el('thead', {}, el('tr', {},
    el('th', { attrs: { scope: 'col' } }, '#'),
    el('th', { attrs: { scope: 'col' } }, 'Situation'),
    el('th', { attrs: { scope: 'col' } }, 'Recommended approach'),
    el('th', { attrs: { scope: 'col' } }, 'Outcome for this design')));
  const body = el('tbody', {}, ...state.table.rows.map((row) => el('tr', {
    className: `outcome-${row.outcome}`,
    attrs: { 'data-row': row.id, 'aria-current': row.outcome === 'decides' ? 'true' : undefined },
  },
  el('td', { className: 'number' }, row.number),
  el('th', { attrs: { scope: 'row' } }, row.situation),
  el('td', {}, el('strong', {}, row.approach), el('br'), el('span', { className: 'reason' }, row.reason)),
  el('td', {}, el('span', { className: `badge badge-${row.outcome}` }, OUTCOME_TEXT[row.outcome]), ' ', el('span', { className: 'verdict' }, row.verdict)))));
  replace(table, el('caption', {}, state.table.caption), head, body);
}

export function renderSteps(container: HTMLElement, state: WalkthroughState, actions: ResultActions): void {
  replace(container, ...state.steps.map((step) => renderStep(step, actions)));
}

function renderStep(step: StepView, actions: ResultActions): HTMLElement {
  const headingId = `step-${step.id}-heading`;
  return el('section', { className: 'step', id: `step-${step.id}`, attrs: { 'aria-labelledby': headingId } },
    el('h3', { id: headingId }, step.title),
    ...step.lines.map((line) => el('p', {}, ...withCode(line))),
    step.findings.length ? renderFindings(step, actions) : null,
    step.facts.length ? renderFacts(step, actions) : null);
}

function renderFindings(step: StepView, actions: ResultActions): HTMLElement {
  return el('div', { className: 'findings' },
    el('h4', {}, 'What the linter reports'),
    el('ul', {}, ...step.findings.map((f: FindingView, i) => {
      const button = el('button', { className: 'link', id: `finding-${step.id}-${i}`, attrs: { type: 'button' } }, `Line ${f.line}`, srOnly(`: show ${f.ruleId} in the editor`));
      button.addEventListener('click', () => actions.revealLine(f.line));
      return el('li', { className: `severity-${f.severity}` }, el('span', { className: `badge badge-${f.severity}` }, f.severity), ' ', ...withCode(f.message), ' ', button);
    })));
}

function renderFacts(step: StepView, actions: ResultActions): HTMLElement {
  return el('div', { className: 'table-scroll', attrs: { tabindex: '0', role: 'region', 'aria-label': `Limits that apply: ${step.title}` } }, el('table', { className: 'facts' },
    el('caption', {}, `Limits that apply: ${step.title.toLowerCase()}`),
    el('thead', {}, el('tr', {},
      el('th', { attrs: { scope: 'col' } }, 'Limit'),
      el('th', { attrs: { scope: 'col' } }, 'Value'),
      el('th', { attrs: { scope: 'col' } }, 'What the source says'),
      el('th', { attrs: { scope: 'col' } }, 'Source'))),
    el('tbody', {}, ...step.facts.map((f: FactView) => {
      const link = externalLink(f.sourceUrl, f.sourceTitle, { className: 'source' });
      link.addEventListener('click', (e) => {
        e.preventDefault();
        actions.openSource(f.id);
      });
      return el('tr', { attrs: { 'data-fact': f.id } },
        el('th', { attrs: { scope: 'row' } }, f.title),
        el('td', { className: 'value' }, f.value || '—'),
        el('td', {}, ...withCode(f.statement), f.note ? el('span', { className: 'note' }, ` ${f.note}`) : null),
        el('td', {}, link, el('br'), el('span', { className: f.confirmed ? 'confirmed' : 'unconfirmed' }, f.confirmed ? 'Confirmed' : 'Unconfirmed: rule of thumb'), el('span', { className: 'checked' }, `, checked ${f.checked}`)));
    }))));
}
