import type { DecisionInput } from '../decision/types';
import { isAnswerKey, type AnswerKey } from '../vocabulary';
import { enumValues, schemaAt } from '../schema/schema';

/**
 * The walkthrough's questions, as data. Each one is an answer the decision table reads
 * (a `DecisionInput` key) and the YAML key that states it; the schema supplies the hint
 * text and the allowed values, so key docs live in one place.
 */
export type { AnswerKey };
export { isAnswerKey };

// The vocabulary's answer keys are exactly the decision table's inputs.
type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const ANSWER_KEYS_ARE_DECISION_INPUTS: SameKeys<AnswerKey, keyof DecisionInput> = true;
void ANSWER_KEYS_ARE_DECISION_INPUTS;

export type QuestionKind = 'choice' | 'yes-no' | 'duration' | 'count' | 'callers';

export type QuestionGroupId = 'environment' | 'data' | 'freshness' | 'calls' | 'reactions' | 'boundaries';

export interface Question {
  readonly key: AnswerKey;
  /** Where the answer lives in integration.yaml. */
  readonly yamlPath: readonly string[];
  readonly group: QuestionGroupId;
  /** The question as the panel asks it. */
  readonly label: string;
  readonly kind: QuestionKind;
  /** An example answer for text inputs. */
  readonly example?: string;
}

export interface QuestionGroup {
  readonly id: QuestionGroupId;
  readonly legend: string;
}

export const QUESTION_GROUPS: readonly QuestionGroup[] = [
  { id: 'environment', legend: 'What the design is for' },
  { id: 'data', legend: 'Direction and data' },
  { id: 'freshness', legend: 'Lag and volume' },
  { id: 'calls', legend: 'Who reads and calls whom' },
  { id: 'reactions', legend: 'Reacting to changes and occasional access' },
  { id: 'boundaries', legend: 'UI, orgs and regulated data' },
];

/** In schema order within each YAML section, so inserted keys land where the schema lists them. */
export const QUESTIONS: readonly Question[] = [
  { key: 'environment', yamlPath: ['environment'], group: 'environment', label: 'Which environment is this design for?', kind: 'choice' },
  { key: 'direction', yamlPath: ['requirements', 'direction'], group: 'data', label: 'Which way does data flow?', kind: 'choice' },
  { key: 'sourceOfTruth', yamlPath: ['requirements', 'source_of_truth'], group: 'data', label: 'Where does the source of truth live?', kind: 'choice' },
  { key: 'herokuNeedsLocalCopy', yamlPath: ['requirements', 'heroku_needs_local_copy'], group: 'data', label: 'Does the Heroku app need a local Postgres copy of Salesforce data?', kind: 'yes-no' },
  { key: 'acceptableLag', yamlPath: ['requirements', 'acceptable_lag'], group: 'freshness', label: 'How much lag is acceptable?', kind: 'duration', example: '10m' },
  { key: 'rows', yamlPath: ['requirements', 'volume', 'rows'], group: 'freshness', label: 'How many rows, across all objects?', kind: 'count', example: '1_200_000' },
  { key: 'eventsPerDay', yamlPath: ['requirements', 'volume', 'events_per_day'], group: 'freshness', label: 'How many events or change notifications a day?', kind: 'count', example: '20_000' },
  { key: 'salesforceUsersViewHerokuData', yamlPath: ['requirements', 'salesforce_users_view_heroku_data'], group: 'calls', label: 'Do Salesforce users read Heroku data in place, without copying it?', kind: 'yes-no' },
  { key: 'callers', yamlPath: ['requirements', 'salesforce_calls_heroku', 'from'], group: 'calls', label: 'What in Salesforce calls logic hosted on Heroku?', kind: 'callers' },
  { key: 'synchronousCalls', yamlPath: ['requirements', 'salesforce_calls_heroku', 'synchronous'], group: 'calls', label: 'Do those callers wait for the answer (synchronous calls)?', kind: 'yes-no' },
  { key: 'herokuReactsToSalesforceChanges', yamlPath: ['requirements', 'heroku_reacts_to_salesforce_changes'], group: 'reactions', label: 'Must Heroku react to Salesforce record changes within seconds?', kind: 'yes-no' },
  { key: 'herokuNeedsOccasionalSalesforceData', yamlPath: ['requirements', 'heroku_needs_occasional_salesforce_data'], group: 'reactions', label: 'Does Heroku only need Salesforce data now and then?', kind: 'yes-no' },
  { key: 'uiEmbeddedInSalesforce', yamlPath: ['requirements', 'ui_embedded_in_salesforce'], group: 'boundaries', label: 'Do end users see a Heroku UI inside Salesforce?', kind: 'yes-no' },
  { key: 'crossOrgPassthrough', yamlPath: ['requirements', 'cross_org_passthrough'], group: 'boundaries', label: 'Does Heroku only relay data between Salesforce orgs?', kind: 'yes-no' },
  { key: 'regulatedData', yamlPath: ['requirements', 'regulated_data'], group: 'boundaries', label: 'Is the data regulated (for example PHI)?', kind: 'yes-no' },
];

export const QUESTIONS_BY_KEY: ReadonlyMap<AnswerKey, Question> = new Map(QUESTIONS.map((q) => [q.key, q]));

export interface ChoiceOption {
  readonly value: string;
  readonly description?: string;
}

/** The schema's description of the key: the hint under the question. */
export function questionHint(question: Question): string {
  return schemaAt(question.yamlPath)?.description ?? '';
}

/** Allowed values (choice and callers questions), with the schema's enumDescriptions. */
export function questionOptions(question: Question): readonly ChoiceOption[] {
  if (question.kind !== 'choice' && question.kind !== 'callers') return [];
  const node = schemaAt(question.kind === 'callers' ? [...question.yamlPath, 0] : question.yamlPath);
  if (!node) return [];
  const values = enumValues(node) ?? [];
  const descriptions = node.enumDescriptions ?? [];
  return values.map((value, i) => ({ value: String(value), description: descriptions[i] }));
}
