/**
 * TEST ONLY: how requests reach ./excelHost.ts from Microsoft's office.js as it is loaded, at the lowest point office.js
 * reaches before leaving the page:
 *   - Excel on Windows (excel-win32-16.01.js): the `window.external` object the Office client puts into the task
 *     pane's webview — `GetHostInfo` (which host file the loader fetches), `GetContext` (the app context, including the
 *     requirement sets the host reports), `Execute(dispId, args, callback)` (dispId 93 carries a RichApi request);
 *   - Excel on the web (excel-web-16.00.js): the cross-frame messages (XDM) the pane exchanges with the Excel page
 *     that frames it: the app context request, then `executeMethod` calls that carry the same RichApi requests.
 * Everything above these — proxy objects, load paths, request serialisation, response parsing, error objects — is
 * Microsoft's code. Sources for the message shapes are in ./README.md (transports).
 * No Node modules here: the e2e test bundles this file into a page with the production pane.
 */
import type { ExcelHost } from './excelHost';

/** OSF's dispatch id of ExecuteRichApiRequestAsync (OSF.DDA.MethodDispId.dispidExecuteRichApiRequestMethod). */
export const DISPID_RICH_API = 93;
/** OSF.AppName.Excel and OSF.AppName.ExcelWebApp. */
const APP_EXCEL = 1;
const APP_EXCEL_WEB = 16;

export interface HostIdentity {
  /** UI and data locale, e.g. zh-CN. */
  locale: string;
  /** Full build the host reports, e.g. 16.0.18324.20000. */
  fullVersion: string;
}

export const DEFAULT_IDENTITY: HostIdentity = { locale: 'zh-CN', fullVersion: '16.0.18324.20000' };

/** The request text and flags out of the message array office.js builds (RichApiMessageUtility.buildRequestMessageSafeArray). */
function unpackRequest(messageArray: unknown): { body: string; flags: number } {
  const a = messageArray as unknown[];
  return { body: String(a[4]), flags: Number(a[6]) || 0 };
}

// ---- Excel on Windows -----------------------------------------------------------------------------------------------

interface SafeArrayLike {
  toArray(): unknown[];
}

export interface Win32External {
  GetHostInfo(): string;
  GetContext(): Record<string, () => unknown>;
  GetLoggingAllowed(): boolean;
  Execute(dispId: number, args: unknown[], callback: (response: SafeArrayLike | number) => void): void;
  RegisterEvent(dispId: number, targetId: string, handler: unknown, callback: (status: number) => void): void;
  UnregisterEvent(dispId: number, targetId: string, callback: (status: number) => void): void;
}

/** `window.external` of a Windows Excel hosting the pane (`later` defers a callback, as a real host answers asynchronously). */
export function win32External(host: ExcelHost, identity: HostIdentity = DEFAULT_IDENTITY, later: (f: () => void) => void = (f) => setTimeout(f, 0)): Win32External {
  const settings = { Read: () => undefined, Write: () => undefined };
  const context: Record<string, () => unknown> = {
    GetAppType: () => APP_EXCEL,
    GetSolutionRef: () => 'nianbao-assistant',
    GetAppVersionMajor: () => 16,
    GetAppVersionMinor: () => 1,
    GetAppUILocale: () => identity.locale,
    GetAppDataLocale: () => identity.locale,
    GetDocUrl: () => '',
    GetAppCapabilities: () => 0,
    GetActivationMode: () => 0,
    GetControlIntegrationLevel: () => 0,
    GetSolutionToken: () => '',
    GetCorrelationId: () => '',
    GetInstanceId: () => 'nianbao-instance',
    GetSupportedMatrix: () => JSON.stringify(host.requirementMatrix()),
    GetHostFullVersion: () => identity.fullVersion,
    GetSettings: () => settings,
    GetOfficeThemeInfo: () => null,
  };
  return {
    GetHostInfo: () => `Excel$Win32$16.01$${identity.locale}$$$$0`,
    GetContext: () => context,
    GetLoggingAllowed: () => false,
    Execute(dispId, args, callback) {
      if (dispId !== DISPID_RICH_API) {
        // Nothing else of the Office host is simulated: other calls succeed with no data.
        later(() => callback({ toArray: () => [0] }));
        return;
      }
      const { body, flags } = unpackRequest(args[0]);
      void host.handle(body, flags).then((text) => later(() => callback({ toArray: () => [0, [200, [], text]] })));
    },
    RegisterEvent(_dispId, _targetId, _handler, callback) {
      later(() => callback(0));
    },
    UnregisterEvent(_dispId, _targetId, callback) {
      later(() => callback(0));
    },
  };
}

// ---- Excel on the web -----------------------------------------------------------------------------------------------

/** Microsoft.Office.Common.MessageType / ActionType / ResponseType / InvokeResultCode as office.js numbers them. */
const XDM = { request: 0, response: 1, invoke: 0, forCalling: 0, noError: 0 } as const;

interface XdmRequest {
  _messageType: number;
  _actionType: number;
  _actionName: string;
  _conversationId: string;
  _correlationId: number;
  _data: unknown;
}

export interface WebFrameOptions {
  /** The Excel page's origin, as `MessageEvent.origin` of its answers. */
  origin: string;
  /** Post a message to the pane's window (as the Excel page's `postMessage` into the pane's frame). */
  deliver(data: string): void;
}

/** The Excel page framing the pane: what office.js finds as `window.parent` and posts its XDM requests to. */
export function webParent(host: ExcelHost, identity: HostIdentity, frame: WebFrameOptions): { postMessage(message: string, targetOrigin?: string): void } {
  const answer = (req: XdmRequest, data: unknown): void =>
    frame.deliver(
      JSON.stringify({ _messageType: XDM.response, _actionName: req._actionName, _conversationId: req._conversationId, _correlationId: req._correlationId, _errorCode: XDM.noError, _responseType: XDM.forCalling, _data: data }),
    );
  const appContext = (): Record<string, unknown> => ({
    _id: 'nianbao-assistant',
    _appName: APP_EXCEL_WEB,
    _appVersion: 16,
    _appMinorVersion: 0,
    _appUILocale: identity.locale,
    _dataLocale: identity.locale,
    _docUrl: '',
    _clientMode: 1,
    _settings: [],
    _reason: 0,
    _osfControlType: 0,
    _eToken: '',
    _correlationId: '',
    _appInstanceId: 'nianbao-instance',
    _requirementMatrix: JSON.stringify(host.requirementMatrix()),
    _hostFullVersion: identity.fullVersion,
  });
  return {
    postMessage(message) {
      let req: XdmRequest;
      try {
        req = JSON.parse(message) as XdmRequest;
      } catch {
        return;
      }
      if (req._messageType !== XDM.request) return;
      if (req._actionType !== XDM.invoke) {
        answer(req, {});
        return;
      }
      switch (req._actionName) {
        case 'ContextActivationManager_getAppContextAsync':
          answer(req, appContext());
          return;
        case 'executeMethod': {
          const args = req._data as { DdaMethod?: { DispatchId?: number }; ArrayData?: unknown };
          if (args.DdaMethod?.DispatchId !== DISPID_RICH_API) {
            answer(req, { Version: 1, Error: 0 });
            return;
          }
          const { body, flags } = unpackRequest(args.ArrayData);
          void host.handle(body, flags).then((text) => answer(req, { Version: 1, Error: 0, Data: [200, [], text] }));
          return;
        }
        default:
          answer(req, null);
      }
    },
  };
}
