const fs = require('fs');
fs.readFile(__filename, 'utf8', (error, text) => console.log(error ? error.code : text.length));
