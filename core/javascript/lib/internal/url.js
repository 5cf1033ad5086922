// URL and URLSearchParams (globals, and require('url')) for the URLs programs meet: http,
// https, ws, wss, ftp and file URLs with host, port, path, query and fragment, relative
// references against a base, dot segments, the default ports, percent-encoding of the
// characters the WHATWG URL Standard encodes in each part. Not built: hosts that are
// IPv6 literals with zones, IDNA (non-ASCII host names), opaque paths of other schemes
// beyond keeping them as written.
'use strict';

const specialPorts = { 'http:': '80', 'https:': '443', 'ws:': '80', 'wss:': '443', 'ftp:': '21', 'file:': '' };

function invalidUrl(input) {
  const error = new TypeError('Invalid URL');
  error.code = 'ERR_INVALID_URL';
  error.input = input;
  return require('internal/node_api_frames').atNodeApi(error, 'url.URL:ERR_INVALID_URL');
}

// The percent-encode sets of the URL Standard, as predicates on a code point.
const c0 = (c) => c < 0x20 || c > 0x7e;
const fragmentSet = (c) => c0(c) || c === 0x20 || c === 0x22 || c === 0x3c || c === 0x3e || c === 0x60;
const querySet = (c) => c0(c) || c === 0x20 || c === 0x22 || c === 0x23 || c === 0x3c || c === 0x3e;
const specialQuerySet = (c) => querySet(c) || c === 0x27;
const pathSet = (c) => querySet(c) || c === 0x3f || c === 0x60 || c === 0x7b || c === 0x7d;
const userinfoSet = (c) => pathSet(c) || c === 0x2f || c === 0x3a || c === 0x3b || c === 0x3d || c === 0x40 ||
  (c >= 0x5b && c <= 0x5e) || c === 0x7c;

function encodeSet(text, inSet) {
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0);
    if (!inSet(c)) {
      out += ch;
      continue;
    }
    for (const byte of new TextEncoder().encode(ch))
      out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

function removeDotSegments(segments) {
  const out = [];
  for (let at = 0; at < segments.length; at++) {
    const segment = segments[at];
    const last = at === segments.length - 1;
    if (segment === '..' || segment.toLowerCase() === '%2e%2e' || segment.toLowerCase() === '.%2e' || segment.toLowerCase() === '%2e.') {
      out.pop();
      if (last)
        out.push('');
    } else if (segment === '.' || segment.toLowerCase() === '%2e') {
      if (last)
        out.push('');
    } else {
      out.push(segment);
    }
  }
  return out;
}

