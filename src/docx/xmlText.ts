/**
 * Text bound for an XML part (.xlsx, .docx): XML 1.0 cannot carry C0 controls other than tab, newline and carriage
 * return, U+FFFE, U+FFFF or lone surrogates, and one such character in a unit's name makes the whole file unreadable.
 * They are written as visible escapes (`\uFFFE`) instead, so the reader of the file sees that something was there.
 * Pure (no Node, no DOM): the task pane's bundle may use it too.
 */

/** Characters XML 1.0 does not allow, lone surrogates included. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function escapeCode(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Whether a string holds a character an XML part cannot carry. */
export function hasNonXmlChar(text: string): boolean {
  NOT_XML.lastIndex = 0;
  const found = NOT_XML.test(text);
  NOT_XML.lastIndex = 0;
  return found;
}

/** The text with every character XML cannot carry replaced by its visible escape. */
export function xmlSafeText(text: string): string {
  return hasNonXmlChar(text) ? text.replace(NOT_XML, escapeCode) : text;
}
