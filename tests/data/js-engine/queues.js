function tick() {
  console.log('tick');
}
setTimeout(tick, 10);
process.nextTick(function onTick() {});
Promise.resolve().then(() => {});
setImmediate(tick);
