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
 *  - in edit mode (`?edit=1` for a person with Edit or Full Control on the site), mounts the web parts in
 *    DisplayMode.Edit: the web part manager then loads the property pane module (standins/propertyPane.js, whose
 *    _ConfigurableOptionsController renders the pane) and registers each web part with it. Each web part gets an
 *    "Edit web part" button (the manager's requestPropertyPaneAction(instanceId, 'Open'), as SharePoint's canvas
 *    toolbar), and the page's "Republish" button saves the web parts' serialized data (the manager's serialize()) with
 *    SharePoint's SavePageAsDraft and Publish (`{web}/_api/sitepages/pages({id})/…`, by the session cookie).
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
    var displayMode = page.editMode ? core.DisplayMode.Edit : core.DisplayMode.Read;
    status.editMode = !!page.editMode;
    // Loads every web part of the page through the web part manager, once.
    status.mountWebParts = function () {
      if (mounted) return mounted;
      mounted = Promise.all(page.webParts.map(function (part) {
        return Promise.resolve().then(function () {
          return manager.loadWebPart({
            domElement: document.getElementById(part.elementId),
            instanceId: part.instanceId,
            manifest: page.manifests[part.id],
            displayMode: displayMode,
            webPartData: { id: part.id, instanceId: part.instanceId, title: part.title, dataVersion: '1.0', properties: part.properties }
          });
        }).then(function () {
          if (page.editMode) addEditButton(manager, part);
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
    if (page.editMode) {
      status.save = function () { return savePage(manager, page); };
      var saveButton = document.getElementById('wb-save');
      if (saveButton) {
        saveButton.addEventListener('click', function () {
          saveButton.disabled = true;
          say('Saving the page\u2026');
          status.save().then(function () {
            say('Saved and published.');
            // Back to the page in read mode, as SharePoint's Republish leaves edit mode.
            window.location.assign(readModeUrl());
          }, function (e) {
            saveButton.disabled = false;
            say('The page was not saved: ' + errorText(e));
          });
        });
      }
    }
    // `?deferWebParts=1`: the web parts wait for mountWebParts() (a test loads the customizer's banner first, as a
    // page whose web parts are below the fold does); otherwise they load now, as a modern page's canvas does.
    if (page.editMode) {
      // Republish once every web part has loaded (there is nothing to save before).
      status.mountWebParts().then(function () {
        var button = document.getElementById('wb-save');
        if (button) button.disabled = false;
      });
    } else if (page.deferWebParts) status.ready = true;
    else status.mountWebParts();
    return Promise.resolve();
  };

  function errorText(e) {
    return e && (e.message || (e.error && e.error.message)) || String(e);
  }

  function say(text) {
    var node = document.getElementById('wb-edit-status');
    if (node) node.textContent = text;
  }

  function readModeUrl() {
    var url = new URL(window.location.href);
    url.searchParams.delete('edit');
    return url.pathname + url.search;
  }

  /** SharePoint's canvas toolbar, reduced to its "Edit web part" button: opens the pane through the web part manager. */
  function addEditButton(manager, part) {
    var slot = document.getElementById(part.elementId);
    if (!slot || !slot.parentNode) return;
    var bar = document.createElement('div');
    bar.className = 'wb-webpart-toolbar';
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'wb-edit-webpart';
    button.textContent = 'Edit web part';
    button.setAttribute('data-edit-webpart', part.instanceId);
    button.addEventListener('click', function () { manager.requestPropertyPaneAction(part.instanceId, 'Open'); });
    bar.appendChild(button);
    slot.parentNode.insertBefore(bar, slot);
  }

  /**
   * Saves the page's web parts as SharePoint's page editor does: the web part manager serializes each web part
   * (BaseClientSideWebPart's _internalSerialize: id, instanceId, title, dataVersion, properties), the controls go into
   * CanvasContent1 in page order, and the page is saved as a draft then published. The session cookie authenticates
   * it (SharePoint's FedAuth), with the page's form digest.
   */
  function savePage(manager, page) {
    var data = manager.serialize();
    var controls = page.webParts.map(function (part, i) {
      var webPartData = data.get(part.instanceId);
      if (!webPartData) throw new Error(part.alias + ' has not loaded: nothing to save');
      return {
        controlType: 3, id: part.instanceId, webPartId: part.id,
        position: { zoneIndex: 1, sectionIndex: 1, controlIndex: i + 1, layoutIndex: 1 },
        webPartData: webPartData
      };
    });
    var base = page.webUrl + '/_api/sitepages/pages(' + page.pageId + ')/';
    var digest = page.formDigestValue || '';
    var post = function (url, body) {
      return fetch(url, {
        method: 'POST', credentials: 'same-origin',
        headers: { 'Accept': 'application/json;odata=nometadata', 'Content-Type': 'application/json;odata=nometadata', 'X-RequestDigest': digest },
        body: body === undefined ? undefined : JSON.stringify(body)
      }).then(function (res) {
        if (res.ok) return res;
        return res.json().then(function (b) {
          var m = b && b['odata.error'] && b['odata.error'].message && b['odata.error'].message.value;
          throw new Error(res.status + (m ? ': ' + m : ''));
        }, function () { throw new Error(String(res.status)); });
      });
    };
    return post(base + 'SavePageAsDraft', { CanvasContent1: JSON.stringify(controls) })
      .then(function () { return post(base + 'Publish'); })
      .then(function () { return undefined; });
  }

  return { default: LocalPageApplication, LocalPageApplication: LocalPageApplication };
});
