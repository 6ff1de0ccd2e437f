// Preloaded into a CLI process by the fuzz suite (node --require): on exit, writes the
// process's peak resident memory (kB) to $FUZZ_PEAK_RSS_FILE. The CLI itself is unchanged.
'use strict';
const { writeFileSync } = require('node:fs');
process.on('exit', () => {
  if (process.env.FUZZ_PEAK_RSS_FILE) writeFileSync(process.env.FUZZ_PEAK_RSS_FILE, String(process.resourceUsage().maxRSS));
});
