/** @jest-environment jsdom */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { axe } from 'jest-axe';
import { HostMessage } from '../../src/taskpane/components/HostMessage';
import { Root } from '../../src/taskpane/Root';
import { renderPane } from './renderPane';

// Colour contrast needs layout and computed colours, which jsdom does not have; the browser test covers rendering.
const AXE_OPTIONS = { rules: { 'color-contrast': { enabled: false } } };

describe('accessibility (axe)', () => {
  test('the pane with check results and an open explanation editor', async () => {
    const { view } = await renderPane();
    await userEvent.click(screen.getByRole('button', { name: '校验' }));
    await screen.findByText('发现 5 个问题');
    await userEvent.click(screen.getAllByRole('button', { name: '保留并说明' })[0]);
    const results = await axe(view.container, AXE_OPTIONS);
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
  });

  test('the import tab', async () => {
    const { view } = await renderPane();
    await userEvent.click(screen.getByRole('tab', { name: '导入已发布报告' }));
    // The tab's code loads when it is first opened: wait for the panel, not its spinner.
    await screen.findByRole('button', { name: '导入' });
    const results = await axe(view.container, AXE_OPTIONS);
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });

  test('the outside-Excel message', async () => {
    const view = render(
      <Root>
        <HostMessage problem="not-excel" />
      </Root>,
    );
    const results = await axe(view.container, AXE_OPTIONS);
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });

  test('axe does catch a broken pane (the check can fail)', async () => {
    const view = render(
      <Root>
        <button type="button" />
      </Root>,
    );
    const results = await axe(view.container, AXE_OPTIONS);
    expect(results.violations.map((v) => v.id)).toContain('button-name');
  });
});
