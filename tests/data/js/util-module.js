const util = require('util');
console.log(util.format('%s=%d', 'x', 5), util.inspect({ a: [1, { b: 2 }] }, { depth: 0 }), util.inspect('str'));
console.log(util.types.isPromise(Promise.resolve()), util.types.isDate(new Date()), util.types.isRegExp(/x/), util.isDeepStrictEqual([1], [1]));
const wait = util.promisify((ms, cb) => setTimeout(() => cb(null, ms * 2), ms));
wait(5).then((v) => console.log('promisified', v));
const failing = util.promisify((cb) => cb(new Error('nope')));
failing().catch((e) => console.log('rejected', e.message));
function Old() {} util.inherits(Old, require('events'));
console.log(typeof new Old().on, util.inspect(new Map([[{ k: 1 }, new Set([1])]]), { compact: false }));
