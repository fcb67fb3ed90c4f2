/**
 * The 审核 tab as the pane loads it (its own chunk of the build, fetched when the tab is first opened): the panel
 * with the build's batch worker. Tests render AuditPanel with a worker of their own instead.
 */
import * as React from 'react';
import type { PanelProps } from '../components/LazyPanel';
import { AuditPanel } from './AuditPanel';
import { createBatchWorker } from './batchWorker';

export default function AuditTab(props: PanelProps): React.JSX.Element {
  return <AuditPanel createWorker={createBatchWorker} onChanged={props.onChanged} />;
}
