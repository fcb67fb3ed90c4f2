/** 「插入年报模板」: create or repair our sheets, then say exactly what was created, repaired or left alone. */
import * as React from 'react';
import { Button, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import type { InstallOutcome } from '../services';
import { useServices } from '../servicesContext';
import { useAction } from '../useAction';
import { Busy } from './Busy';
import { ErrorBar } from './ErrorBar';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  actions: { display: 'flex', columnGap: tokens.spacingHorizontalS, alignItems: 'center' },
});

export function InstallPanel(props: { onInstalled?: () => void }): React.JSX.Element {
  const styles = useStyles();
  const services = useServices();
  const install = useAction('插入年报模板', () => services.installTemplate());
  const [outcome, setOutcome] = React.useState<InstallOutcome | null>(null);
  const { onInstalled } = props;

  const onInstall = async (): Promise<void> => {
    const result = await install.run();
    if (result.ok) {
      setOutcome(result.value);
      onInstalled?.();
    }
  };

  return (
    <div className={styles.root}>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={install.busy} onClick={() => void onInstall()}>
          插入年报模板
        </Button>
        <Busy busy={install.busy} label="正在插入模板…" />
      </div>
      <ErrorBar error={install.error} onDismiss={install.clearError} />
      {outcome && <InstallSummary outcome={outcome} />}
    </div>
  );
}

function InstallSummary({ outcome }: { outcome: InstallOutcome }): React.JSX.Element {
  const lines: string[] = [];
  if (outcome.created.length) lines.push(`新建工作表：${outcome.created.join('、')}`);
  if (outcome.repaired.length) lines.push(`已修复（保留了已填写的数字）：${outcome.repaired.join('、')}`);
  if (!outcome.created.length && !outcome.repaired.length) lines.push('模板已完整，无需改动。');
  return (
    <>
      <MessageBar intent="success" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>模板已就绪</MessageBarTitle>
          {lines.join('；')}
        </MessageBarBody>
      </MessageBar>
      {outcome.skipped.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>有工作表未改动</MessageBarTitle>
            {`以下同名工作表不是年报模板创建的，已原样保留：${outcome.skipped.join('、')}。如需使用模板，请先将其改名。`}
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
