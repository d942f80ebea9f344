/** What `verify` checks and what it reports. */
import type { Unreachable } from './http-probe';

/** How a storage service lists a bucket or container. */
export type StorageService = 's3' | 'azure' | 'gcs';

/** One bucket (or container) role to check. */
export interface VerifyTarget {
  /** Role name, e.g. `assets`, `recordings`, `userFiles`. */
  readonly role: string;
  /** Browser base URL of the bucket or container (the part before an object key). */
  readonly url: string;
  /** Whether anonymous object reads must succeed (only the public role). */
  readonly public: boolean;
  /** Object key to probe; on the public role it must exist. */
  readonly probeKey: string;
  /** A presigned GET URL of an object here, fetched with the dashboard origin. */
  readonly signedGetUrl?: string;
}

/** A presigned (S3, GCS) or SAS (Azure) upload URL to try. */
export interface SignedPut {
  readonly role: string;
  readonly url: string;
  /** Headers the signature covers or the service needs (Azure adds `x-ms-blob-type`). */
  readonly headers?: Record<string, string>;
}

export interface VerifyPlan {
  readonly targets: readonly VerifyTarget[];
  /** The dashboard origin the player runs on; must be allowed. */
  readonly origin: string;
  /** An origin that must be refused. */
  readonly otherOrigin: string;
  /** Methods the dashboard origin must be allowed (OpenReplay GET; LogRocket GET, HEAD). */
  readonly methods: readonly string[];
  /** How to list; detected from each URL's host when absent. */
  readonly service?: StorageService;
  readonly signedPut?: SignedPut;
}

/**
 * PASS and FAIL are what the storage answered; WARN a risk worth knowing;
 * UNREACHABLE no HTTP answer at all (DNS, refused, reset, TLS, timeout), so
 * nothing was learned about the configuration.
 */
export type Verdict = 'PASS' | 'FAIL' | 'WARN' | 'UNREACHABLE';

/** Stable check ids (with the method appended for `preflight`). */
export type CheckId =
  | 'preflight'
  | 'preflight-other-origin'
  | 'preflight-write'
  | 'anonymous-get'
  | 'cors-get'
  | 'vary-origin'
  | 'listing'
  | 'signed-get'
  | 'signed-put'
  | 'signed-put-tampered';

export interface CheckResult {
  /** `preflight:GET`, `anonymous-get`, ... */
  readonly id: string;
  readonly check: string;
  readonly role: string;
  /** The URL requested; signed URLs without their query (the signature). */
  readonly url: string;
  readonly expected: string;
  readonly got: string;
  readonly verdict: Verdict;
  /** Why it matters or what to do, when not PASS. */
  readonly note?: string;
  /** Why there was no answer, when UNREACHABLE. */
  readonly unreachable?: Unreachable;
}

/** `ok`: nothing failed or went unanswered; `misconfigured`: a check failed; `unreachable`: none failed, some got no answer. */
export type VerifyStatus = 'ok' | 'misconfigured' | 'unreachable';

export interface VerifyReport {
  /** Every check answered and none failed. */
  readonly ok: boolean;
  readonly status: VerifyStatus;
  readonly origin: string;
  readonly otherOrigin: string;
  readonly counts: Record<Verdict, number>;
  readonly results: CheckResult[];
}

export interface VerifyOptions {
  /** Per request, body included (default 10 s). */
  readonly timeoutMs?: number;
  /** Body bytes read per response before the connection is dropped (default 64 KiB). */
  readonly maxBodyBytes?: number;
  /** Swappable for tests; the global `fetch` by default. */
  readonly fetch?: typeof fetch;
}
