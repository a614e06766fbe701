import { refusal } from '../../../../test/support/refusal';
import { componentProblems, dossierComponents, FORM_DOCS, requireComponents, simplifiedDocs, TITLE_WITH_INITIATIVE_DOCS } from './documents';

describe('dossier components', () => {
  it('a dossier filed without components is left to its reviewer', () => {
    expect(componentProblems(FORM_DOCS, [{}, {}])).toEqual([]);
  });

  it('one filed under components must hold every required one', () => {
    const problems = componentProblems(TITLE_WITH_INITIATIVE_DOCS, [{ component: 'TO_TRINH' }, { component: 'BAO_CAO_THANH_TICH' }, {}]);
    expect(problems).toEqual([{ field: 'documents', vi: 'Hồ sơ còn thiếu: Biên bản bình xét thi đua; Xác nhận của cấp có thẩm quyền về sáng kiến / đề tài khoa học', en: expect.stringMatching(/^The dossier lacks: Minutes of the emulation review; Certification/) }]);
  });

  it('names a component the award does not have, at its place in the list', () => {
    const docs = FORM_DOCS.map((d) => ({ component: d.code }));
    expect(componentProblems(FORM_DOCS, [...docs, { component: 'XAC_NHAN_SANG_KIEN' }])).toEqual([
      { field: 'documents.3.component', vi: '“XAC_NHAN_SANG_KIEN” không phải thành phần hồ sơ của hình thức này', en: expect.any(String) },
    ]);
    expect(componentProblems(FORM_DOCS, docs)).toEqual([]);
  });

  it('refuses with the first problem’s code and field, every problem in words', () => {
    const refused = (docs: { component?: string }[]) => refusal(() => requireComponents(FORM_DOCS, docs), { withField: true });
    expect(refused([{ component: 'TO_TRINH' }])).toBe('MISSING_COMPONENTS@documents');
    expect(refused([...FORM_DOCS.map((d) => ({ component: d.code })), { component: 'X_Y' }])).toBe('UNKNOWN_COMPONENT@documents.3.component');
    expect(refused(FORM_DOCS.map((d) => ({ component: d.code })))).toBe('ACCEPTED');
  });

  it('the simplified procedure asks for its one set, where the award has one', () => {
    const award = { requiredDocuments: FORM_DOCS, simplifiedDocuments: simplifiedDocs(true) };
    expect(dossierComponents(award, true).map((d) => d.code)).toEqual(['TO_TRINH', 'BAO_CAO_TOM_TAT']);
    expect(dossierComponents(award, false)).toBe(FORM_DOCS);
    expect(dossierComponents({ requiredDocuments: FORM_DOCS }, true)).toBe(FORM_DOCS);
  });
});
