const http = require('http');
const server = http.createServer((req, res) => {
  let body = ''; req.on('data', c => body += c); req.on('end', () => {
    console.log(req.method, req.url, JSON.stringify({ ...req.headers, host: undefined }), JSON.stringify(body));
    if (req.url === '/json') { res.writeHead(201, { 'content-type': 'application/json', 'x-b': '2', 'X-A': '1' }); res.end(JSON.stringify({ hello: 'world' })); }
    else if (req.url === '/redirect') { res.writeHead(302, { location: '/json' }); res.end(); }
    else { res.statusCode = 404; res.end('not here'); }
  });
});
server.listen(0, '127.0.0.1', async () => {
  const base = `http://127.0.0.1:${server.address().port}`;
  const r = await fetch(base + '/json');
  console.log(r.status, r.ok, r.statusText, r.headers.get('content-type'), [...r.headers.keys()].join(','), r.url === base + '/json', r.redirected, r.type);
  console.log(await r.json(), r.bodyUsed);
  const p = await fetch(base + '/post', { method: 'POST', body: JSON.stringify({ a: 1 }), headers: { 'Content-Type': 'application/json' } });
  console.log(p.status, p.ok, await p.text());
  const rd = await fetch(base + '/redirect');
  console.log(rd.status, rd.redirected, rd.url === base + '/json', (await rd.arrayBuffer()).byteLength);
  try { await fetch(`http://127.0.0.1:1/`); } catch (e) { console.log(e.name, e.message, e.cause && e.cause.code); }
  try { await fetch('not a url'); } catch (e) { console.log(e.name, e.message); }
  const h = new Headers({ B: '2', a: '1' }); h.append('a', '3'); console.log([...h], h.has('A'), h.get('a'));
  const own = new Response('body text', { status: 202, headers: { 'x-y': 'z' } }); console.log(own.status, own.ok, await own.text(), own.headers.get('X-Y'));
  console.log(typeof Request, typeof Response.json);
  server.close();
});
const probe = require('net').createServer().listen(0, '127.0.0.1', () => {
  const port = probe.address().port;
  probe.close(() => fetch(`http://127.0.0.1:${port}/`).catch((e) => console.log('closed port:', e.message, e.cause.code)));
});
