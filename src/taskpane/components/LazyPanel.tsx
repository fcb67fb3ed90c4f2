/**
 * A tab whose code loads when it is first opened (a separate chunk of the build): a spinner while it loads, and a
 * Chinese message with a retry if it cannot be loaded (the add-in's server unreachable, a file missing after an update).
 */
import * as React from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { Busy } from './Busy';

/** What every lazily loaded panel is given: a way to tell the pane the workbook changed. */
export interface PanelProps {
  onChanged?: () => void;
}

export interface PanelModule {
  default: React.ComponentType<PanelProps>;
}

export type PanelLoader = () => Promise<PanelModule>;

// One lazy component per loader, whatever renders it: React.lazy must not be made again on each render.
const lazies = new WeakMap<PanelLoader, React.LazyExoticComponent<React.ComponentType<PanelProps>>>();

function lazyOf(load: PanelLoader): React.LazyExoticComponent<React.ComponentType<PanelProps>> {
  let made = lazies.get(load);
  if (!made) {
    made = React.lazy(load);
    lazies.set(load, made);
  }
  return made;
}

interface BoundaryProps {
  label: string;
  onRetry: () => void;
  children: React.ReactNode;
}

class LoadBoundary extends React.Component<BoundaryProps, { failed: string | null }> {
  state = { failed: null as string | null };

  static getDerivedStateFromError(e: unknown): { failed: string } {
    return { failed: e instanceof Error ? e.message : String(e) };
  }

  render(): React.ReactNode {
    if (this.state.failed === null) return this.props.children;
    return (
      <MessageBar intent="error" layout="multiline" role="alert">
        <MessageBarBody>
          <MessageBarTitle>{`未能加载「${this.props.label}」功能`}</MessageBarTitle>
          {`加载项的文件没有下载成功（${this.state.failed}）。请检查网络后重试；如果仍然不行，请联系管理员检查加载项的部署。`}
        </MessageBarBody>
        <MessageBarActions>
          <Button
            onClick={() => {
              this.setState({ failed: null });
              this.props.onRetry();
            }}
          >
            重试
          </Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
}

export function LazyPanel(props: { load: PanelLoader; label: string; onChanged?: () => void }): React.JSX.Element {
  const { load, label, onChanged } = props;
  // React.lazy keeps a failed load: retrying makes a fresh loader.
  const [loader, setLoader] = React.useState<PanelLoader>(() => load);
  const Panel = lazyOf(loader);
  return (
    <LoadBoundary label={label} onRetry={() => setLoader(() => () => load())}>
      <React.Suspense fallback={<Busy busy label={`正在加载「${label}」…`} />}>
        <Panel onChanged={onChanged} />
      </React.Suspense>
    </LoadBoundary>
  );
}
