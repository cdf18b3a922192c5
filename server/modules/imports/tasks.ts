/**
 * In-process background work for imports (checking and committing run after the request answers). The
 * job's state lives in import_jobs, so a page reload or another server process sees it; what lives here is
 * only the running promise (so shutdown can wait for it) and the live stage of a commit.
 */
export interface Tasks {
  /** Runs fn in the background for a job, unless one is already running for it. Returns false then. */
  start(jobId: number, fn: () => Promise<void>): boolean;
  running(jobId: number): boolean;
  /** Waits for everything running (server shutdown, tests). */
  drain(): Promise<void>;
}

export function makeTasks(onError: (jobId: number, err: unknown) => void): Tasks {
  const live = new Map<number, Promise<void>>();
  return {
    start(jobId, fn) {
      if (live.has(jobId)) return false;
      const p = (async () => {
        // Let the request that started the task answer first.
        await new Promise((r) => setImmediate(r));
        await fn();
      })()
        .catch((err) => onError(jobId, err))
        .finally(() => live.delete(jobId));
      live.set(jobId, p);
      return true;
    },
    running: (jobId) => live.has(jobId),
    async drain() {
      while (live.size > 0) await Promise.allSettled([...live.values()]);
    },
  };
}
