// Requires the modules named in argv[2] (a JSON list) and prints, as JSON,
// how long that took (wall and CPU time), every module file now in the CommonJS cache, the
// non-relative modules that files under argv[3] (the library's own folder)
// asked for directly, and the process's memory afterwards.
'use strict';
const Module = require('node:module');
const { builtinModules } = Module;

const targets = JSON.parse(process.argv[2]);
const ownRoot = process.argv[3] || '\0';
const direct = new Set();
const load = Module._load;
Module._load = function (request, parent, isMain) {
  if (parent && parent.filename && parent.filename.startsWith(ownRoot) && !request.startsWith('.') && !request.startsWith('/')) {
    const bare = request.replace(/^node:/, '');
    if (!builtinModules.includes(bare) && !builtinModules.includes(bare.split('/')[0])) direct.add(request);
  }
  return load.apply(this, arguments);
};
const before = new Set(Object.keys(require.cache));
const c0 = process.cpuUsage();
const t0 = process.hrtime.bigint();
for (const t of targets) require(t);
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
const cpu = process.cpuUsage(c0);
const files = Object.keys(require.cache).filter((f) => !before.has(f));
const mem = process.memoryUsage();
process.stdout.write(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, files, direct: [...direct].sort(), rssMb: mem.rss / 2 ** 20, heapMb: mem.heapUsed / 2 ** 20 }));
