/* Stand-in for a SharePoint-internal module that npm does not ship and nothing on these pages uses: an empty module. */
define([], function () { 'use strict'; return {}; });
