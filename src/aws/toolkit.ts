import { requireToolkit } from '../core/toolkit-check';

// Imported first by ./index, so it runs before any module that needs the toolkit.
requireToolkit('AWS', 'replay-storage/lib/aws', ['aws-cdk-lib/core', 'constructs'], 'npm install aws-cdk-lib constructs');
