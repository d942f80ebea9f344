import { fail } from '../errors';
import { isUnresolved } from '../tokens';

/**
 * Azure resource group naming rules.
 * @see https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules#microsoftresources
 */
export function validateAzureResourceGroupName(prop: string, name: string | undefined): void {
  if (name === undefined || isUnresolved(name)) return;
  const fix = 'Use 1-90 letters, digits, underscores, hyphens, periods and parentheses, not ending with a period.';
  if (name.length < 1 || name.length > 90) fail(prop, 'between 1 and 90 characters long', name, fix);
  if (!/^[\p{L}\p{N}_\-.()]+$/u.test(name)) {
    fail(prop, 'made of letters, digits, underscores, hyphens, periods and parentheses only', name, fix);
  }
  if (name.endsWith('.')) fail(prop, 'a name that does not end with a period', name, fix);
}
