// A webpack loader (gulpfile.js): replaces the helpers TypeScript writes into every compiled module that needs them
// (`var __awaiter = (this && this.__awaiter) || function ...`, __generator, __extends, __assign, __spreadArray; the
// target is ES5) with imports of the same helpers from tslib, so a chunk holds each helper once instead of once per
// module. Lines are kept (the import takes the first helper's line, the helpers' other lines are emptied), so the module's
// source map stays valid.
'use strict';
const acorn = require('acorn');

function helperName(node) {
  if (node.type !== 'VariableDeclaration' || node.declarations.length !== 1) return undefined;
  const { id, init } = node.declarations[0];
  if (id.type !== 'Identifier' || !/^__[A-Za-z]+$/.test(id.name) || !init) return undefined;
  // `(this && this.__name) || <the helper>`, as TypeScript emits it
  const guard = init.type === 'LogicalExpression' && init.operator === '||' ? init.left : undefined;
  const ok = guard && guard.type === 'LogicalExpression' && guard.operator === '&&' && guard.left.type === 'ThisExpression'
    && guard.right.type === 'MemberExpression' && guard.right.object.type === 'ThisExpression'
    && guard.right.property.type === 'Identifier' && guard.right.property.name === id.name;
  return ok ? id.name : undefined;
}

module.exports = function tslibHelpersLoader(source, map) {
  const helpers = [];
  for (const node of acorn.parse(source, { ecmaVersion: 'latest', sourceType: 'module' }).body) {
    const name = helperName(node);
    if (name) helpers.push({ name, start: node.start, end: node.end });
  }
  if (!helpers.length) {
    this.callback(null, source, map);
    return;
  }
  // The import takes the first helper's first line (TypeScript writes the helpers first); the helpers' other lines stay,
  // emptied.
  let out = '';
  let at = 0;
  for (const [i, h] of helpers.entries()) {
    const lines = source.slice(h.start, h.end).replace(/[^\n]/g, '');
    out += source.slice(at, h.start) + (i === 0 ? `import { ${helpers.map(x => x.name).join(', ')} } from 'tslib';` : '') + lines;
    at = h.end;
  }
  out += source.slice(at);
  this.callback(null, out, map);
};
