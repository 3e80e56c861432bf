// Uploaded text files: UTF-8 when they are, Windows-1252 (what Excel on Windows saves) when that is what they are.
import { invalid, msg } from './errors.js';

export type TextEncoding = 'utf-8' | 'windows-1252';

/**
 * Windows-1252 bytes 0x80-0x9F (0 = undefined in the encoding). Written out because Node 20's TextDecoder reads
 * "windows-1252" as Latin-1 and would turn smart quotes and € into invisible control characters.
 */
const HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

/** Control bytes no text file holds (tab, line feed and carriage return are text). */
const isControl = (byte: number) => (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) || byte === 0x7f;

function decodeWindows1252(bytes: Uint8Array): string | null {
  const units: number[] = [];
  for (const byte of bytes) {
    if (isControl(byte)) return null;
    const code = byte >= 0x80 && byte < 0xa0 ? HIGH[byte - 0x80]! : byte;
    if (code === 0) return null;
    units.push(code);
  }
  let text = '';
  for (let i = 0; i < units.length; i += 8192) text += String.fromCharCode(...units.slice(i, i + 8192));
  return text;
}

/**
 * Decodes an uploaded text file without ever inventing a replacement character: valid UTF-8 is read as UTF-8;
 * otherwise the bytes are read as Windows-1252 when every byte is a character of it; anything else is refused.
 */
export function decodeTextFile(bytes: Uint8Array, field = 'file'): { text: string; encoding: TextEncoding } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: try the one legacy encoding spreadsheets commonly write.
  }
  const text = decodeWindows1252(bytes);
  if (text === null) throw invalid(field, msg('validation.textEncoding', { field }));
  return { text, encoding: 'windows-1252' };
}
