/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { DraftOutcome } from '../../src/taskpane/services';
import { ServiceError } from '../../src/taskpane/services';
import { FakeServices, finding } from './fakeServices';
import { renderPane } from './renderPane';

const SECTIONS: DraftOutcome['sections'] = [
  {
    id: 'apply',
    title: '（二）依申请公开',
    sentences: [
      { text: '本年度共收到政府信息公开申请12件，上年结转2件。', keys: ['t3.new.total', 't3.carried_in.total'] },
      { text: '【请补充：依申请公开工作的主要做法】', keys: [] },
    ],
  },
  { id: 'fees', title: '六、其他需要报告的事项', sentences: [{ text: '本年度未收取信息处理费。', keys: ['fee.collected'] }] },
];

const WRITTEN: DraftOutcome = { sections: SECTIONS, text: '（二）依申请公开\n本年度共收到政府信息公开申请12件…', editedSections: [], written: true };
const BLOCKED: DraftOutcome = { sections: SECTIONS, text: '', editedSections: ['apply'], written: false };

async function openDraftTab(fake: FakeServices): Promise<void> {
  await renderPane(fake);
  await userEvent.click(screen.getByRole('tab', { name: '报告正文' }));
}

describe('生成报告正文', () => {
  test('drafts, shows each section and which cells each sentence used', async () => {
    const fake = new FakeServices();
    fake.draftOutcomes = [WRITTEN];
    await openDraftTab(fake);
    await userEvent.click(screen.getByRole('button', { name: '生成报告正文' }));
    const section = await screen.findByRole('region', { name: '（二）依申请公开' });
    expect(within(section).getByText('本年度共收到政府信息公开申请12件，上年结转2件。')).toBeTruthy();
    const sources = within(section).getByText(/^数据来源：/).textContent ?? '';
    expect(sources).toContain('表三');
    expect(sources.split('、')).toHaveLength(2);
    // A placeholder sentence uses no cells and says nothing about sources.
    const placeholder = within(section).getByText('【请补充：依申请公开工作的主要做法】').closest('li') as HTMLElement;
    expect(within(placeholder).queryByText(/数据来源/)).toBeNull();
    expect(fake.callsOf('draftNarrative')).toEqual([[{ force: false }]]);
  });

  test('asks before overwriting edited sections; confirming forces the redraft', async () => {
    const fake = new FakeServices();
    fake.draftOutcomes = [BLOCKED, WRITTEN];
    await openDraftTab(fake);
    await userEvent.click(screen.getByRole('button', { name: '生成报告正文' }));
    const dialog = await screen.findByRole('alertdialog');
    expect(within(dialog).getByText(/您修改了以下段落：（二）依申请公开/)).toBeTruthy();
    await userEvent.click(within(dialog).getByRole('button', { name: '覆盖并重新生成' }));
    await screen.findByRole('region', { name: '（二）依申请公开' });
    expect(fake.callsOf('draftNarrative')).toEqual([[{ force: false }], [{ force: true }]]);
  });

  test('keeping the edits writes nothing more', async () => {
    const fake = new FakeServices();
    fake.draftOutcomes = [BLOCKED, WRITTEN];
    await openDraftTab(fake);
    await userEvent.click(screen.getByRole('button', { name: '生成报告正文' }));
    const dialog = await screen.findByRole('alertdialog');
    await userEvent.click(within(dialog).getByRole('button', { name: '保留我的修改' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(fake.callsOf('draftNarrative')).toEqual([[{ force: false }]]);
    expect(screen.queryByRole('region', { name: '（二）依申请公开' })).toBeNull();
  });

  test('copies the full text with the Clipboard API', async () => {
    const fake = new FakeServices();
    fake.draftOutcomes = [WRITTEN];
    const written: string[] = [];
    Object.defineProperty(window.navigator, 'clipboard', {
      value: { writeText: async (t: string) => void written.push(t) },
      configurable: true,
    });
    await openDraftTab(fake);
    await userEvent.click(screen.getByRole('button', { name: '生成报告正文' }));
    await userEvent.click(await screen.findByRole('button', { name: '复制全文' }));
    expect(await screen.findByText(/已复制报告正文/)).toBeTruthy();
    expect(written).toEqual([WRITTEN.text]);
  });

  test('a draft that fails shows the message', async () => {
    const fake = new FakeServices();
    fake.failures.set('draftNarrative', new ServiceError('no-template', '本工作簿没有年报模板，请先点击「插入年报模板」。'));
    await openDraftTab(fake);
    await userEvent.click(screen.getByRole('button', { name: '生成报告正文' }));
    expect((await screen.findByRole('alert')).textContent).toContain('请先点击「插入年报模板」');
  });
});

describe('导入已发布报告', () => {
  async function openImportTab(fake: FakeServices): Promise<void> {
    await renderPane(fake);
    await userEvent.click(screen.getByRole('tab', { name: '导入已发布报告' }));
    // The tab's code loads when it is first opened.
    await screen.findByRole('button', { name: '导入' });
  }

  test('the import button waits for text', async () => {
    await openImportTab(new FakeServices());
    expect((screen.getByRole('button', { name: '导入' }) as HTMLButtonElement).disabled).toBe(true);
  });

  test('imports into last year, shows filled cells, kept values and importer findings', async () => {
    const fake = new FakeServices();
    fake.importOutcome = {
      target: 'current',
      filled: 172,
      keptUserValues: ['t3.new.natural'],
      findings: [
        finding({
          rule: 'STRUCTURE',
          target: 't4',
          severity: 'error',
          cells: [],
          message: '未找到表四「政府信息公开行政复议、行政诉讼情况」，这部分没有导入。',
        }),
      ],
    };
    await openImportTab(fake);
    await userEvent.click(screen.getByRole('textbox', { name: /已发布报告的文字/ }));
    await userEvent.paste('三、收到和处理政府信息公开申请情况 …');
    await userEvent.click(screen.getByRole('radio', { name: /上年数据/ }));
    await userEvent.click(screen.getByRole('button', { name: '导入' }));
    expect(await screen.findByText('已导入上年数据')).toBeTruthy();
    expect(screen.getByText('填入 172 个单元格。')).toBeTruthy();
    expect(screen.getByText('保留了您已填写的 1 个数字')).toBeTruthy();
    expect(screen.getByText(/表三「.*自然人」/)).toBeTruthy();
    const problems = screen.getByRole('region', { name: '导入时发现的问题' });
    expect(within(problems).getByText(/未找到表四/)).toBeTruthy();
    expect(within(problems).getByText('错误')).toBeTruthy();
    expect(fake.callsOf('importPublished')).toEqual([['三、收到和处理政府信息公开申请情况 …', 'previous']]);
  });

  test('nothing imported is a warning, not a success', async () => {
    const fake = new FakeServices();
    await openImportTab(fake);
    await userEvent.click(screen.getByRole('textbox', { name: /已发布报告的文字/ }));
    await userEvent.paste('不是年报的文字');
    await userEvent.click(screen.getByRole('button', { name: '导入' }));
    expect(await screen.findByText('没有填入任何单元格。')).toBeTruthy();
    expect(fake.callsOf('importPublished')).toEqual([['不是年报的文字', 'current']]);
  });
});
