import { Global, Module } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { legacyPlaintextBindings } from '@vinhdanh/persistence';
import { APP_CONFIG, VinhDanhCodec, productClient, type AppConfig } from '@vinhdanh/platform';
import { UpdateProjections } from './update-projections';
import { Engine } from './engine';
import { PAYLOAD_CODEC, TEMPORAL_CLIENT } from './client';

export { PAYLOAD_CODEC } from './client';

/**
 * A lazy connection: the API starts even while Temporal is down (health says so, and calls that
 * need it answer 503) instead of refusing to boot. Every payload goes through the codec.
 */
@Global()
@Module({
  providers: [
    UpdateProjections,
    Engine,
    {
      provide: 'LEGACY_PLAINTEXT',
      inject: [DataSource],
      useFactory: (ds: DataSource) => legacyPlaintextBindings(ds.manager),
    },
    {
      provide: TEMPORAL_CLIENT,
      inject: [APP_CONFIG, 'LEGACY_PLAINTEXT'],
      useFactory: (config: AppConfig, legacy: Set<string>) => productClient(config, { lazy: true, legacyPlaintext: (b) => legacy.has(b) }),
    },
    {
      provide: PAYLOAD_CODEC,
      inject: [APP_CONFIG, 'LEGACY_PLAINTEXT'],
      useFactory: (config: AppConfig, legacy: Set<string>) => new VinhDanhCodec({ keys: config.codecKeys, onUnauthenticated: 'throw', legacyPlaintext: (b) => legacy.has(b) }),
    },
  ],
  exports: [TEMPORAL_CLIENT, PAYLOAD_CODEC, UpdateProjections, Engine],
})
/**
 * The connection is deliberately not closed on application shutdown: the SDK's gRPC retry
 * interceptor re-issues a call that failed at close time from a timer, which then throws on the
 * closed channel. The API process ends right after shutdown anyway (Nest re-raises the signal).
 */
export class TemporalModule {}
