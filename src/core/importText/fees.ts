/**
 * 信息处理费 figures from section 六 (FORMAT.md §2, `fee.*`). Read only when the text settles all of them: a
 * statement that no fee was charged (all three 0), or the notices and the amount notified stated as figures (with
 * the amount collected when given). A lone "收取…3940 元" leaves the notices unknown, so nothing is read.
 */
import { compactOf } from './text';

const ZERO = [
  /(未|没有|无|不存在)(发生|发出|出现)?(过)?(收取|收费|征收)[^。]{0,12}(信息处理费|收费)/,
  /(未|没有|无)(发生|出现)?[^。]{0,10}信息处理费[^。]{0,6}(情况|情形|收取)/,
  /(收取|收费|征收)[^。]{0,24}信息处理费(共|为|合计)?0(\.0+)?元/,
  /信息处理费[^。]{0,8}(为|共)?0(\.0+)?元/,
];

const NUM = '(\\d+(?:\\.\\d+)?)';

export function feesOf(section: string): Record<string, number> | null {
  const text = compactOf(section.normalize('NFKC')).replace(/,(?=\d{3})/g, '');
  const sentences = text.split(/[。；;]/).filter((s) => /信息处理费|收费通知/.test(s));
  if (sentences.length === 0) return null;
  const joined = sentences.join('。');
  const notices = new RegExp(`(发出|发送|下达)收费通知(书)?(共|合计)?${NUM}(件|份|次)`).exec(joined);
  const notified = new RegExp(`(收费通知[^。]{0,10}?|应收|通知)(的)?(总)?金额(共|为|合计)?${NUM}元`).exec(joined);
  const collected = new RegExp(`实际(收取|收缴)[^。\\d]{0,12}?${NUM}元`).exec(joined);
  if (notices && notified) {
    const out: Record<string, number> = { 'fee.notices': Number(notices[4]), 'fee.notified': Number(notified[5]) };
    if (collected) out['fee.collected'] = Number(collected[2]);
    return out;
  }
  if (!notices && !notified && !collected && ZERO.some((re) => sentences.some((s) => re.test(s)))) {
    // A positive figure elsewhere in the same sentences contradicts "none": read nothing.
    if (/信息处理费[^。]{0,24}[1-9]\d*(\.\d+)?元/.test(joined)) return null;
    return { 'fee.notices': 0, 'fee.notified': 0, 'fee.collected': 0 };
  }
  return null;
}
