import { cdk } from 'projen';
import { NodePackageManager, NpmAccess, UpdateSnapshot } from 'projen/lib/javascript';

// Versions that are known to work together. The cloud libraries are peers so
// that users bring (and pin) their own; the Terraform ones are optional so an
// AWS-only user does not install ~576 MB of provider bindings.
const AWS_CDK_LIB = '2.276.0';
const CONSTRUCTS = '10.8.1';
const CDKTF = '0.21.0';
const PROVIDER_GOOGLE = '16.12.1';
const PROVIDER_AZURERM = '14.23.1';

// The oldest versions the package accepts (peer range floors), tested by the
// consumer test (`npm run consumer`): each must synthesize the same document.
// aws-cdk-lib 2.252.0 is the first with Validations.acknowledge.
const FLOOR = {
  awsCdkLib: '2.252.0',
  constructs: '10.5.0',
  cdktf: CDKTF,
  providerGoogle: '16.0.0',
  providerAzurerm: '14.0.0',
};

// Quiet, offline tooling everywhere a task runs. (CDKTF_DISABLE_PLUGIN_CACHE_ENV
// is set only where cdktf runs: the cdk CLI reads every CDK* variable as an
// option and warns about it.)
const OFFLINE_ENV = {
  CHECKPOINT_DISABLE: '1',
  CDK_DISABLE_CLI_TELEMETRY: 'true',
  CDK_DISABLE_VERSION_CHECK: 'true',
};

const project = new cdk.JsiiProject({
  name: 'replay-storage',
  description:
    'Object storage for self-hosted session replay (OpenReplay, LogRocket) on AWS, GCP and Azure, as CDK and CDK for Terraform constructs.',
  author: 'replay-storage contributors',
  authorAddress: 'replay-storage@users.noreply.github.com',
  repositoryUrl: 'https://github.com/replay-storage/replay-storage.git',
  license: 'Apache-2.0',
  defaultReleaseBranch: 'main',
  projenrcTs: true,
  packageManager: NodePackageManager.NPM,
  sampleCode: false,
  npmAccess: NpmAccess.PUBLIC,
  keywords: ['cdk', 'cdktf', 'openreplay', 'logrocket', 'session-replay', 's3', 'gcs', 'azure-blob'],

  jsiiVersion: '~6.0.0',
  typescriptVersion: '~6.0.0',

  // No hosted CI or release workflow: `.ci/run` is the pipeline.
  github: false,
  release: false,
  buildWorkflow: false,
  // projen's eslint defaults (typescript-eslint, import ordering), run by `test`.
  eslint: true,
  eslintOptions: {
    dirs: ['src'],
    devdirs: ['test', 'examples', 'bench', 'scripts'],
    prettier: false,
    // One program for every folder (examples and bench have no tsconfig of their own).
    projectService: false,
    tsconfigPath: './test/tsconfig.json',
    // `npm test` reports problems instead of rewriting files.
    commandOptions: { fix: false },
  },
  depsUpgrade: false,
  pullRequestTemplate: false,

  peerDeps: [
    `aws-cdk-lib@^${FLOOR.awsCdkLib}`,
    `constructs@^${FLOOR.constructs}`,
    `cdktf@>=${FLOOR.cdktf} <0.22.0`,
    `@cdktf/provider-google@^${FLOOR.providerGoogle}`,
    `@cdktf/provider-azurerm@^${FLOOR.providerAzurerm}`,
  ],
  // The repository builds and tests against the current releases; the floors are tested by `npm run consumer`.
  peerDependencyOptions: { pinnedDevDependency: false },
  // Plain npm libraries must be bundled into a jsii package.
  bundledDeps: ['yaml@^2.9.1'],
  devDeps: [
    `aws-cdk-lib@${AWS_CDK_LIB}`,
    `constructs@${CONSTRUCTS}`,
    `cdktf@${CDKTF}`,
    `@cdktf/provider-google@${PROVIDER_GOOGLE}`,
    `@cdktf/provider-azurerm@${PROVIDER_AZURERM}`,
    '@swc/core',
    '@swc/jest',
    'aws-cdk@^2.1148.1',
    // `npx cdktf synth` in the GCP and Azure examples, exactly as their READMEs say.
    `cdktf-cli@${CDKTF}`,
    'cdk-nag@^3.0.2',
    'tsx@^4.23.0',
    // Bundles the few SDK calls of `replay-storage migrate` into lib/cli/sdk (scripts/bundle-sdks.ts).
    'esbuild@^0.28.2',
    // Conformance suite: real storage servers and a real browser, offline.
    'azurite@^3.37.0',
    '@azure/storage-blob@^12.34.0',
    '@aws-sdk/client-s3@^3.1169.0',
    '@aws-sdk/s3-request-presigner@^3.1169.0',
    'playwright-core@^1.64.0',
    // Amazon's S3 hosts as published in the Public Suffix List (test of the legacy s3-<region> list).
    'psl@^1.15.0',
    '@types/psl', // psl's own types are not reachable under node10 module resolution
  ],
  bin: { 'replay-storage': 'lib/cli/main.js' },

  // Fast transformer in jest; types are checked by tsc/jsii separately.
  // Node.js 22 LTS and 24 are supported; 20 is past end of life.
  minNodeVersion: '22.0.0',
  typecheckTests: true,
  jestOptions: {
    jestVersion: '^30',
    junitReporting: false,
    coverageText: false,
    // Snapshots are a safety net: a mismatch fails; `npx projen test:update` rewrites them.
    updateSnapshot: UpdateSnapshot.NEVER,
    passWithNoTests: false,
    jestConfig: {
      collectCoverage: false,
      moduleNameMapper: { '^replay-storage/lib/(.*)$': '<rootDir>/src/$1' },
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '/cdk.out/', '/cdktf.out/'],
      testEnvironment: 'node',
      // jest's default is one worker per core but one, i.e. a single worker on
      // the 2-core machines this runs on; the conformance files mostly wait on
      // their servers, so three workers halve the suite's wall time (measured:
      // 100 s -> 50 s). (A percentage above 100% is read as a count here;
      // `npx jest --maxWorkers=<n>` overrides it on larger machines.)
      // Timeouts leave room for that sharing.
      maxWorkers: 3,
      testTimeout: 30_000,
    },
  },
  tsconfigDev: {
    compilerOptions: {
      paths: { 'replay-storage/lib/*': ['../src/*'] },
    },
    include: ['../src/**/*.ts', '../examples/**/*.ts', '../bench/**/*.ts', '../scripts/**/*.ts', '../.projenrc.ts'],
  },
  // Terraform state holds key material (HMAC secret, account key): never commit it.
  gitignore: ['cdk.out/', 'cdktf.out/', '.cdk.staging/', 'bench/out/', '*.tfstate*', '.terraform/'],
  npmignoreEnabled: true,
});

