module.exports = require('../amdLoc')(require.resolve('../../../src/webparts/myAccess/loc/en-us.js'));
