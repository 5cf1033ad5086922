// Engine errors whose V8 wording names something SpiderMonkey's leaves out (the class, the
// private field, the destructured property): what a program prints from `err.message` and
// from the first frame of `err.stack`.
const relative = (text) => text.split(__dirname).join('.');
function report(label, action, showFrame = true) {
  try {
    action();
    console.log(`${label}: no error`);
  } catch (error) {
    console.log(`${label}: ${error.message}`);
    if (showFrame)
      console.log(`  ${relative(error.stack.split('\n')[1].trim())}`);
  }
}

class Point {
  #x;
  constructor(x) { this.#x = x; }
  static xOf(point) { return point.#x; }
  static moveTo(point, x) { point.#x = x; }
}
const shapes = { Circle: class Circle {} };

report('call a class', () => Point(1));
report('call a class property', () => shapes.Circle());
report('read a private field', () => Point.xOf({ x: 1 }), false);
report('write a private field', () => Point.moveTo({}, 2), false);

function connect({ host, port }) { return `${host}:${port}`; }
function retry(options) {
  const { attempts = 3 } = options;
  return attempts;
}
report('destructure a missing argument', () => connect());
report('destructure an undefined variable', () => retry());
report('destructure undefined', () => { const { name } = undefined; return name; });
report('destructure null', () => { const { length } = null; return length; });

let pending;
const settings = {};
report('iterate undefined', () => { for (const item of pending) console.log(item); });
report('iterate a missing property', () => { for (const item of settings.items) console.log(item); });
report('array pattern of null', () => { const [first] = null; return first; });
report('Array.from null', () => Array.from(null), false);
report('Array.from undefined', () => Array.from(undefined), false);

report('read from a call result', () => { const find = () => undefined; return find().name; });
report('read deep', () => settings.server.port);
report('assign deep', () => { settings.server.port = 80; });
