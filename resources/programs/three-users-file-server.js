// Three users ask at once; each request reads a file with fs.readFile. The reads run on
// three pool workers side by side while the main thread waits in poll.
const http = require('http');
const fs = require('fs');
const path = require('path');
const os = require('os');

const file = path.join(os.tmpdir(), `loopscope-report-${process.pid}.txt`);
fs.writeFileSync(file, 'report line\n'.repeat(200000));

const server = http.createServer((request, response) => {
  fs.readFile(file, (error, contents) => {
    response.end(`${contents.length} bytes\n`);
  });
});

server.listen(0, () => console.log('file server ready'));
server.on('close', () => fs.unlinkSync(file));
process.on('exit', () => { if (fs.existsSync(file)) fs.unlinkSync(file); });
