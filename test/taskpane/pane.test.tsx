/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ServiceError } from '../../src/taskpane/services';
import { FakeServices, FINDINGS, INSTALLED } from './fakeServices';
import { renderPane } from './renderPane';

describe('status header', () => {
  test('shows body, year and template version of the workbook', async () => {
    await renderPane();
    expect(screen.getByText('沙坡头区香山乡人民政府')).toBeTruthy();
    expect(screen.getByText('2024')).toBeTruthy();
    expect(screen.getByText('2021.1')).toBeTruthy();
    expect(screen.queryByText('模板未安装')).toBeNull();
  });

  test('guides to 插入年报模板 when the template is missing', async () => {
    const fake = new FakeServices();
    fake.status = { ...INSTALLED, templateInstalled: false, templateVersion: null, body: null, year: null };
    await renderPane(fake);
    expect(screen.getByText('模板未安装')).toBeTruthy();
    expect(screen.getAllByText('未填写')).toHaveLength(2);
  });

  test('warns about another template version and about missing sheets', async () => {
    const fake = new FakeServices();
    fake.status = { ...INSTALLED, templateVersion: '2019.1', missingSheets: ['表四'] };
    await renderPane(fake);
    expect(screen.getByText('模板版本不同')).toBeTruthy();
    expect(screen.getByText(/缺少工作表：表四/)).toBeTruthy();
  });

  test('a failing status read is shown, not swallowed', async () => {
    const fake = new FakeServices();
    fake.failures.set('getStatus', new ServiceError('api-missing', '此版本 Excel 缺少 ExcelApi 1.8，无法读取工作簿。'));
    await renderPane(fake);
    expect(screen.getByRole('alert').textContent).toContain('此版本 Excel 缺少 ExcelApi 1.8');
  });
});

