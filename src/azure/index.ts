// Azure constructs (cdktf with @cdktf/provider-azurerm).
// First: fails with the fix when this cloud's toolkit is not installed.
import './toolkit';
export * from './storage-account-options';
export * from './openreplay-storage';
export * from './logrocket-storage';
