import { Inject, Injectable } from '@nestjs/common';
import { WorkflowNotFoundError, type Client, type WorkflowHandleWithFirstExecutionRunId, type WorkflowStartOptions } from '@temporalio/client';
import type { QueryDefinition, UpdateDefinition, Workflow } from '@temporalio/common';
import type { DomainError } from '@vinhdanh/domain/common/errors';
import { APP_CONFIG, type AppConfig } from '@vinhdanh/platform';
import { isGrpcNotFound } from '../common/error.filter';
import { messageAuth } from './message-auth';
import { TEMPORAL_CLIENT } from './client';

/**
 * The API's one way to the engine: every start, Update and Query a feature sends goes through here,
 * within the request's deadline (an unreachable server is a 503, not a hang), and every Update
 * carries the product's message authentication (freshness and a one-time nonce) added here, so no
 * feature can forget it. Temporal's own errors are mapped to the API's by the error filter; a
 * workflow that has ended is the feature's to name (`ended`).
 */
@Injectable()
export class Engine {
  constructor(@Inject(TEMPORAL_CLIENT) readonly client: Client, @Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Any call to Temporal, within the request's deadline: an unreachable server is a 503, not a hang. */
  within<T>(fn: (client: Client) => Promise<T>): Promise<T> {
    return this.client.withDeadline(Date.now() + this.config.temporalRpcTimeoutMs, () => fn(this.client));
  }

  start<W extends Workflow>(workflowType: string, options: WorkflowStartOptions<W>): Promise<WorkflowHandleWithFirstExecutionRunId<W>> {
    return this.within((c) => c.workflow.start<W>(workflowType, options));
  }

  query<R>(workflowId: string, def: QueryDefinition<R, []>): Promise<R> {
    return this.within((c) => c.workflow.getHandle(workflowId).query(def));
  }

  /** Sends an Update the product authenticates; `ended` names the refusal when the workflow has finished. */
  async update<R, A extends object>(workflowId: string, def: UpdateDefinition<R, [A]>, args: Omit<A, 'auth'>, options: { updateId?: string; ended?: () => DomainError } = {}): Promise<R> {
    const handle = this.client.workflow.getHandle(workflowId);
    try {
      return await this.within(() => handle.executeUpdate(def, { args: [{ ...args, auth: messageAuth() } as A], ...(options.updateId ? { updateId: options.updateId } : {}) }));
    } catch (err) {
      if (options.ended && (err instanceof WorkflowNotFoundError || isGrpcNotFound(err))) throw options.ended();
      throw err;
    }
  }
}
