/**
 * What the pane shows when it cannot work: opened outside Excel (a plain browser, where Office.onReady reports no
 * host), an Excel too old for ExcelApi 1.8, or office.js that failed to load.
 */
import * as React from 'react';
import { MessageBar, MessageBarBody, MessageBarTitle, Text, Title3, makeStyles, tokens } from '@fluentui/react-components';

export type HostProblem = 'not-excel' | 'api-too-old' | 'office-missing';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM },
  title: { margin: 0 },
  steps: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalXL,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    overflowWrap: 'anywhere',
  },
});

const TITLES: Record<HostProblem, string> = {
  'not-excel': '请在 Excel 中打开年报助手',
  'api-too-old': '此版本的 Excel 无法运行年报助手',
  'office-missing': '未能加载 Office 组件',
};

export function HostMessage(props: { problem: HostProblem; host?: string | null }): React.JSX.Element {
  const styles = useStyles();
  const { problem, host } = props;
  return (
    <main className={styles.root}>
      <Title3 as="h1" className={styles.title}>
        年报助手
      </Title3>
      <MessageBar intent={problem === 'not-excel' ? 'info' : 'warning'} layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{TITLES[problem]}</MessageBarTitle>
          {problem === 'not-excel' &&
            (host ? `当前宿主程序是 ${host}，年报助手只能在 Excel 中使用。` : '这是年报助手的任务窗格页面，需要在 Excel 中加载后使用，直接用浏览器打开时无法读写工作簿。')}
          {problem === 'api-too-old' &&
            '年报助手需要 Excel 2021、Excel 2024、Microsoft 365 或网页版 Excel（ExcelApi 1.8 及以上）。较旧的 Excel 请使用自带校验公式的年报模板文件（.xlsx）。'}
          {problem === 'office-missing' &&
            '任务窗格未能加载 office.js，可能是加载项服务器上的文件不完整。请联系管理员重新部署加载项。'}
        </MessageBarBody>
      </MessageBar>
      {problem === 'not-excel' && (
        <section aria-label="加载方法">
          <Text weight="semibold">在 Excel 中加载：</Text>
          <ol className={styles.steps}>
            <li>Windows 版 Excel：管理员把加载项清单（manifest.xml）放到共享文件夹，并在「信任中心 → 受信任的加载项目录」中添加该文件夹；然后在「插入 → 我的加载项 → 共享文件夹」中选择「年报助手」。</li>
            <li>网页版 Excel：「插入 → 加载项 → 上传我的加载项」，选择 manifest.xml。</li>
            <li>Mac 版 Excel：把 manifest.xml 复制到 ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef 文件夹，重启 Excel。</li>
          </ol>
          <Text>加载后，在「开始」选项卡点击「年报助手」按钮。</Text>
        </section>
      )}
    </main>
  );
}
