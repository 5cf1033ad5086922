const http = require('http');
const todos = [];
const routes = {
  'GET /todos': (req, res) => send(res, 200, todos),
  'POST /todos': async (req, res) => {
    const body = await json(req);
    if (!body.title) return send(res, 400, { error: 'title required' });
    const todo = { id: todos.length + 1, title: body.title, done: false };
    todos.push(todo);
    res.setHeader('Location', `/todos/${todo.id}`);
    send(res, 201, todo);
  },
  'DELETE /todos': (req, res) => { todos.length = 0; res.writeHead(204).end(); },
};
function json(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => { try { resolve(JSON.parse(Buffer.concat(chunks).toString() || '{}')); } catch (e) { reject(e); } });
  });
}
function send(res, status, value) {
  const text = JSON.stringify(value);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}
const server = http.createServer(async (req, res) => {
  const handler = routes[`${req.method} ${req.url}`];
  if (!handler) return send(res, 404, { error: `no route ${req.method} ${req.url}` });
  try { await handler(req, res); } catch (e) { send(res, 500, { error: e.message }); }
});
function call(method, path, body) {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
    const req = http.request({ host: '127.0.0.1', port: server.address().port, method, path,
      headers: data ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } : {} }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve(`${res.statusCode} ${res.statusMessage} ${res.headers.location || '-'} ${res.headers['content-type'] || '-'} ${text}`));
    });
    req.on('error', reject);
    req.end(data);
  });
}
server.listen(0, '127.0.0.1', async () => {
  console.log(await call('GET', '/todos'));
  console.log(await call('POST', '/todos', { title: 'write tests' }));
  console.log(await call('POST', '/todos', { title: 'ship ✓' }));
  console.log(await call('POST', '/todos', {}));
  console.log(await call('POST', '/todos', '{bad json'));
  console.log(await call('GET', '/todos'));
  console.log(await call('PATCH', '/todos'));
  console.log(await call('DELETE', '/todos'));
  console.log(await call('HEAD', '/todos'));
  server.close();
});
