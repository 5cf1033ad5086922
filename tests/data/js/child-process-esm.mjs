// child_process from an ES module: named and default imports, a top-level await of exec.
import { execSync, spawn } from 'child_process';
import cp from 'node:child_process';
import { promisify } from 'util';
console.log(execSync('echo esm').toString().trim(), typeof spawn, typeof cp.fork);
const { stdout } = await promisify(cp.exec)('echo awaited');
console.log(stdout.trim());
