/** A failed action, in Chinese, with the way out; dismissible so the pane stays usable. */
import * as React from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import type { ActionError } from '../useAction';

export function ErrorBar(props: { error: ActionError | null; onDismiss?: () => void }): React.JSX.Element | null {
  const { error, onDismiss } = props;
  if (!error) return null;
  return (
    <MessageBar intent="error" layout="multiline" role="alert" data-error-code={error.code}>
      <MessageBarBody>
        <MessageBarTitle>{error.title}</MessageBarTitle>
        {error.message}
      </MessageBarBody>
      {onDismiss && (
        <MessageBarActions
          containerAction={<Button appearance="transparent" aria-label="关闭提示" icon={<DismissRegular />} onClick={onDismiss} />}
        />
      )}
    </MessageBar>
  );
}
