// A server streaming files into responses: fs.createReadStream(file).pipe(res),
// stream.pipeline(file, res, callback), and a pipeline whose file is missing (the
// response is destroyed, the client sees the connection drop). The client reads the
// responses as streams: 'data' events, setEncoding and `for await`.
const http = require('http');
const fs = require('fs');
const path = require('path');
const { pipeline } = require('stream');

const big = path.join(__dirname, 'files', 'big.txt');
const lines = path.join(__dirname, 'files', 'lines.txt');
const serverLog = [];

const server = http.createServer((req, res) => {
  if (req.url === '/file') {
    res.setHeader('Content-Type', 'text/plain');
    const file = fs.createReadStream(big);
    file.on('end', () => serverLog.push('/file: file end'));
    res.on('pipe', () => serverLog.push('/file: res pipe'));
    res.on('finish', () => serverLog.push('/file: res finish'));
    res.on('close', () => serverLog.push(`/file: res close, writableFinished ${res.writableFinished}`));
    file.pipe(res);
  } else if (req.url === '/pipeline') {
    pipeline(fs.createReadStream(lines), res, (error) => {
      serverLog.push(`/pipeline: done (${error}), headersSent ${res.headersSent}`);
    });
  } else {
    pipeline(fs.createReadStream(path.join(__dirname, 'files', 'missing.txt')), res, (error) => {
      serverLog.push(`/missing: ${error.code}, res destroyed ${res.destroyed}`);
    });
  }
});

function get(port, urlPath) {
  return new Promise((resolve, reject) => {
    http.get({ port, path: urlPath, host: '127.0.0.1' }, resolve).on('error', reject);
  });
}

server.listen(0, '127.0.0.1', async () => {
  const { port } = server.address();

  const fileResponse = await get(port, '/file');
  console.log('/file status', fileResponse.statusCode, fileResponse.headers['content-type'],
              'transfer-encoding', fileResponse.headers['transfer-encoding']);
  let bytes = 0;
  let xs = true;
  fileResponse.on('data', (chunk) => {
    bytes += chunk.length;
    xs = xs && chunk.every((byte) => byte === 120 || byte === 10);
  });
  await new Promise((resolve) => fileResponse.on('end', resolve));
  console.log('/file body bytes', bytes, 'only x and newlines', xs, 'complete', fileResponse.complete);

  const linesResponse = await get(port, '/pipeline');
  linesResponse.setEncoding('utf8');
  let text = '';
  for await (const chunk of linesResponse)
    text += chunk;
  console.log('/pipeline body', JSON.stringify(text), 'readableEnded', linesResponse.readableEnded);

  try {
    const missing = await get(port, '/missing');
    console.log('/missing unexpectedly answered', missing.statusCode);
  } catch (error) {
    console.log('/missing client error:', error.code, error.message);
  }

  server.close(() => {
    console.log(serverLog.join('\n'));
  });
});
