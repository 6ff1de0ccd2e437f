import { execFile } from 'node:child_process';
import { join } from 'node:path';

/**
 * The little git the review mode needs (`integration-lint diff --git <ref>`). git runs with an
 * argument array, never through a shell: a ref or path is one argument whatever it contains.
 * Refs starting with `-` are refused (they would read as options); the user's ref is resolved
 * to a tree id once, and every later command gets that id. Paths go after `--` with
 * `--literal-pathspecs`, so `:(exclude)` and wildcards are file names, not pathspec magic.
 */

export class GitError extends Error {}

/** A changed file, as git names it (relative to the repository root, `/`-separated). */
export interface ChangedFile {
  readonly repoPath: string;
  readonly absolutePath: string;
  /** The content at the base; undefined when the file is new since then. */
  readonly before: string | undefined;
}

/** Why a ref cannot be used, or undefined when it can be passed to git. */
export function refProblem(ref: string): string | undefined {
  if (ref.trim() === '') return 'the git ref is empty';
  if (ref.startsWith('-')) return `git refs cannot start with '-' ('${ref}' would be read as an option)`;
  if (/[\u0000-\u001f\u007f]/.test(ref)) return 'the git ref contains control characters';
  return undefined;
}

/**
 * The files matching `accept` that differ between `ref` and the working tree, inside the
 * given paths (relative to `cwd`): changed, added (tracked or untracked, not ignored) and
 * deleted ones, each with its content at `ref`.
 */
export async function changedFiles(cwd: string, ref: string, paths: readonly string[], accept: (repoPath: string) => boolean): Promise<ChangedFile[]> {
  const problem = refProblem(ref);
  if (problem) throw new GitError(problem);
  const root = (await git(cwd, ['rev-parse', '--show-toplevel'])).toString('utf8').trim();
  let tree: string;
  try {
    // Any tree-ish does: a commit, a tag, or the empty tree (every design then counts as new).
    tree = (await git(cwd, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{tree}`])).toString('utf8').trim();
  } catch {
    throw new GitError(`'${ref}' is not a commit in this repository (with a shallow clone, fetch it first: git fetch origin <branch>, or check out with fetch-depth: 0)`);
  }
  const specs = paths.length > 0 ? paths : ['.'];
  const [tracked, untracked] = await Promise.all([
    git(cwd, ['--literal-pathspecs', 'diff', '--name-only', '-z', '--no-renames', '--no-ext-diff', tree, '--', ...specs]),
    git(cwd, ['--literal-pathspecs', 'ls-files', '-z', '--others', '--exclude-standard', '--full-name', '--', ...specs]),
  ]);
  const names = [...new Set([...split(tracked), ...split(untracked)])].filter(accept).sort();
  const files: ChangedFile[] = [];
  for (const repoPath of names) {
    files.push({ repoPath, absolutePath: join(root, ...repoPath.split('/')), before: await contentAt(cwd, tree, repoPath) });
  }
  return files;
}

/** The file's text in a tree, or undefined when the tree has no such file. */
async function contentAt(cwd: string, tree: string, repoPath: string): Promise<string | undefined> {
  const object = `${tree}:${repoPath}`;
  try {
    await git(cwd, ['cat-file', '-e', object]);
  } catch {
    return undefined;
  }
  return UTF8.decode(await git(cwd, ['show', '--no-textconv', object]));
}

const UTF8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

function split(output: Buffer): string[] {
  return output.toString('utf8').split('\0').filter(Boolean);
}

/** Runs git with these arguments in `cwd` and resolves to its standard output. */
function git(cwd: string, args: readonly string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execFile('git', [...args], {
      cwd,
      encoding: 'buffer',
      maxBuffer: 256 * 1024 * 1024,
      // No prompts for credentials, no pager, messages in English for the user to read.
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat', LC_ALL: 'C' },
      windowsHide: true,
    }, (error, stdout, stderr) => {
      if (!error) return resolve(stdout);
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return reject(new GitError('git is not installed (or not on PATH)'));
      const message = stderr.toString('utf8').trim().split('\n').filter(Boolean).pop() ?? error.message;
      reject(new GitError(message.replace(/^fatal: /, '')));
    });
  });
}
