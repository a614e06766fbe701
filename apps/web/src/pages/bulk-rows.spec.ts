import { parseRows } from './bulk-rows';

describe('a pasted list, checked line by line before anything is sent', () => {
  const ids = { lan: '001085012345', minh: '001079054321' };

  it('recognises a header row copied from the spreadsheet and does not take it for a person', () => {
    const { header, rows } = parseRows(['Họ và tên\tNăm sinh\tSố định danh\tChức vụ\tTiêu biểu', `Ngô Thị Lan\t1985\t${ids.lan}\tGiáo viên\tx`].join('\n'));
    expect(header).toBe('Họ và tên\tNăm sinh\tSố định danh\tChức vụ\tTiêu biểu');
    expect(rows).toEqual([{ line: 2, name: 'Ngô Thị Lan', birthYear: '1985', personalId: ids.lan, position: 'Giáo viên', frontLine: true, problems: [] }]);
  });

  it('names a bad value instead of dropping it: a year typed with a letter O, a short number, a missing name', () => {
    const { header, rows } = parseRows([`Đinh Văn Minh; 198O; ${ids.minh}`, 'Lý Văn Sai Số; 1990; 12345', `; 1990; ${ids.lan}`].join('\n'));
    expect(header).toBeUndefined();
    expect(rows.map((r) => r.problems.map((p) => p.vi))).toEqual([
      ['Năm sinh “198O” phải gồm 4 chữ số'],
      ['Số định danh “12345” phải gồm 12 chữ số'],
      ['Thiếu họ và tên'],
    ]);
    expect(rows[0].birthYear).toBe('198O');
  });

  it('flags the same person listed twice on the second line, by number, or by name and year whatever the accents', () => {
    const { rows } = parseRows([
      `Ngô Thị Lan; 1985; ${ids.lan}`,
      `Đinh Văn Minh; 1979; ${ids.minh}`,
      `NGO THI LAN; 1985; ${ids.lan}`,
      'Trần Văn Ba; 1970;',
      'tran van  ba; 1970;',
    ].join('\n'));
    expect(rows.map((r) => r.duplicateOf)).toEqual([undefined, undefined, 1, undefined, 4]);
    expect(rows[2].problems.map((p) => p.en)).toEqual(['Same person as line 1']);
  });

  it('keeps the line numbers of the pasted text, blank lines included', () => {
    const { rows } = parseRows(`\nNgô Thị Lan; 1985; ${ids.lan}\n\nĐinh Văn Minh; 1979; ${ids.minh}\n`);
    expect(rows.map((r) => r.line)).toEqual([2, 4]);
  });
});
