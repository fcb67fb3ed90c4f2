/**
 * TEST ONLY: the Excel host beneath Microsoft's office.js client library. The library serialises every
 * `context.sync()` into one request (`{ Actions, ObjectPaths }`, JSON) and hands it to the host; this class runs the
 * actions in order against ./workbookModel.ts and answers `{ Results, Error }` as the library expects to parse it.
 * The transports that carry requests here from the library as it is loaded (Windows' `window.external`, the web's
 * cross-frame messages) are in ./hostBridge.ts.
 *
 * Here too: syncs are counted, every request and response is measured (Excel on the web refuses either over 5 MB),
 * failures can be injected at any action index of a request, and a cell can be "in edit mode" (README: requests).
 */
import { CLASSES, memberApi, type ClassDef, type HostEnv, type HostObject, type Kind } from './excelClasses';
import { HostError, WorkbookModel } from './workbookModel';

/** ActionType and ObjectPathType as the library numbers them. */
const enum ActionType {
  Instantiate = 1,
  Query = 2,
  Method = 3,
  SetProperty = 4,
  Trace = 5,
}
const enum PathType {
  GlobalObject = 1,
  NewObject = 2,
  Method = 3,
  Property = 4,
  Indexer = 5,
  ReferenceId = 6,
  NullObject = 7,
}

interface ArgumentInfo {
  Arguments?: unknown[];
  ReferencedObjectPathIds?: (number | null)[];
}

export interface ActionInfo {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: ArgumentInfo;
  QueryInfo?: { Select?: string[] | null; Expand?: string[] | null; Skip?: number | null; Top?: number | null };
}

export interface ObjectPathInfo {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: ArgumentInfo;
}

export interface RequestBody {
  Actions: ActionInfo[];
  ObjectPaths: Record<string, ObjectPathInfo>;
  AutoKeepReference?: boolean;
}

interface ResponseBody {
  Results: { ActionId: number; Value: unknown }[];
  Error?: { Code: string; Message: string; ActionIndex: number; Location: string; HttpStatusCode: number };
  TraceIds?: string[];
}

/** One request the host received from the library. */
export interface RequestRecord {
  /** UTF-8 bytes of the request body and of the response body. */
  requestBytes: number;
  responseBytes: number;
  actions: number;
  /** The request's flags (bit 64: delay while a cell is edited). */
  flags: number;
  /** Touches the workbook (false for the library's own telemetry and add-in service calls). */
  workbook: boolean;
  error: string | null;
  /** How each action changed or read the model, for tests that look at command kinds (`Worksheet.Activate`, …). */
  commands: string[];
  /** Each action's kind by index (`Instantiate GetRange`, `SetProperty Color`, `Method Protect`, …), for fault sweeps. */
  kinds: string[];
}

/** 5 MB: Excel on the web refuses a larger request or response (README: limits). */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;

export interface HostOptions {
  /** The highest ExcelApi set the host reports and implements, e.g. "1.18". */
  apiVersion?: string;
  /** Refuse requests and responses over PAYLOAD_LIMIT, as Excel on the web does. */
  enforcePayloadLimit?: boolean;
  /**
   * Hand out reference ids for ranges when a request asks to keep references (README: R4, the other reading): office.js
   * then addresses them by id and releases them in a last request of each Excel.run.
   */
  keepReferences?: boolean;
}

interface Fault {
  /** Counted over workbook requests from the moment the fault was armed. */
  request: number;
  /** Action index in that request, or -1 for the whole request (nothing applied). */
  action: number;
  code: string;
  kind: 'fail' | 'hang';
}

const encoder = new TextEncoder();
const bytes = (s: string): number => encoder.encode(s).length;

function versionAtLeast(have: string, want: string): boolean {
  const [hm, hn = 0] = have.split('.').map(Number);
  const [wm, wn = 0] = want.split('.').map(Number);
  return hm > wm || (hm === wm && hn >= wn);
}

const camel = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);
const pascal = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

export class ExcelHost {
  readonly model = new WorkbookModel();
  apiVersion: string;
  enforcePayloadLimit: boolean;
  readonly requests: RequestRecord[] = [];
  /** While true, requests fail with InvalidOperationInCellEditMode, or wait when they ask to (flag 64). */
  cellEditMode = false;
  readonly keepReferences: boolean;
  /** Objects kept by reference id (keepReferences). */
  private readonly references = new Map<string, HostObject>();
  private nextReference = 1;
  private faults: Fault[] = [];
  /** Workbook requests seen since the host was made (faults count on this, not on the resettable records). */
  private seen = 0;
  private waitingForEdit: Array<() => void> = [];

