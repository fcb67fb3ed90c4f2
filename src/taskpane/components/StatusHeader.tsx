/** Which report this workbook holds (机关, 年度, 模板版本), and what to do when our template is missing or outdated. */
import * as React from 'react';
import { Caption1, MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import { TEMPLATE_VERSION } from '../../spec';
import type { WorkbookStatus } from '../services';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, fontWeight: tokens.fontWeightSemibold },
});

export function StatusHeader(props: { status: WorkbookStatus | null }): React.JSX.Element | null {
  const styles = useStyles();
  const { status } = props;
  if (!status) return null;
  return (
    <section className={styles.root} aria-label="工作簿状态">
      <dl className={styles.facts}>
        <dt className={styles.term}>
          <Caption1>机关名称</Caption1>
        </dt>
        <dd className={styles.value}>
          <Text>{status.body ?? '未填写'}</Text>
        </dd>
        <dt className={styles.term}>
          <Caption1>报告年度</Caption1>
        </dt>
        <dd className={styles.value}>
          <Text>{status.year ?? '未填写'}</Text>
        </dd>
        <dt className={styles.term}>
          <Caption1>模板版本</Caption1>
        </dt>
        <dd className={styles.value}>
          <Text>{status.templateVersion ?? '无'}</Text>
        </dd>
      </dl>
      {!status.templateInstalled && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>模板未安装</MessageBarTitle>
            本工作簿中没有年报模板。点击「插入年报模板」添加表二、表三、表四等工作表；已有的工作表和数据不会被改动。
          </MessageBarBody>
        </MessageBar>
      )}
      {status.templateInstalled && status.missingSheets.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>模板不完整</MessageBarTitle>
            缺少工作表：{status.missingSheets.join('、')}。点击「插入年报模板」可补齐，已填写的数字会保留。
          </MessageBarBody>
        </MessageBar>
      )}
      {status.templateInstalled && status.templateVersion !== null && status.templateVersion !== TEMPLATE_VERSION && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>模板版本不同</MessageBarTitle>
            本工作簿的模板版本为 {status.templateVersion}，本加载项使用 {TEMPLATE_VERSION}。点击「插入年报模板」可升级，已填写的数字会保留。
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
