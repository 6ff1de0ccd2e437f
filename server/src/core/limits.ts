/**
 * Limits of this tool itself (not of Heroku or Salesforce): they keep a hostile or huge
 * document from hanging or exhausting the process.
 */
export const TOOL_LIMITS = {
  /** Larger documents get one "too large to validate" finding. */
  maxDocumentChars: 4 * 1024 * 1024,
  /** Deeper nesting is not walked. The format itself is at most 6 levels deep. */
  maxDepth: 64,
  /** Nodes visited through aliases before expansion stops ("billion laughs"). */
  maxAliasExpansion: 10_000,
} as const;
