module.exports = require('../amdLoc')(require.resolve('../../../src/webparts/accessCatalog/loc/en-us.js'));