describe('插入年报模板', () => {
  test('installs, reports what was created and skipped, and re-reads the status', async () => {
    const fake = new FakeServices();
    fake.installOutcome = { created: ['表二'], repaired: ['表三'], skipped: ['表四'] };
    await renderPane(fake);
    const statusReads = fake.callsOf('getStatus').length;
    await userEvent.click(screen.getByRole('button', { name: '插入年报模板' }));
    expect(await screen.findByText('模板已就绪')).toBeTruthy();
    expect(screen.getByText(/新建工作表：表二/)).toBeTruthy();
    expect(screen.getByText(/已修复（保留了已填写的数字）：表三/)).toBeTruthy();
    expect(screen.getByText(/同名工作表不是年报模板创建的，已原样保留：表四/)).toBeTruthy();
    expect(fake.callsOf('installTemplate')).toHaveLength(1);
    await waitFor(() => expect(fake.callsOf('getStatus').length).toBe(statusReads + 1));
  });

  test('a protected sheet is reported with the service message', async () => {
    const fake = new FakeServices();
    fake.failures.set('installTemplate', new ServiceError('protected', '工作表「表三」受保护，请先撤销保护后再试。'));
    await renderPane(fake);
    await userEvent.click(screen.getByRole('button', { name: '插入年报模板' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('插入年报模板未完成');
    expect(alert.textContent).toContain('工作表「表三」受保护，请先撤销保护后再试。');
    expect(alert.getAttribute('data-error-code')).toBe('protected');
  });
});

describe('校验', () => {
  test('groups findings by severity and table, with counts', async () => {
    await renderPane();
    await userEvent.click(screen.getByRole('button', { name: '校验' }));
    const errors = await screen.findByRole('region', { name: /错误/ });
    expect(within(errors).getByText('表三（1）')).toBeTruthy();
    expect(within(errors).getByText('表四（1）')).toBeTruthy();
    expect(within(errors).getByLabelText('2项')).toBeTruthy();
    const warnings = screen.getByRole('region', { name: /核实/ });
    expect(within(warnings).getByText('表二（1）')).toBeTruthy();
    expect(within(warnings).getByText('其他（1）')).toBeTruthy();
    const infos = screen.getByRole('region', { name: /提示/ });
    expect(within(infos).getByText('表三（1）')).toBeTruthy();
    expect(screen.getByText('发现 5 个问题')).toBeTruthy();
    expect(screen.getByText(/错误 2 项，核实 2 项（其中 2 项尚无说明），提示 1 项。/)).toBeTruthy();
  });

  test('clicking a finding selects its cells', async () => {
    const { fake } = await renderPane();
    await userEvent.click(screen.getByRole('button', { name: '校验' }));
    await userEvent.click(await screen.findByText(FINDINGS[1].message));
    expect(fake.callsOf('selectFinding')).toEqual([[FINDINGS[1]]]);
  });

  test('no findings: says so', async () => {
    const fake = new FakeServices();
    fake.checkOutcome = { findings: [], located: 'names', problems: [], marking: 'notes' };
    await renderPane(fake);
    await userEvent.click(screen.getByRole('button', { name: '校验' }));
    expect(await screen.findByText('校验通过')).toBeTruthy();
  });

  test('a hand-made workbook: says tables were found by labels and lists what was not found', async () => {
    const fake = new FakeServices();
    fake.checkOutcome = { findings: [], located: 'labels', problems: ['未找到表四的「总计」列'], marking: 'fill' };
    await renderPane(fake);
    await userEvent.click(screen.getByRole('button', { name: '校验' }));
    expect(await screen.findByText('部分表格未能定位')).toBeTruthy();
    expect(screen.getByText('未找到表四的「总计」列')).toBeTruthy();
    expect(screen.getByText(/已按表格中的文字标签找到各项数字/)).toBeTruthy();
  });

  test('cell in edit mode: the Chinese message, then a retry works', async () => {
    const fake = new FakeServices();
    fake.failures.set('check', new ServiceError('cell-edit', 'Excel 正在编辑单元格。请按 Enter 或 Esc 结束编辑后再点「校验」。'));
    await renderPane(fake);
    await userEvent.click(screen.getByRole('button', { name: '校验' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Excel 正在编辑单元格');
    await userEvent.click(screen.getByRole('button', { name: '校验' }));
    expect(await screen.findByText('发现 5 个问题')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  test('an unexpected error names what failed', async () => {
    const fake = new FakeServices();
    fake.failures.set('check', new TypeError('range is undefined'));
    await renderPane(fake);
    await userEvent.click(screen.getByRole('button', { name: '校验' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('校验未完成');
    expect(alert.textContent).toContain('range is undefined');
  });

  test('shows a spinner while checking', async () => {
    const fake = new FakeServices();
    let release: () => void = () => undefined;
    fake.check = async () => {
      fake.calls.push({ method: 'check', args: [] });
      await new Promise<void>((r) => (release = r));
      return fake.checkOutcome;
    };
    await renderPane(fake);
    await userEvent.click(screen.getByRole('button', { name: '校验' }));
    expect(screen.getByText('正在校验…')).toBeTruthy();
    expect((screen.getByRole('button', { name: '校验' }) as HTMLButtonElement).disabled).toBe(true);
    await act(async () => release());
    expect(screen.queryByText('正在校验…')).toBeNull();
  });

  test('清除标注 calls the service and confirms', async () => {
    const { fake } = await renderPane();
    await userEvent.click(screen.getByRole('button', { name: '清除标注' }));
    expect(await screen.findByText(/已清除校验标注/)).toBeTruthy();
    expect(fake.callsOf('clearMarks')).toHaveLength(1);
  });
});

describe('说明 (explanations)', () => {
  test('a warning is kept with a written explanation, saved and shown beside it', async () => {
    const { fake } = await renderPane();
    await userEvent.click(screen.getByRole('button', { name: '校验' }));
    const item = (await screen.findByText(FINDINGS[3].message)).closest('li') as HTMLElement;
    await userEvent.click(within(item).getByRole('button', { name: '保留并说明' }));
    await userEvent.click(within(item).getByRole('textbox'));
    await userEvent.paste('本年度有一笔上年通知、本年收取的费用。');
    await userEvent.click(within(item).getByRole('button', { name: '保存说明' }));
    expect(fake.callsOf('saveExplanation')).toEqual([[FINDINGS[3], '本年度有一笔上年通知、本年收取的费用。']]);
    expect(await within(item).findByText('本年度有一笔上年通知、本年收取的费用。')).toBeTruthy();
    expect(within(item).getByRole('button', { name: '修改说明' })).toBeTruthy();
    expect(screen.getByText(/其中 1 项尚无说明/)).toBeTruthy();
  });

  test('an empty explanation is refused before reaching the workbook', async () => {
    const { fake } = await renderPane();
    await userEvent.click(screen.getByRole('button', { name: '校验' }));
    const item = (await screen.findByText(FINDINGS[2].message)).closest('li') as HTMLElement;
    await userEvent.click(within(item).getByRole('button', { name: '保留并说明' }));
    await userEvent.click(within(item).getByRole('textbox'));
    await userEvent.paste('   ');
    await userEvent.click(within(item).getByRole('button', { name: '保存说明' }));
    expect(within(item).getByText('请填写说明，审核人员会看到这段文字。')).toBeTruthy();
    expect(fake.callsOf('saveExplanation')).toHaveLength(0);
  });

  test('a failed save keeps the text and shows why', async () => {
    const fake = new FakeServices();
    fake.failures.set('saveExplanation', new ServiceError('protected', '「核实说明」工作表受保护，说明未保存。'));
    await renderPane(fake);
    await userEvent.click(screen.getByRole('button', { name: '校验' }));
    const item = (await screen.findByText(FINDINGS[2].message)).closest('li') as HTMLElement;
    await userEvent.click(within(item).getByRole('button', { name: '保留并说明' }));
    await userEvent.click(within(item).getByRole('textbox'));
    await userEvent.paste('本机关不办理行政许可。');
    await userEvent.click(within(item).getByRole('button', { name: '保存说明' }));
    expect((await within(item).findByRole('alert')).textContent).toContain('说明未保存');
    expect((within(item).getByRole('textbox') as HTMLTextAreaElement).value).toBe('本机关不办理行政许可。');
  });

  test('errors and infos cannot be explained away', async () => {
    await renderPane();
    await userEvent.click(screen.getByRole('button', { name: '校验' }));
    for (const f of [FINDINGS[0], FINDINGS[4]]) {
      const item = (await screen.findByText(f.message)).closest('li') as HTMLElement;
      expect(within(item).queryByRole('button', { name: '保留并说明' })).toBeNull();
    }
  });
});

describe('tabs', () => {
  test('switching tabs keeps pasted text', async () => {
    await renderPane();
    await userEvent.click(screen.getByRole('tab', { name: '导入已发布报告' }));
    // The tab's code loads when it is first opened.
    fireEvent.change(await screen.findByRole('textbox', { name: /已发布报告的文字/ }), { target: { value: '一、总体情况' } });
    await userEvent.click(screen.getByRole('tab', { name: '校验' }));
    await userEvent.click(screen.getByRole('tab', { name: '导入已发布报告' }));
    expect((screen.getByRole('textbox', { name: /已发布报告的文字/ }) as HTMLTextAreaElement).value).toBe('一、总体情况');
  });
});
