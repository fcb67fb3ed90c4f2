'use strict';
/**
 * Jest reporter: at the end of a run, every test skipped because a system program or the corpus beside the repo is
 * missing, by name (the gates in test/helpers/gate.ts name such tests `skipped "<title>": missing …`). Jest's default
 * reporter leaves out the console output of a test file whose every test was skipped, so the gates' own warnings
 * alone would not always be seen.
 */
class SkippedReporter {
  onRunComplete(_contexts, results) {
    const skipped = [];
    for (const file of results.testResults) {
      for (const t of file.testResults) if (t.status === 'pending' && t.title.startsWith('skipped "')) skipped.push(t.title);
    }
    if (skipped.length === 0) return;
    process.stderr.write(`\nSkipped for want of a system program or the corpus beside the repo (${skipped.length}):\n${skipped.map((s) => `  ${s}\n`).join('')}`);
  }
}

module.exports = SkippedReporter;
