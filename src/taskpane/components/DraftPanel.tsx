/**
 * 「生成报告正文」: draft the report's sections from the figures into the 正文 sheet, show which cells each sentence
 * used, ask before overwriting sections the user edited, and copy the whole text for the published report.
 */
import * as React from 'react';
import {
  Button,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { CopyRegular } from '@fluentui/react-icons';
import { cellLabel } from '../../core';
import { copyText } from '../clipboard';
import type { DraftOutcome } from '../services';
import { useServices } from '../servicesContext';
import { useAction } from '../useAction';
import { Busy } from './Busy';
import { ErrorBar } from './ErrorBar';
import { OverwriteConfirm } from './OverwriteConfirm';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  actions: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS, alignItems: 'center' },
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  sentences: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  sources: { color: tokens.colorNeutralForeground3, display: 'block' },
});

type CopyState = 'idle' | 'copied' | 'failed';

export function DraftPanel(): React.JSX.Element {
  const styles = useStyles();
  const services = useServices();
  const draft = useAction('生成报告正文', (force: boolean) => services.draftNarrative({ force }));
  const [outcome, setOutcome] = React.useState<DraftOutcome | null>(null);
  const [confirming, setConfirming] = React.useState<DraftOutcome | null>(null);
  const [copy, setCopy] = React.useState<CopyState>('idle');

  const run = async (force: boolean): Promise<void> => {
    setCopy('idle');
    const result = await draft.run(force);
    if (!result.ok) return;
    const value = result.value;
    if (!value.written && value.editedSections.length > 0) {
      // Nothing was written: the user edited these sections since the last draft. Ask before forcing.
      setConfirming(value);
      return;
    }
    setOutcome(value);
  };

  const onConfirm = async (): Promise<void> => {
    setConfirming(null);
    await run(true);
  };

  const onCopy = async (): Promise<void> => {
    if (!outcome) return;
    setCopy((await copyText(outcome.text)) ? 'copied' : 'failed');
  };

  const editedTitles = (o: DraftOutcome): string[] =>
    o.editedSections.map((id) => o.sections.find((s) => s.id === id)?.title ?? id);

  return (
    <div className={styles.root}>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={draft.busy} onClick={() => void run(false)}>
          生成报告正文
        </Button>
        {outcome && (
          <Button icon={<CopyRegular />} disabled={draft.busy} onClick={() => void onCopy()}>
            复制全文
          </Button>
        )}
        <Busy busy={draft.busy} label="正在生成正文…" />
      </div>
      <ErrorBar error={draft.error} onDismiss={draft.clearError} />
      {confirming && <OverwriteConfirm titles={editedTitles(confirming)} onConfirm={() => void onConfirm()} onCancel={() => setConfirming(null)} />}
      {copy === 'copied' && (
        <MessageBar intent="success">
          <MessageBarBody>已复制报告正文，可以粘贴到 Word 或网站编辑器中。</MessageBarBody>
        </MessageBar>
      )}
      {copy === 'failed' && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>无法访问剪贴板。请打开「正文」工作表，选中文字后按 Ctrl+C 复制。</MessageBarBody>
        </MessageBar>
      )}
      {outcome && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>正文已写入「正文」工作表。带【请补充：…】的地方需要您填写实际情况。</MessageBarBody>
        </MessageBar>
      )}
      {outcome?.sections.map((section) => (
        <section key={section.id} className={styles.section} aria-label={section.title}>
          <Subtitle2 as="h2">{section.title}</Subtitle2>
          <ol className={styles.sentences}>
            {section.sentences.map((s, i) => (
              <li key={i}>
                <Text>{s.text}</Text>
                {s.keys.length > 0 && (
                  <Text size={200} className={styles.sources}>
                    {`数据来源：${s.keys.map(cellLabel).join('、')}`}
                  </Text>
                )}
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
