// Prints its arguments and exits with the code its first one names.
console.log('child args', process.argv.slice(2).join(' '));
console.log('child has send', typeof process.send);
process.exitCode = Number(process.argv[2] || 0);
