/** The services a pane talks to, passed by context so components never know which host (or fake) is behind them. */
import * as React from 'react';
import type { ReportServices } from './services';

const ServicesContext = React.createContext<ReportServices | null>(null);

export function ServicesProvider(props: { services: ReportServices; children: React.ReactNode }): React.JSX.Element {
  return <ServicesContext.Provider value={props.services}>{props.children}</ServicesContext.Provider>;
}

export function useServices(): ReportServices {
  const services = React.useContext(ServicesContext);
  if (!services) throw new Error('useServices outside ServicesProvider');
  return services;
}
