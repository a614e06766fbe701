import { conflict, forbidden, invalid } from '@vinhdanh/domain/common/errors';
import type { ClusterRoundInput, ClusterRoundView, CloseRoundArgs, SignPledgeArgs, SubmitScoresArgs } from '@vinhdanh/domain/movement/cluster';

/** The head of a member unit scores every member, itself included, on every criterion, within range; until the round closes. */
export function validateSubmitScores(input: ClusterRoundInput, view: ClusterRoundView, args: SubmitScoresArgs): void {
  if (view.status !== 'SCORING') throw conflict('ROUND_CLOSED', 'Đã kết thúc chấm điểm của cụm, khối.', 'The cluster’s scoring is closed.');
  if (!args.actor.roles.includes('DECISION_MAKER') || !input.cluster.members.includes(args.actor.unitId)) {
    throw forbidden('MEMBER_HEAD_REQUIRED', 'Chỉ thủ trưởng đơn vị thành viên của cụm, khối mới chấm điểm.', 'Only the head of a member unit scores.');
  }
  const sheet = args.sheet;
  if (typeof sheet !== 'object' || sheet === null) throw invalid('BAD_SHEET', 'Phiếu chấm điểm không hợp lệ.', 'The score sheet is not valid.', 'sheet');
  for (const unit of Object.keys(sheet)) {
    if (!input.cluster.members.includes(unit)) throw invalid('NOT_A_MEMBER', `Đơn vị ${unit} không thuộc cụm, khối.`, `Unit ${unit} is not a member.`, `sheet.${unit}`);
  }
  for (const unit of input.cluster.members) {
    for (const c of input.cluster.criteria) {
      const score = sheet[unit]?.[c.code];
      if (typeof score !== 'number' || !Number.isFinite(score) || score < 0 || score > c.maxScore) {
        throw invalid('BAD_SCORE', `Điểm “${c.nameVi}” cho đơn vị ${unit} phải từ 0 đến ${c.maxScore}.`, `The score for “${c.nameEn}” of ${unit} must be from 0 to ${c.maxScore}.`, `sheet.${unit}.${c.code}`);
      }
    }
  }
}

/** The leading unit's head closes the scoring, once every member has scored. */
export function validateCloseRound(input: ClusterRoundInput, view: ClusterRoundView, args: CloseRoundArgs): void {
  if (view.status !== 'SCORING') throw conflict('ROUND_CLOSED', 'Đã kết thúc chấm điểm của cụm, khối.', 'The cluster’s scoring is closed.');
  if (!args.actor.roles.includes('DECISION_MAKER') || args.actor.unitId !== input.leaderUnitId) {
    throw forbidden('LEADER_REQUIRED', 'Chỉ thủ trưởng đơn vị Cụm trưởng (Khối trưởng) của năm mới kết thúc chấm điểm.', 'Only the head of the year’s leading unit closes the scoring.');
  }
  const missing = input.cluster.members.filter((m) => !view.scoredBy.includes(m));
  if (missing.length) throw conflict('SCORES_MISSING', `Còn đơn vị chưa chấm điểm: ${missing.join(', ')}.`, `Members have not scored yet: ${missing.join(', ')}.`);
}

/** Each member's head signs the year's pledge once, while the round is open. */
export function validateSignPledge(input: ClusterRoundInput, view: ClusterRoundView, args: SignPledgeArgs): void {
  if (view.status !== 'SCORING') throw conflict('ROUND_CLOSED', 'Đã kết thúc chấm điểm của cụm, khối.', 'The cluster’s scoring is closed.');
  if (!args.actor.roles.includes('DECISION_MAKER') || !input.cluster.members.includes(args.actor.unitId)) {
    throw forbidden('MEMBER_HEAD_REQUIRED', 'Chỉ thủ trưởng đơn vị thành viên của cụm, khối mới ký giao ước.', 'Only the head of a member unit signs the pledge.');
  }
  if (view.pledgeSignedBy.includes(args.actor.unitId)) throw conflict('PLEDGE_ALREADY_SIGNED', 'Đơn vị đã ký giao ước năm nay.', 'The unit has already signed this year’s pledge.');
}
