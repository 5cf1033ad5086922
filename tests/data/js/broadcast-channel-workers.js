// A BroadcastChannel shared by the main thread and two workers: the main thread waits for
// both workers to be ready, broadcasts a job, collects the answers, then says goodbye.
const { Worker, BroadcastChannel, isMainThread, workerData } = require('worker_threads');

if (isMainThread) {
  const channel = new BroadcastChannel('jobs');
  console.log(channel.name, channel instanceof EventTarget);
  const ready = new Set();
  const answers = [];
  channel.onmessage = (event) => {
    const message = event.data;
    if (message.ready) {
      ready.add(message.ready);
      if (ready.size === 2)
        channel.postMessage({ job: [3, 4, 5] });
    } else if (message.answer) {
      answers.push(message.answer);
      if (answers.length === 2) {
        console.log(answers.sort());
        channel.postMessage('bye');
        channel.close();
        try {
          channel.postMessage('too late');
        } catch (error) {
          console.log(error.name, error.message);
        }
      }
    }
  };
  const codes = [];
  for (const name of ['w1', 'w2']) {
    new Worker(__filename, { workerData: name }).on('exit', (code) => {
      codes.push(code);
      if (codes.length === 2)
        console.log('both workers exited', codes);
    });
  }
} else {
  const channel = new BroadcastChannel('jobs');
  // An unref'd channel does not keep the worker running.
  new BroadcastChannel('unused').unref();
  channel.addEventListener('message', ({ data }) => {
    if (data === 'bye') {
      channel.close();
    } else if (data.job) {
      const sum = data.job.reduce((a, b) => a + b, 0) * (workerData === 'w1' ? 1 : 10);
      channel.postMessage({ answer: `${workerData}: ${sum}` });
    }
  });
  channel.postMessage({ ready: workerData });
}
