// Loc files are AMD modules (`define([], function () { return {...}; })`), as SPFx serves them.
// Jest loads them by evaluating the file with a local `define`, so tests assert the real en-us text.
const fs = require('fs');

module.exports = function loadAmdStrings(file) {
  const source = fs.readFileSync(file, 'utf8');
  let result;
  const define = (deps, factory) => { result = typeof deps === 'function' ? deps() : factory(); };
  new Function('define', source)(define);
  return result;
};
