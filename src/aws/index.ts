// AWS constructs (aws-cdk-lib). Import as `replay-storage/lib/aws`.
// First: fails with the fix when this cloud's toolkit is not installed.
import './toolkit';
export * from './common-props';
export * from './backend-identity';
export * from './write-restriction-props';
export * from './openreplay-storage';
export * from './logrocket-storage';
