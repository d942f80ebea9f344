/**
 * Fails early, naming the fix, when a cloud's entry point is loaded without
 * its toolkit installed: typically an app for one cloud that imports the
 * package root (`replay-storage`), which loads all three clouds.
 */
export function requireToolkit(cloud: string, entry: string, modules: readonly string[], install: string): void {
  const missing = modules.filter((m) => {
    try {
      require.resolve(m);
      return false;
    } catch {
      return true;
    }
  });
  if (missing.length === 0) return;
  throw new Error(
    `replay-storage: the ${cloud} constructs need ${missing.map((m) => m.split('/lib/')[0]).join(' and ')}, which ${missing.length > 1 ? 'are' : 'is'} not installed. ` +
      'If your app uses only another cloud, import that cloud\'s entry point instead of the package root (e.g. \'replay-storage/lib/aws\'); ' +
      `to use ${cloud}, install it: ${install} (and import '${entry}').`,
  );
}
