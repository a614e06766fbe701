import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Payload, PayloadCodec, SerializationContext } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { UNAUTHENTICATED, type UnauthenticatedReason } from '@vinhdanh/domain/common/authenticity';

/**
 * Vinh Danh's payload codec: every payload that crosses the Temporal frontend (workflow inputs,
 * Updates, signals, activity inputs and results, failures) is encrypted and authenticated with
 * AES-256-GCM under a key only the API and the worker hold. Anyone who reaches the frontend, the
 * Web UI or Temporal's database sees ciphertext, and cannot make a payload the worker accepts.
 *
 * Each ciphertext is bound to the workflow it belongs to (namespace and workflow id, from the
 * SDK's serialization context) as additional authenticated data, so a payload captured from one
 * workflow's history is refused by another. Plaintext is padded to a multiple of 256 bytes before
 * encryption, so lengths do not tell choices apart (AGREE vs ABSTAIN).
 *
 * Wire format: metadata { encoding: binary/vinhdanh-aes256gcm, vinhdanh-key-id, vinhdanh-binding },
 * data = iv[12] ‖ ciphertext ‖ tag[16]; the plaintext is u32be(length) ‖ Payload proto ‖ zeros.
 */
export const CODEC_ENCODING = 'binary/vinhdanh-aes256gcm';
const KEY_ID = 'vinhdanh-key-id';
const BINDING = 'vinhdanh-binding';
const PAD_TO = 256;
const AAD_PREFIX = 'vinhdanh-codec/1';

export interface CodecKey {
  id: string;
  key: Buffer;
}

export interface CodecOptions {
  /** The first key encrypts; every key decrypts (rotation: put the new key first, keep the old ones). */
  keys: CodecKey[];
  /**
   * `mark` (the worker): a payload that fails authentication becomes an `$unauthenticated` marker
   * the workflow handles. `throw` (clients, the codec endpoint): decoding fails with an error.
   */
  onUnauthenticated: 'mark' | 'throw';
  /** Workflows started before the codec existed, whose histories are plaintext (see docs/security.md). */
  legacyPlaintext?: (binding: string) => boolean;
}

export class UnauthenticatedPayloadError extends Error {
  constructor(readonly reason: UnauthenticatedReason) {
    super(`payload not authenticated: ${reason}`);
    this.name = 'UnauthenticatedPayloadError';
  }
}

const utf8 = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array | null | undefined) => (b ? Buffer.from(b).toString('utf8') : undefined);

/** `namespace/workflowId` of the workflow that owns a payload; undefined when the SDK gives no context. */
export function bindingOf(context: SerializationContext | undefined): string | undefined {
  if (!context) return undefined;
  return `${context.namespace}/${context.workflowId ?? ''}`;
}

export class VinhDanhCodec implements PayloadCodec {
  private readonly byId: Map<string, Buffer>;

  constructor(private readonly options: CodecOptions) {
    if (!options.keys.length) throw new Error('the payload codec needs at least one key');
    this.byId = new Map(options.keys.map((k) => [k.id, k.key]));
  }

  async encode(payloads: Payload[], context?: SerializationContext): Promise<Payload[]> {
    const { id, key } = this.options.keys[0];
    const binding = bindingOf(context) ?? '';
    return payloads.map((payload) => {
      const plain = temporal.api.common.v1.Payload.encode(payload).finish();
      const framed = Buffer.alloc(Math.ceil((plain.length + 4) / PAD_TO) * PAD_TO);
      framed.writeUInt32BE(plain.length, 0);
      Buffer.from(plain).copy(framed, 4);
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(aad(id, binding));
      const body = Buffer.concat([cipher.update(framed), cipher.final()]);
      return {
        metadata: { encoding: utf8(CODEC_ENCODING), [KEY_ID]: utf8(id), [BINDING]: utf8(binding) },
        data: Buffer.concat([iv, body, cipher.getAuthTag()]),
      };
    });
  }

  async decode(payloads: Payload[], context?: SerializationContext): Promise<Payload[]> {
    const expected = bindingOf(context);
    return payloads.map((payload) => {
      try {
        return this.open(payload, expected);
      } catch (err) {
        if (!(err instanceof UnauthenticatedPayloadError) || this.options.onUnauthenticated === 'throw') throw err;
        return marker(err.reason);
      }
    });
  }

  /** The payload's owner as its metadata states it (authenticated once opened). */
  static bindingIn(payload: Payload): string | undefined {
    return text(payload.metadata?.[BINDING]);
  }

  private open(payload: Payload, expected: string | undefined): Payload {
    if (text(payload.metadata?.encoding) !== CODEC_ENCODING) {
      if (expected !== undefined && this.options.legacyPlaintext?.(expected)) return payload;
      throw new UnauthenticatedPayloadError('PLAINTEXT');
    }
    const id = text(payload.metadata?.[KEY_ID]) ?? '';
    const binding = text(payload.metadata?.[BINDING]) ?? '';
    if (expected !== undefined && binding !== expected) throw new UnauthenticatedPayloadError('WRONG_WORKFLOW');
    const key = this.byId.get(id);
    if (!key) throw new UnauthenticatedPayloadError('UNKNOWN_KEY');
    const data = Buffer.from(payload.data ?? []);
    if (data.length < 12 + 16 + 4) throw new UnauthenticatedPayloadError('FORGED');
    let framed: Buffer;
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
      decipher.setAAD(aad(id, binding));
      decipher.setAuthTag(data.subarray(data.length - 16));
      framed = Buffer.concat([decipher.update(data.subarray(12, data.length - 16)), decipher.final()]);
    } catch {
      throw new UnauthenticatedPayloadError('FORGED');
    }
    const length = framed.readUInt32BE(0);
    if (length > framed.length - 4) throw new UnauthenticatedPayloadError('FORGED');
    return temporal.api.common.v1.Payload.decode(framed.subarray(4, 4 + length)) as Payload;
  }
}

function aad(keyId: string, binding: string): Buffer {
  return Buffer.from(`${AAD_PREFIX}\n${keyId}\n${binding}`, 'utf8');
}

/** The JSON payload a workflow receives instead of an unauthenticated one. */
function marker(reason: UnauthenticatedReason): Payload {
  return { metadata: { encoding: utf8('json/plain') }, data: utf8(JSON.stringify({ [UNAUTHENTICATED]: reason })) };
}
