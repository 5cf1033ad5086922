// JSON.stringify of a structure that refers back to itself: V8's message names the object the
// circle starts at and the keys that lead back (the first two and the last of a long path).
function show(label, make, replacer) {
  try {
    JSON.stringify(make(), replacer);
    console.log(label, 'no error');
  } catch (error) {
    console.log(`${label}: ${error.name}`);
    console.log(error.message);
  }
}

show('self', () => { const o = {}; o.self = o; return o; });
show('deep', () => {
  const o = { a: { b: { c: { d: { e: {} } } } } };
  o.a.b.c.d.e.back = o.a;
  return o;
});
show('array', () => { const a = [1, { x: [] }]; a[1].x.push(a); return { root: a }; });
show('class', () => {
  class ListNode { constructor() { this.next = null; } }
  const first = new ListNode();
  first.next = new ListNode();
  first.next.next = first;
  return [first];
});
show('request-like', () => {
  const socket = { name: 'socket' };
  const req = { url: '/', socket };
  socket.parser = { incoming: req };
  return { req };
});
show('replacer hides it', () => { const o = { keep: 1 }; o.loop = o; return o; }, ['keep']);
show('toJSON breaks it', () => { const o = { toJSON() { return { ok: true }; } }; o.me = o; return o; });
show('long path', () => {
  const root = { level1: { level2: { level3: { level4: [{}] } } } };
  root.level1.level2.level3.level4[0].up = root.level1.level2;
  return root;
});
