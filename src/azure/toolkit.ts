import { requireToolkit } from '../core/toolkit-check';

// Imported first by ./index, so it runs before any module that needs the toolkit.
requireToolkit('Azure', 'replay-storage/lib/azure', ['cdktf', 'constructs', '@cdktf/provider-azurerm/lib/storage-account'], 'npm install cdktf constructs @cdktf/provider-azurerm');