// Optional peers: each cloud's users install only their own toolkit.
project.package.addField('peerDependenciesMeta', {
  'aws-cdk-lib': { optional: true },
  'cdktf': { optional: true },
  '@cdktf/provider-google': { optional: true },
  '@cdktf/provider-azurerm': { optional: true },
});

// Entry points for CommonJS and ESM consumers (with types), one per cloud so
// that each loads only its own toolkit. The `replay-storage-source` condition
// lets this repository's examples run the TypeScript sources directly
// (`tsx --conditions=replay-storage-source`); published consumers never set it.
const entry = (dir: string) => ({
  'replay-storage-source': `./src/${dir ? `${dir}/` : ''}index.ts`,
  'types': `./lib/${dir ? `${dir}/` : ''}index.d.ts`,
  'default': `./lib/${dir ? `${dir}/` : ''}index.js`,
});
project.package.addField('exports', {
  '.': entry(''),
  './lib/aws': entry('aws'),
  './lib/gcp': entry('gcp'),
  './lib/azure': entry('azure'),
  './lib/aws/migration': entry('aws/migration'),
  './lib/gcp/migration': entry('gcp/migration'),
  './.jsii': './.jsii',
  './package.json': './package.json',
});

// The dev dependencies are the current releases on purpose (see FLOOR above),
// so jsii's "devDependency at the peer floor" advice is silenced.
project.compileTask.reset('jsii --silence-warnings=reserved-word --silence-warnings=metadata/missing-dev-dependency');
// `migrate`'s tag step uses a few AWS and Azure SDK calls: bundled over their
// compiled re-exports (1.5 MB) instead of 59 MB of SDK dependencies.
project.compileTask.exec('tsx scripts/bundle-sdks.ts lib/cli/sdk');
// A bare `jsii` (or `jsii -w`) writes the plain re-exports back: never package those.
project.tasks.tryFind('package:js')!.prependExec('tsx scripts/bundle-sdks.ts --check lib/cli/sdk');

for (const [k, v] of Object.entries(OFFLINE_ENV)) project.tasks.addEnvironment(k, v);

// The README's main job: synthesize every example offline and print the
// derived prefixes and Helm values.
project.addTask('examples', {
  description: 'Synthesize every example offline and print derived prefixes and Helm values',
  exec: 'tsx scripts/synth-examples.ts',
  receiveArgs: true,
});

// The README as a user meets it: pack, install per cloud from the registry,
// paste the usage snippets, build and synthesize as CommonJS and ESM.
project.addTask('consumer', {
  description: 'Install the packed library into AWS-only, GCP-only and Azure-only apps and run the README snippets (CJS and ESM)',
  exec: 'tsx scripts/consumer-test.ts',
  receiveArgs: true,
});

// Performance and footprint figures against their targets (bench/RESULTS.md).
project.addTask('bench', {
  description: 'Measure synth overhead, import cost, scale, developer loop, footprint and migration throughput',
  exec: 'tsx bench/run.ts',
  receiveArgs: true,
});

// jest transpiles with swc (no type-checking, ~6x faster than ts-jest);
// `typecheckTests` above runs tsc over src, test and examples instead.
project.jest!.config.transform = { '^.+\\.tsx?$': ['@swc/jest', {}] };
project.deps.removeDependency('ts-jest');

project.npmignore?.exclude('/examples/', '/scripts/', '/bench/', '/.ci/');

project.synth();
