/**
 * @jest-environment jsdom
 *
 * The old-host message (src/taskpane/legacy.js) must parse as ES5 (IE11 webview of Office 2016/2019) and must write
 * its Chinese message exactly when the host lacks what the React bundle needs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { parse } from 'acorn';

const SOURCE_PATH = join(__dirname, '..', '..', 'src', 'taskpane', 'legacy.js');
const SOURCE = readFileSync(SOURCE_PATH, 'utf8');

/** A window as a host of a given age presents it: features removed by name. */
function hostWindow(missing: string[] = []): Record<string, unknown> {
  const promise = Object.assign(function P() {}, { allSettled: missing.includes('Promise.allSettled') ? undefined : () => undefined });
  const w: Record<string, unknown> = {
    Promise: missing.includes('Promise') ? undefined : promise,
    Symbol: missing.includes('Symbol') ? undefined : Symbol,
    Map: missing.includes('Map') ? undefined : Map,
    CSS: missing.includes('CSS') ? undefined : { supports: (p: string) => p.startsWith('--') },
  };
  return w;
}

function runLegacy(w: Record<string, unknown>): void {
  document.documentElement.removeAttribute('data-legacy-host');
  document.body.innerHTML = '<div id="root"><p>正在加载年报助手…</p></div>';
  runInNewContext(SOURCE, { window: w, document });
}

test('parses as ES5', () => {
  expect(() => parse(SOURCE, { ecmaVersion: 5, sourceType: 'script' })).not.toThrow();
});

test('the ES5 check itself rejects modern syntax (so the test above can fail)', () => {
  expect(() => parse('const f = () => 1;', { ecmaVersion: 5, sourceType: 'script' })).toThrow();
});

test('a modern host: nothing changes, the bundle takes over', () => {
  runLegacy(hostWindow());
  expect(document.documentElement.hasAttribute('data-legacy-host')).toBe(false);
  expect(document.getElementById('root')?.textContent).toBe('正在加载年报助手…');
});

test.each([['Promise'], ['Promise.allSettled'], ['Symbol'], ['Map'], ['CSS']])('a host without %s gets the Chinese message', (feature) => {
  runLegacy(hostWindow([feature]));
  expect(document.documentElement.hasAttribute('data-legacy-host')).toBe(true);
  const alert = document.querySelector('#root [role="alert"]');
  expect(alert?.textContent).toContain('您使用的 Excel 版本过旧，无法显示年报助手窗格。');
  expect(alert?.textContent).toContain('Office 2016、2019 请直接使用年报模板文件（.xlsx）');
  expect(document.getElementById('root')?.textContent).not.toContain('正在加载');
});
