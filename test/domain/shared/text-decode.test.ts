// Uploaded files: UTF-8 as is, Windows-1252 recognised and decoded letter for letter, anything else refused.
import { describe, expect, it } from 'vitest';
import { decodeTextFile } from '../../../src/shared/text-decode.js';
import { DomainError } from '../../../src/shared/errors.js';
import { englishOf } from '../../support/english.js';

describe('decoding an uploaded text file', () => {
  it('reads valid UTF-8 as UTF-8', () => {
    expect(decodeTextFile(Buffer.from('Café “Mile End” €5', 'utf8'))).toEqual({ text: 'Café “Mile End” €5', encoding: 'utf-8' });
  });

  it('reads Windows-1252 (Excel on Windows) letter for letter, smart quotes and euro sign included', () => {
    const bytes = Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x4d, 0x94, 0x20, 0x80, 0x35, 0x0d, 0x0a]);
    const { text, encoding } = decodeTextFile(bytes);
    expect(encoding).toBe('windows-1252');
    expect(text).toBe('Café “M” €5\r\n');
    expect(text).not.toContain('\uFFFD');
  });

  it('refuses bytes that are neither, naming the field, instead of storing replacement characters', () => {
    for (const bytes of [[0x41, 0x81, 0x42], [0xe9, 0x00, 0x01], [0x9d]]) {
      const error = (() => {
        try {
          decodeTextFile(Buffer.from(bytes));
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).problems[0]!.field).toBe('file');
      expect(englishOf((error as DomainError).problems[0]!)).toBe('file is neither UTF-8 nor Windows-1252 text; save it as "CSV UTF-8" and attach it again');
    }
  });
});
