/** The one mapping from a finding's severity to how the pane shows it: Chinese label, MessageBar intent, icon. */
import * as React from 'react';
import type { MessageBarIntent } from '@fluentui/react-components';
import { ErrorCircleRegular, InfoRegular, WarningRegular } from '@fluentui/react-icons';
import { SEVERITIES, type Severity } from '../spec';

export interface SeverityLook {
  label: string;
  intent: MessageBarIntent;
  icon: React.JSX.Element;
}

export function severityLook(severity: Severity): SeverityLook {
  const label = SEVERITIES.find((s) => s.key === severity)?.label ?? severity;
  switch (severity) {
    case 'error':
      return { label, intent: 'error', icon: <ErrorCircleRegular aria-hidden /> };
    case 'warning':
      return { label, intent: 'warning', icon: <WarningRegular aria-hidden /> };
    case 'info':
      return { label, intent: 'info', icon: <InfoRegular aria-hidden /> };
  }
}
