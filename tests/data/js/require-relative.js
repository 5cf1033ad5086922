const math = require('./modules/math');
const { greet } = require('./modules/greet.js');
const data = require('./modules/data.json');
console.log(math.add(2, 3), math.name);
console.log(greet('world'));
console.log(data.items.length, data.title);
console.log(require('./modules/math') === math);
console.log(typeof module.exports, __filename.endsWith('require-relative.js'), __dirname.endsWith('js'));
