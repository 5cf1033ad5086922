// Request bodies as streams on the server: `for await` over the request, req.pipe(res)
// echoing it back, a Transform between them in pipeline(), and a body nobody reads
// (the request still ends and closes). The client sends one body piped from a file.
const http = require('http');
const fs = require('fs');
const path = require('path');
const { Transform, pipeline } = require('stream');

const log = [];
const server = http.createServer(async (req, res) => {
  log.push(`${req.url}: complete at first ${req.complete}, readable ${req.readable}`);
  req.on('end', () => log.push(`${req.url}: end, complete ${req.complete}`));
  req.on('close', () => log.push(`${req.url}: close`));
  if (req.url === '/collect') {
    const chunks = [];
    for await (const chunk of req)
      chunks.push(chunk);
    const body = Buffer.concat(chunks).toString();
    log.push(`/collect: got ${body.length} bytes after the loop`);
    res.end(`collected ${JSON.stringify(body)}`);
  } else if (req.url === '/echo') {
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    req.pipe(res);
  } else if (req.url === '/shout') {
    const shout = new Transform({
      transform(chunk, encoding, callback) { callback(null, String(chunk).toUpperCase()); },
    });
    pipeline(req, shout, res, (error) => log.push(`/shout: pipeline done (${error})`));
  } else {
    res.end('not reading your body');
  }
});

function send(port, urlPath, body) {
  return new Promise((resolve, reject) => {
    const request = http.request({ port, host: '127.0.0.1', path: urlPath, method: 'POST' }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => { text += chunk; });
      res.on('end', () => resolve(`${res.statusCode} ${text}`));
    });
    request.on('error', reject);
    if (typeof body === 'string')
      request.end(body);
    else
      body.pipe(request);
  });
}

server.listen(0, '127.0.0.1', async () => {
  const { port } = server.address();
  console.log(await send(port, '/collect', 'hello streams'));
  console.log(await send(port, '/echo', fs.createReadStream(path.join(__dirname, 'files', 'lines.txt'))));
  console.log(await send(port, '/shout', 'quiet words'));
  console.log(await send(port, '/ignore', 'nobody reads this'));
  server.close(() => console.log(log.join('\n')));
});
