const a = require('./modules/cycle-a');
console.log('main sees', a.done, a.fromB);
