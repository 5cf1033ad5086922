const fs = require('fs');
const readline = require('readline');
const path = require('path');
const os = require('os');
const file = path.join(os.tmpdir(), 'rl-' + process.pid + '.csv');
fs.writeFileSync(file, 'name,age\nann,31\nbob,25\r\n\ncarl,40');
async function main() {
  const rl = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });
  const rows = [];
  for await (const line of rl) rows.push(line);
  console.log(rows);
  const rl2 = readline.createInterface({ input: fs.createReadStream(file) });
  let n = 0;
  rl2.on('line', (l) => { n++; console.log('line', n, JSON.stringify(l)); });
  rl2.on('close', () => { console.log('closed after', n); fs.unlinkSync(file); });
}
main();
