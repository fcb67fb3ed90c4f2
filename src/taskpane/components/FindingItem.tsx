/**
 * One finding: its message (click to select its cells in the workbook) and, for a 核实 warning, the written 说明 that
 * keeps it — saved into the workbook so it travels with the file to the reviewer.
 */
import * as React from 'react';
import { Button, Field, Text, Textarea, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Finding } from '../../core';
import { findingId } from '../../core';
import { severityLook } from '../severity';
import { useServices } from '../servicesContext';
import { useAction } from '../useAction';
import { Busy } from './Busy';
import { ErrorBar } from './ErrorBar';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  error: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  warning: { borderLeftColor: tokens.colorPaletteDarkOrangeBorder2 },
  info: { borderLeftColor: tokens.colorPaletteBlueBorderActive },
  select: {
    display: 'flex',
    columnGap: tokens.spacingHorizontalS,
    alignItems: 'flex-start',
    textAlign: 'left',
    border: 'none',
    background: 'none',
    padding: 0,
    cursor: 'pointer',
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    ':hover': { color: tokens.colorBrandForeground1 },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  icon: { flexShrink: 0, fontSize: tokens.fontSizeBase400, marginTop: tokens.spacingVerticalXXS },
  // The icon takes the severity's colour, as in the MessageBar, so a long list can be scanned by colour too.
  errorIcon: { color: tokens.colorStatusDangerForeground1 },
  warningIcon: { color: tokens.colorStatusWarningForeground3 },
  infoIcon: { color: tokens.colorNeutralForeground3 },
  explanation: {
    padding: tokens.spacingVerticalXS,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
  },
  row: { display: 'flex', columnGap: tokens.spacingHorizontalS, alignItems: 'center' },
});

export interface FindingItemProps {
  finding: Finding;
  /** Called after the explanation was saved in the workbook. */
  onExplained: (finding: Finding, text: string) => void;
}

export function FindingItem({ finding, onExplained }: FindingItemProps): React.JSX.Element {
  const styles = useStyles();
  const services = useServices();
  const look = severityLook(finding.severity);
  const select = useAction('选中单元格', (f: Finding) => services.selectFinding(f));
  const save = useAction('保存说明', (f: Finding, text: string) => services.saveExplanation(f, text));
  const [editing, setEditing] = React.useState(false);
  const [draft, setDraft] = React.useState(finding.explanation ?? '');
  const [empty, setEmpty] = React.useState(false);
  const id = findingId(finding);

  const onSave = async (): Promise<void> => {
    const text = draft.trim();
    if (!text) {
      setEmpty(true);
      return;
    }
    setEmpty(false);
    const result = await save.run(finding, text);
    if (result.ok) {
      setEditing(false);
      onExplained(finding, text);
    }
  };

  return (
    <li className={mergeClasses(styles.root, styles[finding.severity])} data-finding={id}>
      <button type="button" className={styles.select} onClick={() => void select.run(finding)} title="在工作簿中选中相关单元格">
        <span className={mergeClasses(styles.icon, styles[`${finding.severity}Icon`])}>{look.icon}</span>
        <span>{finding.message}</span>
      </button>
      <Busy busy={select.busy} label="正在选中单元格…" />
      <ErrorBar error={select.error} onDismiss={select.clearError} />
      {finding.explanation && !editing && (
        <div className={styles.explanation}>
          <Text size={200}>
            <strong>说明：</strong>
            {finding.explanation}
          </Text>
        </div>
      )}
      {finding.severity === 'warning' && !editing && (
        <div className={styles.row}>
          <Button size="small" appearance="subtle" onClick={() => setEditing(true)}>
            {finding.explanation ? '修改说明' : '保留并说明'}
          </Button>
        </div>
      )}
      {editing && (
        <>
          <Field
            label="说明（为什么这项核实可以保留）"
            validationState={empty ? 'error' : 'none'}
            validationMessage={empty ? '请填写说明，审核人员会看到这段文字。' : undefined}
          >
            <Textarea value={draft} onChange={(_, data) => setDraft(data.value)} resize="vertical" />
          </Field>
          <div className={styles.row}>
            <Button size="small" appearance="primary" disabled={save.busy} onClick={() => void onSave()}>
              保存说明
            </Button>
            <Button size="small" disabled={save.busy} onClick={() => setEditing(false)}>
              取消
            </Button>
            <Busy busy={save.busy} label="正在保存…" />
          </div>
          <ErrorBar error={save.error} onDismiss={save.clearError} />
        </>
      )}
    </li>
  );
}
