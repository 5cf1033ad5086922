// util.promisify(exec) and util.promisify(execFile) resolve { stdout, stderr }; a failure
// rejects with its output on the error.
const util = require('util');
const { exec, execFile } = require('child_process');
const execAsync = util.promisify(exec);
const execFileAsync = util.promisify(execFile);

async function main() {
  const { stdout, stderr } = await execAsync('echo hello; echo warn >&2');
  console.log(JSON.stringify(stdout), JSON.stringify(stderr));
  const listed = await execFileAsync('sh', ['-c', 'echo 3; echo 1; echo 2'], { cwd: __dirname });
  console.log(listed.stdout.split('\n').filter(Boolean).sort().join(','));
  try {
    await execAsync('echo partial; exit 2');
  } catch (error) {
    console.log('rejected:', error.code, JSON.stringify(error.stdout), error.cmd);
  }
  const promise = execAsync('true');
  console.log('has child:', typeof promise.child.pid);
  await promise;
  console.log('done');
}
main();
