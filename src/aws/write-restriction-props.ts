/**
 * Networks that may write objects to a bucket. A request is allowed when it
 * comes through one of the VPC endpoints OR from one of the source IPs.
 */
export interface WriteRestriction {
  /**
   * Interface or gateway VPC endpoint ids (`vpce-...`), matched against
   * `aws:SourceVpce`.
   *
   * @default - no VPC endpoint is allowed
   */
  readonly vpcEndpointIds?: string[];

  /**
   * Public IPv4/IPv6 addresses or CIDR ranges, matched against `aws:SourceIp`.
   *
   * @default - no source IP is allowed
   */
  readonly sourceIps?: string[];
}
