import type { AllocationDefinition, AllocationUse, Contribution, EstateContribution, EstateDesign, SettledFigure } from '../estateModel';
import { ratioOf } from '../measurement';
import { ALLOCATIONS } from './allocations';

/*
 * The designs' contributions summed against the shared allocations. An org-wide allocation is one
 * sum over every design of the org; a per-add-on allocation one sum per add-on (a design that does
 * not name its add-on is its own). Distinct things (PushTopics) one add-on counts in several
 * designs are counted once.
 */

export function allocationUses(designs: readonly EstateDesign[], figures: ReadonlyMap<string, SettledFigure>): AllocationUse[] {
  const out: AllocationUse[] = [];
  for (const definition of ALLOCATIONS) {
    const contributions = designs.flatMap((d) => d.contributions.filter((c) => c.allocation === definition.id).map((c) => ({ ...c, uri: d.uri })));
    if (definition.scope === 'org') {
      out.push(use(definition, contributions, figures));
      continue;
    }
    const groups = new Map<string, (Contribution & { uri: string })[]>();
    for (const c of contributions) {
      const key = c.consumer?.key ?? `${c.uri}#${definition.id}`;
      groups.set(key, [...(groups.get(key) ?? []), c]);
    }
    for (const group of groups.values()) out.push(use(definition, group, figures));
  }
  return out;
}

function use(definition: AllocationDefinition, contributions: readonly (Contribution & { uri: string })[], figures: ReadonlyMap<string, SettledFigure>): AllocationUse {
  const counted = countOnce(contributions);
  const total = counted.reduce((sum, c) => sum + c.counted, 0);
  const stated = definition.key ? figures.get(definition.key) : undefined;
  const base = { definition, addOn: definition.scope === 'add-on' ? contributions[0]?.consumer : undefined, contributions: counted, total };
  if (typeof stated?.value === 'number') return { ...base, limit: { value: stated.value, stated }, ratio: ratioOf(total, stated.value) };
  const byDefault = definition.defaultFor?.({ figures });
  if (byDefault?.value === undefined) return { ...base, missing: byDefault };
  return { ...base, limit: { value: byDefault.value, default: byDefault }, ratio: ratioOf(total, byDefault.value) };
}

/** Each contribution with what the sum counts of it: items one consumer already counted elsewhere count once. */
function countOnce(contributions: readonly (Contribution & { uri: string })[]): EstateContribution[] {
  const seen = new Map<string, string>();
  return contributions.map((c) => {
    if (!c.items || !c.consumer) return { ...c, counted: c.amount };
    let counted = 0;
    let countedWith: string | undefined;
    for (const item of c.items) {
      const key = `${c.consumer.key}\u0000${item}`;
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, c.uri);
        counted++;
      } else if (first !== c.uri) countedWith ??= first;
      // the same item twice in one design counts once too
    }
    return { ...c, counted, countedWith };
  });
}

