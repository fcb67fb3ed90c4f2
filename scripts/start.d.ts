/** Types for scripts/start.js. */
export interface StartOptions {
  port: number;
  build: boolean;
  dist: string;
  certs: string;
  http: boolean;
}
export declare function parseOptions(argv: string[]): StartOptions;
export declare function loadingSteps(o: {
  platform: string;
  manifest: string;
  baseUrl: string;
  secure: boolean;
  ca: string | null;
  sideloaded: string | null;
}): string;
export declare function sideloadMac(manifest: string, home?: string): string | null;
export declare function macWefFolder(home?: string): string;
