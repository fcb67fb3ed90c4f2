/** 「校验」 and 「清除标注」: run the rules over the workbook, list what they found, remove our marks again. */
import * as React from 'react';
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Finding } from '../../core';
import { findingId } from '../../core';
import type { CheckOutcome } from '../services';
import { useServices } from '../servicesContext';
import { useAction } from '../useAction';
import { Busy } from './Busy';
import { ErrorBar } from './ErrorBar';
import { FindingList } from './FindingList';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  actions: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS, alignItems: 'center' },
});

const MARKING: Record<CheckOutcome['marking'], string> = {
  notes: '有问题的单元格已标红，并附有批注说明。',
  comments: '有问题的单元格已标红，并附有评论说明（此版本 Excel 不支持批注）。',
  fill: '有问题的单元格已标红（此版本 Excel 不支持批注，说明请看本窗格）。',
};

export function CheckPanel(props: { onChecked?: () => void }): React.JSX.Element {
  const styles = useStyles();
  const services = useServices();
  const [outcome, setOutcome] = React.useState<CheckOutcome | null>(null);
  const [cleared, setCleared] = React.useState(false);
  const check = useAction('校验', () => services.check());
  const clear = useAction('清除标注', () => services.clearMarks());
  const { onChecked } = props;

  const onCheck = async (): Promise<void> => {
    setCleared(false);
    const result = await check.run();
    if (result.ok) {
      setOutcome(result.value);
      onChecked?.();
    }
  };

  const onClear = async (): Promise<void> => {
    const result = await clear.run();
    if (result.ok) setCleared(true);
  };

  const onExplained = React.useCallback((finding: Finding, text: string) => {
    const id = findingId(finding);
    setOutcome((o) =>
      o ? { ...o, findings: o.findings.map((f) => (findingId(f) === id ? { ...f, explanation: text } : f)) } : o,
    );
  }, []);

  const busy = check.busy || clear.busy;
  return (
    <div className={styles.root}>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={busy} onClick={() => void onCheck()}>
          校验
        </Button>
        <Button disabled={busy} onClick={() => void onClear()}>
          清除标注
        </Button>
        <Busy busy={check.busy} label="正在校验…" />
        <Busy busy={clear.busy} label="正在清除标注…" />
      </div>
      <ErrorBar error={check.error} onDismiss={check.clearError} />
      <ErrorBar error={clear.error} onDismiss={clear.clearError} />
      {cleared && (
        <MessageBar intent="success">
          <MessageBarBody>已清除校验标注，单元格恢复为校验前的格式。</MessageBarBody>
        </MessageBar>
      )}
      {outcome && <CheckSummary outcome={outcome} />}
      {outcome && outcome.findings.length > 0 && <FindingList findings={outcome.findings} onExplained={onExplained} />}
    </div>
  );
}

function CheckSummary({ outcome }: { outcome: CheckOutcome }): React.JSX.Element {
  const count = (s: Finding['severity']): number => outcome.findings.filter((f) => f.severity === s).length;
  const errors = count('error');
  const warnings = count('warning');
  const infos = count('info');
  const unexplained = outcome.findings.filter((f) => f.severity === 'warning' && !f.explanation).length;
  return (
    <>
      {outcome.problems.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>部分表格未能定位</MessageBarTitle>
            <ul>
              {outcome.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {outcome.located === 'labels' && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>本工作簿不是用年报模板制作的，已按表格中的文字标签找到各项数字。</MessageBarBody>
        </MessageBar>
      )}
      {outcome.findings.length === 0 ? (
        <MessageBar intent="success">
          <MessageBarBody>
            <MessageBarTitle>校验通过</MessageBarTitle>
            未发现问题。
          </MessageBarBody>
        </MessageBar>
      ) : (
        <MessageBar intent={errors ? 'error' : warnings ? 'warning' : 'info'} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{`发现 ${outcome.findings.length} 个问题`}</MessageBarTitle>
            <Text>{`错误 ${errors} 项，核实 ${warnings} 项（其中 ${unexplained} 项尚无说明），提示 ${infos} 项。${MARKING[outcome.marking]}`}</Text>
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
