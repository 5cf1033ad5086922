// require('diagnostics_channel'): named channels that publish messages to their subscribers
// synchronously, and tracing channels (five channels for a traced call's start, end,
// asynchronous start and end, and error), as Node 20's. As in Node, a channel is a Channel
// until it has a subscriber or a bound store, then an ActiveChannel (the prototype changes),
// and a subscriber's throw is the program's uncaught exception on a later tick.
'use strict';

const { codes } = require('internal/errors');

// Node keeps its internal maps as SafeMaps, and util.inspect names them so.
class SafeMap extends Map {}

function validateFunction(value, name) {
  if (typeof value !== 'function')
    throw codes.ERR_INVALID_ARG_TYPE(name, 'function', value);
}

function rethrowLater(error) {
  process.nextTick(() => { throw error; });
}

const defaultTransform = (data) => data;

// `next` run inside store.run(transform(data)); a transform that throws is the program's
// uncaught exception later, and `next` runs outside the store.
function wrapStoreRun(store, data, next, transform = defaultTransform) {
  return () => {
    let newStore;
    try {
      newStore = transform(data);
    } catch (error) {
      rethrowLater(error);
      return next();
    }
    return store.run(newStore, next);
  };
}

function markInactiveWhenUnused(channel) {
  if (channel._subscribers.length === 0 && channel._stores.size === 0) {
    Object.setPrototypeOf(channel, Channel.prototype);
    channel._subscribers = undefined;
    channel._stores = undefined;
  }
}

class ActiveChannel {
  subscribe(subscription) {
    validateFunction(subscription, 'subscription');
    this._subscribers = [...this._subscribers, subscription];
  }

  unsubscribe(subscription) {
    const index = this._subscribers.indexOf(subscription);
    if (index === -1)
      return false;
    this._subscribers = [...this._subscribers.slice(0, index), ...this._subscribers.slice(index + 1)];
    markInactiveWhenUnused(this);
    return true;
  }

  bindStore(store, transform) {
    const replacing = this._stores.has(store);
    this._stores.set(store, transform);
    if (!replacing)
      store._enable?.();
  }

  unbindStore(store) {
    if (!this._stores.has(store))
      return false;
    this._stores.delete(store);
    markInactiveWhenUnused(this);
    return true;
  }

  get hasSubscribers() {
    return true;
  }

  isBoundToStore(store) {
    return this._stores.has(store);
  }

  publish(data) {
    for (let i = 0; i < (this._subscribers?.length || 0); i++) {
      try {
        this._subscribers[i](data, this.name);
      } catch (error) {
        rethrowLater(error);
      }
    }
  }

  runStores(data, fn, thisArg, ...args) {
    let run = () => {
      this.publish(data);
      return Reflect.apply(fn, thisArg, args);
    };
    for (const [store, transform] of this._stores.entries())
      run = wrapStoreRun(store, data, run, transform);
    return run();
  }
}

class Channel {
  constructor(name) {
    this._subscribers = undefined;
    this._stores = undefined;
    this.name = name;
  }

  static [Symbol.hasInstance](instance) {
    const prototype = Object.getPrototypeOf(instance ?? {});
    return prototype === Channel.prototype || prototype === ActiveChannel.prototype;
  }

  #activate() {
    Object.setPrototypeOf(this, ActiveChannel.prototype);
    this._subscribers = [];
    this._stores = new SafeMap();
  }

  subscribe(subscription) {
    this.#activate();
    this.subscribe(subscription);
  }

  unsubscribe() {
    return false;
  }

  bindStore(store, transform) {
    this.#activate();
    this.bindStore(store, transform);
  }

  unbindStore() {
    return false;
  }

  get hasSubscribers() {
    return false;
  }

  isBoundToStore() {
    return false;
  }

  publish() {}

  runStores(data, fn, thisArg, ...args) {
    return Reflect.apply(fn, thisArg, args);
  }
}

// A channel lives while the program holds it (Node keeps them weakly); loopscope keeps each.
const channels = new SafeMap();

function channel(name) {
  const existing = channels.get(name);
  if (existing !== undefined)
    return existing;
  if (typeof name !== 'string' && typeof name !== 'symbol')
    throw codes.ERR_INVALID_ARG_TYPE('channel', ['string', 'symbol'], name);
  const made = new Channel(name);
  channels.set(name, made);
  return made;
}

