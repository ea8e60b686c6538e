module.exports = require('../amdLoc')(require.resolve('../../../src/webparts/accessRequestButton/loc/en-us.js'));
