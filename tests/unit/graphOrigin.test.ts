/** Which Graph the page's tenant uses: `legacyPageContext.msGraphEndpointUrl` → the origin requests and tokens use. */
import { DEFAULT_GRAPH_ORIGIN, graphOrigin } from '../../src/core/graphOrigin';
import { myAccessOrigin } from '../../src/services/createSpfxServices';

describe('graphOrigin', () => {
  it.each([
    ['graph.microsoft.com', 'https://graph.microsoft.com'],
    ['graph.microsoft.us', 'https://graph.microsoft.us'],
    ['dod-graph.microsoft.us', 'https://dod-graph.microsoft.us'],
    ['microsoftgraph.chinacloudapi.cn', 'https://microsoftgraph.chinacloudapi.cn'],
    ['  Graph.Microsoft.US  ', 'https://graph.microsoft.us'],
    ['graph.microsoft.us/', 'https://graph.microsoft.us'],
    ['graph.microsoft.us/v1.0', 'https://graph.microsoft.us']
  ])('a national cloud host %p → %p', (value, origin) => {
    expect(graphOrigin(value)).toBe(origin);
  });

  it.each([
    ['http://localhost:4400', 'http://localhost:4400'],
    ['http://localhost:4400/', 'http://localhost:4400'],
    ['http://localhost:4400/v1.0/', 'http://localhost:4400'],
    ['https://graph.microsoft.us', 'https://graph.microsoft.us'],
    ['HTTP://127.0.0.1:8080/some/path', 'http://127.0.0.1:8080'],
    ['localhost:4400', 'https://localhost:4400']
  ])('a value with a scheme or port keeps its origin: %p → %p', (value, origin) => {
    expect(graphOrigin(value)).toBe(origin);
  });

  it.each([undefined, '', '   '])('absent or empty (%p): the global service', value => {
    expect(graphOrigin(value)).toBe(DEFAULT_GRAPH_ORIGIN);
    expect(DEFAULT_GRAPH_ORIGIN).toBe('https://graph.microsoft.com');
  });

  it.each([
    'javascript:alert(1)', 'ftp://graph.microsoft.us', '//graph.microsoft.us', 'https://user@evil.example',
    'https://graph.microsoft.us?x=1', 'graph.microsoft.us#x', 'graph microsoft us', 'https://', 'graph..microsoft.us',
    '-graph.microsoft.us', 'graph.microsoft.us:port', 'https://graph.microsoft.us\\@evil.example', '<script>',
    'data:text/html,hi', 'graph.microsoft.us/\nInjected: 1'
  ])('garbage (%p): the global service, no throw', value => {
    expect(graphOrigin(value)).toBe(DEFAULT_GRAPH_ORIGIN);
  });

  it('a non-string (the page context is untyped): the global service', () => {
    expect(graphOrigin(42 as unknown as string)).toBe(DEFAULT_GRAPH_ORIGIN);
    expect(graphOrigin({} as unknown as string)).toBe(DEFAULT_GRAPH_ORIGIN);
  });
});

describe('myAccessOrigin', () => {
  it('the US Government clouds (GCC High, DoD) use myaccess.microsoft.us; the others the global My Access', () => {
    expect(myAccessOrigin('https://graph.microsoft.us')).toBe('https://myaccess.microsoft.us');
    expect(myAccessOrigin('https://dod-graph.microsoft.us')).toBe('https://myaccess.microsoft.us');
    expect(myAccessOrigin('https://graph.microsoft.com')).toBe('https://myaccess.microsoft.com');
    expect(myAccessOrigin('https://microsoftgraph.chinacloudapi.cn')).toBe('https://myaccess.microsoft.com');
    expect(myAccessOrigin('http://localhost:4400')).toBe('https://myaccess.microsoft.com');
  });
});
