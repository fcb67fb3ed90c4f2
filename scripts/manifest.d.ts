/** Types for scripts/manifest.js (plain Node, shared by webpack, npm scripts and tests). */
export declare const SOURCE_MANIFEST: string;
export declare const DEV_BASE_URL: string;
export declare function schemaDir(): string;
export declare function validateManifest(
  xml: string,
  options?: { schemaDir?: string; fileName?: string },
): Promise<{ valid: boolean; errors: string[] }>;
export declare function manifestVersion(pkgVersion: string, buildNumber: number): string;
export declare function buildNumber(env?: Record<string, string | undefined>, now?: number): number;
export declare function normaliseBaseUrl(raw: string): string;
export declare function renderManifest(source: string, options: { baseUrl: string; version: string }): string;
