// A classic exercise: read numbers from standard input (piped: stdin-readline-sum.stdin),
// a question first, then every line with for await. Node's known surprise: the whole input
// came as one chunk, so readline emitted every complete line at once, before the awaited
// question let `for await` begin listening; only the last line, which has no newline and
// is emitted at the end, reaches the loop.
const readline = require('readline/promises');

async function main() {
  const rl = readline.createInterface({ input: process.stdin, terminal: false });
  const name = await rl.question('');
  console.log(`hello ${name}`);
  let total = 0;
  let count = 0;
  for await (const line of rl) {
    if (line.trim() === '')
      continue;
    total += Number(line);
    count++;
    console.log(`line ${count}: ${line} (running total ${total})`);
  }
  console.log(`${count} numbers, total ${total}, mean ${total / count}`);
}

console.log('stdin is a', process.stdin.constructor.name, 'isTTY', process.stdin.isTTY, 'fd', process.stdin.fd);
main().then(() => console.log('main done'));
