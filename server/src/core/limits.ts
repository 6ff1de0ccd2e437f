/**
 * Limits of this tool itself (not of Heroku or Salesforce): they keep a hostile or huge
 * document from hanging or exhausting the process. docs/reliability.md gives the figures
 * they were chosen from (test/fuzz measures them).
 */
export const TOOL_LIMITS = {
  /**
   * Larger documents get one "too large to validate" finding. A real design is a few
   * hundred lines (under 50 KB); at 1 MiB the worst input the fuzz suite knows (a line of
   * stray quotes, one YAML error per character pair) still parses in seconds, while at
   * 4 MiB the yaml parser took over 30 s and 1.2 GB on it.
   */
  maxDocumentChars: 1024 * 1024,
  /** Deeper nesting is not walked. The format itself is at most 6 levels deep. */
  maxDepth: 64,
  /** Nodes visited through aliases before expansion stops ("billion laughs"). */
  maxAliasExpansion: 10_000,
  /**
   * Findings listed per rule and document; the last one listed says how many more there
   * are. A broken or pasted file can otherwise yield hundreds of thousands of findings
   * (one per stray quote), which nobody reads and which stall an editor's problem list.
   */
  maxFindingsPerRule: 100,
  /**
   * Longer messages lose their middle (a message quotes the value it is about, and a value
   * can be a 1 MB line); the start says what is wrong and the end what to do.
   */
  maxMessageChars: 1_000,
} as const;
