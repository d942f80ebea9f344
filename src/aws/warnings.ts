import { Annotations } from 'aws-cdk-lib/core';
import type { IConstruct } from 'constructs';
import type { ReplayWarning } from '../core/warnings';

/**
 * Adds the model's synth warnings, each acknowledgeable by its stable id
 * (`Annotations.of(scope).acknowledgeWarning('replay-storage:...')`).
 */
export function addWarnings(scope: IConstruct, warnings: readonly ReplayWarning[]): void {
  for (const w of warnings) Annotations.of(scope).addWarningV2(w.id, w.message);
}