  constructor(options: HostOptions = {}) {
    this.apiVersion = options.apiVersion ?? '1.18';
    this.enforcePayloadLimit = options.enforcePayloadLimit ?? false;
    this.keepReferences = options.keepReferences ?? false;
  }

  /** References still held (keepReferences): office.js releases them at the end of each Excel.run. */
  get heldReferences(): number {
    return this.references.size;
  }

  supports(version: string): boolean {
    return versionAtLeast(this.apiVersion, version);
  }

  /** The requirement sets the host reports to office.js (`GetSupportedMatrix`, the web app context). */
  requirementMatrix(): Record<string, string> {
    const sets: Record<string, string> = { ExcelApi: this.apiVersion };
    // README: cell-edit mode. The library honours delayForCellEdit only where the host reports this set.
    if (this.supports('1.11')) sets.DelayForCellEdit = '1.1';
    return sets;
  }

  /** Workbook requests so far (each is one `context.sync()` that reached the host). */
  get syncs(): number {
    return this.workbookRequests().length;
  }

  workbookRequests(): RequestRecord[] {
    return this.requests.filter((r) => r.workbook);
  }

  resetCounters(): void {
    this.requests.length = 0;
  }

  /** The `request`-th workbook request from now (0 = the next) fails at action `action` (-1: before any). */
  failAt(request: number, action: number, code = 'GeneralException'): void {
    this.faults.push({ request: this.seen + request, action, code, kind: 'fail' });
  }

  /** The next `times` workbook requests fail as a whole with `code`. */
  failNext(code: string, times = 1): void {
    for (let i = 0; i < times; i += 1) this.faults.push({ request: this.seen + i, action: -1, code, kind: 'fail' });
  }

  /** The next `times` workbook requests never get an answer (Excel on the web while its server is busy). */
  hangNext(times = 1): void {
    for (let i = 0; i < times; i += 1) this.faults.push({ request: this.seen + i, action: -1, code: '', kind: 'hang' });
  }

  /** The user presses Enter: requests waiting for the cell edit to end go on. */
  exitCellEdit(): void {
    this.cellEditMode = false;
    const waiting = this.waitingForEdit;
    this.waitingForEdit = [];
    for (const go of waiting) go();
  }

  /** One request as the transport delivers it: the JSON text of the body and the flags. Resolves to the response text. */
  async handle(bodyText: string, flags: number): Promise<string> {
    const body = JSON.parse(bodyText) as RequestBody;
    // The library's own services are new objects (NewObject paths); anything else is the workbook.
    const workbook = Object.values(body.ObjectPaths ?? {}).some((p) => p.ObjectPathType !== PathType.NewObject);
    const kindOf = (a: ActionInfo): string => {
      const type = ['', 'Instantiate', 'Query', 'Method', 'SetProperty', 'Trace'][a.ActionType] ?? String(a.ActionType);
      return type === 'Instantiate' ? `Instantiate ${body.ObjectPaths[String(a.ObjectPathId)]?.Name || 'path'}` : `${type} ${a.Name}`;
    };
    const record: RequestRecord = { requestBytes: bytes(bodyText), responseBytes: 0, actions: body.Actions.length, flags, workbook, error: null, commands: [], kinds: body.Actions.map(kindOf) };
    this.requests.push(record);
    const finish = (response: ResponseBody): string => {
      let text = JSON.stringify(response);
      record.responseBytes = bytes(text);
      if (this.enforcePayloadLimit && record.responseBytes > PAYLOAD_LIMIT) {
        text = JSON.stringify(this.errorOnly('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit.'));
      }
      record.error = response.Error?.Code ?? null;
      return text;
    };
    if (this.enforcePayloadLimit && record.requestBytes > PAYLOAD_LIMIT) return finish(this.errorOnly('RequestPayloadSizeLimitExceeded', 'The request payload size has exceeded the limit.'));
    if (!workbook) return finish(this.run(body, record, null));

    const index = this.seen;
    this.seen += 1;
    const fault = this.faults.find((f) => f.request === index);
    if (fault) this.faults = this.faults.filter((f) => f !== fault);
    if (fault?.kind === 'hang') return new Promise<string>(() => undefined);
    if (this.cellEditMode) {
      if ((flags & 64) === 0) return finish(this.errorOnly('InvalidOperationInCellEditMode', 'The operation is not allowed while a cell is being edited.'));
      await new Promise<void>((resolve) => this.waitingForEdit.push(resolve));
    }
    if (fault?.action === -1) return finish(this.errorOnly(fault.code, `Injected failure ${fault.code}`));
    return finish(this.run(body, record, fault ?? null));
  }

