const http = require('http');
const { AsyncLocalStorage, AsyncResource } = require('async_hooks');
const requestContext = new AsyncLocalStorage();
let nextId = 1;
const logs = [];
function log(msg) {
  const ctx = requestContext.getStore();
  logs.push(`${ctx ? 'req#' + ctx.id : 'none'} ${msg}`);
}
function readBody(req) {
  return new Promise((resolve) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => resolve(body));
  });
}
const fakeDb = { get: (key) => new Promise((r) => setTimeout(() => r(key.toUpperCase()), 5)) };
const server = http.createServer((req, res) => {
  requestContext.run({ id: nextId++, path: req.url }, async () => {
    log('received ' + req.method + ' ' + req.url);
    const body = await readBody(req);
    log('body ' + JSON.stringify(body));
    const value = await fakeDb.get(body || 'none');
    log('db ' + value);
    res.end(value);
  });
});
server.listen(0, '127.0.0.1', async () => {
  const port = server.address().port;
  const send = (path, body) => new Promise((resolve) => {
    const req = http.request({ port, host: '127.0.0.1', path, method: 'POST' }, (res) => {
      let s = '';
      res.on('data', (d) => (s += d));
      res.on('end', () => resolve(s));
    });
    req.end(body);
  });
  console.log(await send('/a', 'apple'));
  console.log(await send('/b', 'banana'));
  const resource = requestContext.run({ id: 'r' }, () => new AsyncResource('job'));
  resource.runInAsyncScope(() => log('inside resource'));
  log('outside');
  const bound = requestContext.run({ id: 'bound' }, () => AsyncLocalStorage.bind(() => log('bound fn')));
  bound();
  const snap = requestContext.run({ id: 'snap' }, () => AsyncLocalStorage.snapshot());
  snap(() => log('snapshot'));
  server.close(() => { console.log(logs.join('\n')); });
});
