#!/usr/bin/env node
/**
 * Writes the hand-made example workbooks into examples/收到的年报/ (test/handmade/examples.ts): compiled with the
 * benchmarks' tsconfig, which includes the generator. Usage: node scripts/make-handmade-examples.js
 */
const { execFileSync } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.bench.json'], { cwd: root, stdio: 'inherit' });
const { writeExamples } = require(path.join(root, 'build/benchjs/test/handmade/examples.js'));
writeExamples(path.join(root, 'examples/收到的年报')).then(
  (files) => files.forEach((f) => process.stdout.write(`${path.relative(root, f)}\n`)),
  (e) => {
    process.stderr.write(`${e && e.stack ? e.stack : String(e)}\n`);
    process.exitCode = 1;
  },
);
