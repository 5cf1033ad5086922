const url=require('url'); const qs=require('querystring');
console.log(url.parse('/path/x?a=1&b=2#frag', true));
console.log(url.parse('HTTP://User:Pw@Example.COM:8080/a/b?x=y#h'));
console.log(url.parse('http://example.com'), url.parse('/only', true).query, url.parse('mailto:a@b.c'));
console.log(url.format({ protocol: 'https', hostname: 'example.com', pathname: '/some/path', query: { page: 1, format: 'json' } }));
console.log(url.format(url.parse('http://a.com:80/x?y=1#z')), url.format(new URL('http://a.com/x?y=1#z'), {fragment:false}));
console.log(url.resolve('/one/two/three', 'four'), url.resolve('http://example.com/', '/one'), url.resolve('http://example.com/one', '/two'), url.resolve('http://example.com/a/b', '../c'));
console.log(url.parse('/a b?c d').href, url.parse('/users/42?sort=asc&sort=desc', true).query.sort);
for (const s of ['a=1&&b=2','a','a=','=b','a=1=2','a+b=c+d','%zz=%41','a=1&a=2&a=3','&','a=%E2%82%AC', 'a=b;c=d'])
  console.log(JSON.stringify(s), qs.parse(s));
console.log(qs.parse('a:1;b:2',';',':'), qs.parse('a=1&b=2&c=3', null, null, {maxKeys: 2}));
console.log(qs.stringify({a:[1,2],b:'x y',c:true,d:null,e:undefined,f:{},g:NaN,h:10n,'k y':'€'}), qs.stringify({a:1,b:2},';',':'), qs.stringify('x'), qs.escape('a b/é'), qs.unescape('%zz+%41'));
const { URL: U2, URLSearchParams: S2 } = require('url'); console.log(U2 === URL, S2 === URLSearchParams, typeof url.fileURLToPath);
