/**
 * The rules a step records (`rule` on events and audit rows) are keys and versions, stable for
 * machines; people read their names. Legal citations ("Luật TĐKT Điều 83(2)") are already names and
 * pass through; an unknown key is shown as it is rather than hidden.
 */
const NAMES: Record<string, { vi: string; en: string }> = {
  POLICY_REVIEW_DEADLINE: { vi: 'Thời hạn thẩm định theo quy chế xử lý hồ sơ', en: 'Review deadline (processing rules)' },
  POLICY_SUPPLEMENT_DEADLINE: { vi: 'Thời hạn bổ sung hồ sơ', en: 'Deadline for supplements' },
  POLICY_DECISION_DEADLINE: { vi: 'Thời hạn ký quyết định', en: 'Deadline for the decision' },
  POLICY_ESCALATE_AFTER: { vi: 'Báo cáo cấp trên khi chậm xử lý', en: 'Escalation of an overdue task' },
  PROVINCE_DEFAULT: { vi: 'Quy tắc biểu quyết của Hội đồng cấp tỉnh (túc số 2/3, quá nửa số có mặt)', en: 'Provincial council voting rule (quorum 2/3, majority of those present)' },
  CENTRAL_DEFAULT: { vi: 'Quy tắc biểu quyết của Hội đồng Trung ương (túc số 2/3, quá nửa số có mặt)', en: 'Central council voting rule (quorum 2/3, majority of those present)' },
  UNIT_DEFAULT: { vi: 'Quy tắc biểu quyết của Hội đồng cơ sở (túc số 2/3, quá nửa số có mặt)', en: 'Unit council voting rule (quorum 2/3, majority of those present)' },
  CONFLICT_OF_INTEREST: { vi: 'Tránh xung đột lợi ích (người có liên quan không được xét, quyết định)', en: 'Conflict of interest (a person concerned may not review or decide)' },
  LEGACY_90: { vi: 'Quy tắc cũ: từ 90% tổng số thành viên đồng ý (Nghị định 91/2017)', en: 'Former rule: at least 90 % of all members (Decree 91/2017)' },
};

export function ruleName(rule: string | null | undefined, lang: 'vi' | 'en'): string {
  if (!rule) return '—';
  const catalogue = /^catalogue (\S+)$/.exec(rule);
  if (catalogue) return lang === 'vi' ? `Danh mục hình thức khen thưởng, phiên bản ${catalogue[1]}` : `Award catalogue, version ${catalogue[1]}`;
  // A council's own override is `<council>:<base rule>:<variant>`: named after its base rule.
  const base = NAMES[rule] ?? NAMES[rule.split(':')[1] ?? ''];
  return base ? base[lang] : rule;
}
