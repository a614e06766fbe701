import { awardKindOf } from '../catalogue';
import { authorityOf, inVietnameseOrder, legalBasesOn, placeOf, placeDateLine, signerTitleOf } from './administrative';

describe('what every administrative document shares (Decree 30/2020)', () => {
  it('cites the decree that details the Law on the day: 98/2023 until 30/06/2025, 152/2025 from 01/07/2025', () => {
    expect(legalBasesOn('2025-06-30')[1]).toMatch(/^Căn cứ Nghị định số 98\/2023\/NĐ-CP/);
    expect(legalBasesOn('2025-07-01')[1]).toMatch(/^Căn cứ Nghị định số 152\/2025\/NĐ-CP/);
    expect(legalBasesOn('2025-07-01')[0]).toBe('Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;');
  });

  it('places a document in the capital for central bodies, else in the province its issuer or parent names', () => {
    expect(placeOf({ issuerLevel: 'CENTRAL', issuerNameVi: 'Chính phủ', parentNameVi: null })).toBe('Hà Nội');
    expect(placeOf({ issuerLevel: 'UNIT', issuerNameVi: 'Sở Giáo dục và Đào tạo', parentNameVi: 'Ủy ban nhân dân tỉnh Lâm Đồng' })).toBe('Lâm Đồng');
    expect(placeOf({ issuerLevel: 'PROVINCE', issuerNameVi: 'Sở Nội vụ tỉnh Lâm Đồng (Ban Thi đua - Khen thưởng tỉnh)', parentNameVi: null })).toBe('Lâm Đồng');
    expect(placeOf({ issuerLevel: 'UNIT', issuerNameVi: 'Công ty Cao su', parentNameVi: null })).toBe('Công ty Cao su');
    expect(placeDateLine('Lâm Đồng', '2026-02-03')).toBe('Lâm Đồng, ngày 03 tháng 02 năm 2026');
  });

  it('names who acts for a body and the signature block’s title: TM. for a collegial act, the head’s own title otherwise', () => {
    expect(authorityOf('Ủy ban nhân dân tỉnh Lâm Đồng')).toBe('Chủ tịch Ủy ban nhân dân tỉnh Lâm Đồng');
    expect(authorityOf('Chính phủ (Thủ tướng Chính phủ)')).toBe('Thủ tướng Chính phủ');
    expect(authorityOf('Sở Y tế')).toBe('Sở Y tế');
    expect(signerTitleOf('Ủy ban nhân dân tỉnh Lâm Đồng', true)).toEqual(['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH']);
    expect(signerTitleOf('Ủy ban nhân dân tỉnh Lâm Đồng', false)).toEqual(['CHỦ TỊCH']);
    expect(signerTitleOf('Chính phủ (Thủ tướng Chính phủ)', true)).toEqual(['TM. CHÍNH PHỦ', 'THỦ TƯỚNG']);
    expect(signerTitleOf('Chính phủ (Thủ tướng Chính phủ)', false)).toEqual(['THỦ TƯỚNG']);
    expect(signerTitleOf('Chủ tịch nước Cộng hòa xã hội chủ nghĩa Việt Nam', false)).toEqual(['CHỦ TỊCH NƯỚC']);
    expect(signerTitleOf('Sở Giáo dục và Đào tạo', true)).toEqual(['GIÁM ĐỐC']);
    expect(signerTitleOf('Công ty Cao su Đắk Nông', false)).toEqual(['THỦ TRƯỞNG ĐƠN VỊ']);
  });

  it('orders names as Vietnamese does (Đ after D), and tells a title from a form', () => {
    expect(inVietnameseOrder([{ nomineeName: 'Đào An' }, { nomineeName: 'Dương Bình' }, { nomineeName: 'Âu Cơ' }]).map((x) => x.nomineeName)).toEqual(['Âu Cơ', 'Dương Bình', 'Đào An']);
    expect(awardKindOf('CSTD_TINH')).toBe('TITLE');
    expect(awardKindOf('BK_TINH')).toBe('FORM');
    expect(awardKindOf('NO_SUCH_AWARD')).toBeUndefined();
  });
});
