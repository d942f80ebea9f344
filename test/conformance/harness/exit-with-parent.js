// Preloaded into servers the conformance suite starts (node --require):
// the server exits when its parent closes our stdin, so nothing outlives a
// test run even when the runner is killed.
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();
