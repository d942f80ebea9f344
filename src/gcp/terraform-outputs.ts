import { TerraformOutput } from 'cdktf';
import { Construct } from 'constructs';
import { terraformOutputName, terraformOutputPrefix } from '../core/terraform-output-names';

/** Options of one output. */
export interface GcpOutputOptions {
  readonly description: string;
  /** Holds key material: hidden from plan output and plain `terraform output`. */
  readonly sensitive?: boolean;
}

/**
 * Writes a construct's Terraform outputs as `<prefix>_<snake_name>`, the
 * naming every cloud shares so tools can look outputs up by suffix.
 */
export class GcpTerraformOutputs {
  public readonly prefix: string;

  constructor(private readonly scope: Construct, outputPrefix: string | undefined) {
    this.prefix = terraformOutputPrefix(scope.node.id, outputPrefix);
  }

  /** The Terraform name of an output. */
  public nameOf(snakeName: string): string {
    return terraformOutputName(this.prefix, snakeName);
  }

  /** Adds `<prefix>_<snakeName>`. */
  public add(snakeName: string, value: unknown, options: GcpOutputOptions): TerraformOutput {
    const output = new TerraformOutput(this.scope, `Output_${snakeName}`, {
      value,
      description: options.description,
      ...(options.sensitive ? { sensitive: true } : {}),
    });
    output.overrideLogicalId(this.nameOf(snakeName));
    return output;
  }
}
