import { componentProblems, FORM_DOCS, TITLE_WITH_INITIATIVE_DOCS } from './documents';

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
});
