#!/usr/bin/env node
// Runs the built command line (npm run build:cli writes build/).
const path = require('path');
const fs = require('fs');
const main = path.join(__dirname, '..', 'build', 'cli', 'main.js');
if (!fs.existsSync(main)) {
  process.stderr.write('命令行还没有构建。请先运行：npm run build:cli\n');
  process.exit(2);
}
require(main)
  .run(process.argv.slice(2))
  .then((code) => { process.exitCode = code; });
