import { Module } from '@nestjs/common';
import { AccountsController } from './accounts.controller';
import { AccountsService } from './accounts.service';

/** People's accounts, administered: created with an invitation, changed, deactivated, re-linked. */
@Module({ controllers: [AccountsController], providers: [AccountsService] })
export class AccountsModule {}
