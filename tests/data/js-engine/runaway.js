console.log('spinning');
setTimeout(() => console.log('never: the loop never comes back'), 10);
for (;;) {}
