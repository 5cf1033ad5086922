// A program that only looks at process.stdin (here /dev/null: a file stream) still ends:
// stdin is paused until something reads it. Then one chunk is read and the stream paused.
console.log(process.stdin.constructor.name, process.stdin.fd, process.stdin.readableFlowing);
setTimeout(() => {
  console.log('still running at 20 ms');
  process.stdin.once('data', (chunk) => console.log('data', chunk.length));
  process.stdin.once('end', () => {
    console.log('end of /dev/null');
    process.stdin.pause();
    setTimeout(() => console.log('paused; the loop ends after this timer'), 5);
  });
}, 20);
