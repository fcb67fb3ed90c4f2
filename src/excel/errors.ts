/**
 * Office failures users meet, mapped to ServiceError with a Chinese message saying what to do. Every batch we run
 * starts with a read-only sync, so retrying a whole batch after a failed or hung first sync loses and duplicates nothing.
 */
import { ServiceError } from '../taskpane/services';
import type { XlContext, XlRun, XlRunOptions } from './host';

export interface RunPolicy {
  /** Pauses before each retry while a cell is being edited (ms); the user then gets a message. */
  editRetryDelays: readonly number[];
  /** Time allowed for the first sync of a batch before it counts as hung (Excel on the web, busy server). */
  firstSyncTimeoutMs: number;
  /** How many times a batch whose first sync hung is started again. */
  hangRetries: number;
  sleep: (ms: number) => Promise<void>;
}

export const DEFAULT_POLICY: RunPolicy = {
  editRetryDelays: [500, 1000, 2000],
  firstSyncTimeoutMs: 20000,
  hangRetries: 1,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export const MESSAGES = {
  cellEdit: '有单元格正处于编辑状态，年报助手无法操作工作簿。请按 Enter 或 Esc 结束编辑，再点一次按钮。',
  busy: 'Excel 暂时没有响应（网页版 Excel 在文件刚打开时可能较忙）。没有做任何修改，请稍候再试。',
  busyOrEditing: 'Excel 暂时没有响应：可能有单元格正处于编辑状态（请按 Enter 或 Esc 结束编辑），或网页版 Excel 较忙。没有做任何修改，请稍候再试。',
  tooLarge: '工作簿太大，一次读写的数据超过了 Excel 的限制（网页版每次 5 MB）。没有做任何修改。请删除不需要的工作表或大段文字后再试。',
  apiMissing: (what: string): string => `当前 Excel 版本不支持${what}。请使用 Excel 2021 或更新版本、Microsoft 365 或网页版 Excel；旧版本可直接使用 .xlsx 模板（其中的校验表不需要加载项）。`,
  protected: (sheets: string): string =>
    `工作表${sheets}受保护且设置了密码，年报助手无法修改。请在“审阅 → 撤消工作表保护”中输入密码取消保护后再试。`,
  protectedGeneric: '要修改的单元格位于受保护的工作表中。请在“审阅 → 撤消工作表保护”中取消保护后再试。',
  noTemplate: '当前工作簿中没有找到年报模板，也没有找到表二、表三、表四的标题。请先点击「插入年报模板」，或打开报送的年报工作簿。',
  templateVersion: (found: string, expected: string): string =>
    `这个工作簿使用的是第 ${found} 版年报模板，年报助手目前使用第 ${expected} 版，两者的单元格位置可能不同，为避免读错数字已停止操作。请用新版模板重新填报，或使用与该模板相同版本的年报助手。`,
} as const;

class HungSync extends Error {
  constructor() {
    super('first sync timed out');
  }
}

export function officeCode(e: unknown): string | null {
  if (e && typeof e === 'object' && 'code' in e && typeof (e as { code: unknown }).code === 'string') return (e as { code: string }).code;
  return null;
}

/** Map anything an Office batch throws to a ServiceError (ServiceErrors pass through). */
export function toServiceError(e: unknown): ServiceError {
  if (e instanceof ServiceError) return e;
  const code = officeCode(e);
  const detail = e instanceof Error ? e.message : String(e);
  switch (code) {
    case 'InvalidOperationInCellEditMode':
      return new ServiceError('cell-edit', MESSAGES.cellEdit);
    case 'AccessDenied':
      return new ServiceError('protected', MESSAGES.protectedGeneric);
    case 'ApiNotFound':
    case 'NotImplemented':
    case 'UnsupportedFeature':
      return new ServiceError('api-missing', MESSAGES.apiMissing('这项功能'));
    case 'RequestPayloadSizeLimitExceeded':
    case 'ResponsePayloadSizeLimitExceeded':
      return new ServiceError('unknown', MESSAGES.tooLarge);
    case 'ItemNotFound':
      return new ServiceError('not-found', `工作簿中没有找到需要的工作表或名称（${detail}）。可点击「插入年报模板」修复模板。`);
    default:
      return new ServiceError('unknown', `Excel 报告了一个错误${code ? `（${code}）` : ''}：${detail}。工作簿没有被年报助手改乱；请保存后重试。`);
  }
}

/**
 * Run one batch: the first sync is given a deadline, a batch refused because a cell is being edited is retried after a
 * pause, and everything else becomes a ServiceError. With `delayForCellEdit` (where the host reports it) Excel itself waits for
 * the edit to end, so a first sync that takes long may be the user still typing: the message then says both.
 */
export async function runBatch<T>(run: XlRun, policy: RunPolicy, options: XlRunOptions, batch: (context: XlContext) => Promise<T>): Promise<T> {
  let editRetries = 0;
  let hangRetries = 0;
  for (;;) {
    try {
      return await run(options, (context) => batch(withFirstSyncDeadline(context, policy)));
    } catch (e) {
      if (officeCode(e) === 'InvalidOperationInCellEditMode' && editRetries < policy.editRetryDelays.length) {
        await policy.sleep(policy.editRetryDelays[editRetries]);
        editRetries += 1;
        continue;
      }
      if (e instanceof HungSync) {
        if (hangRetries < policy.hangRetries) {
          hangRetries += 1;
          continue;
        }
        throw new ServiceError('busy', options.delayForCellEdit ? MESSAGES.busyOrEditing : MESSAGES.busy);
      }
      throw toServiceError(e);
    }
  }
}

function withFirstSyncDeadline(context: XlContext, policy: RunPolicy): XlContext {
  let first = true;
  return {
    workbook: context.workbook,
    sync: () => {
      if (!first) return context.sync();
      first = false;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new HungSync()), policy.firstSyncTimeoutMs);
      });
      return Promise.race([context.sync(), deadline]).finally(() => clearTimeout(timer));
    },
  };
}
