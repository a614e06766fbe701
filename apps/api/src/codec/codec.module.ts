import { Module } from '@nestjs/common';
import { CodecController } from './codec.controller';

/** The codec server the Temporal Web UI calls to show auditors decrypted payloads within their scope. */
@Module({ controllers: [CodecController] })
export class CodecModule {}
