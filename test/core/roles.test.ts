import { OPENREPLAY_DELETE_TAG_KEY } from '../../src/core/openreplay/defaults';
import {
  BrowserAccess,
  LOGROCKET_S3_BUCKET_ACTIONS,
  LOGROCKET_S3_OBJECT_ACTIONS,
  LOGROCKET_USER_FILES,
  OPENREPLAY_ROLES,
  OPENREPLAY_S3_BUCKET_ACTIONS,
  OPENREPLAY_S3_OBJECT_ACTIONS,
  openReplayRoles,
} from '../../src/core/roles';

/** The S3 actions SPEC.md documents for the OpenReplay backend. */
const DOCUMENTED_OPENREPLAY_ACTIONS = [
  's3:PutObject',
  's3:GetObject',
  's3:GetObjectAcl',
  's3:GetObjectTagging',
  's3:PutObjectTagging',
  's3:ListBucket',
  's3:GetBucketLocation',
];

describe('OpenReplay roles', () => {
  test('five roles, named after their chart keys and chart defaults (scripts/helmcharts/vars.yaml)', () => {
    expect(Object.values(OPENREPLAY_ROLES).map((r) => [r.role, r.chartKey, r.chartDefaultName])).toEqual([
      ['recordings', 'recordingsBucket', 'mobs'],
      ['assets', 'assetsBucket', 'sessions-assets'],
      ['sourcemaps', 'sourcemapsBucket', 'sourcemaps'],
      ['spots', 'spotsBucket', 'spots'],
      ['records', 'assistRecordsBucket', 'records'],
    ]);
  });

  test('only the assets bucket is public', () => {
    const publicRoles = Object.values(OPENREPLAY_ROLES).filter((r) => r.access === BrowserAccess.PUBLIC_READ);
    expect(publicRoles.map((r) => r.role)).toEqual(['assets']);
    for (const role of ['recordings', 'sourcemaps', 'spots'] as const) {
      expect(OPENREPLAY_ROLES[role].access).toBe(BrowserAccess.PRESIGNED);
    }
  });

  test('recordings and spots hold recordings (kept on delete by default)', () => {
    const holding = Object.values(OPENREPLAY_ROLES).filter((r) => r.holdsRecordings).map((r) => r.role);
    expect(holding).toEqual(['recordings', 'spots', 'records']);
  });

  it.each([
    [true, ['recordings', 'assets', 'sourcemaps', 'spots']],
    [false, ['recordings', 'assets', 'sourcemaps']],
  ])('openReplayRoles(spots: %s)', (spots, roles) => {
    expect(openReplayRoles(spots).map((r) => r.role)).toEqual(roles);
  });

  test('records is added only when asked, and is the one role browsers upload into', () => {
    expect(openReplayRoles(true, true).map((r) => r.role)).toEqual(['recordings', 'assets', 'sourcemaps', 'spots', 'records']);
    expect(Object.values(OPENREPLAY_ROLES).filter((r) => 'browserUploads' in r && r.browserUploads).map((r) => r.role)).toEqual(['records']);
  });

  test('openReplayRoles returns a fresh list each call', () => {
    const first = openReplayRoles(false);
    first.push(OPENREPLAY_ROLES.spots);
    expect(openReplayRoles(false)).toHaveLength(3);
  });
});

describe('LogRocket userFiles', () => {
  test('is read anonymously by the replay player and named by fileStorage.buckets.userFiles', () => {
    expect(LOGROCKET_USER_FILES.access).toBe(BrowserAccess.PUBLIC_READ);
    expect(LOGROCKET_USER_FILES.chartKey).toBe('fileStorage.buckets.userFiles');
    expect(LOGROCKET_USER_FILES.holdsRecordings).toBe(true);
  });
});

describe('S3 action constants', () => {
  const all: Array<[string, readonly string[]]> = [
    ['OPENREPLAY_S3_OBJECT_ACTIONS', OPENREPLAY_S3_OBJECT_ACTIONS],
    ['OPENREPLAY_S3_BUCKET_ACTIONS', OPENREPLAY_S3_BUCKET_ACTIONS],
    ['LOGROCKET_S3_OBJECT_ACTIONS', LOGROCKET_S3_OBJECT_ACTIONS],
    ['LOGROCKET_S3_BUCKET_ACTIONS', LOGROCKET_S3_BUCKET_ACTIONS],
  ];

  it.each(all)('%s names exact s3 actions, no wildcard, no duplicates', (_name, actions) => {
    expect(actions.length).toBeGreaterThan(0);
    for (const action of actions) {
      expect(action).not.toContain('*');
      expect(action).toMatch(/^s3:[A-Z][A-Za-z]+$/);
    }
    expect(new Set(actions).size).toBe(actions.length);
  });

  test("OpenReplay's object and bucket actions are the documented list plus AbortMultipartUpload for the Go uploader", () => {
    expect([...OPENREPLAY_S3_OBJECT_ACTIONS, ...OPENREPLAY_S3_BUCKET_ACTIONS].sort()).toEqual([...DOCUMENTED_OPENREPLAY_ACTIONS, 's3:AbortMultipartUpload'].sort());
  });

  test('bucket-level actions stay out of the object-level lists and the other way round', () => {
    const bucketLevel = ['s3:ListBucket', 's3:GetBucketLocation'];
    for (const a of [...OPENREPLAY_S3_OBJECT_ACTIONS, ...LOGROCKET_S3_OBJECT_ACTIONS]) expect(bucketLevel).not.toContain(a);
    for (const a of [...OPENREPLAY_S3_BUCKET_ACTIONS, ...LOGROCKET_S3_BUCKET_ACTIONS]) expect(bucketLevel).toContain(a);
  });

  test('no delete: OpenReplay deletion goes through the tag-driven lifecycle rule', () => {
    const every = all.flatMap(([, actions]) => actions);
    expect(every.filter((a) => a.includes('Delete'))).toEqual([]);
    expect(OPENREPLAY_DELETE_TAG_KEY).toBe('to_delete_in_days');
  });

  test('LogRocket can read userFiles and sign uploads into it', () => {
    expect(LOGROCKET_S3_OBJECT_ACTIONS).toEqual(expect.arrayContaining(['s3:PutObject', 's3:GetObject']));
  });
});
