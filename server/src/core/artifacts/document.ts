import type { Finding } from '../findings';
import type { ArtifactContext } from './context';
import { artifactKindInfo, type ArtifactKind } from './kinds';
import { code, gfmInlineText, plural } from './markdown';

/**
 * Puts a generated document together: title, the errors banner, the sections, the
 * sources. Sections are rendered before the sources, so every citation is numbered.
 */
export function assembleDocument(kind: ArtifactKind, ctx: ArtifactContext, sections: readonly string[]): string {
  const parts = [`# ${artifactKindInfo(kind).title}: ${gfmInlineText(ctx.name)}`];
  const banner = errorsBanner(ctx);
  if (banner) parts.push(banner);
  parts.push(...sections.filter((s) => s.trim() !== ''));
  const { text, sources } = ctx.cite.finalize(parts.join('\n\n'));
  return `${sources ? `${text}\n\n${sources}` : text}\n`;
}

/** The warning block at the top of a document generated from a design with errors. */
export function errorsBanner(ctx: ArtifactContext): string {
  const errors = ctx.errors;
  if (errors.length === 0) return '';
  const lines = [
    `> **⚠ This design has ${plural(errors.length, 'error')}.** This document was generated anyway, so parts of it may be missing or wrong. Fix ${errors.length === 1 ? 'it' : 'them'} in ${code(ctx.designFileName)} and generate again:`,
    '>',
    ...errors.map((f) => `> - ${findingLine(ctx, f)}`),
  ];
  if (!ctx.design) {
    lines.push('>', '> The design could not be read at all, so the sections below have nothing to go on.');
  }
  return lines.join('\n');
}

/** "Line 12, `rule-id`: message". */
export function findingLine(ctx: ArtifactContext, f: Finding): string {
  return `Line ${ctx.line(f.range)}, ${code(f.ruleId)}: ${gfmInlineText(f.message)}`;
}
