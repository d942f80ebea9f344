// Moving recordings off OpenReplay's bundled MinIO with AWS DataSync.
// Import as `replay-storage/lib/aws/migration` (kept out of `replay-storage/lib/aws`, so storage-only apps do not load it).
import '../toolkit';
export * from './minio-data-sync';
