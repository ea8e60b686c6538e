'use strict';

const fs = require('fs');
const path = require('path');
const build = require('@microsoft/sp-build-web');

build.addSuppression(`Warning - [sass] The local CSS class 'ms-Grid' is not camelCase and will not be type-safe.`);

var getTasks = build.rig.getTasks;
build.rig.getTasks = function () {
  var result = getTasks.call(build.rig);

  result.set('serve', result.get('serve-deprecated'));

  return result;
};

// The web parts' and the customizer's first scripts are two webpack runtimes that load shared chunks by the same URL
// and share one jsonp array (self.webpackJsonp_<solution id>); each runtime installs every module of every chunk
// pushed there, also the other bundle's chunks, over its own copy. By default webpack trims each module's exports
// per runtime, so one module id could carry different exports in the two bundles and the runtime that started second
// got the other's trimmed copy (the banner or the catalog failed with "... is not a function"; see
// tests/e2e/packagedBundles.spec.ts). 'global' trims with the exports all runtimes use: a module id has the same
// code in every file of the package.
// webpack's own account of the bundles (entry points, chunks, which chunk loads which by import()), for
// scripts/check-sppkg.js: what each kind of page downloads is read from it rather than from the minified output.
const STATS_FILE = path.join(__dirname, 'temp', 'stats', 'webpack-stats.json');
const writeStats = {
  apply(compiler) {
    compiler.hooks.done.tap('AccessHubStats', stats => {
      const json = stats.toJson({ all: false, entrypoints: true, chunks: true, chunkRelations: true, ids: true, hash: true });
      fs.mkdirSync(path.dirname(STATS_FILE), { recursive: true });
      fs.writeFileSync(STATS_FILE, JSON.stringify(json));
    });
  }
};

build.configureWebpack.mergeConfig({
  additionalConfiguration: (config) => {
    config.optimization = Object.assign({}, config.optimization, { usedExports: 'global' });
    config.plugins = (config.plugins || []).concat([writeStats]);
    return config;
  }
});

build.initialize(require('gulp'));
