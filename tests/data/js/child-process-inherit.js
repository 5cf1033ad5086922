// A child's inherited stdout keeps its place among the parent's lines.
const { spawn, spawnSync, execSync } = require('child_process');

console.log('parent first');
spawnSync('echo', ['sync child'], { stdio: 'inherit' });
console.log('parent second');
execSync('echo exec child line', { stdio: 'inherit' });
console.log('spawning');
const child = spawn('sh', ['-c', 'echo async child; echo two'], { stdio: ['ignore', 'inherit', 'inherit'] });
child.on('exit', (code) => {
  console.log('child exited', code, 'its stdout stream:', child.stdout);
  const shell = spawn('echo $((6 * 7))', { shell: true, stdio: 'inherit' });
  shell.on('close', (code2) => console.log('shell closed', code2));
});
