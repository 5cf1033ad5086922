exports.add = (a, b) => a + b;
exports.name = 'math';
