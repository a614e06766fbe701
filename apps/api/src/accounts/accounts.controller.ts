import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import type { AccountRow } from '@vinhdanh/persistence/accounts/accounts';
import { CurrentActor, type AuthenticatedActor } from '../common/actor';
import { Operation } from '../contract/operation';
import { AccountsService } from './accounts.service';
import { AccountChangeDto, AccountReasonDto, NewAccountDto } from './dto';
import type { AccountChanged, AccountCreated, AccountDeactivated, AccountHistory, AccountLink, AccountList } from './responses';

/** People's accounts, administered (docs/accounts.md). */
@ApiTags('accounts')
@Controller('accounts')
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @Get()
  @ApiQuery({ name: 'unitId', required: false })
  @ApiQuery({ name: 'active', required: false, enum: ['true', 'false'] })
  @Operation({
    summary: { vi: 'Danh sách tài khoản', en: 'Accounts' },
    description: { vi: 'Mọi tài khoản: đơn vị, vai trò, phạm vi, còn hoạt động không, đã đặt mật khẩu chưa. Cho quản trị, kiểm soát viên và thanh tra.', en: 'Every account: unit, roles, scope, whether active, whether a password is set. For administrators, auditors and inspectors.' },
    ok: { body: 'AccountList' },
    errors: [403],
  })
  list(@CurrentActor() actor: AuthenticatedActor, @Query('unitId') unitId?: string, @Query('active') active?: string): Promise<AccountList> {
    return this.accounts.list(actor, { unitId: unitId || undefined, active: active === 'true' ? true : active === 'false' ? false : undefined });
  }

  @Get(':id/history')
  @Operation({
    summary: { vi: 'Lịch sử quản trị tài khoản', en: 'An account’s administrative history' },
    description: {
      vi: 'Mọi việc quản trị đã làm với tài khoản (tạo, sửa, vô hiệu hóa, cấp đường dẫn, đặt và đổi mật khẩu): ai, khi nào, vì sao, từ chuỗi nhật ký kiểm toán. Không bao giờ có mật khẩu hay đường dẫn.',
      en: 'Every administrative act on the account (created, changed, deactivated, links issued, password set or changed): who, when, why, from the audit chain. Never a password or a link.',
    },
    ok: { body: 'AccountHistory' },
    errors: [403, 404],
  })
  history(@CurrentActor() actor: AuthenticatedActor, @Param('id') id: string): Promise<AccountHistory> {
    return this.accounts.history(actor, id);
  }

  @Post()
  @Operation({
    summary: { vi: 'Tạo tài khoản và lời mời', en: 'Create an account and its invitation' },
    description: {
      vi: 'Quản trị tạo tài khoản (đơn vị, vai trò, phạm vi, số định danh cá nhân) và nhận một đường dẫn một lần để trao cho người đó tự đặt mật khẩu; đường dẫn chỉ hiện một lần. Một người không vừa lập hồ sơ vừa quyết định cho cùng đơn vị, trừ khi ghi rõ lý do ngoại lệ. Ghi nhật ký.',
      en: 'An administrator creates an account (unit, roles, scope, personal identification number) and receives a one-time link to hand to the person, who sets their own password; the link is shown once. No one both proposes and decides for the same unit unless the exception is stated. Audited.',
    },
    ok: { status: 201, body: 'AccountCreated' },
    errors: [400, 403, 409],
  })
  create(@CurrentActor() actor: AuthenticatedActor, @Body() dto: NewAccountDto): Promise<AccountCreated> {
    return this.accounts.create(actor, dto);
  }

  @Patch(':id')
  @Operation({
    summary: { vi: 'Sửa tài khoản', en: 'Change an account' },
    description: {
      vi: 'Đổi họ tên, thư điện tử, đơn vị, vai trò, phạm vi hoặc ngoại lệ phân tách nhiệm vụ, kèm lý do; ghi nhật ký trước và sau. Quản trị không tự đổi quyền của mình. Có hiệu lực ngay ở yêu cầu kế tiếp của người đó.',
      en: 'Changes the name, e-mail, unit, roles, scope or separation-of-duties exception, with a reason; the before and after are audited. Administrators do not change their own powers. Takes effect at the person’s next request.',
    },
    ok: { body: 'AccountChanged' },
    errors: [400, 403, 404, 409],
  })
  change(@CurrentActor() actor: AuthenticatedActor, @Param('id') id: string, @Body() dto: AccountChangeDto): Promise<AccountChanged> {
    return this.accounts.change(actor, id, dto);
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @Operation({
    summary: { vi: 'Vô hiệu hóa tài khoản', en: 'Deactivate an account' },
    description: {
      vi: 'Người đã nghỉ, chuyển công tác: không đăng nhập được nữa, mọi phiên hết hiệu lực ngay, đường dẫn đang mở bị thu hồi; tên vẫn ở mọi việc họ đã làm. Việc đang chờ của đơn vị vẫn ở hộp việc của đơn vị; trả về các việc không còn ai giữ vai trò để làm (giao vai trò cho đồng nghiệp thì việc sang hộp việc của họ). Ghi nhật ký kèm lý do.',
      en: 'Someone who left or moved: they can no longer sign in, every session ends at once, open links are revoked; their name stays on everything they did. Tasks waiting for their unit stay in the unit’s inbox; answers those no one holding the role is left to do (give the role to a colleague and they reach the colleague’s inbox). Audited with the reason.',
    },
    ok: { body: 'AccountDeactivated' },
    errors: [400, 403, 404, 409],
  })
  deactivate(@CurrentActor() actor: AuthenticatedActor, @Param('id') id: string, @Body() dto: AccountReasonDto): Promise<AccountDeactivated> {
    return this.accounts.deactivate(actor, id, dto.reason);
  }

  @Post(':id/reactivate')
  @HttpCode(200)
  @Operation({
    summary: { vi: 'Kích hoạt lại tài khoản', en: 'Reactivate an account' },
    description: { vi: 'Người trở lại công tác; ghi nhật ký kèm lý do. Mật khẩu cũ vẫn dùng được; nếu cần, cấp đường dẫn đặt lại.', en: 'Someone who came back; audited with the reason. The old password works again; issue a reset link if it should not.' },
    ok: { body: 'AccountRow' },
    errors: [400, 403, 404, 409],
  })
  reactivate(@CurrentActor() actor: AuthenticatedActor, @Param('id') id: string, @Body() dto: AccountReasonDto): Promise<AccountRow> {
    return this.accounts.reactivate(actor, id, dto.reason);
  }

  @Post(':id/second-factor/reset')
  @HttpCode(200)
  @Operation({
    summary: { vi: 'Đặt lại xác thực hai lớp', en: 'Reset a second factor' },
    description: {
      vi: 'Người mất điện thoại: xóa khóa của ứng dụng xác thực, mọi phiên của họ hết hiệu lực, lần đăng nhập sau họ bật lại. Quản trị không tự đặt lại cho mình. Ghi nhật ký kèm lý do.',
      en: 'Someone lost their phone: the authenticator secret is cleared, their sessions end, and they enrol again at the next sign-in. Administrators do not reset their own. Audited with the reason.',
    },
    ok: { body: 'AccountRow' },
    errors: [400, 403, 404, 409],
  })
  resetSecondFactor(@CurrentActor() actor: AuthenticatedActor, @Param('id') id: string, @Body() dto: AccountReasonDto): Promise<AccountRow> {
    return this.accounts.resetSecondFactor(actor, id, dto.reason);
  }

  @Post(':id/link')
  @Operation({
    summary: { vi: 'Cấp đường dẫn đặt mật khẩu', en: 'Issue a password link' },
    description: {
      vi: 'Một đường dẫn một lần mới: lời mời nếu người đó chưa từng đặt mật khẩu, cấp lại nếu đã có. Đường dẫn cũ bị thu hồi; mật khẩu hiện tại vẫn dùng được đến khi người đó đặt mật khẩu mới. Ghi nhật ký.',
      en: 'A new one-time link: an invitation if the person never set a password, a reset if they did. Older links are revoked; the current password keeps working until the person sets a new one. Audited.',
    },
    ok: { status: 201, body: 'AccountLink' },
    errors: [403, 404, 409],
  })
  link(@CurrentActor() actor: AuthenticatedActor, @Param('id') id: string): Promise<AccountLink> {
    return this.accounts.newLink(actor, id);
  }
}
