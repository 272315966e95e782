import type { Problem } from './problem.ts';

/** How to save as UTF-8, in the words of the editors staff use. */
const saveAsUtf8 =
  '在记事本中：文件 → 另存为 → 下方“编码”选 UTF-8 → 保存（覆盖原文件）；WPS 或其他编辑器在“编码”菜单中选 UTF-8。保存后重新检查';

/** Guesses what a file that is not UTF-8 was saved as, from its bytes. */
export function guessEncoding(bytes: Uint8Array): 'UTF-16' | 'GBK' | undefined {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return 'UTF-16';
  // UTF-16 without a byte order mark: every other byte of ASCII text is zero.
  const zeros = bytes.subarray(0, 200).filter((b) => b === 0).length;
  if (zeros > Math.min(bytes.length, 200) / 4) return 'UTF-16';
  try {
    new TextDecoder('gbk', { fatal: true }).decode(bytes);
    return 'GBK';
  } catch {
    return undefined;
  }
}

/**
 * Decodes a content file as UTF-8. A file saved in another encoding (GBK, the “ANSI” of
 * Windows Notepad, or UTF-16, its “Unicode”) is reported in Chinese, naming the likely
 * encoding and how to save it as UTF-8, and `undefined` is returned so that the garbled text
 * causes no further, misleading problems (an unknown unit, a field that cannot be read).
 */
export function decodeContent(bytes: Uint8Array, file: string, problems: Problem[]): string | undefined {
  const guess = guessEncoding(bytes);
  if (guess !== 'UTF-16') {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      // Reported below.
    }
  }
  const lenient = new TextDecoder('utf-8').decode(bytes);
  const bad = lenient.indexOf('\uFFFD');
  const line = guess === 'UTF-16' ? 1 : lenient.slice(0, Math.max(bad, 0)).split('\n').length;
  const name =
    guess === 'GBK'
      ? 'GBK 编码（Windows 记事本中叫“ANSI”）'
      : guess === 'UTF-16'
        ? 'UTF-16 编码（Windows 记事本中叫“Unicode”或“UTF-16 LE”）'
        : '一种无法识别的编码';
  problems.push({
    file,
    line,
    field: '（文件编码）',
    found: `文件不是 UTF-8 编码，很可能是 ${name}，里面的中文会变成乱码`,
    expected: '内容文件一律用 UTF-8 编码保存',
    suggestion: saveAsUtf8,
  });
  return undefined;
}

/**
 * The text of a file whatever it was saved as: UTF-8, or else the encoding guessed above, so
 * that a tool can show it readably and write it back as UTF-8.
 */
export function decodeAny(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    const guess = guessEncoding(bytes);
    if (guess === 'UTF-16') return new TextDecoder(bytes[0] === 0xfe ? 'utf-16be' : 'utf-16le').decode(bytes);
    return new TextDecoder(guess === 'GBK' ? 'gbk' : 'utf-8').decode(bytes);
  }
}
