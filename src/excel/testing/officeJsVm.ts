/**
 * TEST ONLY (Node): Microsoft's office.js as a task pane loads it, in a `node:vm` context. A minimal page (the few DOM
 * members the loader and the host files touch) runs office.js from an office.js folder; the loader then fetches the
 * host file it picks (excel-win32-16.01.js or excel-web-16.00.js) and the locale strings from the same folder, exactly
 * as from the add-in's self-hosted copy. Underneath, the simulated Excel host answers through ./hostBridge.ts.
 * Returns the page's `Office` and `Excel` once `Office.onReady` has resolved.
 */
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import * as vm from 'node:vm';
import { ExcelHost, type HostOptions } from './excelHost';
import { DEFAULT_IDENTITY, win32External, webParent, type HostIdentity } from './hostBridge';
import { addNotesToLibrary } from './notesLibrary';

export type Platform = 'win32' | 'web';

/** The npm package's dist/ folder (office.js 1.1.110). */
export function npmOfficeJsDir(): string {
  return join(dirname(require.resolve('@microsoft/office-js/package.json')), 'dist');
}

/** The folder the build copies: OFFICE_JS_DIR when set (a newer copy, docs/deployment.md), else the npm package's. */
export function defaultOfficeJsDir(): string {
  return process.env.OFFICE_JS_DIR ? resolve(process.env.OFFICE_JS_DIR) : npmOfficeJsDir();
}

