// Cloud Storage constructs (CDK for Terraform, @cdktf/provider-google).
// First: fails with the fix when this cloud's toolkit is not installed.
import './toolkit';
export * from './common-props';
export * from './openreplay-storage';
export * from './logrocket-storage';
