/**
 * Each received file with its findings, as the command line prints them and the offline page shows them: level, rule,
 * message, where (〔表三!D5〕), and the unit's own 说明. One section per file, open on request, the unreadable ones
 * saying why. Everything from a received file is shown as text.
 */
import * as React from 'react';
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { STATUS_LABELS, type Summary, type UnitRow } from '../../core';
import { severityLook } from '../severity';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column' },
  heading: { margin: `${tokens.spacingVerticalS} 0` },
  header: { overflowWrap: 'anywhere', textAlign: 'left' },
  status: { marginLeft: tokens.spacingHorizontalXS, fontWeight: tokens.fontWeightSemibold },
  unreadable: { color: tokens.colorStatusDangerForeground1 },
  error: { color: tokens.colorStatusDangerForeground1 },
  warning: { color: tokens.colorStatusWarningForeground3 },
  info: { color: tokens.colorNeutralForeground3 },
  ok: { color: tokens.colorStatusSuccessForeground1 },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  finding: { display: 'flex', columnGap: tokens.spacingHorizontalS, alignItems: 'flex-start', overflowWrap: 'anywhere' },
  icon: { flexShrink: 0, fontSize: tokens.fontSizeBase400, marginTop: tokens.spacingVerticalXXS },
  where: { color: tokens.colorNeutralForeground3 },
  explanation: {
    display: 'block',
    marginTop: tokens.spacingVerticalXXS,
    padding: tokens.spacingVerticalXS,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
  },
});

function who(unit: UnitRow): string {
  const parts = [unit.body, unit.year ? `${unit.year}年` : null].filter(Boolean);
  return parts.length ? `（${parts.join(' ')}）` : '';
}

function counts(unit: UnitRow): string {
  if (unit.status === 'unreadable' || unit.status === 'ok') return '';
  return [unit.errors && `错误 ${unit.errors}`, unit.warnings && `核实 ${unit.warnings}`, unit.infos && `提示 ${unit.infos}`].filter(Boolean).join('，');
}

export function AuditUnits({ summary }: { summary: Summary }): React.JSX.Element {
  const styles = useStyles();
  const byFile = React.useMemo(() => {
    const m = new Map<string, Summary['details']>();
    for (const d of summary.details) m.set(d.file, [...(m.get(d.file) ?? []), d]);
    return m;
  }, [summary]);
  return (
    <section className={styles.root} aria-labelledby="audit-units">
      <Text as="h2" weight="semibold" size={400} id="audit-units" className={styles.heading}>
        {`各单位的问题（${summary.units.length} 份）`}
      </Text>
      <Accordion multiple collapsible>
        {summary.units.map((unit) => {
          const details = byFile.get(unit.file) ?? [];
          const tally = counts(unit);
          return (
            <AccordionItem key={unit.file} value={unit.file} data-unit={unit.file}>
              <AccordionHeader size="small">
                <span className={styles.header}>
                  {`${unit.file.replace(/^.*[\\/]/, '')}${who(unit)}`}
                  <span className={mergeClasses(styles.status, styles[unit.status])}>{`${STATUS_LABELS[unit.status]}${tally ? `：${tally}` : ''}`}</span>
                </span>
              </AccordionHeader>
              <AccordionPanel>
                {unit.status === 'unreadable' ? (
                  <Text className={styles.unreadable}>{`无法读取：${unit.error ?? '原因不明'}`}</Text>
                ) : details.length === 0 ? (
                  <Text>未发现问题。</Text>
                ) : (
                  <ul className={styles.list}>
                    {details.map(({ finding: f }, i) => {
                      const look = severityLook(f.severity);
                      return (
                        <li key={i} className={styles.finding}>
                          <span className={mergeClasses(styles.icon, styles[f.severity])} title={look.label}>
                            {look.icon}
                          </span>
                          <span>
                            <Text weight="semibold">{`[${look.label}] ${f.rule} `}</Text>
                            <Text>{f.message}</Text>
                            {f.addresses?.length ? <Text className={styles.where}>{`〔${f.addresses.join('、')}〕`}</Text> : null}
                            {f.explanation && <Text className={styles.explanation} size={200}>{`说明：${f.explanation}`}</Text>}
                          </span>
                        </li>
                      );
                    })}
                  </ul>
                )}
              </AccordionPanel>
            </AccordionItem>
          );
        })}
      </Accordion>
    </section>
  );
}
