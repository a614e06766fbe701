export declare function ensureTemporalServer(): { dir: string; server: string; sqlTool: string; schemaDir: string };
export declare const TEMPORAL_SERVER_VERSION: string;
