module.exports = require('../amdLoc')(require.resolve('../../../src/extensions/accessPrompt/loc/en-us.js'));
