// spawn with piped stdio: write to sort's stdin, read its stdout; 'exit' and 'close'.
const { spawn } = require('child_process');

const sort = spawn('sort', ['-r']);
let output = '';
sort.stdout.setEncoding('utf8');
sort.stdout.on('data', (chunk) => { output += chunk; });
sort.on('close', (code, signal) => {
  console.log('sort closed', code, signal);
  console.log(output.trim().split('\n').join(' '));
  const cat = spawn('cat');
  const pieces = [];
  cat.stdout.on('data', (chunk) => pieces.push(chunk));
  cat.stdout.on('end', () => console.log('cat echoed', JSON.stringify(Buffer.concat(pieces).toString())));
  cat.on('close', (code2) => console.log('cat close', code2));
  cat.stdin.write('first line\n');
  cat.stdin.end('second line\n');
});
for (const word of ['pear', 'apple', 'quince', 'fig'])
  sort.stdin.write(word + '\n');
sort.stdin.end();
console.log('stdio kinds', sort.stdio.length, sort.stdin !== null, sort.stdout !== null, sort.stderr !== null);
