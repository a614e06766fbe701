import type { AwardDefinition } from '../catalogue/types';

/**
 * How a decision names what it does: a title is recognised (công nhận danh hiệu), a form is given
 * (tặng). One decision carries one award, so a batch never words three titles as a Bằng khen.
 */
export function decisionTitle(award: Pick<AwardDefinition, 'kind' | 'nameVi' | 'nameEn'>, year: number): { vi: string; en: string } {
  return award.kind === 'TITLE'
    ? { vi: `Quyết định về việc công nhận danh hiệu "${award.nameVi}" năm ${year}`, en: `Decision recognising the title "${award.nameEn}" for ${year}` }
    : { vi: `Quyết định về việc tặng ${award.nameVi}`, en: `Decision conferring the ${award.nameEn}` };
}

export function revocationTitle(decisionNumber: string, issuerNameVi: string): { vi: string; en: string } {
  return {
    vi: `Quyết định về việc hủy bỏ Quyết định khen thưởng số ${decisionNumber} của ${issuerNameVi} và thu hồi hiện vật, tiền thưởng`,
    en: `Decision revoking award decision No. ${decisionNumber} of ${issuerNameVi} and recovering its insignia and bonus`,
  };
}

/**
 * A decision number is only unique with its issuer: the province and every commune all issue
 * `1/QĐ-UBND`. Wherever a number is stored or shown, its issuer goes with it.
 */
export function decisionReference(number: string, issuerNameVi: string): string {
  return `${number} (${issuerNameVi})`;
}
