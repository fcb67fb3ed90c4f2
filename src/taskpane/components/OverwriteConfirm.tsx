/**
 * Asked before a redraft replaces sections the clerk edited since the last draft: in the pane's flow, under the
 * button, rather than as a modal (a task pane is narrow, and Fluent's Dialog would add 14 KB to the first load).
 * The safe answer, keeping the clerk's edits, has the focus.
 */
import * as React from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

export function OverwriteConfirm(props: { titles: string[]; onConfirm: () => void; onCancel: () => void }): React.JSX.Element {
  const { titles, onConfirm, onCancel } = props;
  const keep = React.useRef<HTMLButtonElement>(null);
  React.useEffect(() => keep.current?.focus(), []);
  return (
    <div
      role="alertdialog"
      aria-label="覆盖已修改的段落？"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
    >
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>覆盖已修改的段落？</MessageBarTitle>
          {`上次生成后，您修改了以下段落：${titles.join('、')}。重新生成会用根据表格数字起草的文字替换这些修改，且不能撤销。`}
        </MessageBarBody>
        <MessageBarActions>
          <Button appearance="primary" onClick={onConfirm}>
            覆盖并重新生成
          </Button>
          <Button ref={keep} onClick={onCancel}>
            保留我的修改
          </Button>
        </MessageBarActions>
      </MessageBar>
    </div>
  );
}
