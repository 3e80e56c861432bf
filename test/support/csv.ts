// A CSV export as a spreadsheet reads it: UTF-8 behind a byte order mark, which Excel needs to read "Montréal".
import { expect } from 'vitest';

export function csvText(file: { data: Buffer }): string {
  expect([...file.data.subarray(0, 3)], 'a CSV export starts with the UTF-8 byte order mark').toEqual([0xef, 0xbb, 0xbf]);
  return file.data.subarray(3).toString('utf8');
}
