/**
 * Entry of the task pane bundle. The one file in src/taskpane that knows about Office and the Excel adapter: it waits
 * for Office.onReady, checks the host, creates the Excel services and renders the pane once inside FluentProvider.
 */
import * as React from 'react';
import { createRoot, type Root as ReactRoot } from 'react-dom/client';
// The one import of the Excel adapter in src/taskpane (see the lint rule for this folder).
import { createExcelServices } from '../excel';
import { HostMessage, type HostProblem } from './components/HostMessage';
import { Pane } from './components/Pane';
import { Root } from './Root';

/** How long to wait for office.js before saying it did not load (Excel on the web can be slow on first open). */
const OFFICE_TIMEOUT_MS = 30000;

let root: ReactRoot | null = null;

function render(node: React.ReactNode, services?: Parameters<typeof Root>[0]['services']): void {
  const container = document.getElementById('root');
  if (!container) return;
  root ??= createRoot(container);
  root.render(<Root services={services}>{node}</Root>);
}

function showProblem(problem: HostProblem, host?: string | null): void {
  render(<HostMessage problem={problem} host={host} />);
}

interface OfficeInternals {
  OSF?: { Logger?: { ulsEndpoint?: { proxyFrame?: unknown } | null } };
}

/**
 * Outside Office, office.js's O15 logger adds a hidden iframe to Microsoft's telemetry service three seconds after
 * load. Our CSP blocks it (and on a closed network it could not load anyway); mark the frame as already made so
 * office.js does not try and the console stays clean. Guarded: a later office.js without this logger is untouched.
 */
function skipPlainBrowserTelemetry(): void {
  const endpoint = (window as unknown as OfficeInternals).OSF?.Logger?.ulsEndpoint;
  if (endpoint && typeof endpoint === 'object' && endpoint.proxyFrame === null) endpoint.proxyFrame = {};
}

function boot(): void {
  // legacy.js marks hosts too old for this bundle; it has already written its own message there.
  if (document.documentElement.hasAttribute('data-legacy-host')) return;
  if (typeof Office === 'undefined') {
    showProblem('office-missing');
    return;
  }
  let ready = false;
  const timer = window.setTimeout(() => {
    if (!ready) showProblem('office-missing');
  }, OFFICE_TIMEOUT_MS);
  void Office.onReady((info) => {
    ready = true;
    window.clearTimeout(timer);
    if (info.host !== Office.HostType.Excel) {
      // Outside Office (a plain browser) the host is null: explain where the pane belongs.
      if (!info.host) skipPlainBrowserTelemetry();
      showProblem('not-excel', info.host ? String(info.host) : null);
      return;
    }
    if (!Office.context.requirements.isSetSupported('ExcelApi', '1.8')) {
      showProblem('api-too-old');
      return;
    }
    render(<Pane />, createExcelServices());
  });
}

boot();
