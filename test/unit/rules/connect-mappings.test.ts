import { ruleCases } from '../../helpers/ruleCases';

// Rules on the objects Heroku Connect maps.
const header = 'version: 1\nname: Orders\nenvironment: proof-of-concept\n';
const paid = 'paths:\n  heroku_connect:\n    plan: enterprise\n    contracted_rows: 10_000_000\n    mappings:\n';

/** `count` accelerated mappings; the one at `markIndex` (0-based) gets ⟦⟧ around its `true`. */
function accelerated(count: number, markIndex?: number): string {
  let out = '';
  for (let i = 0; i < count; i++) {
    out += `      - object: Object${i + 1}__c\n        accelerated_polling: ${i === markIndex ? '⟦true⟧' : 'true'}\n`;
  }
  return out;
}

ruleCases('connect-unmappable-object', [
  {
    name: 'KnowledgeArticleVersion and a __kav object',
    doc: `${header}${paid}      - object: ⟦KnowledgeArticleVersion⟧\n      - object: Account\n      - object: ⟦FAQ__kav⟧\n`,
    messages: [/cannot map KnowledgeArticleVersion: KnowledgeArticleVersion and \*__kav objects cannot be mapped/, 'cannot map FAQ__kav'],
  },
  { name: 'API names are case-insensitive', doc: `${header}${paid}      - object: ⟦faq__KAV⟧\n`, messages: ['cannot map faq__KAV'] },
  { name: 'ordinary objects', doc: `${header}${paid}      - object: Account\n      - object: Knowledge__c\n      - object: kav__c\n` },
]);

ruleCases('connect-backlog-object', [
  {
    name: 'LeadHistory and Attachment over the backlog limit',
    doc: `${header}${paid}      - object: LeadHistory\n        rows: ⟦25_000⟧\n      - object: Attachment\n        rows: ⟦1_000_000⟧\n`,
    messages: [
      /LeadHistory does not support Bulk API paging, so Connect cannot retrieve it when more than 20,000 records of changes are waiting to sync; this mapping states 25,000 rows/,
      /Base64 field.*more than 20,000 records.*states 1,000,000 rows/,
    ],
    related: 1,
  },
  { name: 'exactly at the limit', doc: `${header}${paid}      - object: LeadHistory\n        rows: 20_000\n` },
  { name: 'other objects with many rows', doc: `${header}${paid}      - object: Account\n        rows: 5_000_000\n` },
  { name: 'rows not stated', doc: `${header}${paid}      - object: Attachment\n` },
]);

ruleCases('connect-pushtopic-limit', [
  {
    name: 'edition not stated: Enterprise assumed, reported at the first mapping past the allocation',
    doc: `${header}${paid}${accelerated(51, 50)}`,
    messages: [/^51 mappings use accelerated polling.*Enterprise Edition orgs have at most 50 PushTopics \(salesforce.edition is not stated, so Enterprise Edition is assumed\).*the Object51__c mapping is the first past the allocation \(an inference: no official page says accelerated mappings count against it\)\..*\(Rule of thumb: no official Heroku or Salesforce source confirms this\.\)$/],
    related: 0,
  },
  {
    name: 'Developer Edition has the smaller allocation',
    doc: `${header}salesforce:\n  edition: developer\n${paid}${accelerated(41, 40)}`,
    messages: [/Developer Edition orgs have at most 40 PushTopics, shared/],
    related: 1,
  },
  { name: 'Enterprise exactly at the allocation', doc: `${header}salesforce:\n  edition: enterprise\n${paid}${accelerated(50)}` },
  { name: 'Unlimited Edition has more', doc: `${header}salesforce:\n  edition: unlimited\n${paid}${accelerated(60)}` },
  { name: 'mappings without accelerated polling do not count', doc: `${header}salesforce:\n  edition: developer\n${paid}${accelerated(40)}      - object: Account\n        accelerated_polling: false\n      - object: Contact\n` },
]);
