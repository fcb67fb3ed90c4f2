/**
 * @jest-environment jsdom
 *
 * The 审核 tab as a supervisor uses it, rendered in the pane: it loads when first opened (and says so, with a retry,
 * when its code cannot be fetched), takes picked files, checks each with the batch worker's own answer (replyTo, run
 * in-process: jsdom has no Web Worker), shows "第 n / N 份", can be cancelled, lists each unit's findings as
 * `nianbao check` words them, and hands the core summary to the workbook writer.
 */
import './jsdomSetup';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { axe } from 'jest-axe';
import { batchSummary, replyTo, type BatchWorker, type WorkerRequest } from '../../src/batch';
import { checkFileBytes } from '../../src/batch/checkBytes';
import type { CheckedFile } from '../../src/core';
import { AuditPanel } from '../../src/taskpane/audit/AuditPanel';
import { Pane, type PaneLoaders } from '../../src/taskpane/components/Pane';
import type { PanelModule } from '../../src/taskpane/components/LazyPanel';
import { Root } from '../../src/taskpane/Root';
import { ServiceError } from '../../src/taskpane/services';
import { seeded, soundReport } from '../helpers/reports';
import { FakeServices } from './fakeServices';

/** The batch worker's answer, in-process; `hold` keeps replies back until released (to cancel mid-batch). */
class InProcessWorker implements BatchWorker {
  static held: Array<() => void> = [];
  static hold = false;
  onmessage: BatchWorker['onmessage'] = null;
  onerror: BatchWorker['onerror'] = null;
  terminated = false;
  postMessage(message: WorkerRequest): void {
    const answer = (): void => {
      if (!this.terminated) this.onmessage?.({ data: replyTo(message) } as MessageEvent);
    };
    if (InProcessWorker.hold) InProcessWorker.held.push(answer);
    else setTimeout(answer, 0);
  }
  terminate(): void {
    this.terminated = true;
  }
}
const createWorker = (): BatchWorker => new InProcessWorker();

function json(name: string, data: unknown): File {
  return new File([JSON.stringify(data)], name, { type: 'application/json' });
}

/** Received files: two sound reports, one with a broken balance, one with "/" for a number, one not a report at all. */
function received(): File[] {
  const rand = seeded(7);
  const reports = [0, 1, 2, 3].map((i) => {
    const r = soundReport(rand);
    r.meta.body = `沙坡头区第${i + 1}局`;
    r.meta.year = 2024;
    return r;
  });
  reports[1].values['t3.new.natural'] = Number(reports[1].values['t3.new.natural']) + 1;
  reports[2].values['t2.licensing'] = '/';
  return [
    ...reports.map((r, i) => json(`0${i + 1} 沙坡头区第${i + 1}局.json`, r)),
    new File(['这不是工作簿'], '05 改了扩展名.xlsx'),
    new File(['ignored'], '说明.docx'),
    new File(['lock'], '~$01 沙坡头区第1局.xlsx'),
  ];
}

async function expected(files: File[]): Promise<CheckedFile[]> {
  const out: CheckedFile[] = [];
  for (const f of files.filter((x) => /\.(json|xlsx)$/.test(x.name) && !x.name.startsWith('~$'))) out.push(checkFileBytes(f.name, new Uint8Array(await f.arrayBuffer())));
  return out;
}

function renderPanel(fake = new FakeServices()): FakeServices {
  render(
    <Root services={fake}>
      <AuditPanel createWorker={createWorker} />
    </Root>,
  );
  return fake;
}

async function pick(files: File[]): Promise<void> {
  // The input is hidden behind the 「选择文件（可多选）」 button, as in the pane; upload goes to it as a click would.
  await userEvent.upload(screen.getByLabelText('选择收到的年报文件'), files, { applyAccept: false });
}

beforeEach(() => {
  InProcessWorker.hold = false;
  InProcessWorker.held = [];
});

