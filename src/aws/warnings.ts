import { Annotations } from 'aws-cdk-lib/core';
import type { IConstruct } from 'constructs';

/**
 * Adds a synth warning with an acknowledgeable id `replay-storage:<id>`
 * (users silence one with `Annotations.of(scope).acknowledgeWarning(...)`).
 */
export function warn(scope: IConstruct, id: string, message: string): void {
  Annotations.of(scope).addWarningV2(`replay-storage:${id}`, message);
}
