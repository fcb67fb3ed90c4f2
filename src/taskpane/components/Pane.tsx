/**
 * The task pane inside Excel: workbook status on top, template installation, then the 校验 / 报告正文 / 导入 tabs of
 * the clerk and the supervisor's 审核 tab. What the clerk needs when the pane opens is in the first bundle; the 导入
 * and 审核 tabs load their code when first opened (bench/pane-size.ts measures both).
 */
import * as React from 'react';
import { Tab, TabList, Title3, makeStyles, tokens } from '@fluentui/react-components';
import type { WorkbookStatus } from '../services';
import { useServices } from '../servicesContext';
import { useAction } from '../useAction';
import { Busy } from './Busy';
import { CheckPanel } from './CheckPanel';
import { DraftPanel } from './DraftPanel';
import { ErrorBar } from './ErrorBar';
import { InstallPanel } from './InstallPanel';
import { LazyPanel, type PanelLoader } from './LazyPanel';
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
  // A rule between the clerk's header and the tabs (a border: Fluent's Divider would add 2 KB to the first load).
  rule: { height: 0, borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
});

type TabId = 'check' | 'draft' | 'import' | 'audit';

const TAB_LABELS: Record<TabId, string> = { check: '校验', draft: '报告正文', import: '导入已发布报告', audit: '审核' };

/** Where the tabs that load later come from: the build's own chunks, or (in tests) a module of the test's choosing. */
export interface PaneLoaders {
  import: PanelLoader;
  audit: PanelLoader;
}

const CHUNKS: PaneLoaders = {
  import: () => import(/* webpackChunkName: "import" */ './ImportPanel').then((m) => ({ default: m.ImportPanel })),
  audit: () => import(/* webpackChunkName: "audit" */ '../audit/AuditTab'),
};

export function Pane(props: { loaders?: Partial<PaneLoaders> }): React.JSX.Element {
  const styles = useStyles();
  const services = useServices();
  const [status, setStatus] = React.useState<WorkbookStatus | null>(null);
  const [tab, setTab] = React.useState<TabId>('check');
  const [opened, setOpened] = React.useState<ReadonlySet<TabId>>(() => new Set(['check']));
  const load = useAction('读取工作簿状态', () => services.getStatus());
  const runLoad = load.run;
  const loaders = { ...CHUNKS, ...props.loaders };

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

  const select = (next: TabId): void => {
    setTab(next);
    setOpened((o) => (o.has(next) ? o : new Set([...o, next])));
  };

  // The supervisor's 审核 works on received files, not on this workbook's report: the clerk's header steps aside.
  const clerk = tab !== 'audit';
  return (
    <main className={styles.root}>
      <Title3 as="h1" className={styles.title}>
        年报助手
      </Title3>
      <Busy busy={load.busy} label="正在读取工作簿…" />
      <ErrorBar error={load.error} onDismiss={load.clearError} />
      <div hidden={!clerk}>
        <StatusHeader status={status} />
      </div>
      <div hidden={!clerk}>
        <InstallPanel onInstalled={onChanged} />
      </div>
      <div className={styles.rule} role="separator" />
      <TabList selectedValue={tab} onTabSelect={(_, d) => select(d.value as TabId)} aria-label="功能">
        {(Object.keys(TAB_LABELS) as TabId[]).map((id) => (
          <Tab key={id} value={id}>
            {TAB_LABELS[id]}
          </Tab>
        ))}
      </TabList>
      <div role="tabpanel" aria-label={tab === 'audit' ? '审核收到的年报' : TAB_LABELS[tab]}>
        {/* Panels stay mounted once opened, so switching tabs never loses a check result, pasted text or a batch. */}
        <div hidden={tab !== 'check'}>
          <CheckPanel onChecked={onChanged} />
        </div>
        <div hidden={tab !== 'draft'}>
          <DraftPanel />
        </div>
        {opened.has('import') && (
          <div hidden={tab !== 'import'}>
            <LazyPanel load={loaders.import} label="导入" onChanged={onChanged} />
          </div>
        )}
        {opened.has('audit') && (
          <div hidden={tab !== 'audit'}>
            <LazyPanel load={loaders.audit} label="审核" onChanged={onChanged} />
          </div>
        )}
      </div>
    </main>
  );
}
