import type { StallView } from '@vinhdanh/domain/engine/stalls';
import type { EngineStall } from '@vinhdanh/persistence/archive/engine-stalls';

/** The engine endpoints' bodies. */

/** Every step waiting for an operator, with what it says to the people it holds up. */
export interface EngineStalls {
  items: (EngineStall & { messageVi: string; messageEn: string })[];
}

/** What the operator's resume set going again. */
export interface StallsResumed {
  workflowId: string;
  resumed: StallView[];
}
