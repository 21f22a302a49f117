/* Generated from schemas/ by `npm run gen:types`. Do not edit. */

/**
 * A berth/v1 PortClaim: ports reserved for something berth does not run.
 */
export interface PortClaimManifest {
  apiVersion: 'berth/v1';
  kind: 'PortClaim';
  metadata: Metadata;
  spec: PortClaimSpec;
  status?: {};
}
export interface Metadata {
  /**
   * DNS-1123 label: lower case letters, digits and '-', starting and ending with a letter or digit, at most 63 characters.
   */
  name: string;
  labels?: {
    [k: string]: string;
  };
  annotations?: {
    [k: string]: string;
  };
}
export interface PortClaimSpec {
  tcp?: number;
  udp?: number;
}
