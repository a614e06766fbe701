import { Client, Connection } from '@temporalio/client';
import type { AppConfig } from './config';
import { vinhDanhDataConverter } from './codec/data-converter';

/**
 * A Temporal client that speaks through the payload codec. Every client of the product (the API,
 * operator commands, tests acting as the product) is made here, so none can send plaintext.
 * `lazy` connects on first use, so the API starts while Temporal is down (health says so).
 */
export async function productClient(config: AppConfig, opts: { lazy?: boolean; legacyPlaintext?: (binding: string) => boolean } = {}): Promise<Client> {
  const connection = opts.lazy
    ? Connection.lazy({ address: config.temporalAddress, connectTimeout: 3000 })
    : await Connection.connect({ address: config.temporalAddress });
  return new Client({ connection, namespace: config.temporalNamespace, dataConverter: vinhDanhDataConverter(config.codecKeys, 'throw', opts.legacyPlaintext) });
}
