// Runs each background worker in a loop: a pass, then a pause unless the pass found work.
// One set of loops per process: under `ponder dev` a reload stops the previous loops first
// (the handle lives on globalThis), and workers claim rows atomically, so several processes
// may run them side by side.
import type { Logger } from "pino";
import type { Worker } from "./module.js";

export interface WorkerLoops {
  stop(): Promise<void>;
}

export function startWorkers(workers: Worker[], pollMs: number, log: Logger): WorkerLoops {
  let running = true;
  const sleepers = new Set<() => void>();
  const loops = workers.map(async (worker) => {
    while (running) {
      let handled = 0;
      try {
        handled = await worker.tick();
      } catch (error) {
        log.error({ worker: worker.name, err: error }, "worker pass failed");
      }
      if (handled === 0 && running) {
        await new Promise<void>((resolve) => {
          const wake = () => {
            clearTimeout(timer);
            sleepers.delete(wake);
            resolve();
          };
          const timer = setTimeout(wake, pollMs);
          sleepers.add(wake);
        });
      }
    }
  });
  return {
    async stop() {
      running = false;
      for (const wake of [...sleepers]) wake();
      await Promise.allSettled(loops);
      await Promise.allSettled(workers.map((worker) => worker.drain?.()));
    },
  };
}
