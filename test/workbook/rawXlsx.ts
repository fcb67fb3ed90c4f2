/**
 * Workbooks written part by part, for reader tests that need exact control of the XML (what spreadsheet programs and
 * hostile files really put in a part, which no library would write for us).
 */
import JSZip from 'jszip';

export interface RawSheet {
  name: string;
  /** The `<sheetData>` content (rows), or a whole worksheet part when it starts with `<?xml` or `<worksheet`. */
  xml: string;
  state?: 'hidden' | 'veryHidden';
}

export interface RawWorkbook {
  sheets: RawSheet[];
  /** Shared strings; null leaves the part (and its relationship) out. */
  strings?: string[] | null;
  /** `<numFmts>` and `<cellXfs>` content of the styles part. */
  styles?: string;
  names?: Record<string, string>;
  /** Parts added or replaced as they are. */
  extra?: Record<string, string | Buffer>;
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** `<c>` for a text cell as an inline string (no shared strings needed). */
export function inline(ref: string, text: string): string {
  return `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(text)}</t></is></c>`;
}

export function num(ref: string, n: number | string, attrs = ''): string {
  return `<c r="${ref}"${attrs ? ` ${attrs}` : ''}><v>${n}</v></c>`;
}

export function sheetPart(xml: string): string {
  if (xml.startsWith('<?xml') || xml.startsWith('<worksheet')) return xml;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet ${NS}><sheetData>${xml}</sheetData></worksheet>`;
}

export async function rawXlsx(w: RawWorkbook): Promise<Buffer> {
  const zip = new JSZip();
  const strings = w.strings === undefined ? [] : w.strings;
  zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file('_rels/.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  const rels: string[] = [];
  w.sheets.forEach((s, i) => {
    rels.push(`<Relationship Id="rIdS${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
    zip.file(`xl/worksheets/sheet${i + 1}.xml`, sheetPart(s.xml));
  });
  if (strings) {
    rels.push(`<Relationship Id="rIdSst" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
    zip.file('xl/sharedStrings.xml', `<?xml version="1.0" encoding="UTF-8"?><sst ${NS} count="${strings.length}">${strings.map((t) => `<si><t xml:space="preserve">${escapeXml(t)}</t></si>`).join('')}</sst>`);
  }
  if (w.styles !== undefined) {
    rels.push(`<Relationship Id="rIdSty" Type="${REL}/styles" Target="styles.xml"/>`);
    zip.file('xl/styles.xml', `<?xml version="1.0" encoding="UTF-8"?><styleSheet ${NS}>${w.styles}</styleSheet>`);
  }
  zip.file('xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`);
  const names = Object.entries(w.names ?? {}).map(([n, ref]) => `<definedName name="${escapeXml(n)}">${escapeXml(ref)}</definedName>`).join('');
  const sheets = w.sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rIdS${i + 1}"/>`).join('');
  zip.file('xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook ${NS}><sheets>${sheets}</sheets>${names ? `<definedNames>${names}</definedNames>` : ''}</workbook>`);
  for (const [name, data] of Object.entries(w.extra ?? {})) zip.file(name, data);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

/** A zip written entry by entry (stored, no compression), duplicates allowed: what no zip library will write. */
export function storedZip(entries: [string, string | Buffer][]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [n, d] of entries) {
    const name = Buffer.from(n);
    const data = Buffer.isBuffer(d) ? d : Buffer.from(d);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += 30 + name.length + data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

/** Every part of a zip, to rebuild it changed. */
export async function partsOf(buf: Buffer): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(buf);
  const out = new Map<string, Buffer>();
  for (const f of Object.values(zip.files)) if (!f.dir) out.set(f.name, await f.async('nodebuffer'));
  return out;
}

/** The worksheet part of a named sheet, from the workbook part and its relationships. */
export function sheetPartName(parts: Map<string, Buffer>, sheet: string): string {
  const wb = parts.get('xl/workbook.xml')?.toString('utf8') ?? '';
  const rels = parts.get('xl/_rels/workbook.xml.rels')?.toString('utf8') ?? '';
  const m = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*r:id="([^"]+)"`).exec(wb);
  const id = m?.[1];
  const t = id ? new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(rels) : null;
  const target = t?.[1] ?? t?.[2];
  if (!target) throw new Error(`no part for sheet ${sheet}`);
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

/** Rebuild a workbook with some parts changed by `edit` (a part missing from the result is left out). */
export async function editParts(buf: Buffer, edit: (parts: Map<string, Buffer>) => void): Promise<Buffer> {
  const parts = await partsOf(buf);
  edit(parts);
  const zip = new JSZip();
  for (const [n, d] of parts) zip.file(n, d);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** Replace one cell's XML (`<c r="D5" …>…</c>` or `<c r="D5" …/>`) in a worksheet part. */
export function replaceCell(xml: string, ref: string, cell: string): string {
  const re = new RegExp(`<c r="${ref}"(?:[^>]*/>|[^>]*>[\\s\\S]*?</c>)`);
  if (!re.test(xml)) throw new Error(`cell ${ref} not in part`);
  return xml.replace(re, cell);
}
