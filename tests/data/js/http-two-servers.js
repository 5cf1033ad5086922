// Two http servers in one program: an API that asks a slow "database" server for each
// request; then, both closed, a third server listens.
const http = require('http');
const db = http.createServer((req, res) => { setTimeout(() => res.end(JSON.stringify({ rows: [1, 2, 3], asked: req.url })), 10); });
const api = http.createServer((req, res) => {
  console.log('api got', req.url);
  http.get({ port: db.address().port, path: '/query' + req.url }, (r) => {
    let body = ''; r.on('data', (c) => body += c); r.on('end', () => { console.log('db answered', body); res.end('api:' + body); });
  });
});
db.listen(0, () => api.listen(0, async () => {
  for (const path of ['/users', '/orders']) {
    const text = await new Promise((resolve) => http.get({ port: api.address().port, path }, (r) => { let b = ''; r.on('data', (c) => b += c); r.on('end', () => resolve(b)); }));
    console.log('client got', text);
  }
  api.close(() => console.log('api closed'));
  db.close(() => {
    console.log('db closed');
    const again = http.createServer((req, res) => res.end('again')).listen(0, () => {
      http.get({ port: again.address().port }, (r) => { r.resume(); r.on('end', () => { console.log('again answered', r.statusCode); again.close(); }); });
    });
  });
}));
