let n = 0;
const i = setInterval(() => {
  n++;
  console.log('interval', n, 'hasRef', i.hasRef());
  if (n === 2)
    i.unref();
}, 3);
process.on('exit', () => console.log('exit after', n, 'ticks'));
