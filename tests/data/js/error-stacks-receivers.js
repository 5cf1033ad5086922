// A method's frame names its receiver as V8 does: the class of an instance, the class of a
// static method, Object for an object literal's function (with [as key] when it has another
// name), new for a constructor; and a callback that a built-in
// called shows the built-in (Array.map, Array.forEach, String.replace, new Promise).
const relative = (text) => text.split(__dirname).join('.');
const top = (error, count = 2) => console.log(relative(error.stack.split('\n').slice(0, count + 1).join('\n')));

class Shape {
  constructor(sides) {
    if (sides < 3)
      top(new RangeError(`${sides} sides`));
    this.sides = sides;
  }

  describe() {
    return this.check();
  }

  check() {
    return new Error(`checked ${this.sides}`);
  }

  static unit() {
    return new Error('unit');
  }
}

const tools = {
  measure(shape) {
    return shape.describe();
  },
  scale: function enlarge() {
    return new Error('scale');
  },
};

function helper() {
  return new Error('helper');
}

const holder = { helper };

top(new Shape(4).describe(), 3);
top(Shape.unit());
top(tools.measure(new Shape(6)), 4);
top(tools.scale());
top(holder.helper());
top(helper());
new Shape(2);
top([1].map((n) => new Error(`mapped ${n}`))[0], 3);
[1].forEach(function each() { top(new Error('each'), 3); });
'x'.replace(/x/, () => { top(new Error('replacer'), 3); return ''; });
new Promise(function executor(resolve) { top(new Error('executor'), 3); resolve(); });
