// The decision walkthrough page. It renders the state the extension host sends and sends back
// the user's answers and Apply; it computes nothing itself and trusts no string it renders.
import { el, replace } from './dom';
import { buildForm, formSignature, updateForm } from './questionsView';
import { renderDiagram, renderGauges } from './pictureView';
import { renderApply, renderRecommendation, renderSteps, renderTable, type ResultActions } from './resultsView';
import { renderEstate } from './estateView';
import type { HostMessage, PathKey, PersistedState, WalkthroughState, WebviewMessage } from './protocol';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): PersistedState | undefined;
  setState(state: PersistedState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const post = (message: WebviewMessage): void => vscode.postMessage(message);

const app = document.getElementById('app')!;
const offerChoices = new Map<PathKey, boolean>();
let signature = '';

const actions: ResultActions = {
  openSource: (factId) => post({ type: 'openSource', factId }),
  revealLine: (line) => post({ type: 'revealLine', line }),
  revealPath: (path) => post({ type: 'revealPath', path }),
  offerChoice: (path) => offerChoices.get(path),
  setOfferChoice: (path, checked) => offerChoices.set(path, checked),
};

/** The page's fixed structure, in reading and tab order. */
function buildPage(): void {
  const applyButton = el('button', { id: 'apply', attrs: { type: 'button' } }, 'Apply to file');
  applyButton.addEventListener('click', () => {
    const addPaths = Array.from(document.querySelectorAll<HTMLInputElement>('input[name="offer"]:checked'), (i) => i.value as PathKey);
    post({ type: 'apply', addPaths });
  });
  const discardButton = el('button', { id: 'discard', className: 'secondary', attrs: { type: 'button' } }, 'Discard panel answers');
  discardButton.addEventListener('click', () => post({ type: 'discard' }));

  replace(app,
    el('header', {},
      el('h1', { id: 'title' }),
      el('p', { className: 'file', id: 'file' }),
      el('div', { id: 'problems' })),
    el('section', { id: 'statement-section', attrs: { 'aria-labelledby': 'statement-heading' } },
      el('h2', { id: 'statement-heading' }, 'The integration in one sentence'),
      el('p', { id: 'statement', className: 'statement' })),
    el('section', { id: 'picture-section', attrs: { 'aria-labelledby': 'picture-heading' } },
      el('h2', { id: 'picture-heading' }, 'The design at a glance'),
      el('p', { className: 'hint' }, 'Drawn from the file as the editor has it (answers given here show once applied). Each marker is a finding: select it to see its line.'),
      el('div', { id: 'diagram', className: 'diagram' }),
      el('div', { id: 'diagram-text' }),
      el('h3', { id: 'gauges-heading' }, 'Limits the design reaches'),
      el('div', { id: 'gauges', attrs: { role: 'group', 'aria-labelledby': 'gauges-heading' } })),
    el('section', { id: 'questions-section', attrs: { 'aria-labelledby': 'questions-heading' } },
      el('h2', { id: 'questions-heading' }, 'Questions'),
      el('p', { className: 'hint' }, 'Answers start from the file\'s requirements. Change them here or in the editor: both stay in step.'),
      el('form', { id: 'answers', attrs: { 'aria-labelledby': 'questions-heading' } })),
    el('section', { id: 'recommendation-section', attrs: { 'aria-labelledby': 'recommendation-heading' } },
      el('h2', { id: 'recommendation-heading' }, 'Recommendation'),
      el('p', { id: 'recommendation', className: 'recommendation', attrs: { role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' } }),
      el('div', { id: 'recommendation-details' }),
      el('div', { id: 'apply-area', className: 'apply-area' }),
      el('div', { className: 'buttons' }, applyButton, discardButton),
      el('p', { id: 'notice', className: 'notice-line', attrs: { role: 'status', 'aria-live': 'polite' } })),
    el('section', { id: 'table-section', attrs: { 'aria-labelledby': 'table-heading' } },
      el('h2', { id: 'table-heading' }, 'The decision table'),
      el('div', { className: 'table-scroll', attrs: { tabindex: '0', role: 'region', 'aria-labelledby': 'table-heading' } }, el('table', { id: 'decision-table' }))),
    el('section', { id: 'steps-section', attrs: { 'aria-labelledby': 'steps-heading' } },
      el('h2', { id: 'steps-heading' }, 'Next: plan tier, integration user, regions'),
      el('div', { id: 'steps' })),
    el('section', { id: 'estate-section', attrs: { 'aria-labelledby': 'estate-heading', hidden: '' } },
      el('h2', { id: 'estate-heading' }, 'The org\'s estate'),
      el('div', { id: 'estate' })));
  app.setAttribute('aria-busy', 'false');
}

function byId<T extends HTMLElement>(id: string): T {
  return document.getElementById(id) as T;
}

function render(state: WalkthroughState): void {
  if (!document.getElementById('answers')) buildPage();
  const focusedId = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement.id : '';

  byId('title').textContent = `Decision: ${state.name}`;
  byId('file').textContent = `File: ${state.documentLabel}`;
  replace(byId('problems'), ...state.problems.map((p) => el('p', { className: 'notice notice-error', attrs: { role: 'alert' } }, p)));
  byId('statement').textContent = state.statement;
  renderDiagram(byId('diagram'), byId('diagram-text'), state, actions);
  renderGauges(byId('gauges'), state, actions);

  const form = byId<HTMLFormElement>('answers');
  const nextSignature = formSignature(state);
  if (nextSignature !== signature) {
    buildForm(form, state, (key, value) => post({ type: 'answer', key, value }));
    signature = nextSignature;
  }
  updateForm(state);

  renderRecommendation(byId('recommendation-details'), byId('recommendation'), state, actions);
  renderApply(byId('apply-area'), state, actions);
  byId<HTMLButtonElement>('apply').disabled = !state.apply.canApply;
  byId<HTMLButtonElement>('discard').disabled = !state.groups.some((g) => g.questions.some((q) => q.pending || q.error));
  const notice = byId('notice');
  notice.className = `notice-line${state.notice ? ` notice-${state.notice.kind}` : ''}`;
  if (notice.textContent !== (state.notice?.text ?? '')) notice.textContent = state.notice?.text ?? '';
  renderTable(byId<HTMLTableElement>('decision-table'), state);
  renderSteps(byId('steps'), state, actions);
  renderEstate(byId('estate-section'), byId('estate'), state, actions);

  // Rebuilt parts lose focus: put it back on the element with the same id.
  if (focusedId && document.activeElement?.id !== focusedId) document.getElementById(focusedId)?.focus();
}

function showUnavailable(message: string): void {
  replace(app, el('p', { className: 'notice notice-error', attrs: { role: 'alert' } }, message));
  signature = '';
  app.setAttribute('aria-busy', 'false');
}

function isHostMessage(data: unknown): data is HostMessage {
  if (typeof data !== 'object' || data === null) return false;
  const m = data as { type?: unknown; state?: unknown; message?: unknown };
  return (m.type === 'state' && typeof m.state === 'object' && m.state !== null) || (m.type === 'unavailable' && typeof m.message === 'string');
}

window.addEventListener('message', (event: MessageEvent) => {
  const message = event.data;
  if (!isHostMessage(message)) return;
  if (message.persist) vscode.setState(message.persist);
  if (message.type === 'unavailable') {
    showUnavailable(message.message);
    return;
  }
  render(message.state);
  post({
    type: 'rendered',
    version: message.version,
    title: document.getElementById('title')?.textContent ?? '',
    recommendation: document.getElementById('recommendation')?.textContent ?? '',
    // walkthrough.css hides empty error lines; computed styles show whether it applied.
    styled: getComputedStyle(document.querySelector('.error:empty') ?? document.body).display === 'none',
    diagram: document.querySelector('#diagram svg')?.getAttribute('aria-label') ?? '',
    gauges: document.querySelectorAll('#gauges .gauge').length,
  });
});

post({ type: 'ready' });
