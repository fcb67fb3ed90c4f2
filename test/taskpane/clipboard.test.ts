/** @jest-environment jsdom */
import { copyText } from '../../src/taskpane/clipboard';

function stubExecCommand(result: boolean, seen: string[]): void {
  Object.defineProperty(document, 'execCommand', {
    configurable: true,
    value: (cmd: string) => {
      const area = document.querySelector('textarea');
      seen.push(`${cmd}:${area?.value ?? ''}`);
      return result;
    },
  });
}

afterEach(() => {
  Object.defineProperty(window.navigator, 'clipboard', { value: undefined, configurable: true });
});

test('uses the Clipboard API when allowed', async () => {
  const written: string[] = [];
  Object.defineProperty(window.navigator, 'clipboard', { value: { writeText: async (t: string) => void written.push(t) }, configurable: true });
  expect(await copyText('正文')).toBe(true);
  expect(written).toEqual(['正文']);
});

test('falls back to a selected textarea when the Clipboard API is refused, and cleans up', async () => {
  Object.defineProperty(window.navigator, 'clipboard', {
    value: { writeText: async () => Promise.reject(new Error('NotAllowedError')) },
    configurable: true,
  });
  const seen: string[] = [];
  stubExecCommand(true, seen);
  expect(await copyText('正文')).toBe(true);
  expect(seen).toEqual(['copy:正文']);
  expect(document.querySelector('textarea')).toBeNull();
});

test('reports failure when neither route works', async () => {
  const seen: string[] = [];
  stubExecCommand(false, seen);
  expect(await copyText('正文')).toBe(false);
  expect(seen).toEqual(['copy:正文']);
});
