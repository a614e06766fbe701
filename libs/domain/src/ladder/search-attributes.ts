import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/**
 * Typed search attributes so auditors can filter nominations in the Temporal UI and CLI:
 *   temporal workflow list --query "VinhDanhAward='BK_TINH' AND VinhDanhStatus='AWARDED'"
 * Registered on the dev server at start (`--search-attribute`), on the real server by
 * `startTemporalServer`, and by docker-compose's schema job.
 */
export const SA_LEVEL = defineSearchAttributeKey('VinhDanhLevel', SearchAttributeType.KEYWORD);
export const SA_AWARD = defineSearchAttributeKey('VinhDanhAward', SearchAttributeType.KEYWORD);
export const SA_UNIT = defineSearchAttributeKey('VinhDanhUnit', SearchAttributeType.KEYWORD);
export const SA_STATUS = defineSearchAttributeKey('VinhDanhStatus', SearchAttributeType.KEYWORD);
export const SA_YEAR = defineSearchAttributeKey('VinhDanhYear', SearchAttributeType.INT);

export const SEARCH_ATTRIBUTES = [SA_LEVEL, SA_AWARD, SA_UNIT, SA_STATUS, SA_YEAR];

/** The type as the Temporal CLI names it. */
export function searchAttributeTypeName(key: (typeof SEARCH_ATTRIBUTES)[number]): 'Int' | 'Keyword' {
  return key.type === SearchAttributeType.INT ? 'Int' : 'Keyword';
}

/** `--search-attribute Name=Type` flags for `temporal server start-dev`. */
export function devServerSearchAttributeArgs(): string[] {
  return SEARCH_ATTRIBUTES.flatMap((k) => ['--search-attribute', `${k.name}=${searchAttributeTypeName(k)}`]);
}
