// A full disk under one folder, injected at Node's fs functions: every write to a file opened
// (or written) under the folder fails with ENOSPC, as on a full file system. Used where a real
// small file system cannot be mounted (see fullDisk.ts). In-process: install(dir) returns the
// undo. In a child process: preload this file (node --require) with FULL_DISK_DIR set.
'use strict';
const fs = require('node:fs');
const { resolve, sep } = require('node:path');

function noSpace(syscall, path) {
  const error = new Error(`ENOSPC: no space left on device, ${syscall}${path ? ` '${path}'` : ''}`);
  error.code = 'ENOSPC';
  error.errno = -28;
  error.syscall = syscall;
  if (path) error.path = path;
  return error;
}

function install(dir) {
  const root = resolve(dir) + sep;
  const under = (path) => (typeof path === 'string' || path instanceof URL) && resolve(String(path instanceof URL ? path.pathname : path)).startsWith(root);
  const fds = new Set();
  const original = { openSync: fs.openSync, writeSync: fs.writeSync, closeSync: fs.closeSync, writeFileSync: fs.writeFileSync, appendFileSync: fs.appendFileSync };
  fs.openSync = function openSync(path, ...rest) {
    const fd = original.openSync.call(this, path, ...rest);
    if (under(path)) fds.add(fd);
    return fd;
  };
  fs.writeSync = function writeSync(fd, ...rest) {
    if (fds.has(fd)) throw noSpace('write');
    return original.writeSync.call(this, fd, ...rest);
  };
  fs.closeSync = function closeSync(fd) {
    fds.delete(fd);
    return original.closeSync.call(this, fd);
  };
  fs.writeFileSync = function writeFileSync(path, ...rest) {
    if (under(path) || fds.has(path)) throw noSpace('write', String(path));
    return original.writeFileSync.call(this, path, ...rest);
  };
  fs.appendFileSync = function appendFileSync(path, ...rest) {
    if (under(path) || fds.has(path)) throw noSpace('write', String(path));
    return original.appendFileSync.call(this, path, ...rest);
  };
  return () => Object.assign(fs, original);
}

if (process.env.FULL_DISK_DIR) install(process.env.FULL_DISK_DIR);

module.exports = { install };
