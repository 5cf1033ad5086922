// process.stdin as a stream (piped: stdin-stream-events.stdin): paused until read, then
// 'readable' and read() with an encoding, 'end', 'close'; the loop ends once stdin has.
const stdin = process.stdin;
console.log('before reading:', stdin.readable, stdin.readableFlowing, stdin.isPaused());
stdin.setEncoding('utf8');
const chunks = [];
stdin.on('readable', () => {
  let chunk;
  while ((chunk = stdin.read()) !== null)
    chunks.push(chunk);
});
stdin.on('end', () => {
  const text = chunks.join('');
  console.log('end:', text.length, 'characters,', text.split('\n').length, 'lines');
  console.log('first line:', JSON.stringify(text.split('\n')[0]));
  console.log('words:', text.split(/\s+/).filter(Boolean).length);
  setTimeout(() => console.log('a timer after the end'), 5);
});
stdin.on('close', () => console.log('close'));
process.on('exit', (code) => console.log('exit', code));
