// The one CSV writer: quoting, formula cells defused, and the import-side inverse that makes a round trip exact.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { defuseCell, undefuseCell, writeCsv } from '../../../src/shared/csv.js';

describe('CSV writer', () => {
  it('quotes cells per RFC 4180, including a lone line feed', () => {
    expect(writeCsv(['a', 'b', 'c'], [['x,y', 'line\nbreak', 'say "hi"']])).toBe('a,b,c\r\n"x,y","line\nbreak","say ""hi"""\r\n');
  });

  it('defuses text cells that start a formula, and leaves numbers, booleans and empty cells as data', () => {
    const csv = writeCsv(['v'], [['=1+1'], ['+1'], ['-1'], ['@SUM(A1)'], ['\tx'], ['\rx'], [-1], [true], [null], [undefined], ['plain']]);
    expect(csv.split('\r\n').slice(1, -1)).toEqual(["'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\tx", `"'\rx"`, '-1', 'true', '', '', 'plain']);
  });

  it('round-trips every cell exactly through parse + undefuse, even ones that already start with an apostrophe', () => {
    const cells = ['=HYPERLINK("http://x")', "'=already", "''+two", "'plain", 'plain', '-3', '@here', '', "'"];
    const parsed = (parse(writeCsv(['v'], cells.map((c) => [c]))) as string[][]).slice(1).map((row) => undefuseCell(row[0]!));
    expect(parsed).toEqual(cells);
    for (const cell of cells) expect(undefuseCell(defuseCell(cell))).toBe(cell);
  });
});
