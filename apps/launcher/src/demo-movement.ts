/**
 * The demo's movement data, made through the product's own API once it is up, so it is what the
 * product would have made: Sở Giáo dục và Đào tạo's registration for 2025 (đăng ký thi đua) with
 * its pledge, a collective's and two teachers' titles, sent by its clerk and approved by its head;
 * and the 2025 scoring of the departments' and enterprises' cluster, closed by its leader (Sở Y tế)
 * and ranked. Made once: what is already done is left as it is.
 */
export async function seedDemoMovement(baseUrl: string, say: (line: string) => void): Promise<void> {
  const login = async (username: string) => {
    const res = await fetch(`${baseUrl}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'vinhdanh' }) });
    if (!res.ok) throw new Error(`demo sign-in ${username}: ${res.status}`);
    return ((await res.json()) as { accessToken: string }).accessToken;
  };
  const call = async (token: string, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${baseUrl}${path}`, { method, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, ...(body ? { body: JSON.stringify(body) } : {}) });
    if (!res.ok) throw new Error(`demo ${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as Awaited<ReturnType<Call>>;
  };
  await demoRegistration(login, call);
  say('demo movement: Sở Giáo dục và Đào tạo’s registration for 2025, approved');
  await scoreDemoCluster(login, call);
  say('demo movement: the 2025 scoring of the departments’ and enterprises’ cluster, ranked');
  await demoPhaseReviews(login, call);
  say('demo movement: the plan’s interim review (sơ kết, 2023) aggregated, its final review (tổng kết) taking reports');
  await demoModel(login, call);
  say('demo movement: an exemplary model summed up and published');
}

/** One exemplary model of Sở Giáo dục và Đào tạo, fostered, summed up and published; made once. */
async function demoModel(login: (u: string) => Promise<string>, call: Call): Promise<void> {
  const clerk = await login('vanthu.so-gddt');
  const existing = (await call(clerk, 'GET', '/models')) as unknown as { items: unknown[] };
  if (existing.items.length) return;
  const model = await call(clerk, 'POST', '/models', { kind: 'COLLECTIVE', subjectName: 'Trường Tiểu học Krông Nô', titleVi: 'Mô hình “Trường học số” vùng đồng bào dân tộc thiểu số', descriptionVi: 'Mỗi lớp một bộ học liệu số song ngữ; tỷ lệ học sinh chuyên cần tăng từ 82% lên 97%.' });
  await call(clerk, 'POST', `/models/${model.id}/advance`, { note: 'Bồi dưỡng: tập huấn 45 giáo viên về học liệu số, hỗ trợ thiết bị từ nguồn xã hội hóa.' });
  await call(clerk, 'POST', `/models/${model.id}/advance`, { note: 'Tổng kết: hội thảo cấp tỉnh tháng 5/2025, tài liệu hướng dẫn nhân rộng.' });
  await call(await login('thutruong.so-gddt'), 'POST', `/models/${model.id}/publish`);
}

type Call = (token: string, method: string, path: string, body?: unknown) => Promise<{ id: string; status: string; entries: unknown[] }>;

async function demoRegistration(login: (u: string) => Promise<string>, call: Call): Promise<void> {
  const clerk = await login('vanthu.so-gddt');
  let registration = await call(clerk, 'POST', '/registrations', { year: 2025 });
  if (registration.status === 'APPROVED') return;
  if (registration.status === 'OPEN' || registration.status === 'RETURNED') {
    registration = await call(clerk, 'PUT', `/registrations/${registration.id}/entries`, {
      pledge: 'Hoàn thành 100% chỉ tiêu năm học 2024–2025; 30% cán bộ, công chức có sáng kiến cấp cơ sở; không có cá nhân vi phạm kỷ luật.',
      entries: [
        { kind: 'COLLECTIVE', name: 'Phòng Giáo dục Trung học', awardCode: 'TTLDTT' },
        { kind: 'INDIVIDUAL', name: 'Nguyễn Thị Thanh Hương', birthYear: 1985, personalId: '066185002025', position: 'Chuyên viên', awardCode: 'CSTDCS' },
        { kind: 'INDIVIDUAL', name: 'Trần Văn Minh', birthYear: 1979, personalId: '066079002025', position: 'Trưởng phòng', awardCode: 'LDTT' },
      ],
    });
    registration = await call(clerk, 'POST', `/registrations/${registration.id}/submit`);
  }
  if (registration.status === 'SUBMITTED') await call(await login('thutruong.so-gddt'), 'POST', `/registrations/${registration.id}/approve`);
}

/**
 * The plan's two phases: the interim review (sơ kết) with two departments' reports, closed and
 * aggregated; the final review (tổng kết) open, one report in. Made once: a review of a phase
 * already there is not opened again.
 */
async function demoPhaseReviews(login: (u: string) => Promise<string>, call: Call): Promise<void> {
  const snv = await login('thamdinh.so-noi-vu');
  const existing = (await call(snv, 'GET', '/phase-reviews')) as unknown as { items: { id: string; phase: string }[] };
  const figures = (n: number) => ({ collectivesCommended: n, individualsCommended: 5 * n, frontLineCommended: 3 * n, modelsFound: 2, initiatives: 2 * n });
  if (!existing.items.some((r) => r.phase === 'SO_KET')) {
    const soKet = await call(snv, 'POST', '/phase-reviews', { movementId: 'ke-hoach-823-kh-ubnd-2022', phase: 'SO_KET', deadline: '2023-12-15', graceDays: 3650 });
    await call(await login('vanthu.so-gddt'), 'POST', `/phase-reviews/${soKet.id}/report`, { figures: figures(6), summary: 'Sơ kết giai đoạn 2020–2023: phong trào “Dạy tốt, học tốt” và chuyển đổi số trong nhà trường được triển khai đồng bộ.' });
    await call(await login('vanthu.so-yte'), 'POST', `/phase-reviews/${soKet.id}/report`, { figures: figures(4), summary: 'Sơ kết giai đoạn 2020–2023: phong trào “Cán bộ y tế thay đổi phong cách, thái độ phục vụ”.' });
    await call(snv, 'POST', `/phase-reviews/${soKet.id}/close`);
  }
  if (!existing.items.some((r) => r.phase === 'TONG_KET')) {
    const tongKet = await call(snv, 'POST', '/phase-reviews', { movementId: 'ke-hoach-823-kh-ubnd-2022', phase: 'TONG_KET', deadline: `${new Date().getFullYear()}-12-15`, graceDays: 30 });
    await call(await login('vanthu.so-gddt'), 'POST', `/phase-reviews/${tongKet.id}/report`, { figures: figures(9), summary: 'Tổng kết giai đoạn 2020–2025: 9 tập thể, 45 cá nhân được khen; nhân rộng mô hình trường học số.' });
  }
}

/** Each member's head scores the three members; Sở Y tế, the 2025 leader, closes. */
async function scoreDemoCluster(login: (u: string) => Promise<string>, call: Call): Promise<void> {
  const leader = await login('thutruong.so-yte');
  const round = await call(leader, 'POST', '/clusters/cum-so-nganh-doanh-nghiep/rounds', { year: 2025 });
  if (round.status === 'CLOSED') return;
  const sheet = (gddt: number, yte: number, caosu: number) => Object.fromEntries(([['so-gddt', gddt], ['so-yte', yte], ['cty-cao-su', caosu]] as const).map(([u, k]) => [u, { NHIEM_VU: k, PHONG_TRAO: 18, XAY_DUNG: 17, GIAO_UOC: 9 }]));
  const sheets: [string, Record<string, unknown>][] = [['thutruong.so-gddt', sheet(48, 45, 41)], ['thutruong.so-yte', sheet(47, 49, 42)], ['thutruong.cty-cao-su', sheet(46, 44, 47)]];
  for (const [head, scores] of sheets) {
    const token = await login(head);
    await call(token, 'POST', `/clusters/rounds/${round.id}/pledge`).catch(() => undefined); // signed on an earlier start
    await call(token, 'POST', `/clusters/rounds/${round.id}/scores`, { sheet: scores });
  }
  await call(leader, 'POST', `/clusters/rounds/${round.id}/close`);
}
