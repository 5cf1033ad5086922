console.log('ticking');
(function again() { process.nextTick(again); })();