function parseAuthority(authority, input) {
  let userinfo = '';
  let hostPort = authority;
  const at = authority.lastIndexOf('@');
  if (at !== -1) {
    userinfo = authority.slice(0, at);
    hostPort = authority.slice(at + 1);
  }
  let username = userinfo;
  let password = '';
  const colon = userinfo.indexOf(':');
  if (colon !== -1) {
    username = userinfo.slice(0, colon);
    password = userinfo.slice(colon + 1);
  }
  let hostname = hostPort;
  let port = '';
  const portMatch = /^(\[[^\]]*\]|[^:]*)(?::(\d*))?$/.exec(hostPort);
  if (!portMatch)
    throw invalidUrl(input);
  hostname = portMatch[1].toLowerCase();
  port = portMatch[2] ?? '';
  if (port !== '') {
    const number = Number(port);
    if (number > 65535)
      throw invalidUrl(input);
    port = String(number);
  }
  if (/[\s#%/:<>?@[\\\]^|]/.test(hostname.replace(/^\[.*\]$/, '')))
    throw invalidUrl(input);
  return { username: encodeSet(username, userinfoSet), password: encodeSet(password, userinfoSet), hostname, port };
}

function parse(input, base) {
  const text = String(input).replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
  const schemeMatch = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(text);
  let rest;
  const parts = { protocol: '', username: '', password: '', hostname: '', port: '', pathname: '', search: '', hash: '' };
  if (schemeMatch && !(base && specialPorts[`${schemeMatch[1].toLowerCase()}:`] === undefined && false)) {
    parts.protocol = `${schemeMatch[1].toLowerCase()}:`;
    rest = text.slice(schemeMatch[0].length);
    if (base && base.protocol === parts.protocol && parts.protocol in specialPorts && !rest.startsWith('/') &&
        !rest.startsWith('\\'))
      return resolveRelative(rest, base, text);
  } else if (base) {
    return resolveRelative(text, base, text);
  } else {
    throw invalidUrl(input);
  }
  const special = parts.protocol in specialPorts;
  if (special)
    rest = rest.replace(/\\/g, '/');
  const hashAt = rest.indexOf('#');
  if (hashAt !== -1) {
    parts.hash = rest.slice(hashAt);
    rest = rest.slice(0, hashAt);
  }
  const queryAt = rest.indexOf('?');
  if (queryAt !== -1) {
    parts.search = rest.slice(queryAt);
    rest = rest.slice(0, queryAt);
  }
  if (rest.startsWith('//') || (special && parts.protocol !== 'file:')) {
    // A special URL's host follows any number of slashes; file: and the others' after two.
    rest = special && parts.protocol !== 'file:' ? rest.replace(/^\/*/, '') : rest.slice(2);
    const slash = rest.indexOf('/');
    const authority = slash === -1 ? rest : rest.slice(0, slash);
    rest = slash === -1 ? '' : rest.slice(slash);
    Object.assign(parts, parseAuthority(authority, input));
    if (special && parts.protocol !== 'file:' && parts.hostname === '')
      throw invalidUrl(input);
  } else if (parts.protocol === 'file:') {
    rest = rest.replace(/^\/*/, '/');
  }
  if (special || rest.startsWith('/')) {
    const segments = removeDotSegments(rest.split('/').slice(1));
    parts.pathname = '/' + segments.map((segment) => encodeSet(segment, pathSet)).join('/');
  } else {
    parts.pathname = encodeSet(rest, c0);
  }
  return finish(parts);
}

function resolveRelative(reference, base, input) {
  const parts = { ...base, search: '', hash: '' };
  let rest = base.protocol in specialPorts ? reference.replace(/\\/g, '/') : reference;
  if (rest.startsWith('//'))
    return parse(`${base.protocol}${rest}`, undefined);
  const hashAt = rest.indexOf('#');
  let hash = '';
  if (hashAt !== -1) {
    hash = rest.slice(hashAt);
    rest = rest.slice(0, hashAt);
  }
  const queryAt = rest.indexOf('?');
  let search;
  if (queryAt !== -1) {
    search = rest.slice(queryAt);
    rest = rest.slice(0, queryAt);
  }
  if (rest === '') {
    parts.search = search ?? base.search;
  } else {
    const directory = rest.startsWith('/') ? [] : base.pathname.split('/').slice(1, -1);
    const segments = removeDotSegments([...directory, ...rest.replace(/^\//, '').split('/')]);
    parts.pathname = '/' + segments.map((segment) => encodeSet(segment, pathSet)).join('/');
    parts.search = search ?? '';
  }
  parts.hash = hash;
  if (parts.hostname === '' && base.protocol !== 'file:')
    throw invalidUrl(input);
  return finish(parts);
}

function finish(parts) {
  if (parts.port === specialPorts[parts.protocol])
    parts.port = '';
  const specialQuery = parts.protocol in specialPorts ? specialQuerySet : querySet;
  if (parts.search === '?')
    parts.search = '';
  if (parts.search)
    parts.search = '?' + encodeSet(parts.search.slice(1), specialQuery);
  if (parts.hash === '#')
    parts.hash = '';
  if (parts.hash)
    parts.hash = '#' + encodeSet(parts.hash.slice(1), fragmentSet);
  return parts;
}

// ---- URLSearchParams

function formEncode(text) {
  let out = '';
  for (const byte of new TextEncoder().encode(text)) {
    const c = String.fromCharCode(byte);
    if (/[A-Za-z0-9*\-._]/.test(c))
      out += c;
    else if (byte === 0x20)
      out += '+';
    else
      out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

function formDecode(text) {
  const bytes = [];
  const plus = text.replace(/\+/g, ' ');
  for (let at = 0; at < plus.length; at++) {
    const c = plus[at];
    if (c === '%' && /^[0-9A-Fa-f]{2}$/.test(plus.slice(at + 1, at + 3))) {
      bytes.push(parseInt(plus.slice(at + 1, at + 3), 16));
      at += 2;
    } else {
      bytes.push(...new TextEncoder().encode(c));
    }
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

const kList = Symbol('list');
const kUrl = Symbol('url');

class URLSearchParams {
  constructor(init = '') {
    this[kList] = [];
    this[kUrl] = null;
    if (typeof init === 'object' && init !== null) {
      if (typeof init[Symbol.iterator] === 'function') {
        for (const pair of init) {
          const [name, value] = [...pair];
          this[kList].push([String(name), String(value)]);
        }
      } else {
        for (const name of Object.keys(init))
          this[kList].push([name, String(init[name])]);
      }
    } else {
      this._parse(String(init));
    }
  }

  _parse(text) {
    this[kList] = [];
    for (const piece of text.replace(/^\?/, '').split('&')) {
      if (piece === '')
        continue;
      const equals = piece.indexOf('=');
      const name = equals === -1 ? piece : piece.slice(0, equals);
      const value = equals === -1 ? '' : piece.slice(equals + 1);
      this[kList].push([formDecode(name), formDecode(value)]);
    }
  }

  _changed() {
    if (this[kUrl]) {
      const text = this.toString();
      this[kUrl]._parts.search = text ? `?${text}` : '';
    }
  }

  get size() { return this[kList].length; }
  append(name, value) { this[kList].push([String(name), String(value)]); this._changed(); }
  delete(name, value) {
    this[kList] = this[kList].filter(([n, v]) => !(n === String(name) && (value === undefined || v === String(value))));
    this._changed();
  }
  get(name) { const found = this[kList].find(([n]) => n === String(name)); return found ? found[1] : null; }
  getAll(name) { return this[kList].filter(([n]) => n === String(name)).map(([, v]) => v); }
  has(name, value) { return this[kList].some(([n, v]) => n === String(name) && (value === undefined || v === String(value))); }
  set(name, value) {
    const key = String(name);
    const first = this[kList].findIndex(([n]) => n === key);
    if (first === -1) {
      this[kList].push([key, String(value)]);
    } else {
      this[kList][first][1] = String(value);
      this[kList] = this[kList].filter(([n], at) => n !== key || at === first);
    }
    this._changed();
  }
  sort() { this[kList].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)); this._changed(); }
  forEach(callback, thisArg) { for (const [name, value] of this[kList]) callback.call(thisArg, value, name, this); }
  keys() { return this[kList].map(([name]) => name)[Symbol.iterator](); }
  values() { return this[kList].map(([, value]) => value)[Symbol.iterator](); }
  entries() { return this[kList].map(([name, value]) => [name, value])[Symbol.iterator](); }
  [Symbol.iterator]() { return this.entries(); }
  toString() { return this[kList].map(([name, value]) => `${formEncode(name)}=${formEncode(value)}`).join('&'); }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    if (this[kList].length === 0)
      return 'URLSearchParams {}';
    const inner = this[kList].map(([name, value]) => `${inspect(name)} => ${inspect(value)}`).join(', ');
    return `URLSearchParams { ${inner} }`;
  }
}

// ---- URL

class URL {
  constructor(input, base) {
    if (arguments.length === 0)
      throw require('internal/errors').missingArgsError('url');
    try {
      const baseParts = base === undefined ? undefined : (base instanceof URL ? base._parts : new URL(base)._parts);
      this._parts = parse(input, baseParts);
    } catch (error) {
      // Node's error names what was given: the input, and the base when there was one.
      if (error?.code === 'ERR_INVALID_URL' && base !== undefined)
        Object.assign(error, { input: String(input), base: String(base) });
      throw error;
    }
    this._searchParams = new URLSearchParams(this._parts.search);
    this._searchParams[kUrl] = this;
  }

  static canParse(input, base) {
    try {
      new URL(input, base);
      return true;
    } catch {
      return false;
    }
  }

  get protocol() { return this._parts.protocol; }
  get username() { return this._parts.username; }
  get password() { return this._parts.password; }
  get hostname() { return this._parts.hostname; }
  get port() { return this._parts.port; }
  get host() { return this._parts.port ? `${this._parts.hostname}:${this._parts.port}` : this._parts.hostname; }
  get origin() {
    return this._parts.protocol in specialPorts && this._parts.protocol !== 'file:' ? `${this._parts.protocol}//${this.host}` : 'null';
  }
  get pathname() { return this._parts.pathname; }
  get search() { return this._parts.search; }
  set search(value) {
    const text = String(value).replace(/^\?/, '');
    this._parts.search = text ? `?${encodeSet(text, this._parts.protocol in specialPorts ? specialQuerySet : querySet)}` : '';
    this._searchParams._parse(this._parts.search);
  }
  get searchParams() { return this._searchParams; }
  get hash() { return this._parts.hash; }
  set hash(value) {
    const text = String(value).replace(/^#/, '');
    this._parts.hash = text ? `#${encodeSet(text, fragmentSet)}` : '';
  }
  set pathname(value) {
    this._parts.pathname = '/' + removeDotSegments(String(value).replace(/^\//, '').split('/')).map((s) => encodeSet(s, pathSet)).join('/');
  }
  get href() {
    const p = this._parts;
    const hasAuthority = p.protocol in specialPorts || p.hostname !== '';
    const credentials = p.username || p.password ? `${p.username}${p.password ? `:${p.password}` : ''}@` : '';
    return `${p.protocol}${hasAuthority ? `//${credentials}${this.host}` : ''}${p.pathname}${p.search}${p.hash}`;
  }
  toString() { return this.href; }
  toJSON() { return this.href; }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    const shown = {
      href: this.href, origin: this.origin, protocol: this.protocol, username: this.username, password: this.password,
      host: this.host, hostname: this.hostname, port: this.port, pathname: this.pathname, search: this.search,
      searchParams: this.searchParams, hash: this.hash,
    };
    return `URL ${inspect(shown, { ...options, depth: options.depth === null ? null : options.depth })}`;
  }
}

function fileURLToPath(url) {
  const parsed = typeof url === 'string' ? new URL(url) : url;
  if (parsed.protocol !== 'file:') {
    const error = new TypeError('The URL must be of scheme file');
    error.code = 'ERR_INVALID_URL_SCHEME';
    throw error;
  }
  return decodeURIComponent(parsed.pathname);
}

function pathToFileURL(path) {
  const absolute = require('path').resolve(path);
  return new URL(`file://${encodeSet(absolute, pathSet)}`);
}

module.exports = { URL, URLSearchParams, fileURLToPath, pathToFileURL };
