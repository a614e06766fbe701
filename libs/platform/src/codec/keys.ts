import type { CodecKey } from './payload-codec';

/**
 * `CODEC_KEYS`: `id:base64key[,id:base64key…]`, each key 32 bytes. The first encrypts, all decrypt,
 * so a rotation prepends the new key and keeps the old ones for as long as histories that used them
 * are kept (Temporal's retention). Returns the problems instead of throwing, for the config report.
 */
export function parseCodecKeys(text: string): { keys: CodecKey[]; problems: string[] } {
  const keys: CodecKey[] = [];
  const problems: string[] = [];
  for (const entry of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    const at = entry.indexOf(':');
    const id = at > 0 ? entry.slice(0, at) : '';
    const key = Buffer.from(at > 0 ? entry.slice(at + 1) : '', 'base64');
    if (!/^[A-Za-z0-9._-]{1,32}$/.test(id)) problems.push(`CODEC_KEYS: key id "${id}" must be 1–32 letters, digits, dot, dash or underscore`);
    else if (key.length !== 32) problems.push(`CODEC_KEYS: key "${id}" must be 32 bytes, base64-encoded (openssl rand -base64 32)`);
    else if (keys.some((k) => k.id === id)) problems.push(`CODEC_KEYS: key id "${id}" appears twice`);
    else keys.push({ id, key });
  }
  if (!keys.length && !problems.length) problems.push('CODEC_KEYS must name at least one key: id:base64key');
  return { keys, problems };
}
