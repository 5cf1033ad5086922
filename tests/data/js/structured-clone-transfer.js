// Transferring an ArrayBuffer (structuredClone's transfer option, a port's transfer list):
// its memory moves to the clone and the sender's buffer and views are left empty.
const buf = new ArrayBuffer(8); const view = new Uint8Array(buf); view[0] = 7;
const c = structuredClone({ buf }, { transfer: [buf] });
console.log(buf.byteLength, view.length, c.buf.byteLength, new Uint8Array(c.buf)[0], buf.detached);
try { structuredClone(buf, { transfer: [buf] }); } catch (e) { console.log(e.name, e.message); }
const { port1, port2 } = new MessageChannel(); const b2 = new ArrayBuffer(4);
port2.on('message', (m) => { console.log('got', m.byteLength, 'sender', b2.byteLength); port2.close(); });
port1.postMessage(b2, [b2]);
