define([], function () { return { Title: 'Zugriffshinweis' }; });
