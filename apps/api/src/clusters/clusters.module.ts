import { Module } from '@nestjs/common';
import { ClustersController } from './clusters.controller';

/** Emulation clusters and blocks, and their yearly scoring. */
@Module({ controllers: [ClustersController] })
export class ClustersModule {}
