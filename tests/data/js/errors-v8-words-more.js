// More of the errors the engine raises, in V8's words (the stack's first line, what an uncaught
// error prints): frozen objects, weak collections, Reflect on a primitive, `in` on a string,
// instanceof, prototypes and calling what is not a function.
function show(run) {
  try {
    run();
  } catch (error) {
    console.log(String(error.stack).split('\n')[0]);
  }
}

show(() => Object.defineProperty(Object.freeze({}), 'added', { value: 1 }));
show(() => new WeakMap().set('key', 1));
show(() => new WeakSet().add(42));
show(() => Reflect.ownKeys(1));
show(() => Reflect.get('text', 'length'));
show(() => 'a' in 'abc');
show(() => ({}) instanceof 5);
show(() => Object.create(5));
show(() => [1, 2].map('double'));
