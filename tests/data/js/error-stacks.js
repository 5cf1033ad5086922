// Errors printed with their stacks, as a program logs them: made at the top level, in a
// module while it loads, by an error class's constructor, in a timer and an immediate;
// and console.log of an error with extra properties and a cause. Paths print relative.
const { ValidationError, requireField, loadedWith } = require('./modules/validation');

const relative = (text) => text.split(__dirname).join('.');
const show = (label, error) => console.log(`-- ${label}\n${relative(error.stack)}`);

function parseAge(text) {
  const age = Number(text);
  if (Number.isNaN(age))
    throw new TypeError(`not a number: ${text}`);
  return age;
}

try {
  parseAge('ten');
} catch (error) {
  show('top level', error);
}
show('module load', loadedWith);
try {
  requireField({ name: 'Ada' }, 'email');
} catch (error) {
  show('error class', error);
  console.log(error instanceof ValidationError, error.field);
}

class HttpError extends Error {
  constructor(status) {
    super(`status ${status}`);
    this.status = status;
  }
}
class NotFound extends HttpError {
  constructor() {
    super(404);
    this.name = 'NotFound';
  }
}
function lookup() {
  return new NotFound();
}
show('subclass of a subclass', lookup());

const failure = new Error('request failed', { cause: new RangeError('port out of range') });
failure.code = 'E_REQUEST';
console.log(relative(require('util').inspect(failure)));

const withoutStack = new Error('quiet');
withoutStack.stack = undefined;
console.log(withoutStack, Object.keys(withoutStack));

setTimeout(function retry() {
  show('timer', new Error('retry failed'));
  setImmediate(() => {
    try {
      const settings = {};
      settings.server.port = 80;
    } catch (error) {
      console.log(error.message);
      show('immediate', error);
    }
  });
}, 1);
