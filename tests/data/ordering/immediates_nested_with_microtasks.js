setImmediate(() => {
  console.log('immediate A');
  setImmediate(() => {
    console.log('immediate C from A');
    Promise.resolve().then(() => {
      console.log('promise from C');
    });
  });
  for (let i = 1; i <= 3; i++) {
    process.nextTick(() => {
      console.log(`tick ${i} from A`);
    });
  }
  Promise.resolve().then(() => {
    console.log('promise from A');
    setImmediate(() => {
      console.log('immediate D from promise from A');
    });
  });
});
setImmediate(() => {
  console.log('immediate B');
  process.nextTick(() => {
    console.log('tick from B');
  });
});
console.log('main end');
