const a = require('./cycle-a');
exports.sawA = a.done;
