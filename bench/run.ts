/**
 * `npm run bench`: every benchmark, one after another, each printing its own measurements side by side.
 * Usage: node build/bench/run.js [name…] to run only some.
 */
interface Bench {
  name: string;
  run(): Promise<void>;
}

// One line per benchmark module.
const BENCHES: Array<() => Promise<Bench>> = [
  async () => ({ name: 'engine', run: (await import('./engine')).run }),
  async () => ({ name: 'pane-ops', run: (await import('./pane-ops')).run }),
  async () => ({ name: 'import', run: (await import('./import')).run }),
  async () => ({ name: 'batch', run: (await import('./batch')).run }),
  async () => ({ name: 'pane-size', run: (await import('./pane-size')).run }),
  async () => ({ name: 'readers', run: (await import('./readers')).run }),
  async () => ({ name: 'fuzz', run: (await import('./fuzz')).run }),
];

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  for (const load of BENCHES) {
    const bench = await load();
    if (only.length && !only.includes(bench.name)) continue;
    process.stdout.write(`\n=== ${bench.name} ===\n`);
    await bench.run();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${String(e)}\n`);
  process.exitCode = 1;
});
