// The questions form. Built once (the questions never change), then updated in place on every
// state, so typing, focus and the screen reader's position survive live updates.
import { el, replace, withCode } from './dom';
import type { AnswerKey, QuestionView, RawAnswer, WalkthroughState } from './protocol';

export type Answer = (key: AnswerKey, value: RawAnswer) => void;

/** Text inputs send their answer after a pause in typing, or at once on Enter or leaving the field. */
const TYPING_PAUSE_MS = 400;

const questionsOf = (state: WalkthroughState): QuestionView[] => state.groups.flatMap((g) => g.questions);

/** What identifies the form's structure: rebuilt only if the questions themselves change. */
export function formSignature(state: WalkthroughState): string {
  return JSON.stringify(state.groups.map((g) => [g.id, g.questions.map((q) => [q.key, q.kind, q.options.map((o) => o.value)])]));
}

export function buildForm(form: HTMLFormElement, state: WalkthroughState, answer: Answer): void {
  replace(form);
  for (const group of state.groups) {
    const fieldset = el('fieldset', { className: 'group', id: `group-${group.id}` }, el('legend', {}, group.legend));
    for (const q of group.questions) fieldset.appendChild(buildQuestion(q, answer));
    form.appendChild(fieldset);
  }
}

const hintId = (q: QuestionView): string => `hint-${q.key}`;
const statusId = (q: QuestionView): string => `status-${q.key}`;
const errorId = (q: QuestionView): string => `error-${q.key}`;

function describedBy(q: QuestionView): string {
  return `${hintId(q)} ${statusId(q)} ${errorId(q)}`;
}

/** The hint (the key and the schema's description), the pending note and the error. */
function notes(q: QuestionView): HTMLElement[] {
  return [
    el('p', { className: 'hint', id: hintId(q) }, el('code', {}, q.yamlPath), ' ', ...withCode(q.hint)),
    el('p', { className: 'status', id: statusId(q) }),
    el('p', { className: 'error', id: errorId(q) }),
  ];
}

function buildQuestion(q: QuestionView, answer: Answer): HTMLElement {
  switch (q.kind) {
    case 'yes-no': {
      const name = `q-${q.key}`;
      const option = (value: 'yes' | 'no', text: string) => {
        const input = el('input', { id: `${name}-${value}`, attrs: { type: 'radio', name, value } });
        input.addEventListener('change', () => { if (input.checked) answer(q.key, value === 'yes'); });
        return el('label', { className: 'choice', attrs: { for: input.id } }, input, ' ', text);
      };
      return el('fieldset', { className: 'question yes-no', id: `question-${q.key}`, attrs: { 'aria-describedby': describedBy(q) } },
        el('legend', {}, q.label),
        el('div', { className: 'choices' }, option('yes', 'Yes'), option('no', 'No')),
        ...notes(q));
    }
    case 'callers': {
      const inputs: HTMLInputElement[] = [];
      const boxes = q.options.map((o) => {
        const input = el('input', { id: `q-${q.key}-${o.value}`, attrs: { type: 'checkbox', name: `q-${q.key}`, value: o.value } });
        inputs.push(input);
        input.addEventListener('change', () => answer(q.key, inputs.filter((i) => i.checked).map((i) => i.value)));
        return el('label', { className: 'choice', attrs: { for: input.id } }, input, ' ', el('code', {}, o.value), o.description ? ` ${o.description}` : '');
      });
      return el('fieldset', { className: 'question callers', id: `question-${q.key}`, attrs: { 'aria-describedby': describedBy(q) } },
        el('legend', {}, q.label),
        el('div', { className: 'choices' }, ...boxes),
        ...notes(q));
    }
    case 'choice': {
      const select = el('select', { id: `q-${q.key}`, attrs: { 'aria-describedby': describedBy(q) } },
        el('option', { attrs: { value: '', disabled: '' } }, 'Not stated'),
        ...q.options.map((o) => el('option', { attrs: { value: o.value } }, o.description ? `${o.value}: ${o.description}` : o.value)));
      select.addEventListener('change', () => { if (select.value) answer(q.key, select.value); });
      return el('div', { className: 'question', id: `question-${q.key}` },
        el('label', { attrs: { for: select.id } }, q.label), select, ...notes(q));
    }
    case 'duration':
    case 'count': {
      const input = el('input', {
        id: `q-${q.key}`,
        attrs: {
          type: 'text', autocomplete: 'off', spellcheck: 'false', inputmode: q.kind === 'count' ? 'numeric' : 'text',
          placeholder: q.example ? `e.g. ${q.example}` : undefined, 'aria-describedby': describedBy(q),
        },
      });
      let timer: ReturnType<typeof setTimeout> | undefined;
      let sent: string | undefined;
      const send = (): void => {
        if (timer) clearTimeout(timer);
        timer = undefined;
        if (input.value === sent) return;
        sent = input.value;
        answer(q.key, input.value);
      };
      input.addEventListener('input', () => {
        if (timer) clearTimeout(timer);
        timer = setTimeout(send, TYPING_PAUSE_MS);
      });
      input.addEventListener('change', send);
      input.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); send(); } });
      input.addEventListener('focus', () => { sent = input.value; });
      return el('div', { className: 'question', id: `question-${q.key}` },
        el('label', { attrs: { for: input.id } }, q.label), input, ...notes(q));
    }
  }
}

/** Puts the state's answers into the controls; never overwrites the field being typed in. */
export function updateForm(state: WalkthroughState): void {
  for (const q of questionsOf(state)) {
    const status = document.getElementById(statusId(q));
    const error = document.getElementById(errorId(q));
    if (status) replace(status, ...pendingNote(q));
    if (error) replace(error, ...(q.error ? withCode(`Not a valid answer: ${q.error}.`) : []));
    const invalid = q.error ? 'true' : 'false';
    switch (q.kind) {
      case 'yes-no':
        for (const v of ['yes', 'no'] as const) {
          const input = document.getElementById(`q-${q.key}-${v}`) as HTMLInputElement | null;
          if (input) input.checked = q.value === (v === 'yes');
        }
        break;
      case 'callers': {
        const chosen = Array.isArray(q.value) ? q.value : [];
        for (const o of q.options) {
          const input = document.getElementById(`q-${q.key}-${o.value}`) as HTMLInputElement | null;
          if (input) input.checked = chosen.includes(o.value);
        }
        break;
      }
      case 'choice': {
        const select = document.getElementById(`q-${q.key}`) as HTMLSelectElement | null;
        if (select) select.value = typeof q.value === 'string' ? q.value : '';
        break;
      }
      default: {
        const input = document.getElementById(`q-${q.key}`) as HTMLInputElement | null;
        if (!input) break;
        input.setAttribute('aria-invalid', invalid);
        if (document.activeElement !== input) input.value = q.draft ?? (typeof q.value === 'string' ? q.value : '');
      }
    }
    document.getElementById(`question-${q.key}`)?.classList.toggle('pending', q.pending);
  }
}

function pendingNote(q: QuestionView): (string | HTMLElement)[] {
  if (!q.pending) return [];
  const file = q.fileValue === null ? 'the file does not state it' : `the file says ${display(q.fileValue)}`;
  return [el('span', { className: 'badge badge-pending' }, 'Changed here'), ` Not in the file yet: ${file}.`];
}

function display(value: QuestionView['value']): string {
  if (value === true) return 'yes';
  if (value === false) return 'no';
  if (Array.isArray(value)) return value.length ? value.join(', ') : 'nothing';
  return String(value);
}
