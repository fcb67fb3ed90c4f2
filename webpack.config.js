/**
 * The task pane build. `npm run build` → dist/:
 *   taskpane.html          the pane, with a Content-Security-Policy allowing only our own origin
 *   *.[contenthash].js     the React bundle (content-hashed, so WebView2's cache never serves a stale file)
 *   legacy.[hash].js       the ES5 message for hosts too old for the pane (IE11 webview of Office 2016/2019)
 *   office/<version>/      office.js and the files it loads for Excel, copied from @microsoft/office-js
 *   assets/icon-*.png      ribbon and catalog icons
 *   manifest.xml           the manifest for this deployment: ADDIN_BASE_URL in every URL, <Version> bumped,
 *                          checked offline (the build fails on an invalid manifest): the project's structural checks
 *                          always, the Office XSD where its files are found (NIANBAO_MANIFEST_SCHEMAS, else
 *                          ../shared/schemas/office-manifest); without them the build says once that it skipped it
 *   年报审核.html           the supervisor's batch as one self-contained page (scripts and the worker inlined), for
 *                          machines without the add-in: opens from disk, makes no request (see src/page)
 * Options (environment): OFFICE_JS=cdn loads office.js from Microsoft's CDN instead (internet-connected hosts only);
 * OFFICE_JS_DIR is a folder with a newer office.js (IT's copy of the CDN files, docs/deployment.md) to serve instead
 * of the npm package's;
 * ADDIN_BASE_URL (default https://localhost:3000) is where the files will be served; MANIFEST_BUILD pins the build
 * number in <Version>.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const HtmlInlineScriptPlugin = require('html-inline-script-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { DEV_BASE_URL, SOURCE_MANIFEST, buildNumber, findSchemas, manifestVersion, renderManifest, schemaSkippedMessage, validateManifest } = require('./scripts/manifest');
const { OFFICE_JS_FILES, missingOfficeJsFiles, officeJsDir, officeJsVersion } = require('./scripts/officeJs');

const ROOT = __dirname;
const OFFICE_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const LEGACY_SOURCE = path.join(ROOT, 'src', 'taskpane', 'legacy.js');

/** Content-hashed name for the ES5 script, computed here because it is copied as-is (never transpiled or wrapped). */
function legacyFileName() {
  const hash = crypto.createHash('sha256').update(fs.readFileSync(LEGACY_SOURCE)).digest('hex').slice(0, 8);
  return `legacy.${hash}.js`;
}

/**
 * Only our own origin. Styles allow 'unsafe-inline' because Fluent UI's Griffel engine inserts its rules into
 * <style> elements at run time; scripts, frames, connections and images stay 'self'.
 */
