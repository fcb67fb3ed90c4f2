'use strict';
/**
 * The add-in manifest: validation, and the deployment rewrite the build applies (base URL, <Version>). Plain Node so
 * scripts, webpack and tests share it.
 *
 * Validation is two layers. The project's own structural checks (scripts/manifestStructure.js) always run and need
 * nothing outside the repo. Microsoft's XSD (xmllint compiled to WebAssembly, no network) runs where the schema files
 * are found: NIANBAO_MANIFEST_SCHEMAS, else ../shared/schemas/office-manifest beside the repo. They are Microsoft's
 * files, obtained from outside, and are never copied into the repo; without them the schema layer is skipped and the
 * caller says so once (schemaSkippedMessage).
 */
const fs = require('node:fs');
const path = require('node:path');
const { checkManifestStructure } = require('./manifestStructure');

const REPO = path.resolve(__dirname, '..');
const SOURCE_MANIFEST = path.join(REPO, 'manifest.xml');
/** The URL the source manifest points at; the build replaces it with ADDIN_BASE_URL. */
const DEV_BASE_URL = 'https://localhost:3000';
const MAIN_SCHEMA = 'OfficeAppManifestV1_1.xsd';
const DEFAULT_SCHEMA_DIR = path.resolve(REPO, '..', 'shared', 'schemas', 'office-manifest');

/** Where the schemas live: NIANBAO_MANIFEST_SCHEMAS, else ../shared/schemas/office-manifest beside the repo. */
function schemaDir(env = process.env) {
  return env.NIANBAO_MANIFEST_SCHEMAS || DEFAULT_SCHEMA_DIR;
}

/**
 * The schema folder and whether it holds the schemas. `explicit` when NIANBAO_MANIFEST_SCHEMAS names it: a folder
 * named on purpose that lacks them is an error, the default folder missing only skips the schema layer.
 */
function findSchemas(env = process.env) {
  const dir = schemaDir(env);
  return { dir, found: fs.existsSync(path.join(dir, MAIN_SCHEMA)), explicit: Boolean(env.NIANBAO_MANIFEST_SCHEMAS) };
}

/** What to say, once, when the schema layer was skipped. */
function schemaSkippedMessage(dir = schemaDir()) {
  return (
    `未找到 Office 加载项清单的 XSD 架构（${path.join(dir, MAIN_SCHEMA)}），已跳过架构校验，只做了本项目的结构检查。` +
    '如需架构校验，请把 Microsoft 的加载项清单架构（OfficeAppManifestV1_1.xsd 及其引用的 .xsd）放在一个文件夹中，' +
    '并用环境变量 NIANBAO_MANIFEST_SCHEMAS 指定该文件夹。'
  );
}

/**
 * Validate manifest text against the XSD in `dir`. Resolves { valid, errors: string[] }; rejects when the schemas
 * cannot be read. Errors are xmllint's own lines (element names, line numbers), which is what a developer needs.
 */
async function validateManifestSchema(xml, { dir = schemaDir(), fileName = 'manifest.xml' } = {}) {
  if (!fs.existsSync(path.join(dir, MAIN_SCHEMA))) {
    throw new Error(`找不到加载项清单的 XSD 架构：${path.join(dir, MAIN_SCHEMA)}（可用环境变量 NIANBAO_MANIFEST_SCHEMAS 指定目录）`);
  }
  const { validateXML } = require('xmllint-wasm');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.xsd'));
  const read = (f) => ({ fileName: f, contents: fs.readFileSync(path.join(dir, f), 'utf8') });
  const result = await validateXML({
    xml: [{ fileName, contents: xml }],
    schema: [read(MAIN_SCHEMA)],
    preload: files.filter((f) => f !== MAIN_SCHEMA).map(read),
  });
  return { valid: result.valid, errors: result.errors.map((e) => e.rawMessage) };
}

