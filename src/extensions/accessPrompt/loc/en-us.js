define([], function () { return { Title: 'Access prompt' }; });
