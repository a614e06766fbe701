import type { DashboardFigures } from '@vinhdanh/persistence/read-model/dashboard';

/** The movement's figures within the caller's scope, for one award year or all. */
export interface Dashboard extends DashboardFigures {
  year: number | null;
}
