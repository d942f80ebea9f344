/**
 * Container names per OpenReplay role. The enterprise build uses the
 * container name wherever the chart says bucket name. Containers live inside
 * the storage account, so the chart's default names are safe to keep.
 *
 * Each name: 3-63 lowercase letters, digits and single hyphens, starting and
 * ending with a letter or digit.
 */
export interface OpenReplayContainerNames {
  /**
   * Recordings container (`global.s3.recordingsBucket`).
   * @default 'mobs'
   */
  readonly recordings?: string;
  /**
   * Assets container (`global.s3.assetsBucket`), the only one browsers read anonymously.
   * @default 'sessions-assets'
   */
  readonly assets?: string;
  /**
   * Sourcemaps container (`global.s3.sourcemapsBucket`).
   * @default 'sourcemaps'
   */
  readonly sourcemaps?: string;
  /**
   * Spots container (`global.s3.spotsBucket`), when `spots` is on.
   * @default 'spots'
   */
  readonly spots?: string;
}