/**
 * Both layers. `root` is the folder the add-in is served from (icons are checked there; the repo for manifest.xml);
 * `schemas` defaults to findSchemas(). Resolves { valid, errors, structureErrors, schemaErrors, schemaChecked,
 * schemaDir }; rejects when NIANBAO_MANIFEST_SCHEMAS names a folder without the schemas.
 */
async function validateManifest(xml, { root = REPO, fileName = 'manifest.xml', schemas = findSchemas() } = {}) {
  if (!schemas.found && schemas.explicit) {
    throw new Error(`找不到加载项清单的 XSD 架构：${path.join(schemas.dir, MAIN_SCHEMA)}（环境变量 NIANBAO_MANIFEST_SCHEMAS 指定的目录中没有）`);
  }
  const structureErrors = checkManifestStructure(xml, { root }).errors;
  const schemaErrors = schemas.found ? (await validateManifestSchema(xml, { dir: schemas.dir, fileName })).errors : [];
  const schemaValid = schemas.found ? schemaErrors.length === 0 : true;
  return {
    valid: structureErrors.length === 0 && schemaValid,
    errors: [...structureErrors, ...schemaErrors],
    structureErrors,
    schemaErrors,
    schemaChecked: schemas.found,
    schemaDir: schemas.dir,
  };
}

/** A semantic base version from package.json plus a build number: Office reloads an add-in when <Version> changes. */
function manifestVersion(pkgVersion, buildNumber) {
  const parts = String(pkgVersion).split(/[.+-]/).slice(0, 3).map((p) => Number.parseInt(p, 10));
  if (parts.length !== 3 || parts.some((n) => !Number.isInteger(n) || n < 0 || n > 99999)) {
    throw new Error(`package.json 的版本号无法用于清单：${pkgVersion}`);
  }
  if (!Number.isInteger(buildNumber) || buildNumber < 0 || buildNumber > 99999) {
    throw new Error(`清单构建号必须是 0–99999 的整数：${buildNumber}`);
  }
  return `${parts.join('.')}.${buildNumber}`;
}

/**
 * The build number: MANIFEST_BUILD when set (release pipelines), otherwise hours since 2024-01-01 UTC, so every
 * build from a later hour carries a higher <Version> (fits the schema's five digits until 2035).
 */
function buildNumber(env = process.env, now = Date.now()) {
  if (env.MANIFEST_BUILD !== undefined && env.MANIFEST_BUILD !== '') {
    const n = Number(env.MANIFEST_BUILD);
    if (!Number.isInteger(n)) throw new Error(`MANIFEST_BUILD 必须是整数，收到「${env.MANIFEST_BUILD}」`);
    return n;
  }
  return Math.floor((now - Date.UTC(2024, 0, 1)) / 3600000);
}

/** Normalise a base URL: https (or http://localhost for development), no trailing slash. */
function normaliseBaseUrl(raw) {
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`ADDIN_BASE_URL 不是有效的网址：「${raw}」`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && ['localhost', '127.0.0.1'].includes(url.hostname))) {
    throw new Error(`ADDIN_BASE_URL 必须使用 https（Office 只从 https 加载加载项），收到「${raw}」`);
  }
  return url.href.replace(/\/+$/, '');
}

/** The manifest as deployed: every development URL replaced by baseUrl, and <Version> set. */
function renderManifest(source, { baseUrl, version }) {
  const base = normaliseBaseUrl(baseUrl);
  if (!/<Version>[^<]*<\/Version>/.test(source)) throw new Error('清单中没有 <Version> 元素');
  return source
    .split(DEV_BASE_URL)
    .join(base)
    .replace(/<Version>[^<]*<\/Version>/, `<Version>${version}</Version>`);
}

module.exports = {
  REPO,
  SOURCE_MANIFEST,
  DEV_BASE_URL,
  MAIN_SCHEMA,
  schemaDir,
  findSchemas,
  schemaSkippedMessage,
  validateManifestSchema,
  validateManifest,
  checkManifestStructure,
  manifestVersion,
  buildNumber,
  normaliseBaseUrl,
  renderManifest,
};
