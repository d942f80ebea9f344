import { requireToolkit } from '../core/toolkit-check';

// Imported first by ./index, so it runs before any module that needs the toolkit.
requireToolkit('Google Cloud', 'replay-storage/lib/gcp', ['cdktf', 'constructs', '@cdktf/provider-google/lib/storage-bucket'], 'npm install cdktf constructs @cdktf/provider-google');
