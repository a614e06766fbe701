/**
 * The names people know the request's fields by, for validation messages: "Lý do quá ngắn", not
 * "reason quá ngắn". Keyed by the field's path with list positions removed (`documents.0.name` →
 * `documents.name`); a field not listed keeps its path, which integrators read in `field` anyway.
 */
const NAMES: Record<string, [vi: string, en: string]> = {
  reason: ['Lý do', 'Reason'],
  justification: ['Giải trình', 'Justification'],
  items: ['Tài liệu cần bổ sung', 'Items to supply'],
  deadlineDays: ['Số ngày được bổ sung', 'Days to supply them'],
  note: ['Ghi chú', 'Note'],
  action: ['Kết quả', 'Outcome'],
  documents: ['Tài liệu', 'Documents'],
  'documents.name': ['Tên tài liệu', 'Document name'],
  'documents.sha256': ['Mã băm tài liệu', 'Document hash'],
  'documents.component': ['Thành phần hồ sơ', 'Dossier component'],
  'documents.item': ['Mục cần bổ sung', 'Requested item'],
  'changes.achievements': ['Tóm tắt thành tích', 'Summary of achievements'],
  'changes.position': ['Chức vụ', 'Position'],
  nominee: ['Người, tập thể được đề nghị', 'Nominee'],
  'nominee.kind': ['Loại đối tượng', 'Kind of nominee'],
  'nominee.name': ['Họ và tên', 'Name'],
  'nominee.birthYear': ['Năm sinh', 'Year of birth'],
  'nominee.personalId': ['Số định danh cá nhân', 'Personal identification number'],
  'nominee.position': ['Chức vụ', 'Position'],
  'nominee.memberCount': ['Số thành viên', 'Number of members'],
  name: ['Họ và tên', 'Name'],
  birthYear: ['Năm sinh', 'Year of birth'],
  personalId: ['Số định danh cá nhân', 'Personal identification number'],
  awardCode: ['Hình thức khen thưởng', 'Award'],
  year: ['Năm', 'Year'],
  achievementPeriod: ['Thời gian lập thành tích', 'Achievement period'],
  'achievementPeriod.from': ['Thành tích từ ngày', 'Achievements from'],
  'achievementPeriod.to': ['Thành tích đến ngày', 'Achievements to'],
  achievements: ['Tóm tắt thành tích', 'Summary of achievements'],
  movementId: ['Phong trào thi đua', 'Emulation movement'],
  titleVi: ['Trích yếu', 'Title'],
  nominationIds: ['Danh sách hồ sơ', 'List of nominations'],
  decisionNumber: ['Số quyết định', 'Decision number'],
  decidedOn: ['Ngày ký', 'Signed on'],
  rating: ['Xếp loại', 'Rating'],
  title: ['Tên sáng kiến, đề tài', 'Title'],
  level: ['Cấp', 'Level'],
  kind: ['Loại', 'Kind'],
  from: ['Từ ngày', 'From'],
  to: ['Đến ngày', 'To'],
  underReview: ['Đang bị xem xét', 'Under review'],
  members: ['Số thành viên', 'Members'],
  text: ['Nội dung ý kiến', 'Comment'],
  answer: ['Nội dung trả lời', 'Answer'],
  authorName: ['Họ tên người góp ý', 'Your name'],
  page: ['Trang', 'Page'],
  pageSize: ['Số dòng mỗi trang', 'Rows per page'],
  q: ['Từ khóa tìm kiếm', 'Search text'],
  sort: ['Cách sắp xếp', 'Sort order'],
  overdue: ['Chỉ việc quá hạn', 'Overdue only'],
  dueBefore: ['Hạn trước ngày', 'Due before'],
  fromUnitId: ['Đơn vị gửi', 'Sending unit'],
  unitId: ['Đơn vị', 'Unit'],
  status: ['Trạng thái', 'Status'],
  username: ['Tên đăng nhập', 'Username'],
  password: ['Mật khẩu', 'Password'],
};

export function fieldName(path: string, lang: 'vi' | 'en'): string {
  const key = path.replace(/\.\d+(?=\.|$)/g, '');
  const name = NAMES[key];
  return name ? name[lang === 'vi' ? 0 : 1] : path;
}
