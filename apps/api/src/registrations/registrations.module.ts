import { Module } from '@nestjs/common';
import { RegistrationsController } from './registrations.controller';

/** The yearly registration of the movement (đăng ký thi đua). */
@Module({ controllers: [RegistrationsController] })
export class RegistrationsModule {}
