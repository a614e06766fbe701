/**
 * What the engine did behind the product's back (docs/audit.md): a run closed by someone at the
 * Temporal frontend, or by Temporal itself, rather than by the workflow reaching its end, and runs
 * under a record's id that the product never started. Each is named, so an auditor can tell them
 * apart and a clerk sees why a dossier stopped moving.
 */
export const INTERRUPTIONS = ['ENGINE_TERMINATED', 'ENGINE_CANCELED', 'ENGINE_TIMED_OUT', 'ENGINE_FAILED', 'ENGINE_RESET', 'ENGINE_HISTORY_LIMIT', 'FOREIGN_RUN'] as const;
export type Interruption = (typeof INTERRUPTIONS)[number];

export const INTERRUPTION_TEXT: Record<Interruption, { vi: string; en: string }> = {
  ENGINE_TERMINATED: { vi: 'Quy trình bị chấm dứt trực tiếp trên máy chủ quy trình (terminate), không qua Vinh Danh', en: 'The workflow was terminated at the workflow server, not through Vinh Danh' },
  ENGINE_CANCELED: { vi: 'Quy trình bị hủy trực tiếp trên máy chủ quy trình (cancel), không qua Vinh Danh', en: 'The workflow was cancelled at the workflow server, not through Vinh Danh' },
  ENGINE_TIMED_OUT: { vi: 'Quy trình hết thời hạn thực thi trên máy chủ quy trình', en: 'The workflow ran out of its execution timeout at the workflow server' },
  ENGINE_FAILED: { vi: 'Quy trình dừng vì lỗi trên máy chủ quy trình', en: 'The workflow failed at the workflow server' },
  ENGINE_RESET: { vi: 'Quy trình bị đặt lại (reset) trên máy chủ quy trình; lượt chạy được ghi nhận đã bị dừng', en: 'The workflow was reset at the workflow server; the recorded run was stopped' },
  ENGINE_HISTORY_LIMIT: { vi: 'Máy chủ quy trình dừng quy trình vì lịch sử vượt giới hạn', en: 'The workflow server stopped the workflow because its history exceeded the limit' },
  FOREIGN_RUN: { vi: 'Một lượt chạy không do Vinh Danh khởi tạo đã chạy dưới mã hồ sơ này; không có dữ liệu nào của nó được ghi nhận', en: 'A run Vinh Danh did not start ran under this record’s id; nothing of it was recorded' },
};

export interface ClosedRunFacts {
  runId: string;
  /** Temporal's close status, without its prefix: COMPLETED, FAILED, TERMINATED, CANCELED, TIMED_OUT, CONTINUED_AS_NEW. */
  status: string;
  /** The reason a terminated run's last event gives (a reset and the history limit say so there). */
  terminateReason?: string;
  /** The run a reset made from this one, when a reset is what terminated it. */
  resetInto?: string;
  /** The run the product recorded for this workflow, where it records one. */
  recordedRunId?: string | null;
}

/** The interruption a closed run is, if any; a run that reached its end is none. */
export function interruptionOf(run: ClosedRunFacts): Interruption | undefined {
  if (run.recordedRunId && run.recordedRunId !== run.runId) return 'FOREIGN_RUN';
  switch (run.status) {
    case 'TERMINATED':
      if (run.resetInto) return 'ENGINE_RESET';
      if (/history (size|count)|exceeds? (the )?limit/i.test(run.terminateReason ?? '')) return 'ENGINE_HISTORY_LIMIT';
      return 'ENGINE_TERMINATED';
    case 'CANCELED':
      return 'ENGINE_CANCELED';
    case 'TIMED_OUT':
      return 'ENGINE_TIMED_OUT';
    case 'FAILED':
      return 'ENGINE_FAILED';
    default:
      return undefined;
  }
}
