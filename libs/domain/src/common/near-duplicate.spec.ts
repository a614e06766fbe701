import { nearDuplicate } from './near-duplicate';

describe('comments that say the same thing', () => {
  const said = 'Tôi là người dân trong xã, xác nhận ông đã cứu hai em nhỏ trong trận lũ năm ngoái.';

  it('the same words, whatever the case, punctuation or spacing', () => {
    expect(nearDuplicate(said, '  tôi là NGƯỜI dân trong xã xác nhận ông đã cứu hai em nhỏ trong trận lũ năm ngoái!!! ')).toBe(true);
  });

  it('nearly the same: a word changed in a long comment', () => {
    expect(nearDuplicate(said, said.replace('năm ngoái', 'năm trước'))).toBe(true);
  });

  it('not the same: other words, a different point, a diacritic that changes the word', () => {
    expect(nearDuplicate(said, 'Tôi phản đối: ông chưa từng tham gia cứu hộ trong trận lũ năm ngoái.')).toBe(false);
    expect(nearDuplicate('Ý kiến số 1 của cùng một người gửi.', 'Ý kiến số 2 của cùng một người gửi.')).toBe(false);
    expect(nearDuplicate('Đồng ý', 'Đông ý')).toBe(false);
  });

  it('short comments compare whole, and nothing is like an empty one', () => {
    expect(nearDuplicate('Đồng ý.', 'đồng ý')).toBe(true);
    expect(nearDuplicate('...', 'Đồng ý')).toBe(false);
  });
});
