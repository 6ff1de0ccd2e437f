import { fact, factValue, formatFactValue } from '../knowledge/facts';
import { formatCount } from '../format/quantities';
import { connectRowTotal } from '../usage/connectRows';
import { fix, replaceValue } from './edits';
import type { Rule } from './rule';

export const CONNECT_RULES: readonly Rule[] = [
  {
    id: 'connect-demo-row-limit',
    title: 'Demo plan row cap exceeded',
    category: 'connect',
    defaultSeverity: 'error',
    rationale: 'The demo plan syncs a fixed number of rows counted across all mappings. Past it, sync stops (the connection goes to TOO_MANY_ROWS) and nothing in the app says so.',
    facts: ['connect-demo-max-rows', 'connect-too-many-rows-state'],
    fix: 'Change the plan to enterprise (rows per contract).',
    check({ design, model, report }) {
      const connect = design.paths?.heroku_connect;
      const plan = connect?.plan;
      if (plan?.value !== 'demo') return;
      const rows = connectRowTotal(design, connect);
      const cap = factValue('connect-demo-max-rows');
      if (!rows || rows.total <= cap) return;
      report({
        range: plan.node.range,
        message: `The demo plan syncs at most ${formatFactValue(fact('connect-demo-max-rows'))} across all mappings; this design ${rows.from === 'mappings' ? 'maps' : 'states'} ${formatCount(rows.total)}. Sync stops at the cap (TOO_MANY_ROWS). Use a paid plan for this volume.`,
        related: rows.nodes.map((node) => ({ range: node.range, message: `${formatCount(Number(node.kind === 'scalar' ? String(node.value).replace(/_/g, '') : 0))} rows counted here` })),
        fix: fix('Change the plan to enterprise', replaceValue(model, plan.node, 'enterprise')),
      });
    },
  },
];
