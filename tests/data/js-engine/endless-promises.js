// Each promise job queues the next: the microtask queue never empties.
function spin() {
  Promise.resolve().then(spin);
}
console.log('spinning');
spin();
