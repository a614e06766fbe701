import { Module } from '@nestjs/common';
import { RevocationsController } from './revocations.controller';

/** Revocation of awards (Law, Chapter VII). */
@Module({ controllers: [RevocationsController] })
export class RevocationsModule {}
