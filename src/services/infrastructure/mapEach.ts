import { GraphShapeError } from '../../core/model/graphShapes';
import { AppError } from './AppError';
import { reportError } from './reportError';

/**
 * Maps every item of a collection on its own. An item the mapper rejects (GraphShapeError: no id, no package, as when
 * an expansion is refused or trimmed) or that is not an object at all is one Graph object the product cannot use: it
 * is left out, so one odd object does not take the whole list down. Each kind of problem is reported once per read
 * through `reportError` (with how many items it left out), not once per item. Anything else still fails the read.
 */
export function mapEach<TIn, TOut>(source: string, items: readonly TIn[], map: (item: TIn) => TOut): TOut[] {
  const out: TOut[] = [];
  const problems = new Map<string, number>();
  for (const item of items) {
    try {
      if (item === null || typeof item !== 'object') throw new GraphShapeError('collection', 'an object for one of its items');
      out.push(map(item));
    } catch (e) {
      if (!(e instanceof GraphShapeError)) throw e;
      problems.set(e.message, (problems.get(e.message) || 0) + 1);
    }
  }
  problems.forEach((count, message) => {
    reportError(source, new AppError('unknown', 0, 'GraphShape', `${message} ${count === 1 ? 'One item was' : `${count} items were`} left out.`));
  });
  return out;
}
