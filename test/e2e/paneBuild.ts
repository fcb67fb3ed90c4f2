/**
 * The production pane and the simulated Excel around it, built for a browser: used by the e2e tests (through
 * harness.ts) and by `npm run bench -- batch` (compiled elsewhere, hence the repository root as an argument and no
 * test framework here).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import webpack from 'webpack';

/** The production build of the pane (as `npm run build`) into `outDir` (emptied first); throws with webpack's output when it fails. */
export function buildPaneIn(repo: string, outDir: string): void {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const build = spawnSync(
    process.execPath,
    [join(repo, 'node_modules', 'webpack-cli', 'bin', 'cli.js'), '--mode', 'production', '--output-path', outDir],
    { cwd: repo, encoding: 'utf8', env: { ...process.env, OFFICE_JS: '', MANIFEST_BUILD: '1' } },
  );
  if (build.status !== 0) throw new Error(`webpack failed:\n${build.stdout}\n${build.stderr}`);
}

/** test/e2e/excelHostPage.ts as one classic script, to run before the page's own (an init script; no eval). */
export async function bundleHostPageOf(repo: string): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'nianbao-excel-host-'));
  try {
    const compiler = webpack({
      mode: 'development',
      devtool: false,
      target: ['web', 'es2020'],
      context: repo,
      entry: join(repo, 'test', 'e2e', 'excelHostPage.ts'),
      output: { path: outDir, filename: 'excelHostPage.js', iife: true },
      resolve: { extensions: ['.ts', '.js'] },
      module: {
        rules: [
          {
            test: /\.ts$/,
            exclude: /node_modules/,
            use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { module: 'es2020', sourceMap: false } } },
          },
        ],
      },
      performance: { hints: false },
    });
    const stats = await new Promise<webpack.Stats>((resolve, reject) =>
      compiler.run((err, result) => {
        compiler.close(() => undefined);
        if (err || !result) reject(err ?? new Error('webpack gave no result'));
        else resolve(result);
      }),
    );
    if (stats.hasErrors()) throw new Error(`bundling the host page failed:\n${stats.toString('errors-only')}`);
    return readFileSync(join(outDir, 'excelHostPage.js'), 'utf8');
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** The window of a pane in the simulated Excel: the ExcelApi version the host reports (read by excelHostPage.ts). */
export interface ApiVersionWindow {
  __EXCEL_API__?: string;
}
