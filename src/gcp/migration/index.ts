// Moving recordings off OpenReplay's bundled MinIO with Google Storage Transfer Service.
// Import as `replay-storage/lib/gcp/migration` (kept out of `replay-storage/lib/gcp`, so storage-only apps do not load it).
import '../toolkit';
export * from './minio-storage-transfer';
