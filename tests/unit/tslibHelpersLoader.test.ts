/**
 * scripts/tslibHelpersLoader.js (gulpfile.js): the chunks' modules import TypeScript's ES5 helpers from tslib instead of
 * carrying their own copies. The loader must keep the module's lines (its source map stays valid), take out only
 * TypeScript's helper declarations, and the module must behave as before.
 */
import * as ts from 'typescript';

type Loader = (this: { callback: (error: Error | null, code: string, map?: unknown) => void }, source: string, map?: unknown) => void;
// eslint-disable-next-line @typescript-eslint/no-var-requires
const loader: Loader = require('../../scripts/tslibHelpersLoader');

const SOURCE = `
export class Base { public name(): string { return 'base'; } }
export class Derived extends Base {
  public async greet(who: Promise<string>): Promise<string> {
    const parts = [...[await who], 'and', ...['you']];
    return { ...{ text: parts.join(' ') } }.text + ' from ' + this.name();
  }
}
// var __assign = "a comment, not a helper";
export const __notAHelper = 1;
`;

/** What the SPFx build compiles: ES5, ES modules, no importHelpers. */
const compiled = ts.transpileModule(SOURCE, { compilerOptions: { target: ts.ScriptTarget.ES5, module: ts.ModuleKind.ESNext } }).outputText;

function load(source: string, map?: unknown): { code: string; map: unknown } {
  let out: { code: string; map: unknown } | undefined;
  loader.call({ callback: (error, code, m) => { if (error) throw error; out = { code, map: m }; } }, source, map);
  if (!out) throw new Error('the loader did not answer');
  return out;
}

describe('tslibHelpersLoader', () => {
  it('replaces TypeScript\'s helpers with imports from tslib and keeps every line', () => {
    expect(compiled).toMatch(/^var __extends = \(this && this\.__extends\)/m);
    const map = { version: 3 };
    const { code, map: mapOut } = load(compiled, map);
    expect(mapOut).toBe(map);
    for (const helper of ['__extends', '__assign', '__awaiter', '__generator', '__spreadArray']) {
      expect(code).not.toMatch(new RegExp(`^var ${helper} =`, 'm'));
    }
    // The import takes the first helper's line; the helpers' other lines are emptied, not removed: every other line is
    // where it was.
    const before = compiled.split('\n');
    const after = code.split('\n');
    expect(after[0]).toBe("import { __extends, __assign, __awaiter, __generator, __spreadArray } from 'tslib';");
    expect(after).toHaveLength(before.length);
    before.forEach((line, i) => { if (i > 0 && after[i] !== '') expect(after[i]).toBe(line); });
    expect(after.filter(line => line !== '').length).toBeGreaterThan(10);
    expect(code).toContain('// var __assign = "a comment, not a helper";');
    expect(code).toContain('export var __notAHelper = 1;');
  });

  it('leaves a module without helpers as it is', () => {
    const plain = 'export function add(a, b) { return a + b; }\n';
    expect(load(plain).code).toBe(plain);
  });

  it('the module works the same with tslib\'s helpers', async () => {
    const asCommonJs = (code: string): Record<string, unknown> => {
      const js = ts.transpileModule(code, { compilerOptions: { target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.CommonJS } }).outputText;
      const exports: Record<string, unknown> = {};
      // eslint-disable-next-line no-new-func
      new Function('exports', 'require', js)(exports, require);
      return exports;
    };
    for (const code of [compiled, load(compiled).code]) {
      const { Derived } = asCommonJs(code) as { Derived: new () => { greet(who: Promise<string>): Promise<string> } };
      await expect(new Derived().greet(Promise.resolve('me'))).resolves.toBe('me and you from base');
    }
  });
});
