import { randomBytes } from 'node:crypto';
import { defaultPayloadConverter, type Payload, type SerializationContext } from '@temporalio/common';
import { isUnauthenticated } from '@vinhdanh/domain/common/authenticity';
import { CODEC_ENCODING, UnauthenticatedPayloadError, VinhDanhCodec } from './payload-codec';

const k1 = { id: 'k1', key: randomBytes(32) };
const k2 = { id: 'k2', key: randomBytes(32) };
const wf = (workflowId: string): SerializationContext => ({ type: 'workflow', namespace: 'default', workflowId });
const json = (v: unknown): Payload => defaultPayloadConverter.toPayload(v)!;
const value = (p: Payload) => defaultPayloadConverter.fromPayload(p);

describe('VinhDanhCodec', () => {
  const worker = new VinhDanhCodec({ keys: [k1], onUnauthenticated: 'mark' });
  const client = new VinhDanhCodec({ keys: [k1], onUnauthenticated: 'throw' });

  it('round-trips a payload bound to its workflow, and hides it', async () => {
    const [sealed] = await client.encode([json({ actor: 'Nguyễn Thị Hoa', action: 'APPROVE' })], wf('nomination-a'));
    expect(Buffer.from(sealed.metadata!.encoding!).toString()).toBe(CODEC_ENCODING);
    expect(Buffer.from(sealed.data!).toString('latin1')).not.toMatch(/APPROVE|Hoa/);
    const [opened] = await worker.decode([sealed], wf('nomination-a'));
    expect(value(opened)).toEqual({ actor: 'Nguyễn Thị Hoa', action: 'APPROVE' });
  });

  it('pads to 256-byte buckets: different choices have the same length', async () => {
    const sizes = await Promise.all(['AGREE', 'DISAGREE', 'ABSTAIN'].map(async (c) => (await client.encode([json({ choice: c })], wf('s')))[0].data!.length));
    expect(new Set(sizes).size).toBe(1);
  });

  it('marks a payload captured from another workflow (worker), or refuses it (client)', async () => {
    const [sealed] = await client.encode([json({ ok: true })], wf('nomination-a'));
    const [marked] = await worker.decode([sealed], wf('nomination-b'));
    expect(value(marked)).toEqual({ $unauthenticated: 'WRONG_WORKFLOW' });
    await expect(client.decode([sealed], wf('nomination-b'))).rejects.toThrow(UnauthenticatedPayloadError);
  });

  it('marks plaintext, a forged key, tampered bytes and an unknown key id', async () => {
    const [sealed] = await client.encode([json({ ok: true })], wf('a'));
    // One byte changed, always (setting it to a fixed value left it unchanged once in 256 runs).
    const bytes = Buffer.from(sealed.data!);
    bytes[20] ^= 0xff;
    const tampered = { ...sealed, data: bytes };
    const foreign = await new VinhDanhCodec({ keys: [{ id: 'k1', key: randomBytes(32) }], onUnauthenticated: 'throw' }).encode([json({ ok: true })], wf('a'));
    const unknown = await new VinhDanhCodec({ keys: [{ id: 'zz', key: randomBytes(32) }], onUnauthenticated: 'throw' }).encode([json({ ok: true })], wf('a'));
    const out = await worker.decode([json({ ok: true }), tampered, foreign[0], unknown[0]], wf('a'));
    expect(out.map((p) => (value(p) as { $unauthenticated: string }).$unauthenticated)).toEqual(['PLAINTEXT', 'FORGED', 'FORGED', 'UNKNOWN_KEY']);
    expect(out.every((p) => isUnauthenticated(value(p)))).toBe(true);
  });

  it('rotates: a new first key encrypts, the old one still decrypts', async () => {
    const [old] = await client.encode([json(1)], wf('a'));
    const rotated = new VinhDanhCodec({ keys: [k2, k1], onUnauthenticated: 'throw' });
    const [fresh] = await rotated.encode([json(2)], wf('a'));
    expect(Buffer.from(fresh.metadata!['vinhdanh-key-id']!).toString()).toBe('k2');
    expect((await rotated.decode([old, fresh], wf('a'))).map(value)).toEqual([1, 2]);
  });

  it('reads plaintext only for workflows adopted as legacy', async () => {
    const legacy = new VinhDanhCodec({ keys: [k1], onUnauthenticated: 'throw', legacyPlaintext: (b) => b === 'default/old' });
    expect(value((await legacy.decode([json('x')], wf('old')))[0])).toBe('x');
    await expect(legacy.decode([json('x')], wf('new'))).rejects.toThrow(/PLAINTEXT/);
  });
});
