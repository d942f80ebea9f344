/**
 * What every cloud's `OpenReplayStorage` exposes, so code that consumes the
 * storage reads the same attributes on AWS, Google Cloud and Azure.
 */
export interface IOpenReplayStorage {
  /** Name of the recordings bucket (container on Azure), `global.s3.recordingsBucket`. */
  readonly recordingsBucketName: string;
  /** Name of the assets bucket, `global.s3.assetsBucket`. */
  readonly assetsBucketName: string;
  /** Name of the sourcemaps bucket, `global.s3.sourcemapsBucket`. */
  readonly sourcemapsBucketName: string;
  /** Name of the spots bucket, `global.s3.spotsBucket`; undefined when spots are off. */
  readonly spotsBucketName?: string;
  /** Name of the enterprise Assist records bucket, `global.s3.assistRecordsBucket`; undefined unless `records` is on. */
  readonly recordsBucketName?: string;
  /** `global.s3.region`. */
  readonly region: string;
  /** `global.s3.endpoint`, https, no trailing slash. */
  readonly endpoint: string;
  /** `global.assetsOrigin`: browser URL of the assets bucket, no trailing slash. */
  readonly assetsOrigin: string;
  /** Days of the deletion tag, also `SCH_DELETE_DAYS` in the Helm values. */
  readonly deletionTagDays: number;
  /** Helm values for the current chart, as YAML. */
  readonly helmValues: string;
  /** Shell line that creates the Kubernetes secret the values read (holds no key); none where no key exists. */
  readonly createSecretCommand?: string;
  /** Prefix of the construct's output names. */
  readonly outputPrefix: string;
}

/**
 * What every cloud's `LogRocketStorage` exposes.
 */
export interface ILogRocketStorage {
  /** Name of the userFiles bucket (container on Azure), `fileStorage.buckets.userFiles`. */
  readonly userFilesBucketName: string;
  /** The replay prefix the chart derives, ending with `/`. */
  readonly replayPrefix: string;
  /** Helm values for the LogRocket chart, as YAML. */
  readonly helmValues: string;
  /** Prefix of the construct's output names. */
  readonly outputPrefix: string;
}
