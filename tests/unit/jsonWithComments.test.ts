/** The workbench reads SPFx's config and manifest files (JSON with comments and trailing commas) with jsonc-parser. */
import { parseJsonWithComments } from '../../localTenant/workbench/locPlugin';

describe('parseJsonWithComments', () => {
  it('reads comments and trailing commas as SPFx files have them', () => {
    expect(parseJsonWithComments('{\n  // a line comment\n  "a": 1, /* a block */ "b": [1, 2,],\n}')).toEqual({ a: 1, b: [1, 2] });
  });

  it('leaves strings alone, also when they hold what looks like a comment or a trailing comma', () => {
    // The hand-written stripper it replaces turned ",}" inside a string into "}".
    expect(parseJsonWithComments('{ "title": "a,}b", "url": "https://x//y", "c": "/* no */" }'))
      .toEqual({ title: 'a,}b', url: 'https://x//y', c: '/* no */' });
  });

  it('says where a syntax error is', () => {
    expect(() => parseJsonWithComments('{ "a": 1 "b": 2 }')).toThrow(/CommaExpected at offset \d+/);
  });
});