export interface LoadOptions extends HostOptions {
  platform: Platform;
  /** Folder holding office.js and the files it loads; default the installed @microsoft/office-js dist/. */
  officeJsDir?: string;
  identity?: HostIdentity;
  /** An existing host (e.g. to reload the pane over the same workbook). */
  host?: ExcelHost;
  /** Add the notes classes a newer office.js has (./notesLibrary.ts); the npm package has none. */
  notesLibrary?: boolean;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- office.js globals are untyped inside the VM */
export interface LoadedOffice {
  host: ExcelHost;
  platform: Platform;
  /** The page's globals. */
  Office: any;
  Excel: any;
  OfficeExtension: any;
  /** Files the loader fetched, relative to the office.js folder, in order. */
  scripts: string[];
  /** Stops the page's timers (office.js keeps some running; a test or the bench must close what it opens). */
  close(): void;
}

const BASE = 'https://localhost:3000/office/lib/';
const PAGE = 'https://localhost:3000/taskpane.html';
/** The Excel page that frames the pane on the web (a Microsoft domain office.js trusts). */
export const WEB_HOST_ORIGIN = 'https://excel.officeapps.live.com';

const compiled = new Map<string, vm.Script>();

function script(file: string): vm.Script {
  let s = compiled.get(file);
  if (!s) {
    s = new vm.Script(readFileSync(file, 'utf8'), { filename: file });
    compiled.set(file, s);
  }
  return s;
}

interface Timers {
  set(kind: 'timeout' | 'interval', f: () => void, ms?: number): number;
  clear(id: number): void;
  clearAll(): void;
}

function pageTimers(): Timers {
  const live = new Map<number, { kind: 'timeout' | 'interval'; handle: ReturnType<typeof setTimeout> }>();
  let next = 1;
  return {
    set(kind, f, ms = 0) {
      const id = next++;
      const run = (): void => {
        if (kind === 'timeout') live.delete(id);
        f();
      };
      const handle = kind === 'timeout' ? setTimeout(run, ms) : setInterval(run, ms);
      live.set(id, { kind, handle });
      return id;
    },
    clear(id) {
      const t = live.get(id);
      if (!t) return;
      if (t.kind === 'timeout') clearTimeout(t.handle);
      else clearInterval(t.handle);
      live.delete(id);
    },
    clearAll() {
      for (const id of [...live.keys()]) this.clear(id);
    },
  };
}

/** An element just real enough for the loader: scripts it appends are run from the office.js folder. */
interface FakeElement {
  tagName: string;
  src?: string;
  href?: string;
  style: Record<string, string>;
  attributes: Record<string, string>;
  setAttribute(k: string, v: string): void;
  getAttribute(k: string): string | null;
  appendChild(child: FakeElement): FakeElement;
  removeChild(child: FakeElement): FakeElement;
  onload?: () => void;
  onerror?: () => void;
  [key: string]: unknown;
}

export async function loadOfficeJs(options: LoadOptions): Promise<LoadedOffice> {
  const dir = options.officeJsDir ?? defaultOfficeJsDir();
  if (!existsSync(join(dir, 'office.js'))) throw new Error(`no office.js in ${dir}`);
  const host = options.host ?? new ExcelHost(options);
  const identity = options.identity ?? DEFAULT_IDENTITY;
  const timers = pageTimers();
  const scripts: string[] = [];
  const listeners = new Map<string, Array<(e: unknown) => void>>();

  const sandbox: Record<string, any> = {};
  const context = vm.createContext(sandbox);
  const win = vm.runInContext('this', context) as Record<string, any>;

  const later = (f: () => void): void => void timers.set('timeout', f, 0);
  const element = (tagName: string): FakeElement => {
    const el: FakeElement = {
      tagName: tagName.toUpperCase(),
      style: {},
      attributes: {},
      setAttribute(k, v) {
        this.attributes[k] = v;
      },
      getAttribute(k) {
        return this.attributes[k] ?? null;
      },
      appendChild(child) {
        if (child.tagName === 'SCRIPT') runScript(child);
        return child;
      },
      removeChild: (child) => child,
    };
    if (tagName.toLowerCase() === 'a') {
      // office.js parses URLs through an anchor's href.
      Object.defineProperty(el, 'href', {
        set(v: string) {
          const u = new URL(v, PAGE);
          Object.assign(el, { protocol: u.protocol, hostname: u.hostname, host: u.host, port: u.port, pathname: u.pathname, search: u.search, hash: u.hash });
        },
        get: () => '',
      });
    }
    return el;
  };
  const scriptElements: FakeElement[] = [Object.assign(element('script'), { src: `${BASE}office.js` })];
  const runScript = (el: FakeElement): void => {
    scriptElements.push(el);
    const url = String(el.src ?? '');
    later(() => {
      const rel = url.startsWith(BASE) ? url.slice(BASE.length) : null;
      const file = rel ? join(dir, rel) : null;
      if (!rel || !file || !existsSync(file)) {
        el.onerror?.();
        return;
      }
      scripts.push(rel);
      script(file).runInContext(context);
      el.onload?.();
    });
  };
  const head = element('head');
  const body = element('body');
  const document = {
    readyState: 'complete',
    cookie: '',
    domain: 'localhost',
    documentElement: element('html'),
    head,
    body,
    getElementsByTagName: (tag: string) => (tag.toLowerCase() === 'script' ? scriptElements : tag.toLowerCase() === 'head' ? [head] : tag.toLowerCase() === 'body' ? [body] : []),
    getElementById: () => null,
    querySelector: () => null,
    querySelectorAll: () => [],
    createElement: element,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    hasFocus: () => true,
  };

  const location =
    options.platform === 'web'
      ? new URL(`${PAGE}?_host_Info=Excel$Web$16.00$${identity.locale}$telemetry$$$0#&_xdm_Info=conv1|addin1|${encodeURIComponent(WEB_HOST_ORIGIN + '/x/_layouts/xlviewerinternal.aspx')}`)
      : new URL(PAGE);
  Object.assign(win, {
    window: win,
    self: win,
    top: win,
    document,
    navigator: { userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0', language: identity.locale },
    location: { href: location.href, origin: location.origin, protocol: location.protocol, host: location.host, hostname: location.hostname, port: location.port, pathname: location.pathname, search: location.search, hash: location.hash, replace: () => undefined },
    history: {},
    name: '',
    performance,
    console: { log: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined, trace: () => undefined },
    setTimeout: (f: () => void, ms?: number) => timers.set('timeout', f, ms),
    clearTimeout: (id: number) => timers.clear(id),
    setInterval: (f: () => void, ms?: number) => timers.set('interval', f, ms),
    clearInterval: (id: number) => timers.clear(id),
    addEventListener: (type: string, f: (e: unknown) => void) => listeners.set(type, [...(listeners.get(type) ?? []), f]),
    removeEventListener: (type: string, f: (e: unknown) => void) => listeners.set(type, (listeners.get(type) ?? []).filter((x) => x !== f)),
    TextEncoder,
    TextDecoder,
    URL,
  });
  const dispatch = (type: string, event: unknown): void => {
    for (const f of listeners.get(type) ?? []) f(event);
  };
  if (options.platform === 'win32') win.external = win32External(host, identity, later);
  else win.parent = webParent(host, identity, { origin: WEB_HOST_ORIGIN, deliver: (data) => later(() => dispatch('message', { data, origin: WEB_HOST_ORIGIN, source: win.parent })) });

  script(join(dir, 'office.js')).runInContext(context);
  const Office = win.Office;
  await new Promise<void>((resolveReady, reject) => {
    const timer = setTimeout(() => reject(new Error(`Office.onReady did not resolve (loaded: ${scripts.join(', ')})`)), 15000);
    Office.onReady().then((info: { host: string | null }) => {
      clearTimeout(timer);
      if (info.host !== 'Excel') reject(new Error(`office.js reported host ${String(info.host)}`));
      else resolveReady();
    }, reject);
  });
  if (options.notesLibrary) addNotesToLibrary({ Excel: win.Excel, OfficeExtension: win.OfficeExtension });
  return { host, platform: options.platform, Office, Excel: win.Excel, OfficeExtension: win.OfficeExtension, scripts, close: () => timers.clearAll() };
}
/* eslint-enable @typescript-eslint/no-explicit-any */
