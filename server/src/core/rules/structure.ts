import { SYNTAX_RULE_IDS } from '../model/parse';
import { SCHEMA_RULE_IDS } from '../schema/validate';
import type { Rule } from '../rule';

/**
 * Rules the parser and the schema validator report. They have no check here (the
 * findings come from parsing), but they are rules like any other: documented,
 * suppressible and configurable.
 */
export const STRUCTURE_RULES: readonly Rule[] = [
  { id: SYNTAX_RULE_IDS.syntax, title: 'YAML syntax error', category: 'syntax', defaultSeverity: 'error', facts: [],
    rationale: 'The text is not valid YAML at this point. The rest of the file is still checked where it can be read.' },
  { id: SYNTAX_RULE_IDS.duplicateKey, title: 'Duplicate key', category: 'syntax', defaultSeverity: 'error', facts: [],
    rationale: 'A key appears twice in one mapping; only the first is read, so the second silently does nothing.' },
  { id: SYNTAX_RULE_IDS.multipleDocuments, title: 'More than one YAML document', category: 'syntax', defaultSeverity: 'error', facts: [],
    rationale: 'A design file states one integration; documents after the first `---` are ignored.' },
  { id: SYNTAX_RULE_IDS.tooLarge, title: 'Document too large to validate', category: 'syntax', defaultSeverity: 'error', facts: [],
    rationale: 'Very large files are not parsed, so a pasted dump cannot stall the editor.' },
  { id: SYNTAX_RULE_IDS.aliasLimit, title: 'Alias expansion limit', category: 'syntax', defaultSeverity: 'error', facts: [],
    rationale: 'Aliases that expand to a huge tree ("billion laughs") are cut off so they cannot exhaust memory.' },
  { id: SYNTAX_RULE_IDS.tooDeep, title: 'Nesting too deep', category: 'syntax', defaultSeverity: 'error', facts: [],
    rationale: 'The format is a few levels deep; deeper nesting is not read.' },
  { id: SYNTAX_RULE_IDS.complexKey, title: 'Unsupported key', category: 'syntax', defaultSeverity: 'error', facts: [],
    rationale: 'Keys must be plain words; complex (mapping or list) keys are not part of the format.' },
  { id: SCHEMA_RULE_IDS.unknownKey, title: 'Unknown key', category: 'schema', defaultSeverity: 'error', facts: [], fix: 'Rename the key to the closest known key.',
    rationale: 'A misspelt key is ignored, so the setting it was meant to state is silently missing.' },
  { id: SCHEMA_RULE_IDS.missingRequired, title: 'Missing required key', category: 'schema', defaultSeverity: 'error', facts: [],
    rationale: 'Every design states its format version, a name and at least the paths section; a mapping names its object.' },
  { id: SCHEMA_RULE_IDS.wrongType, title: 'Wrong type of value', category: 'schema', defaultSeverity: 'error', facts: [], fix: 'Change yes/no/on/off to true/false.',
    rationale: 'The value is not of the kind the key takes (text, number, true/false, list or mapping), so it is not read.' },
  { id: SCHEMA_RULE_IDS.invalidValue, title: 'Value not allowed', category: 'schema', defaultSeverity: 'error', facts: [], fix: 'Change the value to the closest allowed one.',
    rationale: 'The key takes one of a fixed set of values; anything else is not read.' },
  { id: SCHEMA_RULE_IDS.invalidDuration, title: 'Malformed duration', category: 'schema', defaultSeverity: 'error', facts: [],
    rationale: 'Durations carry their unit (`30s`, `10m`, `72h`, `31d`) so a bare number is never misread as seconds or minutes.' },
  { id: SCHEMA_RULE_IDS.invalidNumber, title: 'Malformed number', category: 'schema', defaultSeverity: 'error', facts: [],
    rationale: 'Counts are whole numbers; `_` may group thousands (`1_200_000`). Suffixes and misplaced separators are ambiguous.' },
];
