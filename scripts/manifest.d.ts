/** Types for scripts/manifest.js (plain Node, shared by webpack, npm scripts and tests). */
export declare const REPO: string;
export declare const SOURCE_MANIFEST: string;
export declare const DEV_BASE_URL: string;
export declare const MAIN_SCHEMA: string;
export interface SchemaLocation {
  dir: string;
  found: boolean;
  explicit: boolean;
}
export interface ManifestValidation {
  valid: boolean;
  errors: string[];
  structureErrors: string[];
  schemaErrors: string[];
  schemaChecked: boolean;
  schemaDir: string;
}
export declare function schemaDir(env?: Record<string, string | undefined>): string;
export declare function findSchemas(env?: Record<string, string | undefined>): SchemaLocation;
export declare function schemaSkippedMessage(dir?: string): string;
export declare function validateManifestSchema(xml: string, options?: { dir?: string; fileName?: string }): Promise<{ valid: boolean; errors: string[] }>;
export declare function validateManifest(xml: string, options?: { root?: string; fileName?: string; schemas?: SchemaLocation }): Promise<ManifestValidation>;
export declare function checkManifestStructure(xml: string, options: { root: string }): { errors: string[] };
export declare function manifestVersion(pkgVersion: string, buildNumber: number): string;
export declare function buildNumber(env?: Record<string, string | undefined>, now?: number): number;
export declare function normaliseBaseUrl(raw: string): string;
export declare function renderManifest(source: string, options: { baseUrl: string; version: string }): string;
