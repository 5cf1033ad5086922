// A failed fs call's error printed as programs print it: the error made by the runtime
// carries no JavaScript frames, so Node shows its header alone.
const fs = require('fs');
fs.readFile('/nonexistent/file.txt', (err) => {
  console.log(err);
  console.log([err.stack]);
  fs.stat('/nonexistent', (statError) => {
    console.log(`${statError}`);
    console.error('not on stdout');
    console.log({ wrapped: statError });
  });
});
