// require('stream/consumers'): a readable stream (any async iterable of chunks) read whole
// into one value.
//
// Ported from Node.js v20 (lib/stream/consumers.js).
// Copyright Node.js contributors. MIT licence: see the notice in util.js.
'use strict';

const { Buffer, Blob } = require('buffer');

async function blob(stream) {
  const chunks = [];
  for await (const chunk of stream)
    chunks.push(chunk);
  return new Blob(chunks);
}

async function arrayBuffer(stream) {
  const whole = await blob(stream);
  return whole.arrayBuffer();
}

async function buffer(stream) {
  return Buffer.from(await arrayBuffer(stream));
}

async function text(stream) {
  const decoder = new TextDecoder();
  let string = '';
  for await (const chunk of stream) {
    if (typeof chunk === 'string')
      string += chunk;
    else
      string += decoder.decode(chunk, { stream: true });
  }
  string += decoder.decode(undefined, { stream: false });
  return string;
}

async function json(stream) {
  return JSON.parse(await text(stream));
}

module.exports = { arrayBuffer, blob, buffer, text, json };
