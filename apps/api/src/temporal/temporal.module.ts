import { Global, Module } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { APP_CONFIG, type AppConfig } from '@vinhdanh/platform';

export const TEMPORAL_CLIENT = Symbol('TEMPORAL_CLIENT');

/**
 * Every call from a request handler gets a deadline, so an unreachable Temporal server turns into
 * a 503 after TEMPORAL_RPC_TIMEOUT_MS instead of a request that hangs.
 */
export function withinDeadline<T>(client: Client, fn: () => Promise<T>): Promise<T> {
  return client.withDeadline(Date.now() + Number(process.env.TEMPORAL_RPC_TIMEOUT_MS ?? 10_000), fn);
}

/**
 * A lazy connection: the API starts even while Temporal is down (health says so, and calls that
 * need it answer 503) instead of refusing to boot.
 */
@Global()
@Module({
  providers: [
    {
      provide: TEMPORAL_CLIENT,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        const connection = Connection.lazy({ address: config.temporalAddress, connectTimeout: 3000 });
        return new Client({ connection, namespace: config.temporalNamespace });
      },
    },
  ],
  exports: [TEMPORAL_CLIENT],
})
/**
 * The connection is deliberately not closed on application shutdown: the SDK's gRPC retry
 * interceptor re-issues a call that failed at close time from a timer, which then throws on the
 * closed channel. The API process ends right after shutdown anyway (Nest re-raises the signal).
 */
export class TemporalModule {}
