export interface ImportProgress {
  phase: 'validate' | 'write';
  done: number;
  total: number;
}

/** Live progress of the imports this process is running (the job row holds the outcome for every process). */
export const liveImports = new Map<string, ImportProgress>();

export function liveImportProgress(jobId: string): ImportProgress | undefined {
  return liveImports.get(jobId);
}
