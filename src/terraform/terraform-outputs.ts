import { Annotations, TerraformOutput } from 'cdktf';
import type { Construct } from 'constructs';
import { type RenderedOutput, outputKey, snakeCase } from '../core/outputs/contract';
import { type ReplayWarning, withId } from '../core/warnings';

// Shared by the Terraform adapters (gcp, azure): it loads cdktf only.

/**
 * Renders the model's outputs as Terraform outputs named
 * `<prefix>_<snake_name>`; key material is marked `sensitive`.
 */
export function addTerraformOutputs(scope: Construct, prefix: string, outputs: readonly RenderedOutput[]): void {
  for (const o of outputs) {
    const out = new TerraformOutput(scope, `Output_${snakeCase(o.name)}`, {
      value: o.value,
      description: o.description,
      ...(o.sensitive ? { sensitive: true } : {}),
    });
    out.overrideLogicalId(outputKey('terraform', prefix, o.name));
  }
}

/** Adds the model's synth warnings; cdktf annotations carry no id, so it ends the message. */
export function addTerraformWarnings(scope: Construct, warnings: readonly ReplayWarning[]): void {
  for (const w of warnings) Annotations.of(scope).addWarning(withId(w));
}