  private errorOnly(code: string, message: string): ResponseBody {
    return { Results: [], Error: { Code: code, Message: message, ActionIndex: -1, Location: '', HttpStatusCode: 400 } };
  }

  /** Run the actions in order; the first failure stops the request and the actions before it stay applied. */
  private run(body: RequestBody, record: RequestRecord, fault: Fault | null): ResponseBody {
    const env: HostEnv = { model: this.model, supports: (v) => this.supports(v) };
    const objects = new Map<number, HostObject | null>();
    const kept = new Map<number, string>();
    const results: ResponseBody['Results'] = [];
    const resolve = (id: number): HostObject | null => {
      if (objects.has(id)) return objects.get(id) ?? null;
      const info = body.ObjectPaths[String(id)];
      if (!info) throw new HostError('InvalidArgument', `Unknown object path ${id}`);
      const obj = this.resolvePath(info, resolve, env, record);
      objects.set(id, obj);
      return obj;
    };
    for (let i = 0; i < body.Actions.length; i += 1) {
      const a = body.Actions[i];
      let location = '';
      try {
        if (fault && fault.action === i) throw new HostError(fault.code, `Injected failure ${fault.code} at action ${i}`);
        switch (a.ActionType) {
          case ActionType.Instantiate: {
            objects.delete(a.ObjectPathId);
            const obj = resolve(a.ObjectPathId);
            location = obj ? obj.kind : '';
            const def = obj ? (CLASSES[obj.kind] as ClassDef<Kind>) : null;
            const value: Record<string, unknown> | null = obj === null ? null : def?.id ? { Id: def.id(obj as never) } : {};
            if (value && obj?.kind === 'Range' && this.keepReferences && body.AutoKeepReference) {
              // One reference per object path of the request (office.js instantiates a kept range twice).
              let ref = kept.get(a.ObjectPathId);
              if (!ref) {
                ref = `r${this.nextReference++}`;
                kept.set(a.ObjectPathId, ref);
              }
              this.references.set(ref, obj);
              value._ReferenceId = ref;
            }
            results.push({ ActionId: a.Id, Value: value });
            break;
          }
          case ActionType.Query: {
            const obj = resolve(a.ObjectPathId);
            location = obj ? `${obj.kind}.load` : '';
            results.push({ ActionId: a.Id, Value: obj === null ? null : this.query(obj, a.QueryInfo?.Select ?? null, env) });
            record.commands.push(`${location}`);
            break;
          }
          case ActionType.Method: {
            // The library keeps a reference to every range it is given, null ones included (README: requests).
            if (a.Name === '_KeepReference') break;
            if (a.Name === '_RemoveReference') {
              // Called on the workbook with the reference id (library: TrackedObjects.remove).
              this.references.delete(String(a.ArgumentInfo?.Arguments?.[0]));
              break;
            }
            const obj = this.live(resolve(a.ObjectPathId), a.Name);
            location = `${obj.kind}.${camel(a.Name)}`;
            const out = this.call(obj, a.Name, this.args(a.ArgumentInfo, resolve), env);
            record.commands.push(`${obj.kind}.${a.Name}`);
            if (out !== undefined && (out === null || typeof out !== 'object' || !('kind' in out))) results.push({ ActionId: a.Id, Value: out });
            break;
          }
          case ActionType.SetProperty: {
            const obj = this.live(resolve(a.ObjectPathId), a.Name);
            location = `${obj.kind}.${camel(a.Name)}`;
            this.set(obj, a.Name, this.args(a.ArgumentInfo, resolve)[0], env);
            record.commands.push(`${obj.kind}.${a.Name}=`);
            break;
          }
          case ActionType.Trace:
            break;
          default:
            throw new HostError('InvalidArgument', `Unsupported action type ${a.ActionType}`);
        }
      } catch (e) {
        const err = e instanceof HostError ? e : new HostError('GeneralException', e instanceof Error ? e.message : String(e));
        return { Results: results, Error: { Code: err.code, Message: err.message, ActionIndex: i, Location: location, HttpStatusCode: err.code === 'ItemNotFound' ? 404 : 400 } };
      }
    }
    return { Results: results };
  }

  private live(obj: HostObject | null, member: string): HostObject {
    if (obj === null) throw new HostError('InvalidObjectPath', `The object path is not valid: ${member} on a null object`);
    return obj;
  }

  private args(info: ArgumentInfo | undefined, resolve: (id: number) => HostObject | null): unknown[] {
    const args = [...(info?.Arguments ?? [])];
    (info?.ReferencedObjectPathIds ?? []).forEach((id, i) => {
      if (id !== null && id !== undefined && id > 0) args[i] = resolve(id);
    });
    return args;
  }

