/** Asked before a redraft replaces sections the clerk edited since the last draft. */
import * as React from 'react';
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';

export default function OverwriteDialog(props: { titles: string[]; onConfirm: () => void; onCancel: () => void }): React.JSX.Element {
  const { titles, onConfirm, onCancel } = props;
  return (
    <Dialog open onOpenChange={(_, data) => !data.open && onCancel()} modalType="alert">
      <DialogSurface>
        <DialogBody>
          <DialogTitle>覆盖已修改的段落？</DialogTitle>
          <DialogContent>{`上次生成后，您修改了以下段落：${titles.join('、')}。重新生成会用根据表格数字起草的文字替换这些修改，且不能撤销。`}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onConfirm}>
              覆盖并重新生成
            </Button>
            <Button onClick={onCancel}>保留我的修改</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
