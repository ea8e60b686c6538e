/**
 * A policy's `regexPattern` checked against an answer without freezing the page. The pattern is an administrator's
 * and runs on JavaScript's backtracking engine, where a pattern like `(a+)+$` can take minutes on a short answer: so it
 * runs in a Web Worker, with a time budget, and the worker is stopped when the budget is spent. The verdict is then
 * "unchecked": the person is told the format could not be checked here, and Graph, which checks it again on submit,
 * remains the judge. Where no worker can be made (a browser policy, a test environment) every verdict is "unchecked".
 */

export type PatternVerdict = 'match' | 'mismatch' | 'unchecked';

/** How long one check may take. A sane pattern answers in well under a millisecond. */
export const PATTERN_BUDGET_MS = 250;

/** The part of a Worker the check uses (tests pass their own). */
export interface IPatternWorker {
  // eslint-disable-next-line @rushstack/no-new-null -- the DOM's Worker types these handlers so
  onmessage: ((e: { data: unknown }) => void) | null;
  // eslint-disable-next-line @rushstack/no-new-null -- the DOM's Worker types these handlers so
  onerror: ((e: unknown) => void) | null;
  postMessage(message: unknown): void;
  terminate(): void;
}

export type PatternWorkerFactory = () => IPatternWorker | undefined;

// Graph matches the whole answer (docs/graph-notes.md §3.3); an invalid pattern is "unchecked", never an error.
const WORKER_SOURCE = 'onmessage=function(e){var r;try{r=new RegExp("^(?:"+e.data.p+")$").test(e.data.v)?"match":"mismatch"}' +
  'catch(x){r="unchecked"}postMessage(r)}';

let workerUrl: string | undefined;

/** A worker from a blob: no file to deploy; undefined where the page's policy or the environment forbids it. */
export const browserPatternWorker: PatternWorkerFactory = () => {
  try {
    if (typeof Worker === 'undefined' || typeof Blob === 'undefined' || typeof URL === 'undefined' || !URL.createObjectURL) return undefined;
    workerUrl = workerUrl || URL.createObjectURL(new Blob([WORKER_SOURCE], { type: 'text/javascript' }));
    return new Worker(workerUrl) as unknown as IPatternWorker;
  } catch {
    return undefined;
  }
};

/** Checks one answer against one pattern within the budget. Never rejects. */
export function checkPattern(pattern: string, value: string, makeWorker: PatternWorkerFactory = browserPatternWorker,
  budgetMs: number = PATTERN_BUDGET_MS): Promise<PatternVerdict> {
  return new Promise<PatternVerdict>(resolve => {
    const worker = makeWorker();
    if (!worker) {
      resolve('unchecked');
      return;
    }
    const run: { done: boolean; timer?: ReturnType<typeof setTimeout> } = { done: false };
    const finish = (verdict: PatternVerdict): void => {
      if (run.done) return;
      run.done = true;
      clearTimeout(run.timer);
      worker.terminate();
      resolve(verdict);
    };
    run.timer = setTimeout(() => finish('unchecked'), budgetMs);
    worker.onmessage = e => finish(e.data === 'match' || e.data === 'mismatch' ? e.data : 'unchecked');
    worker.onerror = () => finish('unchecked');
    try {
      worker.postMessage({ p: pattern, v: value });
    } catch {
      finish('unchecked');
    }
  });
}

/** The key of one check: the same pattern and answer are checked once. */
export const patternKey = (pattern: string, value: string): string => `${pattern}\u0000${value}`;
