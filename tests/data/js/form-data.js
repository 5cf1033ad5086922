// FormData as Node 20's (undici's): its entries, how it prints, its argument errors, and the
// multipart/form-data body fetch sends for it, read back by Response.formData(). A File's
// lastModified is the time it was made, so it is masked; the boundary is random.
const http = require('http');
const util = require('util');
const show = (value) => util.inspect(value).replace(/lastModified: \d+/g, 'lastModified: T');

const form = new FormData();
console.log(show(form), typeof FormData, FormData.length, Object.prototype.toString.call(form));
form.append('a', '1');
form.append('b', new Blob(['hello'], { type: 'Text/Plain' }));
form.append('c', new Blob(['xy']), 'name.txt');
form.append('a', 2);
form.set('d', 'x\ny\r\nz"q');
console.log(show(form));
console.log(form.get('a'), form.getAll('a'), form.has('b'), form.get('zz'), form.getAll('zz'));
console.log(form.get('b').name, form.get('b').type, form.get('b') instanceof File, form.get('c').name);
console.log([...form.keys()], [...form.values()].map((value) => typeof value));
form.forEach(function (value, name, owner) { console.log(name, owner === form, this === globalThis); });
form.set('a', 'only');
form.delete('d');
console.log(show([...form]), show(form.entries()[Symbol.iterator]() !== null));
for (const attempt of [() => form.append('x'), () => form.set('x', 'y', 'z'), () => new FormData({}),
  () => form.get(), () => form.forEach(1), () => FormData.prototype.get.call({}, 'a')]) {
  try {
    attempt();
  } catch (error) {
    console.log(error.name, error.code, error.message);
  }
}

const server = http.createServer((request, response) => {
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', () => {
    const type = request.headers['content-type'];
    const boundary = type.split('boundary=')[1];
    const body = Buffer.concat(chunks).toString('latin1');
    console.log(request.method, Object.keys(request.headers).join());
    console.log(type.replace(boundary, 'BOUNDARY'), /^----formdata-undici-0\d{11}$/.test(boundary),
                Number(request.headers['content-length']) === Buffer.concat(chunks).length);
    console.log(JSON.stringify(body.split(boundary).join('BOUNDARY')));
    response.setHeader('content-type', type);
    response.end(Buffer.concat(chunks));
  });
});
server.listen(0, '127.0.0.1', async () => {
  const sent = new FormData();
  sent.append('text', 'plain');
  sent.append('na"me\n', 'x\ny\rz');
  sent.append('file', new Blob(['hello'], { type: 'text/plain' }), 'h"i.txt');
  sent.append('bytes', new Blob([new Uint8Array([0, 255, 10])]));
  const response = await fetch(`http://127.0.0.1:${server.address().port}/upload`, { method: 'POST', body: sent });
  const back = await response.formData();
  console.log(show(back));
  console.log(await back.get('file').text(), [...new Uint8Array(await back.get('bytes').arrayBuffer())]);
  const request = new Request('http://127.0.0.1/x', { method: 'POST', body: sent });
  console.log(request.headers.get('content-type').startsWith('multipart/form-data; boundary=----formdata-undici-0'));
  server.close();
});
