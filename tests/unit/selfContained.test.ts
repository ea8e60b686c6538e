/**
 * The repository holds everything a clone needs: no tracked file may point at a folder beside the repo (the
 * old shared docs and fixtures) or at a path that only exists on one machine. And every section of
 * docs/graph-notes.md that a comment cites must exist there.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
// npm writes resolved paths and registry URLs there; it is generated, not written by us.
const EXEMPT = new Set(['package-lock.json']);
// What a walk must not descend into when git is absent (a tarball): installed, built or generated trees.
const SKIP_DIRS = new Set(['.git', 'node_modules', 'lib', 'lib-commonjs', 'dist', 'temp', 'release', 'coverage', 'jest-output', '.heft']);

/** Forbidden references, each with why. Built so that this file does not contain what it forbids. */
const FORBIDDEN: Array<[RegExp, string]> = [
  [new RegExp(['\\.\\.', '[\\\\/]shared\\b'].join('')), 'a folder beside the repository'],
  [new RegExp(['(?<![\\w.-])', '/wo', 'rk/'].join('')), 'an absolute path of one machine'],
  [new RegExp(['(?<![\\w.-])', '/(home|Users)/[\\w.-]+'].join('')), 'a home directory'],
  [new RegExp(['(?<![\\w.-])', '/ro', 'ot/'].join('')), 'root\'s home directory'],
  [new RegExp(['(?<![\\w.-])', '/(private/)?var/folders/'].join('')), 'a macOS temporary directory'],
  [new RegExp(['\\b[A-Za-z]:', '[\\\\/]+(Users|Documents and Settings)[\\\\/]'].join(''), 'i'), 'a Windows profile directory']
];

/**
 * What a comment may not cite: a document that is not in the repository, or the tracker's issue numbers and their
 * closing conditions, which nobody reading the code can see. (Code and tests only: the README may name issues.)
 */
const UNCITABLE: Array<[RegExp, string]> = [
  [new RegExp(['graph-', 'contract\\.md'].join('')), 'a document that is not in the repository (docs/graph-notes.md is)'],
  [new RegExp(['\\b[Ii]ssue', 's? #?\\d+'].join('')), "the tracker's issue numbers"],
  [new RegExp(['Done[- ]', 'when'].join(''), 'i'), "the tracker's closing conditions"]
];
const CODE = /^(src|tests|localTenant|scripts)\/.*\.(ts|tsx|js)$/;

function gitFiles(): string[] | undefined {
  try {
    const out = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return out.split('\0').filter(Boolean);
  } catch {
    return undefined; // no git, or not a work tree: walk instead
  }
}

function walkFiles(dir: string = ROOT, prefix: string = ''): string[] {
  const files: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix + entry.name;
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) files.push(...walkFiles(path.join(dir, entry.name), rel + '/'));
    } else if (entry.isFile()) {
      files.push(rel);
    }
  }
  return files;
}

function textOf(rel: string): string | undefined {
  const full = path.join(ROOT, rel);
  if (!fs.existsSync(full)) return undefined; // deleted in the work tree but not yet committed
  const buffer = fs.readFileSync(full);
  return buffer.includes(0) ? undefined : buffer.toString('utf8'); // binary (icons)
}

/** Every line of `list` that one of `patterns` matches, as `file:line: "match" (why)`. */
function offendingLines(list: string[], patterns: Array<[RegExp, string]>): string[] {
  const offending: string[] = [];
  for (const rel of list) {
    const text = textOf(rel);
    if (text === undefined) continue;
    text.split(/\r?\n/).forEach((line, i) => {
      for (const [pattern, why] of patterns) {
        const m = pattern.exec(line);
        if (m) offending.push(`${rel}:${i + 1}: "${m[0]}" (${why})`);
      }
    });
  }
  return offending;
}

const files = (gitFiles() ?? walkFiles()).filter(f => !EXEMPT.has(path.basename(f)));

describe('the repository is self-contained', () => {
  it('finds the files it checks (git ls-files, else a walk of the tree)', () => {
    expect(files).toEqual(expect.arrayContaining(['package.json', 'localTenant/fixtures/contoso.json', 'docs/graph-notes.md']));
  });

  it('the walk used without git sees every tracked file', () => {
    const tracked = gitFiles();
    if (!tracked) return; // nothing to compare against without git; the walk is then what runs above
    const walked = new Set(walkFiles());
    expect(tracked.filter(f => fs.existsSync(path.join(ROOT, f)) && !walked.has(f))).toEqual([]);
  });

  it('no file names a path outside the repository or on one machine', () => {
    expect(offendingLines(files, FORBIDDEN)).toEqual([]);
  });

  it('code cites only the repository\'s own documents, not a tracker nobody reading it can see', () => {
    expect(offendingLines(files.filter(f => CODE.test(f) && !/[\\/]dist[\\/]/.test(f)), UNCITABLE)).toEqual([]);
  });

  it('recognises the citations it forbids', () => {
    const samples = ['(graph-' + 'contract.md §12)', 'MyAccess (iss' + 'ue 9)', 'iss' + 'ue #3', 'Iss' + "ue 11's " + '"Done ' + 'when"', 'the Done' + '-when banners'];
    for (const sample of samples) expect({ sample, hit: UNCITABLE.some(([p]) => p.test(sample)) }).toEqual({ sample, hit: true });
    const fine = ['docs/graph-notes.md §12', 'an issued token', 'tissue 9'];
    for (const sample of fine) expect({ sample, hit: UNCITABLE.some(([p]) => p.test(sample)) }).toEqual({ sample, hit: false });
  });

  it('recognises what it forbids', () => {
    const samples = ['see ' + '..' + '/shared/x', 'C:' + '\\Users\\ana', '/ho' + 'me/ana/x', '/Us' + 'ers/ana/x', '/wo' + 'rk/x'];
    for (const sample of samples) expect({ sample, hit: FORBIDDEN.some(([p]) => p.test(sample)) }).toEqual({ sample, hit: true });
    const fine = ['https://contoso.sharepoint.com/home/x', 'src/services/infrastructure/AppError.ts', 'shared code', 'homework/x'];
    for (const sample of fine) expect({ sample, hit: FORBIDDEN.some(([p]) => p.test(sample)) }).toEqual({ sample, hit: false });
  });
});

describe('docs/graph-notes.md', () => {
  const notes = fs.readFileSync(path.join(ROOT, 'docs', 'graph-notes.md'), 'utf8');
  const headings = new Set((notes.match(/^#{2,4} §\d+(\.\d+)?/gm) || []).map(h => h.replace(/^#+ /, '')));

  it('has a heading for every section a file cites', () => {
    const missing: string[] = [];
    for (const rel of files.filter(f => /\.(ts|tsx|js|md)$/.test(f) && f !== 'docs/graph-notes.md')) {
      const text = textOf(rel);
      if (!text) continue;
      // A citation names the notes, then one or more sections: "docs/graph-notes.md §2.2, §6" or "§3.1–§3.3".
      for (const cite of text.match(/graph-notes\.md §[\d.]+(?:(?:, |–)§[\d.]+)*/g) || []) {
        for (const section of cite.match(/§\d+(?:\.\d+)?/g) || []) {
          if (!headings.has(section)) missing.push(`${rel}: ${section}`);
        }
      }
    }
    expect(headings.size).toBeGreaterThan(30);
    expect(missing).toEqual([]);
  });
});
