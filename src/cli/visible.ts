/**
 * Names and texts taken from received files, made safe for a terminal line: control characters, line and paragraph
 * separators, bidirectional overrides and non-characters are shown as escapes (`\n`, `\u202E`), so that a unit named
 * "甲\n  未发现问题。" prints on one line and cannot forge a line of our report.
 */

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

// C0 and C1 controls, DEL, line/paragraph separators, bidi embeddings/overrides/isolates, BOM, non-characters,
// lone surrogates.
const HIDDEN =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\uFEFF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function escape(c: string): string {
  return NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The text with every character that could hide or forge terminal output shown as an escape. */
export function visible(text: string): string {
  return text.replace(HIDDEN, escape);
}
