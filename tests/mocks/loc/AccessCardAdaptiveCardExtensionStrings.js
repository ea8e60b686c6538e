module.exports = require('../amdLoc')(require.resolve('../../../src/adaptiveCardExtensions/accessCard/loc/en-us.js'));
