// Cloud Storage constructs (CDK for Terraform, @cdktf/provider-google).
export * from './common-props';
export * from './openreplay-storage';
export * from './logrocket-storage';
