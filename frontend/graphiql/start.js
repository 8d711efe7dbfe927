// Renders GraphiQL against Ombud's /graphql (same origin only). Paste a token into the headers
// editor: { "Authorization": "Bearer <token>" }. Headers are kept in this tab only, not stored.
(function () {
    const params = new URLSearchParams(window.location.search);
    const url = new URL(params.get('path') || '/graphql', window.location.origin);
    if (url.origin !== window.location.origin) {
        throw new Error('The GraphQL endpoint must be on the same origin as this page');
    }
    const root = ReactDOM.createRoot(document.getElementById('graphiql'));
    root.render(React.createElement(GraphiQL, {
        fetcher: GraphiQL.createFetcher({ url: url.toString() }),
        defaultEditorToolsVisibility: 'headers',
        isHeadersEditorEnabled: true,
        shouldPersistHeaders: false,
        defaultHeaders: '{\n  "Authorization": "Bearer <token from /oauth2/token>"\n}'
    }));
})();
