/** Findings grouped by severity (错误/核实/提示) and by table, each group with its count. */
import * as React from 'react';
import { Subtitle2, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Finding } from '../../core';
import { groupFindings } from '../findingGroups';
import { severityLook } from '../severity';
import { FindingItem } from './FindingItem';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  heading: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS, margin: 0 },
  icon: { display: 'flex', fontSize: tokens.fontSizeBase500 },
  error: { color: tokens.colorStatusDangerForeground1 },
  warning: { color: tokens.colorStatusWarningForeground3 },
  info: { color: tokens.colorNeutralForeground3 },
  tableHeading: { margin: 0, color: tokens.colorNeutralForeground2 },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  group: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  // A count pill drawn with the theme's tokens (Fluent's CounterBadge would add 4 KB to what the pane loads first).
  count: {
    minWidth: '20px',
    boxSizing: 'border-box',
    padding: `0 ${tokens.spacingHorizontalXS}`,
    borderRadius: tokens.borderRadiusCircular,
    fontSize: tokens.fontSizeBase200,
    lineHeight: '20px',
    fontWeight: tokens.fontWeightSemibold,
    textAlign: 'center',
  },
  errorCount: { backgroundColor: tokens.colorPaletteRedBackground3, color: tokens.colorNeutralForegroundOnBrand },
  warningCount: { backgroundColor: tokens.colorNeutralForeground1, color: tokens.colorNeutralForegroundInverted },
  infoCount: { backgroundColor: tokens.colorNeutralBackground5, color: tokens.colorNeutralForeground3 },
});

export function FindingList(props: { findings: Finding[]; onExplained: (finding: Finding, text: string) => void }): React.JSX.Element {
  const styles = useStyles();
  const groups = groupFindings(props.findings);
  return (
    <div className={styles.root}>
      {groups.map((g) => {
        const look = severityLook(g.severity);
        const headingId = `findings-${g.severity}`;
        return (
          <section key={g.severity} className={styles.group} aria-labelledby={headingId}>
            <h2 className={styles.heading} id={headingId}>
              <span className={mergeClasses(styles.icon, styles[g.severity])}>{look.icon}</span>
              <Subtitle2>{look.label}</Subtitle2>
              <span className={mergeClasses(styles.count, styles[`${g.severity}Count`])} aria-label={`${g.count}项`}>
                {g.count > 999 ? '999+' : g.count}
              </span>
            </h2>
            {g.tables.map((t) => (
              <div key={t.table} className={styles.group}>
                <h3 className={styles.tableHeading}>
                  <Text weight="semibold">{`${t.label}（${t.findings.length}）`}</Text>
                </h3>
                <ul className={styles.list}>
                  {t.findings.map((f) => (
                    <FindingItem key={`${f.rule}:${f.target}:${f.cells.join(',')}`} finding={f} onExplained={props.onExplained} />
                  ))}
                </ul>
              </div>
            ))}
          </section>
        );
      })}
    </div>
  );
}
