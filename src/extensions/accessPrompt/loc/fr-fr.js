define([], function () { return { Title: 'Invitation d’accès' }; });
