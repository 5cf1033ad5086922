// Node 20's fetch (undici's) for loopback servers: fetch, Headers, Request, Response.
// A request goes out with the headers undici sends, in its order; redirects are
// followed; the body arrives whole (text, json, arrayBuffer). Outside 127.0.0.1 /
// localhost / ::1 a fetch fails as a refused connect does, with a clear cause.
'use strict';

const natives = require('internal:binding');
const { Buffer } = require('buffer');
const { Blob, File, blobBytes } = require('internal/blob');
const { FormData, multipartBody } = require('internal/form_data');

const loopbackHosts = ['127.0.0.1', 'localhost', '[::1]'];
const redirectStatuses = [301, 302, 303, 307, 308];
// The ports the Fetch standard blocks.
const badPorts = new Set([1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102,
  103, 104, 109, 110, 111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515, 526,
  530, 531, 532, 540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993, 995, 1719, 1720, 1723, 2049, 3659, 4045, 5060,
  5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6697, 10080]);
const kBody = Symbol('body');

function headerName(name) {
  const text = `${name}`;
  if (!/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(text))
    throw new TypeError(`Headers.append: "${text}" is an invalid header name.`);
  return text.toLowerCase();
}

class Headers {
  constructor(init) {
    this[kBody] = new Map();
    if (init === undefined || init === null)
      return;
    const pairs = init instanceof Headers ? [...init]
      : typeof init[Symbol.iterator] === 'function' ? [...init] : Object.entries(init);
    for (const [name, value] of pairs)
      this.append(name, value);
  }

  append(name, value) {
    const key = headerName(name);
    const text = `${value}`.trim();
    const current = this[kBody].get(key);
    this[kBody].set(key, current === undefined ? text : `${current}, ${text}`);
  }

  set(name, value) { this[kBody].set(headerName(name), `${value}`.trim()); }
  get(name) { return this[kBody].get(headerName(name)) ?? null; }
  has(name) { return this[kBody].has(headerName(name)); }
  delete(name) { this[kBody].delete(headerName(name)); }

  forEach(callback, thisArg) {
    for (const [name, value] of this)
      callback.call(thisArg, value, name, this);
  }

  *entries() { yield* [...this[kBody]].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)); }
  *keys() { for (const [name] of this.entries()) yield name; }
  *values() { for (const [, value] of this.entries()) yield value; }
  [Symbol.iterator]() { return this.entries(); }
  get [Symbol.toStringTag]() { return 'Headers'; }
}

function bodyBytes(body, headers) {
  if (body === undefined || body === null)
    return null;
  if (typeof body === 'string') {
    if (!headers.has('content-type'))
      headers.set('content-type', 'text/plain;charset=UTF-8');
    return Buffer.from(body);
  }
  if (body instanceof URLSearchParams) {
    if (!headers.has('content-type'))
      headers.set('content-type', 'application/x-www-form-urlencoded;charset=UTF-8');
    return Buffer.from(body.toString());
  }
  if (body instanceof FormData) {
    const { parts, type } = multipartBody(body);
    if (!headers.has('content-type'))
      headers.set('content-type', type);
    return Buffer.concat(parts);
  }
  if (body instanceof Blob) {
    if (body.type && !headers.has('content-type'))
      headers.set('content-type', body.type);
    return Buffer.from(blobBytes(body));
  }
  if (body instanceof ArrayBuffer)
    return Buffer.from(body);
  if (ArrayBuffer.isView(body))
    return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  return bodyBytes(`${body}`, headers);
}

class Body {
  get bodyUsed() { return this[kBody].used; }

  async arrayBuffer() {
    const bytes = this._consume();
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  }

  async text() { return this._consume().toString('utf8'); }
  async json() { return JSON.parse(this._consume().toString('utf8')); }

  async blob() {
    return new Blob([this._consume()], { type: this.headers.get('content-type') ?? '' });
  }

  async formData() {
    const type = this.headers.get('content-type') ?? '';
    const bytes = this._consume();
    const boundary = /^multipart\/form-data\s*;(?:.*;)?\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(type);
    if (boundary)
      return parseMultipart(bytes, boundary[1] ?? boundary[2]);
    if (/^application\/x-www-form-urlencoded/i.test(type)) {
      const formData = new FormData();
      for (const [name, value] of new URLSearchParams(bytes.toString('utf8')))
        formData.append(name, value);
      return formData;
    }
    throw new TypeError('Content-Type was not one of "multipart/form-data" or "application/x-www-form-urlencoded".');
  }

  _consume() {
    if (this[kBody].used)
      throw new TypeError('Body is unusable: Body has already been read');
    this[kBody].used = true;
    return this[kBody].bytes || Buffer.alloc(0);
  }
}

// undici's multipart/form-data parser, for the bodies fetch and FormData make: each part's
// name (and file name, with the quote and line breaks undici escapes decoded), a file part as
// a File of its Content-Type, any other as text.
function parseMultipart(bytes, boundary) {
  const formData = new FormData();
  const delimiter = Buffer.from(`--${boundary}`);
  const unescape = (text) => text.replace(/%0A/gi, '\n').replace(/%0D/gi, '\r').replace(/%22/g, '"');
  let position = bytes.indexOf(delimiter);
  while (position !== -1) {
    const partStart = position + delimiter.length;
    if (bytes.toString('latin1', partStart, partStart + 2) === '--')
      break;
    const headersEnd = bytes.indexOf('\r\n\r\n', partStart);
    const next = bytes.indexOf(delimiter, headersEnd);
    if (headersEnd === -1 || next === -1)
      throw new TypeError('Failed to parse body as FormData.');
    const head = bytes.toString('utf8', partStart + 2, headersEnd);
    const content = bytes.subarray(headersEnd + 4, next - 2);
    const disposition = /content-disposition:\s*form-data((?:;[^\r\n]*)?)/i.exec(head);
    const name = disposition && /;\s*name="([^"]*)"/i.exec(disposition[1]);
    if (!name)
      throw new TypeError('Failed to parse body as FormData.');
    const filename = /;\s*filename="([^"]*)"/i.exec(disposition[1]);
    if (filename) {
      const contentType = /(?:^|\r\n)content-type:\s*([^\r\n]*)/i.exec(head);
      formData.append(unescape(name[1]), new File([content], unescape(filename[1]),
                                                  { type: contentType ? contentType[1].trim() : '' }));
    } else {
      formData.append(unescape(name[1]), content.toString('utf8'));
    }
    position = next;
  }
  return formData;
}

