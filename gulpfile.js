'use strict';

const fs = require('fs');
const path = require('path');
const build = require('@microsoft/sp-build-web');

build.addSuppression(`Warning - [sass] The local CSS class 'ms-Grid' is not camelCase and will not be type-safe.`);

// package-solution takes everything in teams/ into the .sppkg: Access Hub's Teams app package (scripts/teams-app.js)
// is zipped and checked there first, and a copy goes beside the .sppkg for upload in the Teams admin center.
const teamsApp = require('./scripts/teams-app');
const teamsAppZip = build.subTask('teams-app-zip', () => teamsApp.writeZip());
const teamsAppCopy = build.subTask('teams-app-copy', (gulp, buildConfig, done) => { teamsApp.copyBesidePackage(); done(); });

var getTasks = build.rig.getTasks;
build.rig.getTasks = function () {
  var result = getTasks.call(build.rig);

  result.set('serve', result.get('serve-deprecated'));
  const packageSolution = result.get('package-solution');
  result.set('package-solution', Object.assign({}, packageSolution, { executable: build.serial(teamsAppZip, packageSolution.executable, teamsAppCopy) }));

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
// Beside it, each module's id and name: scripts/check-sppkg.js reports the bytes each npm package contributes, and
// scripts/bundle-report.js shows where a page's bytes go.
const MODULE_STATS_FILE = path.join(__dirname, 'temp', 'stats', 'webpack-modules.json');
const writeStats = {
  apply(compiler) {
    compiler.hooks.done.tap('AccessHubStats', stats => {
      const json = stats.toJson({ all: false, entrypoints: true, chunks: true, chunkRelations: true, ids: true, hash: true });
      fs.mkdirSync(path.dirname(STATS_FILE), { recursive: true });
      fs.writeFileSync(STATS_FILE, JSON.stringify(json));
      // Which module id is which file, for check-sppkg.js (bytes per npm package) and bundle-report.js.
      // A module webpack concatenated from several keeps its parts' names and source sizes.
      const modules = stats.toJson({ all: false, modules: true, nestedModules: true, ids: true }).modules || [];
      fs.writeFileSync(MODULE_STATS_FILE, JSON.stringify({
        modules: modules.map(m => ({ id: m.id, name: m.name, parts: (m.modules || []).map(n => ({ name: n.name, size: n.size })) }))
      }));
    });
  }
};

// TypeScript compiles to ES5 without importHelpers, so every module with a class or an async function carries its own
// __extends, __awaiter, __generator… (36 modules, up to 20 copies in one chunk). scripts/tslibHelpersLoader.js
// imports them from tslib instead, which Fluent UI's modules already use, for the modules of the chunks only: not
// src/core/ and src/extensions/ (the customizer's first script, whose code must not change, and which has no tslib),
// nor the web part classes (the web parts' first script; tslib there would be downloaded a second time in the chunks).
// importHelpers in tsconfig.json would do the same everywhere and put all of tslib in the customizer's first script.
const LIB = path.join(__dirname, 'lib');
const helpersFromTslib = {
  test: /\.js$/,
  include: LIB,
  exclude: [path.join(LIB, 'core'), path.join(LIB, 'extensions'), /WebPart\.js$/],
  use: require.resolve('./scripts/tslibHelpersLoader')
};

// webpack's default vendors group, but only for npm modules that several chunks use (minChunks 2). By default every npm
// module of an import()ed chunk went to a vendors chunk of its own, also those only the web parts' roots use (List,
// Pivot, TooltipHost, SearchBox): one more file, always loaded with the roots, compressed apart from them (about
// 0.7 KB gzipped more than in the roots' chunk). What the banner and the web parts share still goes to shared chunks.
const vendorsOfSeveralChunks = { idHint: 'vendors', test: /[\\/]node_modules[\\/]/i, priority: -10, reuseExistingChunk: true, minChunks: 2 };

// The AccessCard (a Viva Connections dashboard card, its own bundle) is built in a webpack layer of its own: the services,
// mappers and PnPjs it shares with the web parts and the banner are separate module instances in its chunks. Without it,
// modules the card also imports can no longer be concatenated into the web parts' and the banner's chunks (their
// importers in the card sit outside those concatenations), and a SharePoint page with web parts and the banner grew by
// 1.1 KB gzipped (webpack regrouped shared modules by which of the three bundles use them: 2.5 KB without exclusion).
// https://webpack.js.org/configuration/entry-context/#layer
function cardInItsOwnLayer(config) {
  if (!config.entry || !config.entry['access-card']) return;
  config.experiments = Object.assign({}, config.experiments, { layers: true });
  config.entry['access-card'] = Object.assign({}, config.entry['access-card'], { layer: 'access-card' });
}

build.configureWebpack.mergeConfig({
  additionalConfiguration: (config) => {
    config.optimization = Object.assign({}, config.optimization, { usedExports: 'global' });
    config.plugins = (config.plugins || []).concat([writeStats]);
    config.module.rules.push(helpersFromTslib);
    cardInItsOwnLayer(config);
    const splitChunks = config.optimization.splitChunks || {};
    config.optimization.splitChunks = Object.assign({}, splitChunks, {
      cacheGroups: Object.assign({}, splitChunks.cacheGroups, { defaultVendors: vendorsOfSeveralChunks })
    });
    return config;
  }
});

build.initialize(require('gulp'));
