const encoded = new TextEncoder().encode('€ and 😀');
console.log(encoded, encoded.length);
console.log(new TextDecoder().decode(encoded));
console.log(new TextDecoder('utf-16le').decode(new Uint8Array([104, 0, 105, 0])));
console.log(new TextDecoder().decode(new Uint8Array([0xe2, 0x82])), JSON.stringify(new TextDecoder().decode(new Uint8Array([0xc3]))));
console.log(atob(btoa('hello')), btoa('binary\u00ff'));
