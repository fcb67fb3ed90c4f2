/** Render the pane the way the entry does (one FluentProvider, services in context), with a fake behind it. */
import { render, screen, waitFor, type RenderResult } from '@testing-library/react';
import './jsdomSetup';
import { Pane } from '../../src/taskpane/components/Pane';
import { Root } from '../../src/taskpane/Root';
import { FakeServices } from './fakeServices';

export async function renderPane(fake = new FakeServices()): Promise<{ fake: FakeServices; view: RenderResult }> {
  const view = render(
    <Root services={fake}>
      <Pane />
    </Root>,
  );
  // The pane reads the workbook status on mount; wait until it is shown so tests start from a settled pane.
  await waitFor(() => expect(screen.queryByText('正在读取工作簿…')).toBeNull());
  return { fake, view };
}
