/**
 * The lint rules that keep server text out of markup and strings out of code are errors in src/, and they fire:
 * each sample below is linted as if it were a file of src/ with the project's own .eslintrc.js.
 */
import * as path from 'path';
import { ESLint, Linter } from 'eslint';

const root = path.join(__dirname, '..', '..');
// A file that exists in the TypeScript project, so the typed rules can run; its text is replaced by each sample.
const asFile = path.join(root, 'src', 'components', 'format.ts');
const asTsx = path.join(root, 'src', 'components', 'StatusBadge.tsx');

// Only the rules under test, as the project's .eslintrc.js configures them for a file in src/, run on each sample
// (without type information, which would build the whole TypeScript program for every sample).
const SECURITY_RULES = ['no-eval', 'no-new-func', 'no-implied-eval', '@typescript-eslint/no-implied-eval', 'no-script-url',
  'react/no-danger', 'no-restricted-syntax'];
const UNTYPED = SECURITY_RULES.filter((r) => r !== '@typescript-eslint/no-implied-eval');

let configured: Record<string, unknown> = {};
// ESLint 8's eslintrc API (this project's lint runs on it); the installed type definitions describe ESLint 9.
type EslintrcLinter = Linter & { defineParser(name: string, parser: unknown): void; defineRule(name: string, rule: unknown): void };
const linter = new Linter() as EslintrcLinter;

beforeAll(async () => {
  const project = new ESLint({ cwd: root, useEslintrc: true } as ConstructorParameters<typeof ESLint>[0]);
  configured = ((await project.calculateConfigForFile(asTsx)) as { rules: Record<string, unknown> }).rules;
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  linter.defineParser('typescript', require('@typescript-eslint/parser'));
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  linter.defineRule('react/no-danger', require('eslint-plugin-react').rules['no-danger']);
}, 120000);

function errorsIn(code: string, file: string): string[] {
  const config = {
    parser: 'typescript',
    parserOptions: { ecmaVersion: 2018, sourceType: 'module', ecmaFeatures: { jsx: true } },
    rules: Object.fromEntries(UNTYPED.map((r) => [r, configured[r]]))
  } as unknown as Linter.Config;
  return linter.verify(code, config, { filename: file }).filter((m) => m.severity === 2).map((m) => m.ruleId ?? m.message);
}

function severity(entry: unknown): unknown {
  return Array.isArray(entry) ? entry[0] : entry;
}

const samples: Array<[string, string, string, string]> = [
  ['eval', 'export function run(s: string): unknown { return eval(s); }\n', 'no-eval', asFile],
  ['new Function', 'export function make(s: string): unknown { return new Function(s); }\n', 'no-new-func', asFile],
  ['implied eval', 'export function later(): void { setTimeout(\'alert(1)\', 10); }\n', 'no-implied-eval', asFile],
  ['javascript: URL', 'export const href: string = \'javascript:alert(1)\';\n', 'no-script-url', asFile],
  ['innerHTML', 'export function put(el: HTMLElement, s: string): void { el.innerHTML = s; }\n', 'no-restricted-syntax', asFile],
  ['insertAdjacentHTML', 'export function put(el: HTMLElement, s: string): void { el.insertAdjacentHTML(\'beforeend\', s); }\n', 'no-restricted-syntax', asFile],
  ['dangerouslySetInnerHTML (JSX)',
    'import * as React from \'react\';\nexport const X: React.FC<{ s: string }> = ({ s }) => <div dangerouslySetInnerHTML={{ __html: s }} />;\n',
    'react/no-danger', asTsx],
  ['dangerouslySetInnerHTML (createElement)',
    'import * as React from \'react\';\nexport function x(s: string): React.ReactElement { return React.createElement(\'div\', { dangerouslySetInnerHTML: { __html: s } }); }\n',
    'no-restricted-syntax', asTsx]
];

describe('security lint rules in src/', () => {
  it.each(SECURITY_RULES)('%s is an error for every file in src/', (rule) => {
    expect([2, 'error']).toContain(severity(configured[rule]));
  });

  it.each(samples)('%s is an error', (_name, code, rule, file) => {
    expect(errorsIn(code, file)).toContain(rule);
  });

  it('text rendered as React children passes', () => {
    const ok = 'import * as React from \'react\';\nexport const X: React.FC<{ s: string }> = ({ s }) => <div>{s}</div>;\n';
    expect(errorsIn(ok, asTsx)).toEqual([]);
  });
});
