// Azure constructs (cdktf with @cdktf/provider-azurerm).
export * from './storage-account-options';
export * from './openreplay-storage';
export * from './logrocket-storage';
