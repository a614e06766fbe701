import { parseList, textToLines } from './list-rows';

const parseRows = (text: string, kind: 'INDIVIDUAL' | 'COLLECTIVE' = 'INDIVIDUAL') => parseList(textToLines(text), { kind, thisYear: 2025 });

describe('a list, pasted or uploaded, checked row by row before anything is sent', () => {
  const ids = { lan: '001085012345', minh: '001079054321' };

  it('recognises a header row copied from the spreadsheet and does not take it for a person', () => {
    const { header, rows } = parseRows(['Họ và tên\tNăm sinh\tSố định danh\tChức vụ\tTiêu biểu', `Ngô Thị Lan\t1985\t${ids.lan}\tGiáo viên\tx`].join('\n'));
    expect(header).toBe('Họ và tên · Năm sinh · Số định danh · Chức vụ · Tiêu biểu');
    expect(rows).toEqual([{ line: 2, name: 'Ngô Thị Lan', birthYear: '1985', personalId: ids.lan, position: 'Giáo viên', frontLine: true, achievements: '', problems: [] }]);
  });

  it('names a bad value instead of dropping it: a year typed with a letter O, a short number, a missing name', () => {
    const { header, rows } = parseRows([`Đinh Văn Minh; 198O; ${ids.minh}`, 'Lý Văn Sai Số; 1990; 12345', `; 1985; ${ids.lan}`].join('\n'));
    expect(header).toBeUndefined();
    expect(rows.map((r) => r.problems.map((p) => p.vi))).toEqual([
      ['Năm sinh “198O” phải gồm 4 chữ số'],
      ['Số định danh “12345” phải gồm 12 chữ số'],
      ['Thiếu họ và tên'],
    ]);
    expect(rows[0].birthYear).toBe('198O');
  });

  it('refuses a row whose cell is not well-formed text, keeping only what can be stored of it', () => {
    const { rows } = parseRows([`Ngô Thị Lan\ud800\t1985\t${ids.lan}`, `Đinh Văn Minh\t1979\t${ids.minh}\tKế\u0000 toán`].join('\n'));
    expect(rows[0].name).toBe('Ngô Thị Lan\ufffd');
    expect(rows[1].position).toBe('Kế toán');
    for (const row of rows) expect(row.problems.map((p) => p.en)).toContain('The row holds characters that are not well-formed Unicode text; retype that cell');
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
    expect(rows[2].problems.map((p) => p.en)).toEqual(['Same nominee as row 1']);
  });

  it('keeps the line numbers of the pasted text, blank lines included', () => {
    const { rows } = parseRows(`\nNgô Thị Lan; 1985; ${ids.lan}\n\nĐinh Văn Minh; 1979; ${ids.minh}\n`);
    expect(rows.map((r) => r.line)).toEqual([2, 4]);
  });

  it('checks the number as the submission will: its year of birth must be the row’s', () => {
    const { rows } = parseRows(`Ngô Thị Lan; 1986; ${ids.lan}`);
    expect(rows[0].problems.map((p) => p.en)).toEqual(['Invalid personal identification number: its year of birth 1985 differs from 1986.']);
  });

  it('reads the sixth column as the row’s own summary of achievements, and the fifth as front line', () => {
    const { rows } = parseRows(`Ngô Thị Lan\t1985\t${ids.lan}\tGiáo viên\t\tDạy giỏi cấp tỉnh`);
    expect(rows[0]).toMatchObject({ frontLine: false, achievements: 'Dạy giỏi cấp tỉnh', problems: [] });
  });

  it('reads a list of collectives: a name, no number, duplicates by name', () => {
    const { header, rows } = parseRows(['Tên tập thể; ; ; ; Trực tiếp', 'Tổ Toán; ; ; ; x', 'Tổ Văn; ; 001085012345', 'to toan'].join('\n'), 'COLLECTIVE');
    expect(header).toBe('Tên tập thể · Trực tiếp');
    expect(rows.map((r) => r.problems.map((p) => p.en))).toEqual([[], ['A collective has no personal identification number'], ['Same nominee as row 2']]);
    expect(rows[0].frontLine).toBe(true);
  });

  it('refuses a year of birth in the future', () => {
    expect(parseRows(`Ngô Thị Lan; 2031; ${ids.lan}`).rows[0].problems[0].en).toBe('Year of birth 2031 is not plausible');
  });
});
