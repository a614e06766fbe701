export interface TestStackGlobals {
  /** Stops the Temporal server the run started (dev or real). */
  temporalStop?: () => Promise<void>;
  adminUrl?: string;
  dbName?: string;
  embeddedStop?: () => Promise<void>;
  embeddedDir?: string;
  bundlePath?: string;
}
