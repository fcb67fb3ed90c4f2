/** Progress for long host work: a labelled Spinner that screen readers announce. */
import * as React from 'react';
import { Spinner } from '@fluentui/react-components';

export function Busy(props: { busy: boolean; label: string }): React.JSX.Element | null {
  if (!props.busy) return null;
  return <Spinner size="tiny" labelPosition="after" label={props.label} role="status" />;
}
