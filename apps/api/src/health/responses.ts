/** The health endpoints' bodies. */

export interface Liveness {
  status: 'ok';
}

/** Whether PostgreSQL and Temporal answer and a worker polls; 503 when any is down. */
export interface Readiness {
  status: 'ok' | 'unavailable';
  checks: { database: 'up' | 'down'; temporal: 'up' | 'down'; worker: 'up' | 'down' };
}

export interface ComponentCheck {
  up: boolean;
  /** Versions, pollers, or the error: for operators only. */
  detail: Record<string, unknown>;
}

export interface HealthDetails {
  database: ComponentCheck;
  temporal: ComponentCheck;
  worker: ComponentCheck;
}
