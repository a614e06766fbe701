import { Client, Connection, defaultGrpcRetryOptions, makeGrpcRetryInterceptor } from '@temporalio/client';
import type { AppConfig } from './config';
import { vinhDanhDataConverter } from './codec/data-converter';
import { tlsOptions } from './temporal-tls';

/**
 * A Temporal client that speaks through the payload codec. Every client of the product (the API,
 * operator commands, tests acting as the product) is made here, so none can send plaintext.
 * `lazy` connects on first use, so the API starts while Temporal is down (health says so).
 *
 * The API's client retries an unavailable server for about half a second, not the SDK's default
 * of about fifteen: a person waiting on a page should hear "unavailable, retry" (503) promptly,
 * and a blip shorter than that is still absorbed.
 */
export async function productClient(config: AppConfig, opts: { lazy?: boolean; legacyPlaintext?: (binding: string) => boolean } = {}): Promise<Client> {
  const connection = opts.lazy
    ? Connection.lazy({ address: config.temporalAddress, tls: tlsOptions(config.temporalTls), connectTimeout: 3000, interceptors: [makeGrpcRetryInterceptor(defaultGrpcRetryOptions({ maxAttempts: 4 }))] })
    : await Connection.connect({ address: config.temporalAddress, tls: tlsOptions(config.temporalTls) });
  return new Client({ connection, namespace: config.temporalNamespace, dataConverter: vinhDanhDataConverter(config.codecKeys, 'throw', opts.legacyPlaintext) });
}
