const inputs = [
  ['http://example.com'], ['https://user:pa ss@Example.COM:443/a/b/../c/./d?x=1&y=two words#frag ment'],
  ['/path/to?q=1', 'http://127.0.0.1:3000/base/index.html'], ['../up', 'http://h/a/b/c'], ['?only=query', 'http://h/p?old=1#h'],
  ['#hash', 'http://h/p?q'], ['//other.host/x', 'https://h/'], ['http://h:80/'], ['http://h:8080/p'],
  ['file:///tmp/a%20b.txt'], ['HTTP://H/%7Efoo/ä'], ['http://h/a\\b'], ['ws://h:80/'], ['https://h/search?q=a+b&q=c%20d&e'],
];
for (const [input, base] of inputs) {
  const url = new URL(input, base);
  console.log([url.href, url.origin, url.protocol, url.username, url.password, url.host, url.hostname, url.port, url.pathname, url.search, url.hash].join(' | '));
}
for (const bad of ['not a url', 'http://', '/relative-without-base', 'http://h:99999/']) {
  try { new URL(bad); console.log('parsed?', bad); } catch (e) { console.log(e.name, e.code, e.message); }
}
const u = new URL('http://127.0.0.1:3000/items?sort=asc&tag=a&tag=b');
console.log(u.searchParams.get('sort'), u.searchParams.getAll('tag'), u.searchParams.has('x'), u.searchParams.size);
u.searchParams.append('page', '2 3');
u.searchParams.delete('tag');
console.log(u.search, u.href, String(u), JSON.stringify({ u }));
const params = new URLSearchParams({ a: '1', b: 'x y&z' });
params.sort();
console.log(params.toString(), [...params.keys()], [...params]);
console.log(new URLSearchParams('?a=1&a=2&b=%20').getAll('a'), new URLSearchParams([['k', 'v']]).toString());
console.log(URL.canParse('http://x'), URL.canParse('nope'), require('url').fileURLToPath('file:///tmp/a%20b'));
u.hash = 'section 2';
u.search = '?z=1';
console.log(u.href, u.searchParams.get('z'));
