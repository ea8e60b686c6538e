/**
 * Stand-ins for the Web Worker that checks answers against a policy's pattern (src/models/answerPattern.ts). jsdom has
 * no Worker: `inProcessPatternWorker` answers as the worker's script does (whole-answer match, an invalid pattern
 * "unchecked"), a moment later; `silentPatternWorker` never answers, as a worker stuck on a catastrophic pattern.
 */
import type { IPatternWorker, PatternWorkerFactory } from '../../../src/models/answerPattern';

export interface IWorkerLog { made: number; terminated: number }

export function inProcessPatternWorker(log: IWorkerLog = { made: 0, terminated: 0 }): PatternWorkerFactory {
  return () => {
    log.made++;
    const worker: IPatternWorker = {
      onmessage: null,
      onerror: null,
      postMessage(message: unknown): void {
        const { p, v } = message as { p: string; v: string };
        let verdict: string;
        try {
          // eslint-disable-next-line @rushstack/security/no-unsafe-regexp -- the test's own patterns
          verdict = new RegExp(`^(?:${p})$`).test(v) ? 'match' : 'mismatch';
        } catch {
          verdict = 'unchecked';
        }
        setTimeout(() => { if (worker.onmessage) worker.onmessage({ data: verdict }); }, 0);
      },
      terminate(): void { log.terminated++; }
    };
    return worker;
  };
}

export function silentPatternWorker(log: IWorkerLog = { made: 0, terminated: 0 }): PatternWorkerFactory {
  return () => {
    log.made++;
    return { onmessage: null, onerror: null, postMessage(): void { /* stuck */ }, terminate(): void { log.terminated++; } };
  };
}
