/** `‸` marks the cursor in editing tests; returns the text without it and the offset. */
export function withCursor(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf('‸');
  if (offset < 0) throw new Error('no ‸ cursor marker in the test document');
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), offset };
}
