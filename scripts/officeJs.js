'use strict';
/**
 * The part of @microsoft/office-js (its dist/ is ~86 MB: every host, platform and locale) that an Excel add-in
 * needs, so the add-in can serve office.js itself on a closed network. The loader office.js resolves every other
 * file relative to its own <script src>:
 *   - o15apptofilemappingtable.js when there is no host info (a plain browser: Office.onReady then reports no host);
 *   - excel-<platform>-<version>.js for the host, with the versions of OSF.HostSpecificFileVersionMap (win32 16.01,
 *     but 16.00 for builds that report it; mac, web and iPad 16.00);
 *   - <locale>/office_strings.js with en-us as the fallback, so zh-cn and en-us are enough for our users;
 *   - telemetry/oteljs_agave.js and ariatelemetry/aria-web-telemetry.js (telemetry: shipped so the load does not
 *     404; the requests they would make fail offline, harmlessly).
 */
const fs = require('node:fs');
const path = require('node:path');

const DIST = path.resolve(__dirname, '..', 'node_modules', '@microsoft', 'office-js', 'dist');

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

/** The installed package's version: the folder name under dist/office/, so an upgrade changes every URL. */
function officeJsVersion() {
  return JSON.parse(fs.readFileSync(path.join(DIST, '..', 'package.json'), 'utf8')).version;
}

module.exports = { OFFICE_JS_FILES, officeJsVersion, OFFICE_JS_DIST: DIST };
