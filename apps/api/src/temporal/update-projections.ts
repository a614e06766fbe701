import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { UpdateProjectionListener, type UpdateWait } from '@vinhdanh/persistence/projection/update-projected';
import { APP_CONFIG, type AppConfig } from '@vinhdanh/platform';
import { updateNoticeKeys } from '@vinhdanh/platform/codec/notice-keys';

/**
 * The API's ear on the projection: an Update is answered as soon as its event is committed to the
 * read model (read-your-writes holds), not when Temporal completes the Update at the end of the
 * workflow task. See `UpdateProjectionListener`.
 */
@Injectable()
export class UpdateProjections implements OnModuleInit, OnModuleDestroy {
  private readonly listener: UpdateProjectionListener;
  private readonly log = new Logger('UpdateProjections');

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.listener = new UpdateProjectionListener(
      config.databaseUrl,
      updateNoticeKeys(config.codecKeys),
      (err) => this.log.warn(`listening for projected updates: ${(err as Error).message ?? err}`),
      (updateId) => this.log.warn(`a notification for Update ${updateId} was not signed by the projection: ignored (the answer waits for Temporal)`),
    );
  }

  onModuleInit(): Promise<void> {
    return this.listener.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.listener.stop();
  }

  waitFor(updateId: string, timeoutMs: number): UpdateWait {
    return this.listener.waitFor(updateId, timeoutMs);
  }
}
