// require() of ES modules, as Node 20 allows: a .mjs file and a .js file found to be one
// by its syntax come back as their namespaces; one that awaits at its top level cannot
// be required, and one that throws while loading throws from require().
const namespace = require('./modules/esm-helper.mjs');
console.log(Object.keys(namespace).sort(), Object.prototype.toString.call(namespace));
const detected = require('./modules/detected-esm.js');
console.log(detected.answer, detected.default('require'), require('./modules/detected-esm.js') === detected);
try {
  require('./modules/awaits-at-top.mjs');
} catch (error) {
  console.log(error.code, error.message.split('\n')[0]);
}
try {
  require('./modules/throws-at-load.mjs');
} catch (error) {
  console.log(error.name, error.message);
}
import('./modules/detected-esm.js').then((again) => console.log('import() gives the same module:', again === detected));
