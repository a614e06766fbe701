import type { DataConverter } from '@temporalio/common';
import { failureConverterPath } from './failure-converter-path';
import { VinhDanhCodec, type CodecKey, type CodecOptions } from './payload-codec';

/**
 * The one data converter of every Temporal client and worker of the product. The worker marks
 * unauthenticated payloads for its workflows to refuse; clients (the API, operator commands) throw.
 */
export function vinhDanhDataConverter(keys: CodecKey[], mode: CodecOptions['onUnauthenticated'], legacyPlaintext?: CodecOptions['legacyPlaintext']): DataConverter {
  return {
    payloadCodecs: [new VinhDanhCodec({ keys, onUnauthenticated: mode, legacyPlaintext })],
    failureConverterPath: failureConverterPath(),
  };
}
