/**
 * 「审核收到的年报」: the supervisor picks or drops many received files (or a folder); each is read and checked in a Web
 * Worker by the command line's readers, rules and messages, with "第 n / N 份" progress and a way to cancel; the
 * results are listed unit by unit and, on request, written into the open workbook (sheets and charts) through the
 * services. A file that cannot be read, or that makes its worker fail, is reported and the batch goes on.
 */
import * as React from 'react';
import { Button, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, Text, makeStyles, mergeClasses, shorthands, tokens } from '@fluentui/react-components';
import { runBatch, type BatchInput, type BatchWorker } from '../../batch/runBatch';
import { batchSummary, describeTotals } from '../../batch/summary';
import { readableExtensions } from '../../read';
import { fromDrop, fromFileList } from '../../browser/files';
import type { Summary } from '../../core';
import { Busy } from '../components/Busy';
import { ErrorBar } from '../components/ErrorBar';
import type { AuditWriteOutcome } from '../services';
import { useServices } from '../servicesContext';
import { useAction } from '../useAction';
import { AuditUnits } from './AuditUnits';

const useStyles = makeStyles({
  // The list of extensions (`.xlsx、.xlsm、…`) has no break opportunity of its own: without this it runs out of the pane.
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, overflowWrap: 'anywhere' },
  drop: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    ...shorthands.border(tokens.strokeWidthThick, 'dashed', tokens.colorNeutralStroke1),
    ...shorthands.borderRadius(tokens.borderRadiusLarge),
  },
  over: { ...shorthands.borderColor(tokens.colorBrandStroke1), backgroundColor: tokens.colorBrandBackground2 },
  actions: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS, alignItems: 'center' },
  hint: { color: tokens.colorNeutralForeground3 },
  progress: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  name: { overflowWrap: 'anywhere' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

interface Progress {
  done: number;
  total: number;
  name: string;
}

interface Result {
  summary: Summary;
  cancelled: boolean;
}

const TABLE_LABEL: Record<AuditWriteOutcome['sheets'][number]['table'], string> = { units: '单位汇总', rules: '规则汇总', findings: '问题明细', charts: '审核图表' };

export function AuditPanel(props: { createWorker: () => BatchWorker; onChanged?: () => void }): React.JSX.Element {
  const styles = useStyles();
  const services = useServices();
  const { createWorker, onChanged } = props;
  const files = React.useRef<HTMLInputElement>(null);
  const folder = React.useRef<HTMLInputElement>(null);
  const [over, setOver] = React.useState(false);
  const [progress, setProgress] = React.useState<Progress | null>(null);
  const [result, setResult] = React.useState<Result | null>(null);
  const [nothing, setNothing] = React.useState(false);
  const [written, setWritten] = React.useState<AuditWriteOutcome | null>(null);
  const running = React.useRef<AbortController | null>(null);
  const write = useAction('写入工作簿', (summary: Summary) => services.writeAudit(summary));
  // Where the webview lets a folder be picked (WebView2, Safari's WebKit); elsewhere a folder can still be dropped.
  const folderPicker = React.useMemo(() => typeof document !== 'undefined' && 'webkitdirectory' in document.createElement('input'), []);

  // A batch still running when the pane goes away stops with it.
  React.useEffect(() => () => running.current?.abort(), []);

  const check = async (inputs: BatchInput[]): Promise<void> => {
    if (running.current) return;
    setNothing(inputs.length === 0);
    if (!inputs.length) return;
    const controller = new AbortController();
    running.current = controller;
    setResult(null);
    setWritten(null);
    write.clearError();
    setProgress({ done: 0, total: inputs.length, name: '' });
    try {
      const outcome = await runBatch(inputs, {
        createWorker,
        signal: controller.signal,
        onProgress: (done, total, name) => setProgress({ done, total, name }),
      });
      setResult({ summary: batchSummary(outcome.items), cancelled: outcome.cancelled });
    } finally {
      running.current = null;
      setProgress(null);
    }
  };

  const onPicked = (e: React.ChangeEvent<HTMLInputElement>): void => {
    const inputs = fromFileList(e.target.files);
    // The same files may be picked again after a change: the input must not keep them.
    e.target.value = '';
    void check(inputs);
  };

  const onDrop = (e: React.DragEvent<HTMLElement>): void => {
    e.preventDefault();
    setOver(false);
    if (running.current) return;
    void fromDrop(e.dataTransfer).then(check);
  };

  const onWrite = async (): Promise<void> => {
    if (!result) return;
    setWritten(null);
    const outcome = await write.run(result.summary);
    if (outcome.ok) {
      setWritten(outcome.value);
      onChanged?.();
    }
  };

  const busy = progress !== null;
  const accept = readableExtensions().join(',');
  return (
    <section className={styles.root} aria-label="审核收到的年报">
      <Text>逐份校验收到的年报（Excel 工作簿、已发布的报告网页或文本、报告数据），结果可写入本工作簿。文件只在本机读取，不会上传。</Text>
      <div
        className={mergeClasses(styles.drop, over && styles.over)}
        onDragOver={(e) => {
          e.preventDefault();
          if (!busy) setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <div className={styles.actions}>
          <Button appearance="primary" disabled={busy} onClick={() => files.current?.click()}>
            选择文件（可多选）
          </Button>
          {folderPicker && (
            <Button disabled={busy} onClick={() => folder.current?.click()}>
              选择文件夹
            </Button>
          )}
        </div>
        <Text size={200} className={styles.hint}>
          {`也可以把文件或文件夹拖到这里。可以校验：${readableExtensions().join('、')}`}
        </Text>
        <input ref={files} type="file" multiple accept={accept} hidden aria-label="选择收到的年报文件" onChange={onPicked} />
        {folderPicker && <input ref={folder} type="file" multiple hidden aria-label="选择收到的年报所在的文件夹" onChange={onPicked} {...{ webkitdirectory: '' }} />}
      </div>
      {nothing && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{`没有可以校验的文件。可以校验：${readableExtensions().join('、')}。`}</MessageBarBody>
        </MessageBar>
      )}
      {progress && (
        <div className={styles.progress}>
          <ProgressBar value={progress.total ? progress.done / progress.total : 0} thickness="large" aria-label="审核进度" />
          <Text role="status" className={styles.name}>
            {`第 ${progress.done} / ${progress.total} 份${progress.name ? `：${progress.name}` : ''}`}
          </Text>
          <div className={styles.actions}>
            <Button onClick={() => running.current?.abort()}>取消</Button>
          </div>
        </div>
      )}
      {result && (
        <>
          <MessageBar intent={result.summary.totals.errors || result.summary.totals.unreadable ? 'error' : result.summary.totals.warnings ? 'warning' : 'success'} layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{result.cancelled ? '审核已取消' : '审核完成'}</MessageBarTitle>
              {describeTotals(result.summary, result.cancelled)}
            </MessageBarBody>
          </MessageBar>
          {/* Cancelled before any file was finished: nothing to write or list. */}
          {result.summary.units.length > 0 && (
            <>
              <div className={styles.actions}>
                <Button appearance="primary" disabled={write.busy || busy} onClick={() => void onWrite()}>
                  写入工作簿
                </Button>
                <Busy busy={write.busy} label="正在写入工作表和图表…" />
              </div>
              <ErrorBar error={write.error} onDismiss={write.clearError} />
              {written && <Written outcome={written} />}
              <AuditUnits summary={result.summary} />
            </>
          )}
        </>
      )}
    </section>
  );
}

function Written({ outcome }: { outcome: AuditWriteOutcome }): React.JSX.Element {
  const styles = useStyles();
  const sheets = outcome.sheets.map((s) => (s.name === TABLE_LABEL[s.table] ? `「${s.name}」` : `「${s.name}」（${TABLE_LABEL[s.table]}）`)).join('、');
  return (
    <>
      <MessageBar intent="success" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>已写入工作簿</MessageBarTitle>
          {`工作表 ${sheets}${outcome.charts ? `，图表 ${outcome.charts} 张` : ''}。${outcome.replaced.length ? `替换了上次审核写入的 ${outcome.replaced.map((n) => `「${n}」`).join('、')}。` : ''}`}
          {outcome.filter ? '表头已冻结，可用筛选按钮查看。' : '表头已冻结。此版本 Excel 不支持由加载项添加筛选（需要 ExcelApi 1.9），需要时请用「数据 → 筛选」。'}
        </MessageBarBody>
      </MessageBar>
      {outcome.kept.length > 0 && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>有同名工作表，已原样保留</MessageBarTitle>
            <ul className={styles.list}>
              {outcome.kept.map((k) => (
                <li key={`${k.name}:${k.used}`}>
                  {k.reason === 'not-ours'
                    ? `「${k.name}」不是年报助手写入的，没有改动；这次的结果写在「${k.used}」。`
                    : `上次写入的「${k.name}」之后被修改过，没有改动；这次的结果写在「${k.used}」。`}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
