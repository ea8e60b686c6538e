module.exports = require('../amdLoc')(require.resolve('../../../src/loc/en-us.js'));
