export const TEMPORAL_CLIENT = Symbol('TEMPORAL_CLIENT');
/** The payload codec, for reading histories (audit, codec endpoint) outside a client call. */
export const PAYLOAD_CODEC = Symbol('PAYLOAD_CODEC');
