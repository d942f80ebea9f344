import { OPENREPLAY_STORAGE_SUBCHARTS } from '../helm/openreplay';

/** Storage subcharts that cannot use a role upstream (see below). */
const ROLE_INCAPABLE_SUBCHARTS = ['alerts', 'utilities'] as const;

/**
 * The OpenReplay subcharts that open object storage and run under a service
 * account of their own. Each has `serviceAccount.{create,name,annotations}`
 * in its values, and the account is named `<subchart>-openreplay` by
 * default (`fullnameOverride` in each `charts/<subchart>/values.yaml`, the
 * `<subchart>.serviceAccountName` helper in its `templates/_helpers.tpl`;
 * scripts/helmcharts/openreplay, v1.27.0). There is no global setting: each
 * subchart is configured on its own.
 *
 * Left out on purpose: `utilities` (its cron jobs set no service account and
 * run as the namespace's `default`; they and `alerts` also always get a
 * non-empty `S3_HOST` and sign with the empty keys, so they cannot use a role
 * upstream), and `http` (never opens storage).
 */
export const OPENREPLAY_SERVICE_ACCOUNT_SUBCHARTS: readonly string[] = OPENREPLAY_STORAGE_SUBCHARTS.filter(
  (c) => !(ROLE_INCAPABLE_SUBCHARTS as readonly string[]).includes(c),
);

/** The service account a subchart's pods run as when the chart's defaults are kept. */
export function openReplayServiceAccountName(subchart: string): string {
  return `${subchart}-openreplay`;
}

/**
 * The annotation IRSA reads on a service account; each storage subchart puts
 * `serviceAccount.annotations` on its account (`charts/<subchart>/templates/serviceaccount.yaml`).
 */
export const IRSA_ROLE_ANNOTATION = 'eks.amazonaws.com/role-arn';
