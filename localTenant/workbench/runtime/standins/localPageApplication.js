/*
 * Stand-in for SharePoint's page application, which is not published on npm. SharePoint's loader loads it as the
 * page's Application component (preloadedData.clientSideApplicationId) and calls BaseApplication's _load, which calls
 * onLoad. It does the least a modern page does for Access Hub:
 *  - registers the page's placeholders (<div data-sp-placeholder="Top|Bottom">) so application customizers get them;
 *  - mounts each web part of the page through sp-webpart-base's own web part manager (_ClientSideWebPartManager with a
 *    _MinimalWebPartHost), which loads the component by its manifest and runs onInit and render;
 *  - on an in-site navigation (window.localRuntime.navigate), moves the URL with history.pushState and raises the
 *    navigated event through the runtime's own _Navigator, as SharePoint's page transitions do. (The event for the
 *    first page view is raised by the runtime itself, before it loads the application and the customizers.)
 * Plain ES5 in an AMD define: the loader's RequireJS loads it, and SPFx's classes are ES5 (called as functions).
 */
define(['@microsoft/sp-application-base', '@microsoft/sp-webpart-base', '@microsoft/sp-core-library'], function (appBase, webPartBase, core) {
  'use strict';
  var BaseApplication = appBase.BaseApplication;

  function readPage() {
    var element = document.getElementById('local-runtime-page');
    return element ? JSON.parse(element.textContent || '{}') : { webParts: [] };
  }

  function LocalPageApplication() {
    return BaseApplication.apply(this, arguments) || this;
  }
  LocalPageApplication.prototype = Object.create(BaseApplication.prototype);
  LocalPageApplication.prototype.constructor = LocalPageApplication;
  Object.setPrototypeOf(LocalPageApplication, BaseApplication);

  // SharePoint's application has a page chrome (suite bar, theme manager); this page's chrome is plain HTML.
  LocalPageApplication.prototype._getPageChromeProvider = function () { return undefined; };

  LocalPageApplication.prototype.onLoad = function () {
    var scope = this.context.serviceScope;
    var page = readPage();
    var status = window.localRuntime;
    scope.consume(appBase._PlaceholderManager.serviceKey).registerPlaceholders();
    var host = new webPartBase._MinimalWebPartHost(scope);
    var manager = new webPartBase._ClientSideWebPartManager(host);
    var mounted;
    // Loads every web part of the page through the web part manager, once.
    status.mountWebParts = function () {
      if (mounted) return mounted;
      mounted = Promise.all(page.webParts.map(function (part) {
        return Promise.resolve().then(function () {
          return manager.loadWebPart({
            domElement: document.getElementById(part.elementId),
            instanceId: part.instanceId,
            manifest: page.manifests[part.id],
            displayMode: core.DisplayMode.Read,
            webPartData: { id: part.id, instanceId: part.instanceId, title: part.title, dataVersion: '1.0', properties: part.properties }
          });
        }).then(function () {
          status.mounted.push(part.alias);
        }, function (error) {
          status.errors.push(part.alias + ': ' + (error && (error.message || (error.error && error.error.message)) || String(error)));
        });
      })).then(function () { status.ready = true; });
      return mounted;
    };
    status.navigate = function (url) {
      window.history.pushState({}, '', url);
      appBase._Navigator.raiseNavigatedEvent({ isCrossSite: false, isCrossApp: false });
      status.navigations++;
    };
    // `?deferWebParts=1`: the web parts wait for mountWebParts() (a test loads the customizer's banner first, as a
    // page whose web parts are below the fold does); otherwise they load now, as a modern page's canvas does.
    if (page.deferWebParts) status.ready = true;
    else status.mountWebParts();
    return Promise.resolve();
  };

  return { default: LocalPageApplication, LocalPageApplication: LocalPageApplication };
});
