/**
 * The property names of Graph's types, read from `@microsoft/microsoft-graph-types` (its one .d.ts), so
 * contract tests can check at run time that every property the local tenant emits is one Graph declares.
 */
import * as fs from 'fs';

interface IType { props: Set<string>; base?: string }

let cache: Map<string, IType> | undefined;

function load(): Map<string, IType> {
  if (cache) return cache;
  const file = require.resolve('@microsoft/microsoft-graph-types/microsoft-graph.d.ts');
  const text = fs.readFileSync(file, 'utf8');
  const types = new Map<string, IType>();
  let current: IType | undefined;
  for (const line of text.split('\n')) {
    const head = /^export interface (\w+)(?:<[^>]*>)?(?: extends (\w+)[^{]*)? \{(\})?/.exec(line);
    if (head) {
      const type: IType = { props: new Set<string>(), base: head[2] };
      types.set(head[1], type);
      current = head[3] ? undefined : type; // `{}` on the same line: an empty interface
      continue;
    }
    if (!current) continue;
    if (/^\}/.test(line)) { current = undefined; continue; }
    const prop = /^\s{4}"?([@\w.-]+)"?\??:/.exec(line);
    if (prop) current.props.add(prop[1]);
  }
  cache = types;
  return types;
}

/** Every property of a Graph type, its base types' included. */
export function graphProperties(typeName: string): Set<string> {
  const types = load();
  const all = new Set<string>();
  for (let t = types.get(typeName); t; t = t.base ? types.get(t.base) : undefined) t.props.forEach(p => all.add(p));
  if (all.size === 0) throw new Error(`no type ${typeName} in @microsoft/microsoft-graph-types`);
  return all;
}

/** The properties of `obj` that the Graph type does not declare (OData annotations and known gaps aside). */
export function undeclared(obj: Record<string, unknown>, typeName: string, knownGaps: string[] = []): string[] {
  const props = graphProperties(typeName);
  return Object.keys(obj).filter(k => !k.startsWith('@odata.') && !k.includes('@odata.') && !props.has(k) && knownGaps.indexOf(k) < 0);
}
