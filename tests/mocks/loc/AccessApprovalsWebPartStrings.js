module.exports = require('../amdLoc')(require.resolve('../../../src/webparts/accessApprovals/loc/en-us.js'));
