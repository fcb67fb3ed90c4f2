#!/usr/bin/env node
'use strict';
/**
 * `npm run validate [--root DIR] [manifest…]`: check manifests offline. Default: manifest.xml, plus dist/manifest.xml
 * when a build exists. Always the project's structural checks (icons looked up under the manifest's own folder, or
 * under --root); Microsoft's XSD too where the schemas are found (scripts/manifest.js), otherwise one line says it
 * was skipped and how to enable it. Exit 0 when every check that ran passed, 1 when one failed, 2 when
 * NIANBAO_MANIFEST_SCHEMAS names a folder without the schemas or the usage is wrong.
 */
const fs = require('node:fs');
const path = require('node:path');
const { SOURCE_MANIFEST, findSchemas, schemaSkippedMessage, validateManifest } = require('./manifest');

function parseArgs(argv) {
  const files = [];
  let root = null;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--root') {
      if (argv[i + 1] === undefined) throw new Error('选项 --root 缺少目录');
      root = path.resolve(argv[++i]);
    } else if (argv[i].startsWith('-')) throw new Error(`不认识的选项：${argv[i]}（可用：--root 目录）`);
    else files.push(path.resolve(argv[i]));
  }
  return { files, root };
}

async function main() {
  const { files: given, root } = parseArgs(process.argv.slice(2));
  const built = path.resolve(__dirname, '..', 'dist', 'manifest.xml');
  const files = given.length ? given : [SOURCE_MANIFEST, ...(fs.existsSync(built) ? [built] : [])];
  const schemas = findSchemas();
  if (!schemas.found && !schemas.explicit) process.stdout.write(`${schemaSkippedMessage(schemas.dir)}\n`);
  let failed = false;
  for (const file of files) {
    const rel = path.relative(process.cwd(), file) || file;
    if (!fs.existsSync(file)) {
      process.stderr.write(`✗ ${rel}：文件不存在\n`);
      failed = true;
      continue;
    }
    const result = await validateManifest(fs.readFileSync(file, 'utf8'), { root: root || path.dirname(file), fileName: path.basename(file), schemas });
    const what = result.schemaChecked ? '清单符合 Office 加载项架构，结构检查通过' : '清单结构检查通过（未做架构校验）';
    if (result.valid) {
      process.stdout.write(`✓ ${rel}：${what}\n`);
      continue;
    }
    failed = true;
    if (result.structureErrors.length) {
      process.stderr.write(`✗ ${rel}：清单结构检查未通过\n`);
      for (const e of result.structureErrors) process.stderr.write(`  ${e}\n`);
    }
    if (result.schemaErrors.length) {
      process.stderr.write(`✗ ${rel}：清单不符合 Office 加载项架构\n`);
      for (const e of result.schemaErrors) process.stderr.write(`  ${e}\n`);
    }
  }
  process.exitCode = failed ? 1 : 0;
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 2;
});
