/*
 * Runs before the pane bundle, in every webview Office has used, including IE11 (Office 2016/2019): ES5 only, no
 * arrow functions, no let/const. When the host lacks what React 18 and Fluent UI 9 need, it writes a plain Chinese
 * message instead of leaving a blank pane, and marks the page so the bundle (if it parses at all) stays out.
 */
/* global window, document */
(function (w, d) {
  'use strict';
  function supported() {
    try {
      return (
        typeof w.Promise === 'function' &&
        typeof w.Promise.allSettled === 'function' &&
        typeof w.Symbol === 'function' &&
        typeof w.Map === 'function' &&
        typeof Object.fromEntries === 'function' &&
        typeof globalThis !== 'undefined' &&
        !!(w.CSS && w.CSS.supports && w.CSS.supports('--nb-probe', '0'))
      );
    // eslint-disable-next-line @typescript-eslint/no-unused-vars -- ES5 has no optional catch binding
    } catch (e) {
      return false;
    }
  }
  if (supported()) return;
  d.documentElement.setAttribute('data-legacy-host', '');
  var root = d.getElementById('root');
  if (!root) return;
  while (root.firstChild) root.removeChild(root.firstChild);
  var box = d.createElement('div');
  box.setAttribute('role', 'alert');
  box.style.fontFamily = '"Microsoft YaHei", SimSun, sans-serif';
  box.style.fontSize = '14px';
  box.style.lineHeight = '1.6';
  box.style.padding = '12px';
  var lines = [
    '年报助手',
    '您使用的 Excel 版本过旧，无法显示年报助手窗格。',
    '年报助手需要 Excel 2021、Excel 2024、Microsoft 365 或网页版 Excel。',
    'Office 2016、2019 请直接使用年报模板文件（.xlsx）：模板自带校验公式，填写后「校验」工作表会列出需要修改的地方。',
    '如需帮助，请联系本单位的信息化管理员。'
  ];
  for (var i = 0; i < lines.length; i++) {
    var p = d.createElement(i === 0 ? 'h1' : 'p');
    if (i === 0) p.style.fontSize = '18px';
    p.appendChild(d.createTextNode(lines[i]));
    box.appendChild(p);
  }
  root.appendChild(box);
})(window, document);
