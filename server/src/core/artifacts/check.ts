import { designHash, inspectExisting, normalizeText, parseHeader } from './header';

/**
 * How a committed artifact compares with what the design generates now (the CI check):
 * - 'up-to-date': identical (ignoring line-ending style and trailing blank lines);
 * - 'missing': no file;
 * - 'edited': edited by hand since it was generated (or has no generated header);
 * - 'design-changed': generated from another version of the design;
 * - 'generator-changed': same design, but integration-lint now generates something else.
 */
export type ArtifactStatus = 'up-to-date' | 'missing' | 'edited' | 'design-changed' | 'generator-changed';

export function compareArtifact(existing: string | undefined, expected: string, designText: string): ArtifactStatus {
  if (existing === undefined) return 'missing';
  const trim = (t: string) => normalizeText(t).replace(/^\uFEFF/, '').replace(/\s+$/, '');
  if (trim(existing) === trim(expected)) return 'up-to-date';
  if (inspectExisting(existing) !== 'generated') return 'edited';
  return parseHeader(existing)?.designHash === designHash(designText) ? 'generator-changed' : 'design-changed';
}

export function describeStatus(status: ArtifactStatus): string {
  switch (status) {
    case 'up-to-date': return 'up to date';
    case 'missing': return 'missing';
    case 'edited': return 'edited by hand (it no longer matches the hash in its header)';
    case 'design-changed': return 'out of date: the design changed since it was generated';
    case 'generator-changed': return 'out of date: integration-lint now generates different content from the same design';
  }
}
