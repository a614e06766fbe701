import { ruleName } from './rule-names';

describe('rule names', () => {
  it('names the keys people would otherwise read raw, in both languages', () => {
    expect(ruleName('catalogue 2025.2', 'vi')).toBe('Danh mục hình thức khen thưởng, phiên bản 2025.2');
    expect(ruleName('catalogue 2025.2', 'en')).toBe('Award catalogue, version 2025.2');
    expect(ruleName('PROVINCE_DEFAULT', 'vi')).toMatch(/^Quy tắc biểu quyết của Hội đồng cấp tỉnh/);
    expect(ruleName('hd-pc:PROVINCE_DEFAULT:X', 'en')).toMatch(/^Provincial council voting rule/);
    expect(ruleName('POLICY_REVIEW_DEADLINE', 'vi')).toBe('Thời hạn thẩm định theo quy chế xử lý hồ sơ');
  });

  it('passes legal citations and unknown keys through, and marks an absent rule', () => {
    expect(ruleName('Luật TĐKT Điều 83(2)', 'en')).toBe('Luật TĐKT Điều 83(2)');
    expect(ruleName('SOMETHING_NEW', 'vi')).toBe('SOMETHING_NEW');
    expect(ruleName(null, 'vi')).toBe('—');
  });
});
