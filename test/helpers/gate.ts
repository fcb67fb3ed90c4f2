/**
 * Tests that need something the repo cannot provide (a system program, the corpus beside the repo): where it is
 * missing they skip with one line saying what is missing, and under CI (CI=true) they fail, because CI has it.
 * `skip` is that line, or null when nothing is missing.
 */
export function describeGated(title: string, skip: string | null, body: () => void): void {
  if (skip === null) {
    describe(title, body);
    return;
  }
  if (process.env.CI === 'true') {
    describe(title, () => {
      test('what it needs is present', () => {
        throw new Error(skip);
      });
    });
    return;
  }
  console.warn(skip);
  describe.skip(title, () => {
    test(skip, () => undefined);
  });
}

/** One test with the same rules, inside a describe that needs nothing. */
export function testGated(title: string, skip: string | null, fn: () => unknown, timeout?: number): void {
  if (skip === null) {
    test(title, fn as jest.ProvidesCallback, timeout);
    return;
  }
  if (process.env.CI === 'true') {
    test(title, () => {
      throw new Error(skip);
    });
    return;
  }
  console.warn(skip);
  test.skip(skip, () => undefined);
}
