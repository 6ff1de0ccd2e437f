/** Makes every write to a file under `dir` fail with ENOSPC in this process; returns the undo. */
export declare function install(dir: string): () => void;
