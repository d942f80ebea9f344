// Preloaded into a measured node child when GNU time is missing: reports the
// process's peak resident memory (kB) at exit into $BENCH_RSS_FILE.
'use strict';
process.on('exit', () => {
  require('node:fs').writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS));
});
