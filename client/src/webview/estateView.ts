// The estate the design takes part in: its org, the org's other designs, the org-wide limits and
// the findings that compare the designs. Hidden for a design that names no org.
import { el, replace, srOnly, withCode } from './dom';
import type { EstateAllocationView, EstateView, WalkthroughState } from './protocol';

export interface EstateActions {
  revealLine(line: number): void;
}

export function renderEstate(section: HTMLElement, container: HTMLElement, state: WalkthroughState, actions: EstateActions): void {
  const estate = state.estate;
  section.hidden = !estate;
  if (!estate) {
    replace(container);
    return;
  }
  const others = estate.designs.filter((d) => !d.self).length;
  replace(container,
    el('p', {}, 'This design names org ', el('code', {}, estate.org),
      estate.orgFile ? ` (${estate.orgName ? `${estate.orgName}, ` : ''}described in ` : ' (no org file describes it', estate.orgFile ? el('code', {}, estate.orgFile) : null, '). ',
      others === 0 ? 'No other design of the workspace names it.' : `${others} other design${others === 1 ? '' : 's'} of the workspace name${others === 1 ? 's' : ''} it: the org's integration users and daily allocations are shared, and checked together.`),
    designsTable(estate),
    estate.leftOut.length ? el('p', { className: 'notice' }, 'Left out (cannot be read): ', ...estate.leftOut.flatMap((d, i) => [i ? '; ' : '', el('code', {}, d.location), ` (${d.reason})`])) : null,
    el('h3', {}, 'Shared limits'),
    ...allocations(estate),
    el('h3', {}, 'Findings across the designs'),
    estate.findings.length
      ? el('ul', { id: 'estate-findings' }, ...estate.findings.map((f, i) => {
        const button = el('button', { className: 'link', id: `estate-finding-${i}`, attrs: { type: 'button' } }, `Line ${f.line}`, srOnly(`: show ${f.ruleId} in the editor`));
        button.addEventListener('click', () => actions.revealLine(f.line));
        return el('li', { className: `severity-${f.severity}` }, el('span', { className: `badge badge-${f.severity}` }, f.severity), ' ', ...withCode(f.message), ' ', button);
      }))
      : el('p', { id: 'estate-findings' }, 'The checks that compare the designs of the org report nothing on this one.'));
}

/**
 * The allocations the design shares with the org's other designs: those the designs reach the risk
 * threshold of together in a table with each design's share, the others in one line.
 */
function allocations(estate: EstateView): HTMLElement[] {
  if (estate.allocations.length === 0) return [el('p', { id: 'estate-allocations' }, 'None measured: the designs of the org state no amount counted against the allocations they share.')];
  const risky = estate.allocations.filter((a) => a.atRisk);
  // Below the threshold, only what this design adds to: the rest is the org's business, in the estate register.
  const below = estate.allocations.filter((a) => !a.atRisk && a.shares.some((d) => d.self));
  const named = (a: EstateAllocationView) => `${a.label}${a.addOn ? ` (${a.addOn})` : ''}`;
  const out: (HTMLElement | null)[] = [
    risky.length === 0
      ? el('p', { id: 'estate-allocations' }, 'None at the risk threshold: the designs\' sums stay below it, or the figure is unknown.')
      : el('div', { className: 'table-scroll', attrs: { tabindex: '0', role: 'region', 'aria-label': 'Shared limits at risk' } }, el('table', { id: 'estate-allocations' },
        el('caption', {}, 'Shared limits the designs come close to together'),
        el('thead', {}, el('tr', {}, ...['Limit', 'All designs', 'The figure', 'Used', 'Share of each design'].map((h) => el('th', { attrs: { scope: 'col' } }, h)))),
        el('tbody', {}, ...risky.map((a) => el('tr', { className: a.exceeded ? 'severity-error' : 'severity-warning' },
          el('th', { attrs: { scope: 'row' } }, named(a)),
          el('td', {}, a.total),
          el('td', {}, a.limit ? `${a.limit} ${a.unit} (${a.limitSource ?? ''})` : 'unknown'),
          el('td', {}, a.exceeded ? `${a.used}, exceeded` : a.used ?? ''),
          el('td', {}, el('ul', { className: 'shares' }, ...a.shares.map((d) => el('li', {},
            d.self ? el('strong', {}, 'this design') : el('code', {}, d.location),
            ` line ${d.line}: ${d.amount}${d.percent ? ` (${d.percent})` : ''}`))))))))),
    below.length
      ? el('p', { id: 'estate-allocations-below' }, 'Also summed, below the threshold: ', below.map((a) => `${named(a)}: this design ${a.thisDesign}, all designs ${a.total}${a.limit ? ` of ${a.limit} (${a.used})` : ` (${a.limitSource ?? 'the figure is unknown'})`}`).join('; '), '.')
      : null,
  ];
  return out.filter((e): e is HTMLElement => e !== null);
}

function designsTable(estate: EstateView): HTMLElement {
  return el('div', { className: 'table-scroll', attrs: { tabindex: '0', role: 'region', 'aria-label': `Designs of org ${estate.org}` } }, el('table', { id: 'estate-designs' },
    el('caption', {}, `Designs of org ${estate.org}`),
    el('thead', {}, el('tr', {},
      el('th', { attrs: { scope: 'col' } }, 'Design'),
      el('th', { attrs: { scope: 'col' } }, 'File'),
      el('th', { attrs: { scope: 'col' } }, 'Paths'),
      el('th', { attrs: { scope: 'col' } }, 'Integration users'))),
    el('tbody', {}, ...estate.designs.map((d) => el('tr', { attrs: { 'aria-current': d.self ? 'true' : undefined } },
      el('th', { attrs: { scope: 'row' } }, d.name, d.self ? ' (this design)' : ''),
      el('td', {}, el('code', {}, d.location)),
      el('td', {}, d.paths.join(', ') || 'none'),
      el('td', {}, ...d.usernames.flatMap((u, i) => [i ? ', ' : '', el('code', {}, u)])))))));
}
