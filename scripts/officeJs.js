'use strict';
/**
 * The part of Microsoft's office.js (the npm package's dist/ is ~86 MB: every host, platform and locale) that an Excel
 * add-in needs, so the add-in can serve office.js itself on a closed network. The loader office.js resolves every
 * other file relative to its own <script src>:
 *   - o15apptofilemappingtable.js when there is no host info (a plain browser: Office.onReady then reports no host);
 *   - excel-<platform>-<version>.js for the host, with the versions of OSF.HostSpecificFileVersionMap (win32 16.01,
 *     but 16.00 for builds that report it; mac, web and iPad 16.00);
 *   - <locale>/office_strings.js with en-us as the fallback, so zh-cn and en-us are enough for our users;
 *   - telemetry/oteljs_agave.js and ariatelemetry/aria-web-telemetry.js (telemetry: shipped so the load does not
 *     404; the requests they would make fail offline, harmlessly).
 * Where the files come from: OFFICE_JS_DIR when set — a folder IT refreshed from Microsoft's CDN, laid out like it
 * (docs/deployment.md) — else the installed @microsoft/office-js package. The npm package lags the hosts (1.1.110 has
 * no notes although Microsoft 365 reports ExcelApi 1.18); the add-in detects what the copy it serves really has.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const NPM_DIST = path.resolve(__dirname, '..', 'node_modules', '@microsoft', 'office-js', 'dist');

const OFFICE_JS_FILES = [
  'office.js',
  'o15apptofilemappingtable.js',
  'excel-win32-16.01.js',
  'excel-win32-16.00.js',
  'excel-web-16.00.js',
  'excel-mac-16.00.js',
  'excel-ios-16.00.js',
  'zh-cn/office_strings.js',
  'en-us/office_strings.js',
  'telemetry/oteljs_agave.js',
  'ariatelemetry/aria-web-telemetry.js',
];

/** The folder the build copies office.js from. */
function officeJsDir(env = process.env) {
  return env.OFFICE_JS_DIR ? path.resolve(env.OFFICE_JS_DIR) : NPM_DIST;
}

/** Files of OFFICE_JS_FILES missing from `dir`. */
function missingOfficeJsFiles(dir) {
  return OFFICE_JS_FILES.filter((f) => !fs.existsSync(path.join(dir, f)));
}

/**
 * The folder name under dist/office/, so that every new copy changes every URL (WebView2 caches hard): the npm
 * package's version for the package, else office.js's own build number (OSF.ConstantNames.FileVersion) and a hash
 * of the files.
 */
function officeJsVersion(dir = officeJsDir()) {
  if (dir === NPM_DIST) return JSON.parse(fs.readFileSync(path.join(NPM_DIST, '..', 'package.json'), 'utf8')).version;
  const hash = crypto.createHash('sha256');
  for (const f of OFFICE_JS_FILES) if (fs.existsSync(path.join(dir, f))) hash.update(fs.readFileSync(path.join(dir, f)));
  const loader = fs.readFileSync(path.join(dir, 'office.js'), 'utf8');
  const build = /FileVersion\s*:\s*["']([\d.]+)["']/.exec(loader);
  return `${build ? build[1] : 'cdn'}-${hash.digest('hex').slice(0, 8)}`;
}

module.exports = { OFFICE_JS_FILES, officeJsDir, officeJsVersion, missingOfficeJsFiles, OFFICE_JS_DIST: NPM_DIST };
