// readline over streams: 'line' events for a file read by fs.createReadStream, 'close'
// at its end, `for await (const line of rl)`, lines split across chunks and \r\n
// endings, the last line without a newline, and readline/promises' question().
const fs = require('fs');
const path = require('path');
const readline = require('readline');
const readlinePromises = require('readline/promises');
const { PassThrough } = require('stream');

function byEvents() {
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: fs.createReadStream(path.join(__dirname, 'files', 'lines.txt')) });
    let count = 0;
    rl.on('line', (line) => {
      count += 1;
      const number = count;
      console.log(`line ${number}: ${JSON.stringify(line)}`);
      process.nextTick(() => console.log(`  tick after line ${number}`));
    });
    rl.on('close', () => {
      console.log('close after', count, 'lines');
      resolve();
    });
  });
}

async function byIteration() {
  const input = new PassThrough();
  const rl = readline.createInterface({ input, crlfDelay: Infinity });
  setImmediate(() => {
    input.write('first li');
    input.write('ne\r\nsecond line\nthi');
    setTimeout(() => input.end('rd line, no newline'), 5);
  });
  const lines = [];
  for await (const line of rl)
    lines.push(line);
  console.log('iterated', JSON.stringify(lines));
}

async function question() {
  const input = new PassThrough();
  const output = new PassThrough();
  let shown = '';
  output.on('data', (chunk) => { shown += chunk; });
  const rl = readlinePromises.createInterface({ input, output, terminal: false });
  setImmediate(() => input.write('forty-two\n'));
  const answer = await rl.question('What is the answer? ');
  console.log('answer', JSON.stringify(answer), 'prompt shown', JSON.stringify(shown));
  rl.close();
  rl.on('close', () => console.log('never: close was emitted already'));
  console.log('closed', rl.closed);
}

(async () => {
  await byEvents();
  await byIteration();
  await question();
  const bigLines = readline.createInterface({ input: fs.createReadStream(path.join(__dirname, 'files', 'big.txt')) });
  let count = 0;
  let longest = 0;
  for await (const line of bigLines) {
    count += 1;
    longest = Math.max(longest, line.length);
  }
  console.log('big.txt lines', count, 'longest', longest);
})();
