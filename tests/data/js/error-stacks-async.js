// Errors thrown out of async functions and caught further up print V8's async frames: one
// "at async name" per async function awaiting the failed one, at its await, class methods
// named with their class; none for a function that was still running when the error was
// made (nor for main, which nothing awaits), and none past a promise that was returned
// rather than awaited. A timer's or a listener's async function is named after the object
// it was called on.
const EventEmitter = require('events');

const relative = (text) => text.split(__dirname).join('.');
const show = (label) => (error) => console.log(`-- ${label}\n${relative(error.stack)}`);

class Repository {
  async find(id) {
    await null;
    if (id > 1)
      throw new Error(`no record ${id}`);
    return { id };
  }
}

class Service {
  constructor() {
    this.repository = new Repository();
  }

  async load(id) {
    const record = await this.repository.find(id);
    return record;
  }
}

async function handle(id) {
  try {
    return await new Service().load(id);
  } catch (error) {
    show('caught in the awaiting function')(error);
  }
}

async function readConfig() {
  await Promise.resolve();
  return JSON.parse('{"port": 80,}');
}

async function start() {
  const config = await readConfig();
  return config;
}

async function failsAtOnce() {
  throw new RangeError('before any await');
}

async function awaitsIt() {
  await null;
  await failsAtOnce();
}

async function outer() {
  await awaitsIt();
}

async function recurse(depth) {
  await null;
  if (depth === 0)
    throw new Error('bottom');
  return recurse(depth - 1);
}

async function main() {
  await handle(2);
  await start().catch(show('JSON.parse in an async function'));
  await outer().catch(show('thrown by a function it called'));
  await recurse(2).catch(show('returned, not awaited'));
  const early = async () => { throw new Error('nothing awaits main'); };
  await early().catch(show('thrown where main runs'));
  await new Promise((resolve) => {
    setTimeout(async function retry() {
      try {
        await handleOrThrow(3);
      } catch (error) {
        show('in a timer')(error);
      }
      resolve();
    }, 1);
  });
  const jobs = new Jobs();
  jobs.on('job', async (id) => {
    try {
      await handleOrThrow(id);
    } catch (error) {
      show('in a listener')(error);
    }
  });
  jobs.emit('job', 4);
  await parseLocally('{"retries": }');
}

// Made and read in the same microtask: the frames of what awaits it at that moment.
async function parseLocally(text) {
  await null;
  try {
    return JSON.parse(text);
  } catch (error) {
    show('caught where it was made')(error);
    return undefined;
  }
}

class Jobs extends EventEmitter {}

async function handleOrThrow(id) {
  const found = await new Repository().find(id);
  return found;
}

main();
