import type { TestWorkflowEnvironment } from '@temporalio/testing';

export interface TestStackGlobals {
  temporal?: TestWorkflowEnvironment;
  adminUrl?: string;
  dbName?: string;
  embeddedStop?: () => Promise<void>;
  embeddedDir?: string;
  bundlePath?: string;
}
