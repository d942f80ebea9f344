/**
 * The outputs file `cdk deploy --outputs-file` would write for the
 * aws-openreplay example, as the migrate conformance test builds it
 * (test/cli/support: the example synthesized in process, its outputs
 * resolved to stand-in values).
 *
 * The example imports `replay-storage/lib/aws`, which only test/tsconfig.json
 * maps to src/; the benchmark process runs with the root tsconfig, where
 * that import would need a built lib/. So the synthesis runs in a child
 * process with the mapping (the environment every bench app gets), which
 * writes the file and exits.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { appEnv, ROOT, TSX_CJS } from './paths';
import { cdkOutputsFile } from '../../test/cli/support/deployed-outputs';
import { onlyStack, synthExample } from '../../test/cli/support/examples';

/** Writes the aws-openreplay example's outputs file to `file` (in a child process). */
export function writeAwsOpenReplayOutputs(file: string): void {
  execFileSync(process.execPath, ['--require', TSX_CJS, __filename, file], { cwd: ROOT, env: appEnv(), stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
}

if (require.main === module) {
  const { stackName, doc } = onlyStack(synthExample('aws-openreplay'));
  writeFileSync(process.argv[2], JSON.stringify(cdkOutputsFile(stackName, doc)));
}
