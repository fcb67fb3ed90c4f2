/** The pane's one FluentProvider, with the services in context: used by the entry and by tests alike. */
import * as React from 'react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { ReportServices } from './services';
import { ServicesProvider } from './servicesContext';

export function Root(props: { services?: ReportServices; children: React.ReactNode }): React.JSX.Element {
  const { services, children } = props;
  return (
    <FluentProvider theme={webLightTheme} lang="zh-CN" style={{ minHeight: '100vh' }}>
      {services ? <ServicesProvider services={services}>{children}</ServicesProvider> : children}
    </FluentProvider>
  );
}
