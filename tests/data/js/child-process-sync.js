// spawnSync, execSync and execFileSync: output, status, and a failed command's error.
const { spawnSync, execSync, execFileSync } = require('child_process');

console.log('before');
const listed = spawnSync('sh', ['-c', 'echo one; echo two >&2; exit 5']);
console.log(listed.status, listed.signal, listed.stdout.toString().trim(), listed.stderr.toString().trim(),
            listed.output.length, listed.output[0]);
console.log(Object.keys(listed).join(','));
const sorted = spawnSync('sort', { input: 'b\nc\na\n', encoding: 'utf8' });
console.log(JSON.stringify(sorted.stdout));
console.log(JSON.stringify(execSync('echo hi').toString()));
console.log(execSync('echo $GREETING', { env: { GREETING: 'from env', PATH: process.env.PATH }, encoding: 'utf8' }).trim());
console.log(execFileSync('echo', ['file', 'sync'], { encoding: 'utf8' }).trim());
try {
  execSync('echo to-stdout; exit 7', { stdio: 'pipe' });
} catch (error) {
  console.log('message:', JSON.stringify(error.message));
  console.log('status', error.status, 'stdout', JSON.stringify(error.stdout.toString()));
  console.log(Object.keys(error).join(','));
}
try {
  execFileSync('sh', ['-c', 'exit 1'], { stdio: 'pipe' });
} catch (error) {
  console.log('message:', JSON.stringify(error.message), error.status);
}
const missing = spawnSync('no-such-command-here', ['a', 'b']);
console.log(missing.error.message, missing.error.code, missing.error.path, missing.error.spawnargs);
console.log(missing.status, missing.signal, missing.output, missing.pid, missing.stdout);
const slow = spawnSync('sleep', ['5'], { timeout: 100 });
console.log('timeout:', slow.error.code, slow.error.message, slow.status, slow.signal);
console.log('after');