function contentSecurityPolicy(cdn) {
  const scripts = cdn ? "'self' https://appsforoffice.microsoft.com" : "'self'";
  return [
    "default-src 'self'",
    `script-src ${scripts}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/**
 * Writes dist/manifest.xml for this deployment and fails the build if it does not validate. Icons are checked in the
 * repo's assets/, which the build copies to the same place under dist/.
 */
class ManifestPlugin {
  constructor(options) {
    this.options = options;
    this.toldSkipped = false;
  }
  apply(compiler) {
    const { RawSource } = compiler.webpack.sources;
    compiler.hooks.thisCompilation.tap('ManifestPlugin', (compilation) => {
      compilation.hooks.processAssets.tapPromise(
        { name: 'ManifestPlugin', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        async () => {
          compilation.fileDependencies.add(SOURCE_MANIFEST);
          const xml = renderManifest(fs.readFileSync(SOURCE_MANIFEST, 'utf8'), this.options);
          const schemas = findSchemas();
          let result;
          try {
            result = await validateManifest(xml, { root: ROOT, schemas });
          } catch (e) {
            compilation.errors.push(new compiler.webpack.WebpackError(e instanceof Error ? e.message : String(e)));
            return;
          }
          if (!result.schemaChecked && !this.toldSkipped) {
            // Once per process: a watching dev server rebuilds many times.
            this.toldSkipped = true;
            compilation.warnings.push(new compiler.webpack.WebpackError(schemaSkippedMessage(schemas.dir)));
          }
          if (!result.valid) {
            const parts = [
              ...(result.structureErrors.length ? ['manifest.xml 结构检查未通过：', ...result.structureErrors] : []),
              ...(result.schemaErrors.length ? ['manifest.xml 不符合 Office 加载项架构：', ...result.schemaErrors] : []),
            ];
            compilation.errors.push(new compiler.webpack.WebpackError(parts.join('\n')));
            return;
          }
          compilation.emitAsset('manifest.xml', new RawSource(xml));
        },
      );
    });
  }
}

/** TypeScript through ts-loader, transpile only (type checking is `npm run typecheck`'s job), to `target` syntax. */
function typescriptRule(target, production) {
  return {
    test: /\.tsx?$/,
    exclude: /node_modules/,
    use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { module: 'es2020', target, sourceMap: !production } } },
  };
}

/**
 * The offline page must run in the browsers of 信创 machines (a Chromium engine as old as version 90): ES2019 syntax,
 * everything in one HTML file (the worker built first and inlined as text), and a policy that allows no request.
 */
const PAGE_TARGET = 'es2019';
const PAGE_FILE = '年报审核.html';
const PAGE_WORKER_ENTRY = path.join(ROOT, 'src', 'batch', 'worker.ts');
const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'unsafe-inline' blob:",
  "worker-src blob:",
  "style-src 'unsafe-inline'",
  "img-src data: blob:",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * Builds the batch worker in a child compilation of the page and puts its code in the page as a string
 * (`window.__BATCH_WORKER_SOURCE__`, with every `<` escaped so no tag can close early). The page starts its workers
 * from a blob of it: a page opened from disk cannot start a worker from a file.
 */
class InlineWorkerPlugin {
  apply(compiler) {
    const { webpack } = compiler;
    let source = '';
    compiler.hooks.make.tapPromise('InlineWorkerPlugin', (compilation) => {
      const child = compilation.createChildCompiler('batch-worker', { filename: 'batch-worker.js', chunkLoading: false, publicPath: '' }, [
        new webpack.webworker.WebWorkerTemplatePlugin(),
        new webpack.EntryPlugin(ROOT, PAGE_WORKER_ENTRY, { name: 'batch-worker' }),
        new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 }),
      ]);
      return new Promise((resolve, reject) => {
        child.runAsChild((err, _entries, childCompilation) => {
          if (err) return reject(err);
          if (childCompilation.errors.length) return reject(childCompilation.errors[0]);
          const asset = childCompilation.getAsset('batch-worker.js');
          source = asset ? asset.source.source().toString() : '';
          // The worker lives inside the page only.
          compilation.deleteAsset('batch-worker.js');
          resolve();
        });
      });
    });
    compiler.hooks.compilation.tap('InlineWorkerPlugin', (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap('InlineWorkerPlugin', (data) => {
        const code = `window.__BATCH_WORKER_SOURCE__=${JSON.stringify(source).replace(/</g, '\\u003c')};`;
        data.headTags.push({ tagName: 'script', voidTag: false, meta: { plugin: 'InlineWorkerPlugin' }, attributes: {}, innerHTML: code });
        return data;
      });
    });
  }
}

/** exceljs comes as its own minified browser build: its chunk is marked minimized, so it is not minified again. */
class AlreadyMinifiedPlugin {
  constructor(test) {
    this.test = test;
  }
  apply(compiler) {
    const { Compilation } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('AlreadyMinifiedPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'AlreadyMinifiedPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE - 1 }, (assets) => {
        for (const name of Object.keys(assets)) if (this.test.test(name)) compilation.updateAsset(name, (source) => source, { minimized: true });
      });
    });
  }
}

function pageConfig(production) {
  return {
    name: 'audit-page',
    mode: production ? 'production' : 'development',
    devtool: false,
    target: ['web', PAGE_TARGET],
    entry: { audit: path.join(ROOT, 'src', 'page', 'audit.ts') },
    output: { path: path.join(ROOT, 'dist'), filename: 'audit-page.[name].js', clean: false },
    resolve: { extensions: ['.ts', '.js'] },
    module: { rules: [typescriptRule(PAGE_TARGET, production)], noParse: /exceljs\.min\.js$/ },
    optimization: { splitChunks: { cacheGroups: { exceljs: { test: /[\\/]exceljs[\\/]/, name: 'exceljs', chunks: 'all', enforce: true } } } },
    performance: { hints: false },
    plugins: [
      new AlreadyMinifiedPlugin(/exceljs/),
      new HtmlWebpackPlugin({ template: path.join(ROOT, 'src', 'page', 'audit.html'), filename: PAGE_FILE, inject: 'body', scriptLoading: 'blocking', csp: PAGE_CSP }),
      new HtmlInlineScriptPlugin(),
      new InlineWorkerPlugin(),
    ],
  };
}

module.exports = (env = {}, argv = {}) => {
  const production = argv.mode !== 'development';
  return [taskpaneConfig(env, production), pageConfig(production)];
};

function taskpaneConfig(env, production) {
  const cdn = (process.env.OFFICE_JS || env.OFFICE_JS) === 'cdn';
  const baseUrl = process.env.ADDIN_BASE_URL || DEV_BASE_URL;
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const version = manifestVersion(pkg.version, buildNumber());
  const officeJsSource = officeJsDir();
  if (!cdn) {
    const missing = missingOfficeJsFiles(officeJsSource);
    if (missing.length) throw new Error(`office.js 文件夹 ${officeJsSource} 缺少以下文件：${missing.join('、')}（见 docs/deployment.md「更新 office.js」）`);
  }
  const officeDir = `office/${cdn ? 'cdn' : officeJsVersion(officeJsSource)}`;
  const legacy = legacyFileName();

  return {
    name: 'taskpane',
    mode: production ? 'production' : 'development',
    devtool: production ? false : 'eval-cheap-module-source-map',
    target: ['web', 'es2020'],
    entry: { taskpane: path.join(ROOT, 'src', 'taskpane', 'index.tsx') },
    output: {
      path: path.join(ROOT, 'dist'),
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      chunkFilename: production ? '[name].[contenthash:8].js' : '[name].js',
      publicPath: '',
      // The offline page is built beside the pane by its own configuration.
      clean: { keep: (file) => file === PAGE_FILE },
    },
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            // Type checking is `npm run typecheck`'s job; the bundle only needs the transpile (isolatedModules holds).
            options: { transpileOnly: true, compilerOptions: { module: 'es2020', sourceMap: !production } },
          },
        },
      ],
    },
    optimization: {
      // What the pane loads when it opens: the entry and one vendor file of the libraries it needs. The chunks loaded
      // later (the 审核 and 导入 tabs, the batch worker) keep their own libraries, so none of them weighs on the clerk.
      splitChunks: { cacheGroups: { vendor: { test: /node_modules/, name: 'vendor', chunks: (chunk) => chunk.name === 'taskpane' } } },
    },
    performance: { hints: false }, // the budget is measured by bench/pane-size.ts
    plugins: [
      new HtmlWebpackPlugin({
        template: path.join(ROOT, 'src', 'taskpane', 'taskpane.html'),
        filename: 'taskpane.html',
        inject: 'body',
        scriptLoading: 'defer',
        chunks: ['taskpane'],
        officeJs: cdn ? OFFICE_CDN : `${officeDir}/office.js`,
        legacyScript: legacy,
        csp: contentSecurityPolicy(cdn),
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: LEGACY_SOURCE, to: legacy },
          { from: path.join(ROOT, 'assets', '*.png'), to: 'assets/[name][ext]' },
          ...(cdn
            ? []
            : OFFICE_JS_FILES.map((file) => ({
                from: path.join(officeJsSource, file),
                to: `${officeDir}/${file}`,
                info: { minimized: true },
              }))),
        ],
      }),
      new ManifestPlugin({ baseUrl, version }),
    ],
  };
}

module.exports.contentSecurityPolicy = contentSecurityPolicy;
