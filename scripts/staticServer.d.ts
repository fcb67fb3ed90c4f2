/** Types for scripts/staticServer.js. */
import type { Server } from 'node:http';

export declare function createStaticServer(options: {
  root: string;
  tls?: { key: string | Buffer; cert: string | Buffer };
  log?: (line: string) => void;
}): Server;
export declare function listen(server: Server, port: number, host?: string): Promise<number>;
export declare function resolveFile(root: string, urlPath: string): string | null;
