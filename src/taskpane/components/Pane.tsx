/** The task pane inside Excel: workbook status on top, template installation, then 校验 / 报告正文 / 导入 tabs. */
import * as React from 'react';
import { Divider, Tab, TabList, Title3, makeStyles, tokens } from '@fluentui/react-components';
import type { WorkbookStatus } from '../services';
import { useServices } from '../servicesContext';
import { useAction } from '../useAction';
import { Busy } from './Busy';
import { CheckPanel } from './CheckPanel';
import { DraftPanel } from './DraftPanel';
import { ErrorBar } from './ErrorBar';
import { ImportPanel } from './ImportPanel';
import { InstallPanel } from './InstallPanel';
import { StatusHeader } from './StatusHeader';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minWidth: 0,
  },
  title: { margin: 0 },
});

type TabId = 'check' | 'draft' | 'import';

export function Pane(): React.JSX.Element {
  const styles = useStyles();
  const services = useServices();
  const [status, setStatus] = React.useState<WorkbookStatus | null>(null);
  const [tab, setTab] = React.useState<TabId>('check');
  const load = useAction('读取工作簿状态', () => services.getStatus());
  const runLoad = load.run;

  const refresh = React.useCallback(async () => {
    const result = await runLoad();
    if (result.ok) setStatus(result.value);
  }, [runLoad]);

  React.useEffect(() => {
    void refresh();
  }, [refresh]);

  const onChanged = (): void => {
    void refresh();
  };

  return (
    <main className={styles.root}>
      <Title3 as="h1" className={styles.title}>
        年报助手
      </Title3>
      <Busy busy={load.busy} label="正在读取工作簿…" />
      <ErrorBar error={load.error} onDismiss={load.clearError} />
      <StatusHeader status={status} />
      <InstallPanel onInstalled={onChanged} />
      <Divider />
      <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabId)} aria-label="功能">
        <Tab value="check">校验</Tab>
        <Tab value="draft">报告正文</Tab>
        <Tab value="import">导入已发布报告</Tab>
      </TabList>
      <div role="tabpanel" aria-label={tab === 'check' ? '校验' : tab === 'draft' ? '报告正文' : '导入已发布报告'}>
        {/* Panels stay mounted so switching tabs never loses a check result or pasted text. */}
        <div hidden={tab !== 'check'}>
          <CheckPanel onChecked={onChanged} />
        </div>
        <div hidden={tab !== 'draft'}>
          <DraftPanel />
        </div>
        <div hidden={tab !== 'import'}>
          <ImportPanel onImported={onChanged} />
        </div>
      </div>
    </main>
  );
}
