import { TerraformOutput } from 'cdktf';
import { Construct } from 'constructs';
import { terraformOutputName, terraformOutputPrefix } from '../core/terraform-output-names';

// Shared by the Terraform adapters (gcp, azure): it loads cdktf only.

/** Options of one output. */
export interface OutputOptions {
  readonly description: string;
  /** Holds key material: hidden from plan output and `terraform output`. */
  readonly sensitive?: boolean;
}

/**
 * Writes a construct's Terraform outputs under the shared naming scheme
 * `<prefix>_<snake_name>`, so tools can look them up by suffix.
 */
export class TerraformOutputs {
  public readonly prefix: string;

  constructor(private readonly scope: Construct, outputPrefix: string | undefined) {
    this.prefix = terraformOutputPrefix(scope.node.id, outputPrefix);
  }

  /** The Terraform name of an output. */
  public nameOf(snakeName: string): string {
    return terraformOutputName(this.prefix, snakeName);
  }

  /** Adds `<prefix>_<snakeName>`. */
  public add(snakeName: string, value: unknown, options: OutputOptions): TerraformOutput {
    const output = new TerraformOutput(this.scope, `Output_${snakeName}`, {
      value,
      description: options.description,
      ...(options.sensitive ? { sensitive: true } : {}),
    });
    output.overrideLogicalId(this.nameOf(snakeName));
    return output;
  }
}