function subscribe(name, subscription) {
  return channel(name).subscribe(subscription);
}

function unsubscribe(name, subscription) {
  return channel(name).unsubscribe(subscription);
}

function hasSubscribers(name) {
  const existing = channels.get(name);
  return existing !== undefined && existing.hasSubscribers;
}

const traceEvents = ['start', 'end', 'asyncStart', 'asyncEnd', 'error'];

class TracingChannel {
  constructor(nameOrChannels) {
    for (const eventName of traceEvents) {
      let eventChannel;
      if (typeof nameOrChannels === 'string') {
        eventChannel = channel(`tracing:${nameOrChannels}:${eventName}`);
      } else if (nameOrChannels !== null && typeof nameOrChannels === 'object') {
        eventChannel = nameOrChannels[eventName];
        if (!(eventChannel instanceof Channel))
          throw codes.ERR_INVALID_ARG_TYPE(`nameOrChannels.${eventName}`, 'Channel', eventChannel);
      } else {
        throw codes.ERR_INVALID_ARG_TYPE('nameOrChannels', ['string', 'object', 'TracingChannel'], nameOrChannels);
      }
      Object.defineProperty(this, eventName, { value: eventChannel, enumerable: false });
    }
  }

  get hasSubscribers() {
    return traceEvents.some((eventName) => this[eventName].hasSubscribers);
  }

  subscribe(handlers) {
    for (const eventName of traceEvents) {
      if (handlers[eventName])
        this[eventName].subscribe(handlers[eventName]);
    }
  }

  unsubscribe(handlers) {
    let done = true;
    for (const eventName of traceEvents) {
      if (handlers[eventName] && !this[eventName].unsubscribe(handlers[eventName]))
        done = false;
    }
    return done;
  }

  traceSync(fn, context = {}, thisArg, ...args) {
    if (!this.hasSubscribers)
      return Reflect.apply(fn, thisArg, args);
    const { start, end, error } = this;
    return start.runStores(context, () => {
      try {
        const result = Reflect.apply(fn, thisArg, args);
        context.result = result;
        return result;
      } catch (thrown) {
        context.error = thrown;
        error.publish(context);
        throw thrown;
      } finally {
        end.publish(context);
      }
    });
  }

  tracePromise(fn, context = {}, thisArg, ...args) {
    if (!this.hasSubscribers)
      return Reflect.apply(fn, thisArg, args);
    const { start, end, asyncStart, asyncEnd, error } = this;
    function reject(reason) {
      context.error = reason;
      error.publish(context);
      asyncStart.publish(context);
      asyncEnd.publish(context);
      return Promise.reject(reason);
    }
    function resolve(result) {
      context.result = result;
      asyncStart.publish(context);
      asyncEnd.publish(context);
      return result;
    }
    return start.runStores(context, () => {
      try {
        let promise = Reflect.apply(fn, thisArg, args);
        if (!(promise instanceof Promise))
          promise = Promise.resolve(promise);
        return promise.then(resolve, reject);
      } catch (thrown) {
        context.error = thrown;
        error.publish(context);
        throw thrown;
      } finally {
        end.publish(context);
      }
    });
  }

  traceCallback(fn, position = -1, context = {}, thisArg, ...args) {
    if (!this.hasSubscribers)
      return Reflect.apply(fn, thisArg, args);
    const { start, end, asyncStart, asyncEnd, error } = this;
    const callback = args.at(position);
    validateFunction(callback, 'callback');
    function wrappedCallback(failure, result) {
      if (failure) {
        context.error = failure;
        error.publish(context);
      } else {
        context.result = result;
      }
      asyncStart.runStores(context, () => {
        try {
          return Reflect.apply(callback, this, arguments);
        } finally {
          asyncEnd.publish(context);
        }
      });
    }
    args.splice(position, 1, wrappedCallback);
    return start.runStores(context, () => {
      try {
        return Reflect.apply(fn, thisArg, args);
      } catch (thrown) {
        context.error = thrown;
        error.publish(context);
        throw thrown;
      } finally {
        end.publish(context);
      }
    });
  }
}

function tracingChannel(nameOrChannels) {
  return new TracingChannel(nameOrChannels);
}

module.exports = { channel, hasSubscribers, subscribe, tracingChannel, unsubscribe, Channel };
