export declare function ensureTemporalCli(): string;
export declare const TEMPORAL_CLI_VERSION: string;
