/**
 * Property tests (fast-check) run from one fixed seed, so `npm test` and CI give the same result every time; a
 * failure prints its seed and counterexample either way. FC_SEED=<n> runs from another seed, FC_SEED=random from a
 * new one each run (to explore; what it finds becomes a test of its own).
 */
import fc from 'fast-check';

const DEFAULT_SEED = 20261129;
const asked = process.env.FC_SEED;
if (asked !== 'random') {
  const seed = asked !== undefined && /^-?\d+$/.test(asked) ? Number(asked) : DEFAULT_SEED;
  fc.configureGlobal({ seed });
}
