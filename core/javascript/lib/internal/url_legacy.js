// Node's legacy url API: url.parse into a `Url` (the fields `req.url` handlers read:
// pathname, query, search, ...), url.format and url.resolve. Written for what programs
// use it for - request paths and absolute http URLs - with Node's field values and order.
'use strict';

const querystring = require('querystring');

// Protocols whose URLs always have `//host`, as Node lists them.
const slashedProtocols = new Set(['http:', 'https:', 'ftp:', 'gopher:', 'file:', 'ws:', 'wss:']);
const hostlessProtocols = new Set(['javascript:']);

// Characters Node escapes in a path, a search or a hash.
const autoEscaped = /[\t\n\r "'<>\\^`{|}]/g;
const escapeCharacter = (character) => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;

class Url {
  constructor() {
    this.protocol = null;
    this.slashes = null;
    this.auth = null;
    this.host = null;
    this.port = null;
    this.hostname = null;
    this.hash = null;
    this.search = null;
    this.query = null;
    this.pathname = null;
    this.path = null;
    this.href = null;
  }

  format() {
    return urlFormat(this);
  }
}

function invalidArgType(name, expected, value) {
  const error = new TypeError(`The "${name}" argument must be of type ${expected}. Received ${value === null ? 'null' : `type ${typeof value} (${String(value)})`}`);
  error.code = 'ERR_INVALID_ARG_TYPE';
  return error;
}

function urlParse(input, parseQueryString = false, slashesDenoteHost = false) {
  if (input instanceof Url)
    return input;
  if (typeof input !== 'string')
    throw invalidArgType('url', 'string', input);
  const url = new Url();
  let rest = input.trim();

  const hashAt = rest.indexOf('#');
  if (hashAt !== -1) {
    url.hash = rest.slice(hashAt).replace(autoEscaped, escapeCharacter);
    rest = rest.slice(0, hashAt);
  }
  const searchAt = rest.indexOf('?');
  if (searchAt !== -1) {
    url.search = rest.slice(searchAt).replace(autoEscaped, escapeCharacter);
    url.query = url.search.slice(1);
    rest = rest.slice(0, searchAt);
  }
  if (parseQueryString) {
    url.search ??= '';
    url.query = querystring.parse(url.query || '');
  }
  rest = rest.replace(/\\/g, '/');

  const protocol = /^[a-z0-9.+-]+:/i.exec(rest);
  if (protocol) {
    url.protocol = protocol[0].toLowerCase();
    rest = rest.slice(protocol[0].length);
  }
  if (rest.startsWith('//') && !hostlessProtocols.has(url.protocol) && (url.protocol || slashesDenoteHost)) {
    url.slashes = true;
    rest = rest.slice(2);
  }
  if (!hostlessProtocols.has(url.protocol) && (url.slashes || (url.protocol && !slashedProtocols.has(url.protocol)))) {
    let end = rest.indexOf('/');
    if (end === -1)
      end = rest.length;
    let authority = rest.slice(0, end);
    rest = rest.slice(end);
    const at = authority.lastIndexOf('@');
    if (at !== -1) {
      url.auth = decodeURIComponent(authority.slice(0, at));
      authority = authority.slice(at + 1);
    }
    const port = /:(\d*)$/.exec(authority);
    if (port) {
      url.port = port[1] || null;
      authority = authority.slice(0, port.index);
    }
    url.hostname = authority.toLowerCase();
    url.host = url.port ? `${url.hostname}:${url.port}` : url.hostname;
  }
  if (rest !== '')
    url.pathname = rest.replace(autoEscaped, escapeCharacter);
  else if (slashedProtocols.has(url.protocol) && url.hostname)
    url.pathname = '/';
  if (url.pathname !== null || url.search !== null)
    url.path = (url.pathname || '') + (url.search || '');
  url.href = urlFormat(url);
  return url;
}

function formatWhatwg(url, options = {}) {
  const { auth = true, fragment = true, search = true } = options;
  const credentials = auth && (url.username || url.password)
    ? `${url.username}${url.password ? `:${url.password}` : ''}@` : '';
  const slashes = url.href.startsWith(`${url.protocol}//`) ? '//' : '';
  return url.protocol + slashes + credentials + url.host + url.pathname + (search ? url.search : '') + (fragment ? url.hash : '');
}

function urlFormat(object, options) {
  if (typeof object === 'string')
    object = urlParse(object);
  else if (typeof URL === 'function' && object instanceof URL)
    return formatWhatwg(object, options);
  else if (object === null || typeof object !== 'object')
    throw invalidArgType('urlObject', 'object or string', object);

  let auth = object.auth || '';
  if (auth)
    auth = `${encodeURIComponent(auth).replace(/%3A/i, ':')}@`;
  let protocol = object.protocol || '';
  let pathname = object.pathname || '';
  let hash = object.hash || '';
  let host = '';
  if (object.host) {
    host = auth + object.host;
  } else if (object.hostname) {
    const name = object.hostname.includes(':') && !object.hostname.startsWith('[') ? `[${object.hostname}]` : object.hostname;
    host = auth + name + (object.port ? `:${object.port}` : '');
  }
  const query = object.query !== null && typeof object.query === 'object' ? querystring.stringify(object.query) : '';
  let search = object.search || (query && `?${query}`) || '';
  if (protocol && !protocol.endsWith(':'))
    protocol += ':';
  pathname = pathname.replace(/[?#]/g, encodeURIComponent);
  search = search.replace('#', '%23');
  if (object.slashes || slashedProtocols.has(protocol)) {
    if (object.slashes || host) {
      if (pathname && !pathname.startsWith('/'))
        pathname = `/${pathname}`;
      host = `//${host}`;
    } else if (protocol === 'file:' && pathname.startsWith('//')) {
      host = '';
    }
  }
  if (hash && !hash.startsWith('#'))
    hash = `#${hash}`;
  if (search && !search.startsWith('?'))
    search = `?${search}`;
  return protocol + host + pathname + search + hash;
}

function urlResolve(from, to) {
  if (/^[a-z][a-z0-9.+-]*:/i.test(from))
    return new URL(to, from).href;
  const resolved = new URL(to, new URL(from, 'http://resolve.invalid/'));
  if (resolved.origin !== 'http://resolve.invalid')
    return resolved.href;
  const path = resolved.pathname + resolved.search + resolved.hash;
  return from.startsWith('/') || to.startsWith('/') ? path : path.slice(1);
}

module.exports = { Url, parse: urlParse, format: urlFormat, resolve: urlResolve };
