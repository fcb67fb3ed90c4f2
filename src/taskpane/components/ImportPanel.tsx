/** 「导入已发布报告」: paste a published report's text and fill this year's tables or last year's figures from it. */
import * as React from 'react';
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { cellLabel } from '../../core';
import type { ImportOutcome } from '../services';
import { useServices } from '../servicesContext';
import { useAction } from '../useAction';
import { severityLook } from '../severity';
import { Busy } from './Busy';
import { ErrorBar } from './ErrorBar';
import type { PanelProps } from './LazyPanel';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  actions: { display: 'flex', columnGap: tokens.spacingHorizontalS, alignItems: 'center' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

type Target = ImportOutcome['target'];

const TARGET_LABEL: Record<Target, string> = { current: '本年数据', previous: '上年数据' };

export function ImportPanel(props: PanelProps): React.JSX.Element {
  const styles = useStyles();
  const services = useServices();
  const [text, setText] = React.useState('');
  const [target, setTarget] = React.useState<Target>('current');
  const [outcome, setOutcome] = React.useState<ImportOutcome | null>(null);
  const importAction = useAction('导入已发布报告', (t: string, where: Target) => services.importPublished(t, where));
  const { onChanged } = props;

  const onImport = async (): Promise<void> => {
    setOutcome(null);
    const result = await importAction.run(text, target);
    if (result.ok) {
      setOutcome(result.value);
      onChanged?.();
    }
  };

  return (
    <div className={styles.root}>
      <Field label="已发布报告的文字" hint="从网页、PDF 或 Word 中复制整篇报告（含表格），粘贴到这里。">
        <Textarea value={text} onChange={(_, d) => setText(d.value)} rows={8} resize="vertical" />
      </Field>
      <Field label="导入到">
        <RadioGroup value={target} onChange={(_, d) => setTarget(d.value === 'previous' ? 'previous' : 'current')} layout="horizontal">
          <Radio value="current" label="本年数据" />
          <Radio value="previous" label="上年数据（用于跨年度核对）" />
        </RadioGroup>
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={importAction.busy || text.trim() === ''} onClick={() => void onImport()}>
          导入
        </Button>
        <Busy busy={importAction.busy} label="正在导入…" />
      </div>
      <ErrorBar error={importAction.error} onDismiss={importAction.clearError} />
      {outcome && <ImportSummary outcome={outcome} />}
    </div>
  );
}

function ImportSummary({ outcome }: { outcome: ImportOutcome }): React.JSX.Element {
  const styles = useStyles();
  return (
    <>
      <MessageBar intent={outcome.filled > 0 ? 'success' : 'warning'} layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{`已导入${TARGET_LABEL[outcome.target]}`}</MessageBarTitle>
          {outcome.filled > 0 ? `填入 ${outcome.filled} 个单元格。` : '没有填入任何单元格。'}
        </MessageBarBody>
      </MessageBar>
      {outcome.keptUserValues.length > 0 && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{`保留了您已填写的 ${outcome.keptUserValues.length} 个数字`}</MessageBarTitle>
            {outcome.keptUserValues.map(cellLabel).join('、')}
          </MessageBarBody>
        </MessageBar>
      )}
      {outcome.findings.length > 0 && (
        <section aria-label="导入时发现的问题">
          <ul className={styles.list}>
            {outcome.findings.map((f, i) => {
              const look = severityLook(f.severity);
              return (
                <li key={i}>
                  <MessageBar intent={look.intent} icon={look.icon} layout="multiline">
                    <MessageBarBody>
                      <MessageBarTitle>{look.label}</MessageBarTitle>
                      {f.message}
                    </MessageBarBody>
                  </MessageBar>
                </li>
              );
            })}
          </ul>
        </section>
      )}
    </>
  );
}
