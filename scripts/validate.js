#!/usr/bin/env node
'use strict';
/**
 * `npm run validate [manifest…]`: check manifests offline against the Office XSD. Default: manifest.xml, plus
 * dist/manifest.xml when a build exists. Exit 1 on an invalid manifest, 2 when the schemas are missing.
 */
const fs = require('node:fs');
const path = require('node:path');
const { SOURCE_MANIFEST, validateManifest } = require('./manifest');

async function main() {
  const args = process.argv.slice(2);
  const built = path.resolve(__dirname, '..', 'dist', 'manifest.xml');
  const files = args.length ? args.map((a) => path.resolve(a)) : [SOURCE_MANIFEST, ...(fs.existsSync(built) ? [built] : [])];
  let failed = false;
  for (const file of files) {
    const rel = path.relative(process.cwd(), file) || file;
    if (!fs.existsSync(file)) {
      process.stderr.write(`✗ ${rel}：文件不存在\n`);
      failed = true;
      continue;
    }
    const result = await validateManifest(fs.readFileSync(file, 'utf8'), { fileName: path.basename(file) });
    if (result.valid) {
      process.stdout.write(`✓ ${rel}：清单符合 Office 加载项架构\n`);
    } else {
      failed = true;
      process.stderr.write(`✗ ${rel}：清单不符合 Office 加载项架构\n`);
      for (const e of result.errors) process.stderr.write(`  ${e}\n`);
    }
  }
  process.exitCode = failed ? 1 : 0;
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 2;
});