class Request extends Body {
  constructor(input, init = {}) {
    super();
    const source = input instanceof Request ? input : undefined;
    let url;
    try {
      url = new URL(source ? source.url : `${input}`);
    } catch (cause) {
      throw Object.assign(new TypeError(`Failed to parse URL from ${input}`), { cause });
    }
    this.url = url.href;
    this.method = `${init.method || (source && source.method) || 'GET'}`.toUpperCase();
    this.headers = new Headers(init.headers || (source && source.headers));
    this.redirect = init.redirect || 'follow';
    this[kBody] = { bytes: init.body !== undefined ? bodyBytes(init.body, this.headers) : source && source[kBody].bytes, used: false };
  }

  get [Symbol.toStringTag]() { return 'Request'; }
}

class Response extends Body {
  constructor(body = null, init = {}) {
    super();
    this.status = init.status ?? 200;
    this.statusText = init.statusText ?? '';
    this.headers = new Headers(init.headers);
    this.type = 'default';
    this.url = '';
    this.redirected = false;
    this[kBody] = { bytes: bodyBytes(body, this.headers), used: false };
  }

  get ok() { return this.status >= 200 && this.status <= 299; }

  static json(data, init = {}) {
    const headers = new Headers(init.headers);
    if (!headers.has('content-type'))
      headers.set('content-type', 'application/json');
    return new Response(JSON.stringify(data), { ...init, headers });
  }

  static error() {
    const response = new Response(null, { status: 0 });
    response.type = 'error';
    return response;
  }

  get [Symbol.toStringTag]() { return 'Response'; }
}

function fetchFailed(cause) {
  return Object.assign(new TypeError('fetch failed'), { cause });
}

// The request as undici writes it: host and connection first, the program's headers, then
// undici's defaults, the length last.
function requestBytes(url, method, headers, body) {
  const lines = [`${method} ${url.pathname}${url.search} HTTP/1.1`, `host: ${url.host}`, 'connection: keep-alive'];
  for (const [name, value] of headers[kBody])
    lines.push(`${name}: ${value}`);
  const defaults = [['accept', '*/*'], ['accept-language', '*'], ['sec-fetch-mode', 'cors'], ['user-agent', 'node'],
    ['accept-encoding', 'gzip, deflate']];
  for (const [name, value] of defaults) {
    if (!headers.has(name))
      lines.push(`${name}: ${value}`);
  }
  if (body)
    lines.push(`content-length: ${body.length}`);
  const head = Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1');
  return body ? Buffer.concat([head, body]) : head;
}

function exchange(url, method, headers, body) {
  return new Promise((resolve, reject) => {
    if (badPorts.has(Number(url.port)))
      return reject(fetchFailed(new Error('bad port')));
    if (url.protocol !== 'http:' || !loopbackHosts.includes(url.hostname)) {
      const error = new Error(`connect EACCES ${url.host} (loopscope connects to 127.0.0.1 only)`);
      error.code = 'EACCES';
      error.syscall = 'connect';
      return reject(fetchFailed(error));
    }
    natives.httpRequest(Number(url.port || 80), requestBytes(url, method, headers, body), `fetch ${method} ${url.pathname}`,
      (error, status, statusText, version, rawHeaders, responseBody) => {
        if (error)
          return reject(fetchFailed(error));
        const response = new Response(null, { status, statusText });
        for (let i = 0; i < rawHeaders.length; i += 2)
          response.headers.append(rawHeaders[i], rawHeaders[i + 1]);
        let bytes = Buffer.from(responseBody);
        const encoding = response.headers.get('content-encoding');
        if (encoding === 'gzip' || encoding === 'deflate') {
          const zlib = require('zlib');
          bytes = encoding === 'gzip' ? zlib.gunzipSync(bytes) : zlib.inflateSync(bytes);
        }
        response[kBody] = { bytes, used: false };
        response.type = 'basic';
        response.url = url.href;
        resolve(response);
      });
  });
}

async function fetch(input, init = {}) {
  const request = new Request(input, init);
  let url = new URL(request.url);
  let { method } = request;
  let body = request[kBody].bytes;
  for (let redirects = 0; ; redirects++) {
    const response = await exchange(url, method, request.headers, body);
    const location = response.headers.get('location');
    if (!redirectStatuses.includes(response.status) || location === null || request.redirect === 'manual')
      return Object.assign(response, { redirected: redirects > 0 });
    if (request.redirect === 'error')
      throw fetchFailed(new TypeError('unexpected redirect'));
    if (redirects === 20)
      throw fetchFailed(new TypeError('redirect count exceeded'));
    if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === 'POST')) {
      method = 'GET';
      body = null;
      request.headers.delete('content-type');
    }
    url = new URL(location, url);
  }
}

module.exports = { fetch, Headers, Request, Response, FormData };
