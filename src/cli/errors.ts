/**
 * Every error from the file system or a library, said in Chinese: what happened to which file and what to do. Node's
 * and exceljs's own words (EACCES, "reading 'richText'", "Unexpected token") never reach the user bare; an error we
 * did not foresee is named as ours, with the original words kept in brackets for the report to the developers.
 */

/** What the failed operation was doing, for the sentence. */
export type FsAction = 'read' | 'open-folder' | 'write' | 'create-folder' | 'stat';

const ACTION: Record<FsAction, string> = {
  read: '无法读取',
  'open-folder': '无法打开文件夹',
  write: '无法写入',
  'create-folder': '无法创建文件夹',
  stat: '无法访问',
};

/** The reason and the remedy for an errno code. */
const CODES: Record<string, { why: string; fix: string }> = {
  ENOENT: { why: '文件或文件夹不存在', fix: '请检查路径和文件名是否写对' },
  EACCES: { why: '没有访问权限', fix: '请检查文件或文件夹的权限，或换一个有权限的位置' },
  EPERM: { why: '操作不被允许（权限不足，或文件被设为只读）', fix: '请检查权限和只读属性' },
  EISDIR: { why: '这是一个文件夹，不是文件', fix: '请给出文件名，而不是文件夹' },
  ENOTDIR: { why: '路径中有一部分是文件而不是文件夹', fix: '请检查路径是否写对' },
  EEXIST: { why: '同名文件已存在', fix: '如要覆盖，请加 --force；或换一个文件名' },
  ENOSPC: { why: '磁盘空间不足', fix: '请清理磁盘空间，或写到另一个磁盘' },
  EDQUOT: { why: '超出磁盘配额', fix: '请清理空间，或写到另一个位置' },
  EROFS: { why: '所在位置是只读的', fix: '请写到另一个位置' },
  EBUSY: { why: '文件正被其他程序占用', fix: '请先关闭打开它的程序（如 Excel、WPS）再试' },
  ETXTBSY: { why: '文件正被其他程序占用', fix: '请先关闭打开它的程序再试' },
  EMFILE: { why: '同时打开的文件太多', fix: '请稍后重试，或分批处理' },
  ENFILE: { why: '系统同时打开的文件太多', fix: '请稍后重试，或分批处理' },
  ELOOP: { why: '链接循环指向自身（符号链接层数过多）', fix: '请检查这个链接' },
  ENAMETOOLONG: { why: '文件名或路径太长', fix: '请把文件移到路径较短的位置或改短文件名' },
  EIO: { why: '磁盘读写出错', fix: '请检查磁盘或网络共享是否正常，把文件复制到本机再试' },
  ENXIO: { why: '这不是可以读取的文件（设备或套接字）', fix: '请给出普通文件' },
  ENODEV: { why: '这不是可以读取的文件（设备）', fix: '请给出普通文件' },
  EINVAL: { why: '文件名或参数无效', fix: '请检查文件名中是否有特殊字符' },
  EXDEV: { why: '不能跨磁盘移动文件', fix: '请把输出写到同一个磁盘上' },
  ETIMEDOUT: { why: '访问超时（可能是网络共享无响应）', fix: '请把文件复制到本机再试' },
  EAGAIN: { why: '文件暂时无法访问', fix: '请稍后重试' },
  ENOTEMPTY: { why: '文件夹不是空的', fix: '请换一个位置' },
};

export function errnoCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function known(code: string | undefined): { why: string; fix: string } | undefined {
  return code !== undefined && Object.hasOwn(CODES, code) ? CODES[code] : undefined;
}

/** The reason and remedy alone: "没有访问权限。请检查…". */
export function fsReason(e: unknown): string {
  const k = known(errnoCode(e));
  return k ? `${k.why}。${k.fix}` : describeUnexpected(e);
}

/** "无法读取 a.xlsx：没有访问权限。请检查…" — or without the name, for a message that already names the file. */
export function describeFsError(e: unknown, action: FsAction, file?: string): string {
  const k = known(errnoCode(e));
  const head = file ? `${ACTION[action]}“${file}”` : ACTION[action];
  if (k) return `${head}：${k.why}。${k.fix}`;
  return `${head}：${describeUnexpected(e)}`;
}

