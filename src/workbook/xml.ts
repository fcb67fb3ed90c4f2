/**
 * XML parts read with a streaming parser (saxes): no DTD, no external entities, no entity expansion, so nothing in a
 * part can make us read a file or blow up. Element names are taken without their namespace prefix (`x:c` is `c`),
 * which is how some generators write SpreadsheetML.
 */
import { SaxesParser } from 'saxes';
import { WorkbookRefusal } from './zip';

export interface XmlHandlers {
  open?(name: string, attributes: Record<string, string>, selfClosing: boolean): void;
  close?(name: string): void;
  text?(text: string): void;
}

const utf8 = new TextDecoder('utf-8');
const utf16le = new TextDecoder('utf-16le');
const utf16be = new TextDecoder('utf-16be');

/** A part's bytes as text: UTF-8 (with or without a byte-order mark), or UTF-16 with one. */
export function decodePart(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16le.decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16be.decode(bytes);
  return utf8.decode(bytes);
}

export function localName(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

/** Parse a part (or a fragment of one); a malformed part is refused, naming it. */
export function parseXml(part: string, text: string, handlers: XmlHandlers, fragment = false): void {
  const parser = new SaxesParser({ position: false, fragment });
  if (handlers.open) {
    const open = handlers.open;
    parser.on('opentag', (tag) => open(localName(tag.name), tag.attributes as Record<string, string>, tag.isSelfClosing));
  }
  if (handlers.close) {
    const close = handlers.close;
    parser.on('closetag', (tag) => close(localName(tag.name)));
  }
  if (handlers.text) {
    parser.on('text', handlers.text);
    parser.on('cdata', handlers.text);
  }
  try {
    parser.write(text).close();
  } catch (e) {
    if (e instanceof WorkbookRefusal) throw e;
    const why = e instanceof Error ? e.message.replace(/^.*?:\d+:\d+: /, '').slice(0, 80) : String(e);
    throw new WorkbookRefusal(`工作簿已损坏：部件“${part}”不是有效的 XML（${why}）；请在 Excel 或 WPS 中打开后重新保存`);
  }
}

/**
 * The text between `<name …>` and `</name>` (any prefix), or null. Lets a reader parse only the part of a large XML
 * part it needs (a sheet's cells, not its conditional formats).
 */
export function elementSpan(text: string, name: string, from = 0): { start: number; end: number } | null {
  const open = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${name}[\\s/>]`, 'g');
  open.lastIndex = from;
  const m = open.exec(text);
  if (!m) return null;
  const start = m.index;
  const tagEnd = text.indexOf('>', start);
  if (tagEnd < 0) return null;
  if (text[tagEnd - 1] === '/') return { start, end: tagEnd + 1 };
  const close = new RegExp(`</(?:[A-Za-z_][\\w.-]*:)?${name}\\s*>`, 'g');
  close.lastIndex = tagEnd;
  const c = close.exec(text);
  if (!c) return null;
  return { start, end: c.index + c[0].length };
}

/** OOXML escapes characters XML cannot carry as `_xHHHH_` (and a literal `_x` as `_x005F_x`). */
export function unescapeOoxml(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
