/*
 * Stand-in for the network between the browser and Entra's instance discovery. SharePoint's MSAL asks
 * https://login.microsoftonline.com/common/discovery/instance about any sign-in authority it does not know (ours is
 * the local tenant), and nothing here reaches the internet. This service worker, registered by the runtime page for
 * the local tenant's origin, answers that one request from the local tenant's own discovery endpoint
 * (GET /common/discovery/instance). Every other request goes to the network untouched.
 */
self.addEventListener('install', function () { self.skipWaiting(); });
self.addEventListener('activate', function (event) { event.waitUntil(self.clients.claim()); });
self.addEventListener('fetch', function (event) {
  var url = new URL(event.request.url);
  if (url.hostname === 'login.microsoftonline.com' && url.pathname === '/common/discovery/instance') {
    event.respondWith(fetch(self.location.origin + '/common/discovery/instance' + url.search));
  }
});