/** Library messages we know, in Chinese. Each pattern is checked against the raw message. */
const LIBRARY: { pattern: RegExp; say: (m: RegExpExecArray, message: string) => string }[] = [
  {
    pattern: /reading '(richText|text|hyperlink|formula|sharedFormula|result|value|model|address|type|style|font|fill|border|numFmt)'/,
    say: (m) => `工作簿内部结构不完整（某个单元格引用了不存在的${m[1] === 'richText' || m[1] === 'text' ? '共享文字' : '内容或格式'}），无法处理；请在 Excel 或 WPS 中打开后重新保存`,
  },
  {
    pattern: /Cannot (read|set) propert(y|ies) of (undefined|null)|is not a function|is not iterable|is not an object|Cannot convert undefined or null|undefined is not|null is not|Invalid (time value|Date)|Invalid string length/,
    say: () => '文件内部结构异常（缺少必要的部分，或部分内容不合格式），无法处理；请在 Excel 或 WPS 中打开后重新保存，或让报送单位重新发送',
  },
  { pattern: /Worksheet name (.*) exceeds 31 chars/, say: () => '工作表名称超过 31 个字符（Excel 不允许），无法处理；请在 Excel 或 WPS 中改短工作表名称后重新保存' },
  {
    pattern: /Worksheet name (.*) cannot include any of the following characters/,
    say: () => '工作表名称含有 Excel 不允许的字符（* ? : \\ / [ ]），无法处理；请在 Excel 或 WPS 中改正工作表名称后重新保存',
  },
  { pattern: /first or last character of worksheet name cannot be a single quotation mark/, say: () => '工作表名称以单引号开头或结尾（Excel 不允许），无法处理；请改正工作表名称后重新保存' },
  { pattern: /Worksheet name already exists/, say: () => '工作簿中有工作表名称过长（超过 31 个字符）或重名（Excel 不允许），无法处理；请在 Excel 或 WPS 中改正工作表名称后重新保存' },
  { pattern: /The name "History" is protected/, say: () => '工作簿中有名为 History 的工作表（Excel 保留的名称），无法处理；请改名后重新保存' },
  { pattern: /The name can't be empty/, say: () => '工作簿中有名称为空的工作表，无法处理；请改正后重新保存' },
  {
    pattern: /Unexpected (token|end|non-whitespace|number|string)|is not valid JSON|JSON at position|end of JSON input/,
    say: (_m, message) => {
      const at = /position (\d+)/.exec(message)?.[1];
      return `不是有效的 JSON${at ? `（第 ${Number(at) + 1} 个字符附近格式有误）` : '（格式有误或内容不完整）'}；请用文本编辑器检查括号、引号和逗号`;
    },
  },
  { pattern: /End of data reached|Corrupted zip|invalid (zip|signature)|Can't find end of central directory|Invalid (stored|compressed) block/i, say: () => '文件已损坏（zip 结构不完整），无法读取；请让报送单位重新发送' },
  { pattern: /Invalid (typed )?array length|Array buffer allocation failed|heap out of memory|reaching memory limit/i, say: () => '处理这个文件所需的内存超过了上限，已停止；文件可能过大或结构异常' },
  { pattern: /Maximum call stack size exceeded/, say: () => '文件结构嵌套过深，无法处理；请在 Excel 或 WPS 中打开后重新保存' },
  { pattern: /Text data outside of root node|Unclosed root tag|Invalid character in entity name|Unexpected close tag|disallowed character|Invalid attribute name|Non-whitespace before first tag/i, say: () => '文件内部的 XML 格式有误，无法解析；请在 Excel 或 WPS 中打开后重新保存' },
];

/** A library's message in Chinese, or null when it is not one we know. */
export function translateLibraryMessage(message: string): string | null {
  for (const { pattern, say } of LIBRARY) {
    const m = pattern.exec(message);
    if (m) return say(m, message);
  }
  return null;
}

const ENGLISH = /[A-Za-z]{3,}[^\u3400-\u9fff]*\s[A-Za-z]{2,}/;

/**
 * A message a reader or library produced, with any known English in it turned into Chinese. Chinese messages pass
 * unchanged; a known raw message embedded after a Chinese lead ("工作簿已损坏（Cannot read …）") is replaced whole.
 */
export function chineseMessage(message: string): string {
  if (!ENGLISH.test(message)) return message;
  const k = known(/\b(E[A-Z]{2,})\b/.exec(message)?.[1]);
  if (k) return `${k.why}。${k.fix}`;
  return translateLibraryMessage(message) ?? message;
}

/** Anything thrown that we did not foresee: said as our fault, the raw words kept for the developers. */
export function describeUnexpected(e: unknown): string {
  const raw = e instanceof Error ? e.message : String(e);
  const k = known(errnoCode(e));
  if (k) return `${k.why}。${k.fix}`;
  const library = translateLibraryMessage(raw);
  if (library) return library;
  return `处理时出现了意外的程序错误，请把这条信息和所用的文件发给开发者（程序信息：${raw.slice(0, 200)}）`;
}
