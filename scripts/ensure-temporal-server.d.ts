/** `server`: the stock server; `vinhdanhServer`: the same with the certificate claim mapper (deploy/temporal-server). */
export declare function ensureTemporalServer(): { dir: string; server: string; vinhdanhServer: string; sqlTool: string; schemaDir: string };
export declare const TEMPORAL_SERVER_VERSION: string;