describe('审核 tab in the pane', () => {
  test('loads when first opened; the clerk’s header steps aside while it is shown', async () => {
    let loads = 0;
    const loaders: Partial<PaneLoaders> = {
      audit: async (): Promise<PanelModule> => {
        loads += 1;
        return { default: () => <AuditPanel createWorker={createWorker} /> };
      },
    };
    render(
      <Root services={new FakeServices()}>
        <Pane loaders={loaders} />
      </Root>,
    );
    await screen.findByText('沙坡头区香山乡人民政府');
    expect(loads).toBe(0);
    await userEvent.click(screen.getByRole('tab', { name: '审核' }));
    await screen.findByRole('button', { name: '选择文件（可多选）' });
    expect(loads).toBe(1);
    const header = (): Element | null => screen.getByText('沙坡头区香山乡人民政府').closest('[hidden]');
    expect(header()).not.toBeNull();
    await userEvent.click(screen.getByRole('tab', { name: '校验' }));
    expect(header()).toBeNull();
    await userEvent.click(screen.getByRole('tab', { name: '审核' }));
    expect(loads).toBe(1);
  });

  test('code that cannot be fetched: a Chinese message and a retry that works', async () => {
    let fail = true;
    const loaders: Partial<PaneLoaders> = {
      audit: async (): Promise<PanelModule> => {
        if (fail) throw new Error('Loading chunk 54 failed.');
        return { default: () => <AuditPanel createWorker={createWorker} /> };
      },
    };
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      render(
        <Root services={new FakeServices()}>
          <Pane loaders={loaders} />
        </Root>,
      );
      await userEvent.click(await screen.findByRole('tab', { name: '审核' }));
      const alert = await screen.findByRole('alert');
      expect(alert.textContent).toContain('未能加载「审核」功能');
      expect(alert.textContent).toContain('Loading chunk 54 failed.');
      fail = false;
      await userEvent.click(within(alert).getByRole('button', { name: '重试' }));
      await screen.findByRole('button', { name: '选择文件（可多选）' });
    } finally {
      quiet.mockRestore();
    }
  });

  test('picked files are checked as the command line checks them; others are left out', async () => {
    const fake = renderPanel();
    const files = received();
    await pick(files);
    await screen.findByText('审核完成');
    const items = await expected(files);
    expect(items).toHaveLength(5);
    const summary = batchSummary(items);
    const bar = screen.getByText('审核完成').parentElement as HTMLElement;
    expect(bar.textContent).toContain('共检查 5 个文件');
    expect(bar.textContent).toContain(`合计错误 ${summary.totals.errors} 项、核实 ${summary.totals.warnings} 项`);
    // Every unit, with every finding's message, as the checker worded it.
    for (const item of items) {
      const unit = document.querySelector(`[data-unit="${item.result.file}"]`) as HTMLElement;
      expect(unit).not.toBeNull();
      await userEvent.click(within(unit).getByRole('button'));
      if (item.result.status === 'unreadable') expect(unit.textContent).toContain(`无法读取：${item.result.error}`);
      for (const f of item.result.findings) expect(unit.textContent).toContain(f.message);
      if (item.result.status === 'ok') expect(unit.textContent).toContain('未发现问题');
    }
    expect(items.some((i) => i.result.status === 'findings')).toBe(true);
    expect(items.some((i) => i.result.status === 'ok')).toBe(true);
    // Written on request, from the same core summary.
    await userEvent.click(screen.getByRole('button', { name: '写入工作簿' }));
    await screen.findByText('已写入工作簿');
    expect(fake.callsOf('writeAudit')).toEqual([[summary]]);
    // Accessible as the rest of the pane (colour contrast needs layout, which jsdom has not: the browser test shows it).
    const results = await axe(document.body, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
  });

  test('progress file by file, and a cancel keeps what was finished', async () => {
    renderPanel();
    InProcessWorker.hold = true;
    await pick(received());
    await screen.findByText(/^第 0 \/ 5 份/);
    // Release the first answers: progress moves.
    await waitFor(() => expect(InProcessWorker.held.length).toBeGreaterThan(0));
    await act(async () => {
      InProcessWorker.held.shift()?.();
      await new Promise((r) => setTimeout(r, 0));
    });
    await screen.findByText(/^第 1 \/ 5 份：/);
    await userEvent.click(screen.getByRole('button', { name: '取消' }));
    await screen.findByText('审核已取消');
    expect(screen.getByText(/已取消，只列出已检查的文件/)).toBeTruthy();
    expect(document.querySelectorAll('[data-unit]')).toHaveLength(1);
    // Usable again at once.
    InProcessWorker.hold = false;
    await pick(received());
    await screen.findByText('审核完成');
    expect(document.querySelectorAll('[data-unit]')).toHaveLength(5);
  });

  test('cancelled before any file was finished: nothing to write', async () => {
    renderPanel();
    InProcessWorker.hold = true;
    await pick(received());
    await screen.findByText(/^第 0 \/ 5 份/);
    await userEvent.click(screen.getByRole('button', { name: '取消' }));
    await screen.findByText('审核已取消');
    expect(screen.getByText(/共检查 0 个文件/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: '写入工作簿' })).toBeNull();
    expect(document.querySelectorAll('[data-unit]')).toHaveLength(0);
  });

  test('nothing it can check: says which files it takes', async () => {
    renderPanel();
    await pick([new File(['x'], '说明.docx')]);
    const bar = await screen.findByText(/没有可以校验的文件/);
    expect(bar.textContent).toContain('.xlsx');
  });

  test('a failed write says why and keeps the results; the user’s same-named sheets are reported kept', async () => {
    const fake = new FakeServices();
    fake.failures.set('writeAudit', new ServiceError('cell-edit', '工作簿正在编辑单元格，请按 Enter 或 Esc 结束编辑后再试。'));
    fake.auditOutcome = {
      ...fake.auditOutcome,
      sheets: fake.auditOutcome.sheets.map((s) => (s.table === 'units' ? { ...s, name: '单位汇总 (2)' } : s)),
      kept: [{ name: '单位汇总', used: '单位汇总 (2)', reason: 'not-ours' }],
      filter: false,
    };
    renderPanel(fake);
    await pick(received());
    await screen.findByText('审核完成');
    await userEvent.click(screen.getByRole('button', { name: '写入工作簿' }));
    expect(await screen.findByText(/请按 Enter 或 Esc 结束编辑后再试/)).toBeTruthy();
    expect(document.querySelectorAll('[data-unit]')).toHaveLength(5);
    await userEvent.click(screen.getByRole('button', { name: '写入工作簿' }));
    await screen.findByText('已写入工作簿');
    expect(screen.getByText(/「单位汇总」不是年报助手写入的，没有改动；这次的结果写在「单位汇总 \(2\)」/)).toBeTruthy();
    expect(screen.getByText(/不支持由加载项添加筛选/)).toBeTruthy();
  });

  test('dropped files are checked too', async () => {
    renderPanel();
    const zone = screen.getByText(/也可以把文件或文件夹拖到这里/).parentElement as HTMLElement;
    const files = received().slice(0, 2);
    fireEvent.drop(zone, { dataTransfer: { files, items: [] } });
    await screen.findByText('审核完成');
    expect(document.querySelectorAll('[data-unit]')).toHaveLength(2);
  });
});
