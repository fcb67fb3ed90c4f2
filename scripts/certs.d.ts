/** Types for scripts/certs.js. */
export interface Certificates {
  key: Buffer;
  cert: Buffer;
  ca: string | null;
  how: string;
}
export declare function ensureCertificates(
  dir: string,
  options?: { now?: number; makers?: Array<(p: { dir: string; ca: string; cert: string; key: string }) => Promise<Certificates> | Certificates> },
): Promise<Certificates | { failed: true; reasons: string[] }>;
export declare function certificatePaths(dir: string): { dir: string; ca: string; cert: string; key: string };
export declare function withDevCerts(p: { dir: string; ca: string; cert: string; key: string }): Promise<Certificates>;
export declare function withOpenssl(p: { dir: string; ca: string; cert: string; key: string }): Certificates;