  private requireApi(kind: Kind, member: string): void {
    const api = memberApi(kind, member);
    if (api && !this.supports(api)) throw new HostError('ApiNotFound', `The API you are trying to use could not be found: ${kind}.${camel(member)} needs ExcelApi ${api}`);
  }

  private resolvePath(info: ObjectPathInfo, resolve: (id: number) => HostObject | null, env: HostEnv, record: RequestRecord): HostObject | null {
    switch (info.ObjectPathType) {
      case PathType.GlobalObject:
        return { kind: 'Workbook' };
      case PathType.NewObject:
        return { kind: 'Service', name: info.Name };
      case PathType.NullObject:
        return null;
      case PathType.ReferenceId: {
        // README: R4. Only a host that keeps references hands them out.
        const kept = this.references.get(info.Name);
        if (!kept) throw new HostError('InvalidObjectPath', `Unknown reference ${info.Name}`);
        return kept;
      }
      default:
        break;
    }
    const parent = resolve(info.ParentObjectPathId ?? 0);
    if (parent === null) return null;
    const def = CLASSES[parent.kind] as ClassDef<Kind>;
    const args = this.args(info.ArgumentInfo, resolve);
    if (info.ObjectPathType === PathType.Property) {
      const nav = def.nav?.[info.Name];
      if (!nav) throw new HostError('InvalidArgument', `${parent.kind} has no navigation property ${info.Name}`);
      this.requireApi(parent.kind, info.Name);
      return nav.get(parent as never, env);
    }
    if (info.ObjectPathType === PathType.Indexer) {
      if (!def.indexer) throw new HostError('InvalidArgument', `${parent.kind} has no indexer`);
      return def.indexer(parent as never, args, env);
    }
    if (info.ObjectPathType === PathType.Method) {
      record.commands.push(`${parent.kind}.${info.Name}`);
      const out = this.call(parent, info.Name, args, env);
      if (out !== null && (typeof out !== 'object' || !('kind' in (out as object)))) throw new HostError('InvalidArgument', `${parent.kind}.${info.Name} does not return an object`);
      return out as HostObject | null;
    }
    throw new HostError('InvalidArgument', `Unsupported object path type ${info.ObjectPathType}`);
  }

  private call(obj: HostObject, name: string, args: unknown[], env: HostEnv): unknown {
    if (obj.kind === 'Service') return null;
    const def = CLASSES[obj.kind] as ClassDef<Kind>;
    const m = def.methods?.[name];
    if (!m) throw new HostError('InvalidArgument', `${obj.kind} has no method ${name}`);
    this.requireApi(obj.kind, name);
    return m.call(obj as never, args, env);
  }

  private set(obj: HostObject, name: string, value: unknown, env: HostEnv): void {
    const def = CLASSES[obj.kind] as ClassDef<Kind>;
    const p = def.props?.[name];
    if (!p?.set) throw new HostError('InvalidArgument', `${obj.kind}.${camel(name)} cannot be set`);
    this.requireApi(obj.kind, name);
    p.set(obj as never, value, env);
  }

  /** A load: the selected properties by their PascalCase names, navigation properties nested, items under `_Items`. */
  private query(obj: HostObject, select: string[] | null, env: HostEnv): unknown {
    const def = CLASSES[obj.kind] as ClassDef<Kind>;
    if (def.items) {
      return { _Items: def.items(obj as never, env).map((item) => this.query(item, select, env)) };
    }
    const out: Record<string, unknown> = {};
    const paths = select && select.length ? select : Object.keys(def.props ?? {}).map(camel);
    for (const path of paths) this.queryPath(obj, path.split('/'), out, env);
    return out;
  }

  private queryPath(obj: HostObject, parts: string[], out: Record<string, unknown>, env: HostEnv): void {
    const def = CLASSES[obj.kind] as ClassDef<Kind>;
    const name = pascal(parts[0]);
    if (parts.length === 1 && def.props?.[name]?.get) {
      this.requireApi(obj.kind, name);
      out[name] = (def.props[name].get as (o: never, e: HostEnv) => unknown)(obj as never, env);
      return;
    }
    const nav = def.nav?.[name];
    if (!nav) throw new HostError('InvalidArgument', `The property '${parts.join('/')}' of ${obj.kind} does not exist.`);
    this.requireApi(obj.kind, name);
    const child = nav.get(obj as never, env);
    if (child === null) {
      out[name] = null;
      return;
    }
    const nested = (out[name] as Record<string, unknown> | undefined) ?? {};
    out[name] = nested;
    if (parts.length === 1) {
      Object.assign(nested, this.query(child, null, env));
      return;
    }
    this.queryPath(child, parts.slice(1), nested, env);
  }
}
